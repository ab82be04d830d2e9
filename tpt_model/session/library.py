"""The library of scenarios as the scenarios page shows it: rows, creation, file names, import."""

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import Problem, ProblemsError
from tpt_model.scenario.files import dump_scenario, parse_scenario
from tpt_model.session.frise import DEFAULT_TEMPLATE
from tpt_model.store.errors import StoreError, time_label
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, StoredScenario, VersionInfo
from tpt_model.text import escape_markdown, fold, strip_control

# The reader's private decoder is reused so that an upload and a catalogue file give the same message.
from tpt_model.yamlio.reader import MAX_BYTES, YamlFileError, decode

ANONYMOUS = "Anonyme"
BLANK = ""  # the creation source of an empty frise
EMPTY_NAME = "Le nom du scénario ne peut pas être vide."
DEFAULT_IMPORT_NAME = "import.yaml"
MAX_SLUG = 60
MAX_FILE_NAME = 120
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


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


def author_name(author: str) -> str:
    """The name written in the history: the one typed in the sidebar, or « Anonyme »."""
    return " ".join(strip_control(author).split()) or ANONYMOUS


def clean_name(name: str) -> str:
    """A scenario name on one line, without control characters or surrounding spaces."""
    return " ".join(strip_control(name).split())


def slug(name: str) -> str:
    """File-name stem of a scenario name: « Parcours GT1 (été) » gives « parcours-gt1-ete »."""
    words = re.findall(r"[a-z0-9]+", fold(name.translate(_LIGATURES)))
    return "-".join(words)[:MAX_SLUG].strip("-") or "scenario"


def export_file_name(name: str) -> str:
    """Name of the YAML file a scenario is exported to."""
    return f"{slug(name)}.yaml"


def export_bytes(scenario: Scenario) -> bytes:
    """The YAML file of a scenario, as UTF-8 bytes (what the download button serves)."""
    return dump_scenario(scenario).encode("utf-8")


def creation_sources(catalogue: Catalogue) -> dict[str, str]:
    """What a new scenario can start from (template id, or BLANK), with its label; the default first."""
    templates = dict(catalogue.templates)
    sources: dict[str, str] = {}
    if DEFAULT_TEMPLATE in templates:
        sources[DEFAULT_TEMPLATE] = "À partir du parcours-type"
    sources[BLANK] = "Frise vide"
    for template_id, scenario in catalogue.templates:
        sources.setdefault(template_id, f"À partir du modèle « {scenario.name} »")
    return sources


def new_scenario(catalogue: Catalogue, name: str, source: str = BLANK) -> Scenario:
    """A blank scenario (its name required) or a copy of a template (renamed when a name is given)."""
    name = clean_name(name)
    if source == BLANK:
        if not name:
            raise StoreError(EMPTY_NAME)
        return Scenario(name=name)
    templates = dict(catalogue.templates)
    if source not in templates:
        raise StoreError(f"Modèle de scénario inconnu « {source} » : rechargez la page.")
    template = templates[source]
    return template.model_copy(update={"name": name}) if name else template


def upload_file_name(file_name: str) -> str:
    """The uploaded file's name as problems cite it: one line, short, never empty."""
    cleaned = clean_name(file_name.replace("\\", "/").rsplit("/", 1)[-1])
    return cleaned[:MAX_FILE_NAME] or DEFAULT_IMPORT_NAME


def upload_text(data: bytes, file: str) -> str:
    """The text of an uploaded file; ProblemsError when it is over 256 KB or not UTF-8."""
    if len(data) > MAX_BYTES:
        size = f"{len(data) // 1024} Ko, au plus {MAX_BYTES // 1024} Ko"
        raise ProblemsError([Problem(file, 1, 1, "(fichier)", f"fichier trop gros ({size})")])
    try:
        return decode(data, file)
    except YamlFileError as err:
        raise ProblemsError([err.problem]) from None


def import_scenario(
    store: ScenarioStore, data: bytes | str, file_name: str, catalogue: Catalogue, author: str
) -> StoredScenario:
    """Check a YAML file against the catalogue and store it as a new scenario; ProblemsError if not valid."""
    file = upload_file_name(file_name)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    scenario = parse_scenario(upload_text(raw, file), file, catalogue)
    return store.create(scenario, author_name(author))


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
