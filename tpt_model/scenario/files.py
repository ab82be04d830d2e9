"""Scenario files (catalogue/scenarios/*.yaml): reading with located problems, writing, names, uploads."""

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace
from pathlib import Path

import yaml

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.catalogue.validation import validate_document
from tpt_model.errors import WARNING, Problem, ProblemsError, YamlFileError, errors_among, field_path
from tpt_model.i18n import _
from tpt_model.scenario.rules import check_placement
from tpt_model.text import clean_name, fold
from tpt_model.yamlio.reader import MAX_BYTES, Document, decode, parse_text, read_document, resolve_plain

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/scenario.schema.json\n"
DEFAULT_IMPORT_NAME = "import.yaml"
MAX_SLUG = 60
MAX_FILE_NAME = 120
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def _document_problems(
    doc: Document, catalogue: Catalogue, known_bricks: AbstractSet[str] | None, partners_known: bool
) -> tuple[Scenario | None, list[Problem]]:
    scenario, problems = validate_document(doc, Scenario)
    if scenario is None:
        return None, problems
    groups = {g.id for g in catalogue.programme.working_groups}
    if scenario.working_group is not None and scenario.working_group not in groups:
        problems.append(
            doc.problem(
                ("working_group",),
                "working_group",
                _("groupe de travail inconnu « {group} »").format(group=scenario.working_group),
            )
        )
    for i, placement in enumerate(scenario.placements):
        for finding in check_placement(catalogue, placement):
            excused = (
                finding.loc == ("brick",) and known_bricks is not None and placement.brick in known_bricks
            ) or (finding.loc == ("partner",) and not partners_known)
            loc = ("placements", i, *finding.loc)
            if not finding.blocking:
                problems.append(replace(doc.problem(loc, field_path(loc), finding.message), level=WARNING))
            elif not excused:
                problems.append(doc.problem(loc, field_path(loc), finding.message))
    return scenario, problems


def scenario_problems(
    path: Path,
    catalogue: Catalogue,
    *,
    known_bricks: AbstractSet[str] | None = None,
    partners_known: bool = True,
    root: Path | None = None,
) -> tuple[Scenario | None, list[Problem]]:
    """Read and check a scenario file against the catalogue (inside `root`); every problem is located.

    A placement that breaks no rule but a non-blocking one (outside its brick's stages, off its
    milestones) gives a warning: the scenario stays usable.
    """
    try:
        doc = read_document(path, path.as_posix(), root)
    except YamlFileError as err:
        return None, [err.problem]
    return _document_problems(doc, catalogue, known_bricks, partners_known)


def parse_scenario(text: str, file: str, catalogue: Catalogue) -> Scenario:
    """A scenario from YAML text (an import); raises ProblemsError with its located errors (warnings pass)."""
    try:
        doc = parse_text(text, file)
    except YamlFileError as err:
        raise ProblemsError([err.problem]) from None
    scenario, problems = _document_problems(doc, catalogue, None, True)
    errors = errors_among(problems)
    if errors or scenario is None:
        raise ProblemsError(errors)
    return scenario


class _QuotingDumper(yaml.SafeDumper):
    """Quotes every string our reader would not give back as the same string (`1.5e3`, `yes`)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    plain_ok = resolve_plain(value) == value and isinstance(resolve_plain(value), str)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain_ok else '"')


_QuotingDumper.add_representer(str, _represent_str)


def dump_scenario(scenario: Scenario) -> str:
    """YAML text of a scenario, in the format of catalogue/scenarios/ (import gives it back)."""
    data = scenario.model_dump(mode="json", exclude_defaults=True)
    body = yaml.dump(data, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False, width=100)
    return SCHEMA_LINE + body


def slug(name: str) -> str:
    """File-name stem of a scenario name: « Parcours GT1 (été) » gives « parcours-gt1-ete »."""
    words = re.findall(r"[a-z0-9]+", fold(name.translate(_LIGATURES)))
    return "-".join(words)[:MAX_SLUG].strip("-") or "scenario"


def scenario_file_name(name: str) -> str:
    """Name of the YAML file a scenario is exported to."""
    return f"{slug(name)}.yaml"


def export_bytes(scenario: Scenario) -> bytes:
    """The YAML file of a scenario, as UTF-8 bytes (what the download button serves)."""
    return dump_scenario(scenario).encode("utf-8")


def upload_file_name(file_name: str) -> str:
    """The uploaded file's name as problems cite it: one line, short, never empty."""
    cleaned = clean_name(file_name.replace("\\", "/").rsplit("/", 1)[-1])
    return cleaned[:MAX_FILE_NAME] or DEFAULT_IMPORT_NAME


def upload_text(data: bytes, file: str) -> str:
    """The text of an uploaded file; ProblemsError when it is over 256 KB or not UTF-8."""
    if len(data) > MAX_BYTES:
        message = _("fichier trop gros ({size} Ko, au plus {most} Ko)").format(
            size=len(data) // 1024, most=MAX_BYTES // 1024
        )
        raise ProblemsError([Problem(file, 1, 1, _("(fichier)"), message)])
    try:
        return decode(data, file)
    except YamlFileError as err:
        raise ProblemsError([err.problem]) from None


def read_upload(data: bytes | str, file_name: str, catalogue: Catalogue) -> Scenario:
    """The scenario of an uploaded YAML file, checked against the catalogue; ProblemsError if not valid."""
    file = upload_file_name(file_name)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return parse_scenario(upload_text(raw, file), file, catalogue)
