"""The catalogue editor behind the catalogue page: what is open, the draft, and saving it.

A file is opened as it is on disk (its snapshot: text and content hash); the pilot edits a draft
(the brick's data in the form, or the file's text); the save checks that the file is unchanged
on disk, that the catalogue stays valid, writes atomically, commits when git is on, and notes the
save in the journal. Refusals keep the pilot's work: nothing she typed is lost.
"""

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue_edit.bricks import create_brick, modify_brick, remove_brick, stem
from tpt_model.catalogue_edit.checking import draft_text
from tpt_model.catalogue_edit.draft import BrickData, blank_data, brick_path, copy_data, full_data
from tpt_model.catalogue_edit.git import GitError, commit, work_tree
from tpt_model.catalogue_edit.plan import EditPlan, Snapshot, snapshot, text_change
from tpt_model.catalogue_edit.saving import EditConflictError, EditRefusedError, save_plan
from tpt_model.errors import InputError, YamlFileError
from tpt_model.i18n import _, mark_, n_
from tpt_model.session.pilot import Pilot
from tpt_model.settings import Settings
from tpt_model.store.catalogue_edits import CatalogueEditStore
from tpt_model.store.errors import StoreError
from tpt_model.yamlio.reader import parse_text

Section = Literal["parcourir", "sante", "modifier", "journal"]
SECTION_LABELS: dict[Section, str] = {
    "parcourir": mark_("Parcourir"),
    "sante": mark_("Santé du catalogue"),
    "modifier": mark_("Modifier"),
    "journal": mark_("Journal des enregistrements"),
}
Mode = Literal["formulaire", "yaml"]
MODE_LABELS: dict[Mode, str] = {"formulaire": mark_("Formulaire"), "yaml": mark_("Texte YAML")}


class OpenFile(BaseModel):
    """What the editor has open: the file written, as it was on disk, and what the form starts from."""

    model_config = ConfigDict(frozen=True)

    path: str  # « bricks/mentorat.yaml »; for a new brick, the draft's id decides at save time
    opened: Snapshot | None  # the file when it was opened (None: a new brick, no file yet)
    is_brick: bool = True
    copy_of: str | None = None
    # The text the form's changes are written into (the file's, a copy's, or the YAML typed last).
    base_text: str | None = None
    base_data: Any = None  # what the safe reader read from base_text


