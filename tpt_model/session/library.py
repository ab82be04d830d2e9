"""The scenarios page's part of the session: its view, importing a file, and the rows and labels it shows."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.errors import ProblemsError
from tpt_model.formatting import time_label
from tpt_model.scenario.files import read_upload, upload_file_name
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, StoredScenario, VersionInfo
from tpt_model.text import author_name, escape_markdown


class LibraryNotice(BaseModel):
    """What the scenarios page tells the user after an action: one sentence and, for errors, details."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["success", "error"]
    text: str
    details: tuple[str, ...] = ()


class LibraryView(BaseModel):
    """The scenarios page's part of the session state."""

    model_config = ConfigDict(validate_assignment=True)

    selected: str | None = None
    # The scenario whose rename, delete and restore inputs are on screen: another one resets them.
    forms_for: str | None = None
    notice: LibraryNotice | None = None


def import_scenario(
    store: ScenarioStore, data: bytes | str, file_name: str, catalogue: Catalogue, author: str
) -> StoredScenario:
    """Check a YAML file against the catalogue and store it as a new scenario; ProblemsError if not valid."""
    return store.create(read_upload(data, file_name, catalogue), author_name(author))


def import_failure(file_name: str, err: ProblemsError) -> LibraryNotice:
    """The error shown for a refused import: a sentence, then one line per problem."""
    count = len(err.problems)
    text = (
        f"Le fichier « {upload_file_name(file_name)} » n'a pas été importé : "
        f"{count} problème{'s' if count > 1 else ''} à corriger."
    )
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
            "Ouvert": "▶ ouvert" if info.id == open_id else "",
            "Nom": info.name,
            "Groupe de travail": groups.get(info.working_group, info.working_group)
            if info.working_group
            else "—",
            "Version": info.version,
            "Modifié": time_label(info.updated_at),
            "Par": info.updated_by,
        }
        for info in infos
    ]


def version_rows(versions: list[VersionInfo]) -> list[dict[str, str | int]]:
    """One table row per version of a scenario (in the given order, newest first from the store)."""
    return [
        {
            "Version": v.version,
            "Auteur": v.author,
            "Date": time_label(v.created_at),
            "Résumé": v.summary,
            "Placements": v.placements,
        }
        for v in versions
    ]


def scenario_label(info: ScenarioInfo, open_id: str | None) -> str:
    """How a scenario reads in a choice list: name, version, last change."""
    mark = " — ouvert dans la frise" if info.id == open_id else ""
    return f"{info.name} (version {info.version}, {time_label(info.updated_at)}){mark}"


def version_label(version: VersionInfo) -> str:
    """How a version reads in a choice list."""
    summary = f" — {version.summary}" if version.summary else ""
    return f"Version {version.version} par {version.author}, {time_label(version.created_at)}{summary}"
