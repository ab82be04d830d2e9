"""The scenarios page's part of the session: its view, importing a file, and the rows and labels it shows."""

import itertools
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import ProblemsError
from tpt_model.formatting import time_label
from tpt_model.i18n import _, n_
from tpt_model.scenario.files import read_upload, upload_file_name
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, StoredScenario, VersionInfo
from tpt_model.text import ANONYMOUS, author_name, escape_markdown, fold


class LibraryNotice(BaseModel):
    """What the scenarios page tells the user after an action: one sentence and, for errors, details."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["success", "error"]
    text: str
    details: tuple[str, ...] = ()


class PendingImport(BaseModel):
    """A checked file whose scenario has the name of one already stored: it waits for the user's choice."""

    model_config = ConfigDict(frozen=True)

    scenario: Scenario
    file_name: str
    existing_id: str
    existing_version: int


class LibraryView(BaseModel):
    """The scenarios page's part of the session state."""

    model_config = ConfigDict(validate_assignment=True)

    selected: str | None = None
    # The scenario whose rename, delete and restore inputs are on screen: another one resets them.
    forms_for: str | None = None
    notice: LibraryNotice | None = None
    pending_import: PendingImport | None = None
    # Bumped once a file is dealt with: the uploader starts empty again (a new widget).
    upload_round: int = 0

    def upload_done(self) -> None:
        """The file chosen has been imported or given up: the uploader is emptied."""
        self.pending_import = None
        self.upload_round += 1


def _same_name(infos: Iterable[ScenarioInfo], name: str) -> ScenarioInfo | None:
    return next((info for info in infos if fold(info.name) == fold(name)), None)


def free_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or « name (2) », « name (3) »… : the first that no scenario has (case and accents ignored)."""
    folded = {fold(t) for t in taken}
    candidates = (name if n == 1 else f"{name} ({n})" for n in itertools.count(1))
    return next(c for c in candidates if fold(c) not in folded)


def import_scenario(
    store: ScenarioStore, data: bytes | str, file_name: str, catalogue: Catalogue, author: str
) -> StoredScenario | PendingImport:
    """Check a YAML file against the catalogue (ProblemsError if not valid) and store it as a new scenario.

    When a scenario already has its name, nothing is stored: the PendingImport returned waits
    for `replace_with_import`, `import_under_a_free_name`, or nothing (cancelled).
    """
    scenario = read_upload(data, file_name, catalogue)
    existing = _same_name(store.list(), scenario.name)
    if existing is not None:
        return PendingImport(
            scenario=scenario,
            file_name=upload_file_name(file_name),
            existing_id=existing.id,
            existing_version=existing.version,
        )
    return store.create(scenario, author_name(author))


def replace_with_import(store: ScenarioStore, pending: PendingImport, author: str) -> StoredScenario:
    """Save the imported scenario as a new version of the one of the same name (its history is kept)."""
    summary = _("Remplacé par le fichier « {file} »").format(file=pending.file_name)
    return store.save(
        pending.existing_id, pending.scenario, pending.existing_version, author_name(author), summary
    )


def import_under_a_free_name(store: ScenarioStore, pending: PendingImport, author: str) -> StoredScenario:
    """Store the imported scenario as a new one, under the first free name (« Frise (2) »)."""
    name = free_name(pending.scenario.name, (info.name for info in store.list()))
    return store.create(pending.scenario.model_copy(update={"name": name}), author_name(author))


def import_failure(file_name: str, err: ProblemsError) -> LibraryNotice:
    """The error shown for a refused import: a sentence, then one line per problem."""
    count = len(err.problems)
    text = n_(
        "Le fichier « {file} » n'a pas été importé : {count} problème à corriger.",
        "Le fichier « {file} » n'a pas été importé : {count} problèmes à corriger.",
        count,
    ).format(file=upload_file_name(file_name), count=count)
    return LibraryNotice(kind="error", text=text, details=tuple(str(p) for p in err.problems))


def notice_markdown(notice: LibraryNotice) -> str:
    """Markdown of a notice in which user text (names, file names, problems) shows literally."""
    lines = [escape_markdown(notice.text)]
    if notice.details:
        lines.append("")
        lines += [f"- {escape_markdown(d)}" for d in notice.details]
    return "\n".join(lines)


def group_labels(catalogue: Catalogue) -> dict[str, str]:
    """Working group id to its label, such as « GT1 · Briques du programme »."""
    return {g.id: f"GT{g.number} · {g.title}" for g in catalogue.programme.working_groups}


def library_rows(
    infos: list[ScenarioInfo], open_id: str | None, groups: dict[str, str]
) -> list[dict[str, str | int]]:
    """One table row per scenario (in the given order), the one open in the frise marked."""
    return [
        {
            _("Ouvert"): _("▶ ouvert") if info.id == open_id else "",
            _("Nom"): info.name,
            _("Groupe de travail"): groups.get(info.working_group, info.working_group)
            if info.working_group
            else "—",
            _("Version"): info.version,
            _("Modifié"): time_label(info.updated_at),
            _("Par"): _author(info.updated_by),
        }
        for info in infos
    ]


def version_rows(versions: list[VersionInfo]) -> list[dict[str, str | int]]:
    """One table row per version of a scenario (in the given order, newest first from the store)."""
    return [
        {
            _("Version"): v.version,
            _("Auteur"): _author(v.author),
            _("Date"): time_label(v.created_at),
            _("Résumé"): _(v.summary),
            _("Placements"): v.placements,
        }
        for v in versions
    ]


def scenario_label(info: ScenarioInfo, open_id: str | None) -> str:
    """How a scenario reads in a choice list: name, version, last change."""
    label = _("{name} (version {version}, {when})").format(
        name=info.name, version=info.version, when=time_label(info.updated_at)
    )
    return label + _(" — ouvert dans la frise") if info.id == open_id else label


def version_label(version: VersionInfo) -> str:
    """How a version reads in a choice list."""
    label = _("Version {version} par {author}, {when}").format(
        version=version.version, author=_author(version.author), when=time_label(version.created_at)
    )
    return f"{label} — {_(version.summary)}" if version.summary else label


def _author(name: str) -> str:
    # The name stored for someone who typed none is a word of the app, in French: translated.
    return _(ANONYMOUS) if name == ANONYMOUS else name