class EditNotice(BaseModel):
    """What the editor tells the pilot after an action: one sentence and, maybe, details."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["success", "error", "warning"]
    text: str
    details: tuple[str, ...] = ()


class Conflict(BaseModel):
    """A save refused because the file changed on disk: both versions, so that nothing is lost."""

    model_config = ConfigDict(frozen=True)

    message: str
    path: str
    disk_text: str | None
    mine: str | None


class EditorView(BaseModel):
    """The catalogue page's editing part of the session state."""

    model_config = ConfigDict(validate_assignment=True)

    section: Section = "parcourir"
    pilot: Pilot | None = None
    open: OpenFile | None = None
    mode: Mode = "formulaire"
    draft: BrickData = {}
    yaml_text: str = ""
    # Bumped for every file opened (and mode switched): the form's widgets start afresh from the draft.
    round: int = 0
    notice: EditNotice | None = None
    conflict: Conflict | None = None
    refused: tuple[str, ...] = ()

    def _start(self, open_file: OpenFile, mode: Mode, draft: BrickData, text: str = "") -> None:
        self.open, self.mode, self.draft, self.yaml_text = open_file, mode, draft, text
        self.round += 1
        self.section = "modifier"
        self.conflict, self.refused = None, ()

    def open_brick(self, root: Path, brick_id: str) -> None:
        """Open a brick's file: in the form when it holds a valid brick, else as YAML text."""
        self.open_file(root, brick_path(brick_id))

    def open_file(self, root: Path, path: str) -> None:
        """Open a catalogue file; a brick goes to the form when its file can be read as a brick."""
        self.notice = None
        try:
            shot = snapshot(root, path)
        except YamlFileError as err:
            self.notice = EditNotice(
                kind="error",
                text=_("{path} ne peut pas être ouvert : {message}").format(
                    path=path, message=err.problem.message
                ),
            )
            return
        if shot.text is None:
            self.notice = EditNotice(
                kind="error", text=_("{path} n'existe plus dans le dossier du catalogue.").format(path=path)
            )
            return
        is_brick = path.startswith("bricks/")
        data = _brick_data(shot.text, path) if is_brick else None
        open_file = OpenFile(path=path, opened=shot, is_brick=is_brick, base_text=shot.text, base_data=data)
        if data is None:
            self._start(open_file, "yaml", {}, shot.text)
        else:
            self._start(open_file, "formulaire", full_data(Brick.model_validate(data)))

    def new_brick(self, catalogue: Catalogue) -> None:
        """A new brick from scratch, in the form."""
        self.notice = None
        self._start(
            OpenFile(path=brick_path("nouvelle-brique"), opened=None), "formulaire", blank_data(catalogue)
        )

    def duplicate(self, root: Path, catalogue: Catalogue, brick_id: str, taken: frozenset[str]) -> None:
        """A new brick copied from another: its file's comments and layout come along."""
        self.notice = None
        try:
            source = snapshot(root, brick_path(brick_id))
        except YamlFileError as err:
            self.notice = EditNotice(kind="error", text=err.problem.message)
            return
        data = _brick_data(source.text or "", source.path) if source.text is not None else None
        if data is None:
            self.notice = EditNotice(
                kind="error",
                text=_("{path} n'est pas une brique valide : à corriger d'abord.").format(path=source.path),
            )
            return
        draft = copy_data(catalogue, Brick.model_validate(data), taken)
        open_file = OpenFile(
            path=brick_path(draft["id"]), opened=None, copy_of=brick_id, base_text=source.text, base_data=data
        )
        self._start(open_file, "formulaire", draft)

    def close(self) -> None:
        """Close what is open (nothing is saved)."""
        self.open, self.draft, self.yaml_text, self.conflict, self.refused = None, {}, "", None, ()
        self.round += 1

    def text(self) -> str:
        """The text the save would write: the form's draft written into its base, or the YAML typed."""
        if self.mode == "yaml" or self.open is None:
            return self.yaml_text
        return draft_text(self.draft, self.open.base_text, self.open.base_data)

    def target_id(self) -> str:
        """The brick id the save would write (the draft's id in the form; the file's name otherwise)."""
        if self.open is None:
            return ""
        if self.mode == "formulaire":
            return str(self.draft.get("id", ""))
        return stem(self.open.path)

    def to_yaml(self) -> None:
        """Go on in the YAML text: the text the form would save."""
        self.yaml_text = self.text()
        self.mode = "yaml"
        self.round += 1

    def to_form(self) -> None:
        """Go back to the form from the YAML text, when it holds a valid brick; its comments kept."""
        if self.open is None:
            return
        data = _brick_data(self.yaml_text, self.open.path)
        if data is None:
            self.notice = EditNotice(
                kind="error",
                text=(
                    _(
                        "Le formulaire ne s'ouvre que sur une brique valide : "
                        "corrigez d'abord les erreurs du texte."
                    )
                ),
            )
            return
        self.open = self.open.model_copy(update={"base_text": self.yaml_text, "base_data": data})
        self.draft = full_data(Brick.model_validate(data))
        self.mode = "formulaire"
        self.notice = None
        self.round += 1

    def plan(self, root: Path, saved_users: dict[str, list[str]]) -> EditPlan:
        """The save the open draft would make (InputError when it cannot be made, in French)."""
        if self.open is None:
            raise InputError(_("Aucun fichier n'est ouvert."))
        text = self.text()
        opened = self.open.opened
        if not self.open.is_brick:
            assert opened is not None
            return text_change(opened, text)
        new_id = self.target_id()
        if opened is None:
            return create_brick(root, new_id, text, self.open.copy_of)
        return modify_brick(root, opened, new_id, text, saved_users.get(stem(opened.path), []))

    def removal(self, root: Path, saved_users: dict[str, list[str]]) -> EditPlan:
        """The removal of the open brick's file (InputError when a scenario still places it)."""
        if self.open is None or self.open.opened is None or not self.open.is_brick:
            raise InputError(_("Seule une brique enregistrée peut être supprimée."))
        brick_id = stem(self.open.path)
        return remove_brick(root, self.open.opened, saved_users.get(brick_id, []))

    def take_disk_version(self, root: Path) -> None:
        """After a conflict: open the file again as it now is (the pilot's version stays shown)."""
        conflict = self.conflict
        if conflict is None:
            return
        self.open_file(root, conflict.path)
        self.conflict = conflict

    def keep_mine_over_disk(self, root: Path) -> None:
        """After a conflict: the pilot's text, as YAML, over the file as it now is on disk.

        The next preview shows what her text changes in the new version, theirs included.
        """
        conflict = self.conflict
        if conflict is None or conflict.mine is None:
            return
        try:
            shot = snapshot(root, conflict.path)
        except YamlFileError as err:
            self.notice = EditNotice(kind="error", text=err.problem.message)
            return
        is_brick = conflict.path.startswith("bricks/")
        open_file = OpenFile(
            path=conflict.path, opened=shot if shot.text is not None else None, is_brick=is_brick
        )
        self._start(open_file, "yaml", {}, conflict.mine)


