"""Edits of bricks: change one, create one (from scratch or as a copy), rename its id, remove it.

Each returns the plan of the save; nothing is written here. A renamed brick takes the scenarios
shipped in the folder along (their placements name the new id); the scenarios saved in the
database cannot change with a file, so the plan names them for the pilot. A brick that any
scenario still uses cannot be removed.
"""

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import TypeAdapter, ValidationError

from tpt_model.catalogue.types import Id
from tpt_model.catalogue_edit.draft import brick_path
from tpt_model.catalogue_edit.plan import EditPlan, FileChange, Snapshot, snapshot
from tpt_model.errors import InputError, YamlFileError
from tpt_model.i18n import _
from tpt_model.yamlio.reader import parse_text
from tpt_model.yamlio.roundtrip import rewrite

SCENARIOS = "scenarios"
_ID: TypeAdapter[str] = TypeAdapter(Id)


def stem(path: str) -> str:
    """The brick id a brick file's name gives (« bricks/mentorat.yaml » → « mentorat »)."""
    return PurePosixPath(path).stem


def _scenario_data(shot: Snapshot) -> Any:
    """What a scenario file holds, or None when it cannot be read (its own problems say why)."""
    if shot.text is None:
        return None
    try:
        return parse_text(shot.text, shot.path).data
    except YamlFileError:
        return None


def _placements(data: Any) -> list[Any]:
    placements = data.get("placements") if isinstance(data, dict) else None
    return placements if isinstance(placements, list) else []


def _names(data: Any, brick_id: str) -> bool:
    return any(isinstance(p, dict) and p.get("brick") == brick_id for p in _placements(data))


def shipped_users(root: Path, brick_id: str) -> list[Snapshot]:
    """The scenario files of the folder whose placements name the brick."""
    found = []
    for path in sorted((root / SCENARIOS).glob("*.yaml")):
        try:
            shot = snapshot(root, f"{SCENARIOS}/{path.name}")
        except YamlFileError:
            continue
        if _names(_scenario_data(shot), brick_id):
            found.append(shot)
    return found


def _renamed_in(shot: Snapshot, old_id: str, new_id: str) -> FileChange:
    data = _scenario_data(shot)
    assert shot.text is not None and isinstance(data, dict)
    full = {
        **data,
        "placements": [
            {**p, "brick": new_id} if isinstance(p, dict) and p.get("brick") == old_id else p
            for p in _placements(data)
        ],
    }
    return FileChange(shot, rewrite(shot.text, data, full, full))


def _scenario_names(names: Iterable[str]) -> str:
    return ", ".join(_("« {name} »").format(name=name) for name in names)


def modify_brick(root: Path, opened: Snapshot, new_id: str, text: str, saved_users: list[str]) -> EditPlan:
    """Save a brick's new `text`; a new id renames its file and the shipped scenarios that place it.

    `opened` is the file as the editor opened it, `saved_users` the names of the database's
    scenarios that place the brick (they are named to the pilot, not changed).
    """
    old_id = stem(opened.path)
    if new_id == old_id:
        summary = _("Modification de la brique « {id} »").format(id=old_id)
        return EditPlan("modification", summary, (FileChange(opened, text),))
    target = _free_file(root, new_id)
    changes = [FileChange(target, text)]
    changes += [_renamed_in(shot, old_id, new_id) for shot in shipped_users(root, old_id)]
    changes.append(FileChange(opened, None))
    notes = []
    if saved_users:
        notes.append(
            _(
                "Ces scénarios enregistrés placent « {old} » : {names}. Après l'enregistrement, leur frise "
                "signalera une brique absente du catalogue : remplacez-la par « {new} »."
            ).format(old=old_id, names=_scenario_names(saved_users), new=new_id)
        )
    summary = _("Renommage de la brique « {old} » en « {new} »").format(old=old_id, new=new_id)
    return EditPlan("renommage", summary, tuple(changes), tuple(notes))


def _free_file(root: Path, brick_id: str) -> Snapshot:
    try:
        _ID.validate_python(brick_id)
    except ValidationError:
        # Never a file such as « bricks/.yaml », which the loader would not even see.
        raise InputError(
            _(
                "identifiant « {id} » invalide : minuscules, chiffres et tirets (ex. « mentorat-en-ligne »)"
            ).format(id=brick_id)
        ) from None
    target = snapshot(root, brick_path(brick_id))
    if target.text is not None:
        raise InputError(
            _("Le fichier {file} existe déjà : choisissez un autre identifiant.").format(
                file=brick_path(brick_id)
            )
        )
    return target


def create_brick(root: Path, new_id: str, text: str, copy_of: str | None = None) -> EditPlan:
    """A new brick file (from scratch, or a copy of the brick `copy_of`)."""
    if copy_of:
        summary = _("Création de la brique « {id} » (copie de « {original} »)").format(
            id=new_id, original=copy_of
        )
    else:
        summary = _("Création de la brique « {id} »").format(id=new_id)
    return EditPlan("création", summary, (FileChange(_free_file(root, new_id), text),))


def remove_brick(root: Path, opened: Snapshot, saved_users: list[str]) -> EditPlan:
    """Remove a brick's file, when no scenario (shipped or saved) places it; InputError otherwise."""
    brick_id = stem(opened.path)
    shipped = [stem(shot.path) for shot in shipped_users(root, brick_id)]
    if shipped or saved_users:
        names = _scenario_names([*shipped, *saved_users])
        raise InputError(
            _(
                "La brique « {id} » est placée dans ces scénarios : {names}. Retirez-la d'abord de leur "
                "frise : seule une brique qu'aucun scénario n'utilise peut être supprimée."
            ).format(id=brick_id, names=names)
        )
    summary = _("Suppression de la brique « {id} »").format(id=brick_id)
    return EditPlan("suppression", summary, (FileChange(opened, None),))