def _brick_data(text: str, path: str) -> Any:
    """What a brick file holds when it reads as a valid brick (else None: the YAML editor opens)."""
    try:
        data = parse_text(text, path).data
        Brick.model_validate(data)
    except (YamlFileError, ValueError):
        return None
    return data


def saved_notice(
    plan: EditPlan, warnings: int, committed: str | None, journal_failed: str | None
) -> EditNotice:
    """What the pilot reads once her save is written."""
    details = [*plan.notes]
    if committed:
        details.append(
            _("Commit git {commit} (jamais poussé : « git push » reste à faire).").format(
                commit=committed[:10]
            )
        )
    if warnings:
        details.append(
            n_(
                "{count} avertissement : voir « Santé du catalogue ».",
                "{count} avertissements : voir « Santé du catalogue ».",
                warnings,
            ).format(count=warnings)
        )
    if journal_failed:
        details.append(
            _("Le journal des enregistrements n'a pas pu le noter : {journal_failed}").format(
                journal_failed=journal_failed
            )
        )
    kind: Literal["success", "warning"] = "warning" if journal_failed else "success"
    text = _(
        "{summary} : enregistré. Toutes les pages lisent le nouveau catalogue dans quelques secondes."
    ).format(summary=plan.summary)
    return EditNotice(kind=kind, text=text, details=tuple(details))


def save(
    view: EditorView,
    root: Path,
    plan: EditPlan,
    journal: CatalogueEditStore,
    settings: Settings,
    message: str = "",
) -> bool:
    """Save the plan as the view's pilot; the outcome is the view's notice, conflict or refusal.

    True when the files were written.
    """
    pilot = view.pilot
    if pilot is None:
        view.notice = EditNotice(
            kind="error", text=_("Seule une ou un pilote peut enregistrer le catalogue.")
        )
        return False
    if not plan.effective:
        view.notice = EditNotice(kind="warning", text=_("Aucun changement : rien n'a été enregistré."))
        return False
    diff = plan.diff()
    try:
        checked = save_plan(root, plan)
    except EditConflictError as err:
        view.conflict = Conflict(message=err.message, path=err.path, disk_text=err.disk_text, mine=err.mine)
        return False
    except EditRefusedError as err:
        view.refused = tuple(str(p) for p in err.problems)
        view.notice = EditNotice(kind="error", text=err.message)
        return False
    except (InputError, OSError) as err:
        reason = (
            err.message if isinstance(err, InputError) else _("le dossier du catalogue refuse l'écriture")
        )
        view.notice = EditNotice(
            kind="error", text=_("Rien n'a été enregistré : {reason}.").format(reason=reason)
        )
        return False
    view.refused, view.conflict = (), None
    committed, git_problem = _commit(root, plan, pilot, message, settings)
    journal_failed = None
    try:
        journal.record(pilot.name, plan.action, plan.summary, plan.paths, diff, committed)
    except StoreError as err:
        journal_failed = err.message
    view.notice = saved_notice(plan, len(checked.warnings), committed, journal_failed)
    if git_problem:
        view.notice = view.notice.model_copy(
            update={"kind": "warning", "details": (*view.notice.details, git_problem)}
        )
    _after_save(view, root, plan)
    return True


def _commit(
    root: Path, plan: EditPlan, pilot: Pilot, message: str, settings: Settings
) -> tuple[str | None, str]:
    if not settings.catalogue_git_commit or work_tree(root) is None:
        return None, ""
    files = [root / change.path for change in plan.effective]
    try:
        return commit(root, files, pilot.name, message or plan.summary, pilot.email), ""
    except GitError as err:
        return None, f"{err.message} {err.output}".strip()


def _after_save(view: EditorView, root: Path, plan: EditPlan) -> None:
    """Open what was saved afresh (its new content hash), or close the editor after a removal."""
    written = [change.path for change in plan.effective if change.after is not None]
    target = next((path for path in written if path.startswith("bricks/")), written[0] if written else None)
    notice = view.notice
    if target is None:
        view.close()
    else:
        view.open_file(root, target)
    view.notice = notice
