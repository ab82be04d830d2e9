"""The catalogue's health at a glance, for pilots: what is wrong and what is missing, each with its file.

Besides the validator's problems: bricks no scenario places, bricks without a source, estimated
costs that no source backs, partners and working groups that no brick names, and milestones that
the frise cannot draw (a stage off the axis, a period out of its school year, a stage none of its
tracks passes through).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.catalogue_edit.draft import brick_path
from tpt_model.errors import WARNING, Problem, YamlFileError
from tpt_model.formatting import month_range
from tpt_model.i18n import mark_
from tpt_model.yamlio.reader import Document, Loc, read_document

Section = Literal["problems", "unused", "unsourced", "estimated", "partners", "groups", "milestones"]

SECTION_TITLES: dict[Section, str] = {
    "problems": mark_("Problèmes signalés par le validateur"),
    "unused": mark_("Briques qu'aucun scénario ne place"),
    "unsourced": mark_("Briques sans source"),
    "estimated": mark_("Coûts estimés qu'aucune source n'appuie (à revoir)"),
    "partners": mark_("Partenaires qu'aucune brique ne nomme"),
    "groups": mark_("Groupes de travail qu'aucune brique ne nomme"),
    "milestones": mark_("Jalons hors de l'axe de la frise"),
}


@dataclass(frozen=True)
class HealthItem:
    """One finding: where (a file of the folder, a line), what, and the brick it concerns if any."""

    section: Section
    file: str  # in the folder: « bricks/mentorat.yaml », « partners.yaml »
    line: int
    message: str
    brick: str | None = None
    warning: bool = False

    @property
    def where(self) -> str:
        """« partners.yaml, ligne 12 », or the file alone for what concerns a whole brick."""
        return f"{self.file}, ligne {self.line}" if self.line > 1 or self.brick is None else self.file


@dataclass(frozen=True)
class HealthReport:
    """Every finding, by section, in the order of `SECTION_TITLES`."""

    items: tuple[HealthItem, ...]

    def section(self, section: Section) -> list[HealthItem]:
        """The findings of one section."""
        return [item for item in self.items if item.section == section]

    @property
    def healthy(self) -> bool:
        """Whether nothing at all was found."""
        return not self.items


def brick_usage(scenarios: Iterable[tuple[str, Scenario]]) -> dict[str, list[str]]:
    """For each brick id, the names of the scenarios that place it (each name once)."""
    usage: dict[str, list[str]] = {}
    for name, scenario in scenarios:
        for brick_id in dict.fromkeys(p.brick for p in scenario.placements):
            usage.setdefault(brick_id, []).append(name)
    return usage


def _in_folder(file: str, root: Path) -> str:
    return file.removeprefix(root.as_posix().rstrip("/") + "/")


def _brick_of(path: str) -> str | None:
    parts = PurePosixPath(path).parts
    return PurePosixPath(path).stem if len(parts) == 2 and parts[0] == "bricks" else None


def _problem_items(problems: Iterable[Problem], root: Path) -> list[HealthItem]:
    out = []
    for p in problems:
        file = _in_folder(p.file, root)
        message = f"{p.field} : {p.message}"
        out.append(HealthItem("problems", file, p.line, message, _brick_of(file), p.level == WARNING))
    return out


def _brick_items(catalogue: Catalogue, usage: dict[str, list[str]]) -> list[HealthItem]:
    out = []
    for brick in catalogue.bricks:
        file = brick_path(brick.id)
        if brick.id not in usage:
            out.append(
                HealthItem("unused", file, 1, f"« {brick.title} » n'est placée dans aucun scénario", brick.id)
            )
        if not brick.sources:
            out.append(HealthItem("unsourced", file, 1, f"« {brick.title} » n'a aucune source", brick.id))
        if brick.cost.inferred and not brick.supported("cost"):
            out.append(
                HealthItem(
                    "estimated",
                    file,
                    1,
                    f"« {brick.title} » : coût estimé (cost.inferred) qu'aucune source n'appuie "
                    "(supports: [cost])",
                    brick.id,
                )
            )
    return out


def _document(root: Path, name: str) -> Document | None:
    try:
        return read_document(root / name, name, root.resolve())
    except YamlFileError:
        return None  # the validator's problems already say why


def _line(doc: Document | None, loc: Loc) -> int:
    return doc.position(loc)[0] if doc is not None else 1


def _unnamed_items(catalogue: Catalogue, root: Path) -> list[HealthItem]:
    named_partners = {p for brick in catalogue.bricks for p in brick.partner_ids}
    named_groups = {g for brick in catalogue.bricks for g in brick.working_groups}
    partners_doc, programme_doc = _document(root, "partners.yaml"), _document(root, "programme.yaml")
    out = [
        HealthItem(
            "partners",
            "partners.yaml",
            _line(partners_doc, ("partners", i, "id")),
            f"« {partner.name} » ({partner.id}) n'est partenaire d'aucune brique",
        )
        for i, partner in enumerate(catalogue.partners)
        if partner.id not in named_partners
    ]
    out += [
        HealthItem(
            "groups",
            "programme.yaml",
            _line(programme_doc, ("working_groups", i, "id")),
            f"« {group.title} » ({group.id}) ne porte aucune brique",
        )
        for i, group in enumerate(catalogue.programme.working_groups)
        if group.id not in named_groups
    ]
    return out


def _milestone_items(catalogue: Catalogue, root: Path) -> list[HealthItem]:
    programme = catalogue.programme
    stages = {s.id: s for s in programme.stages}
    doc = _document(root, "calendar.yaml")
    out = []
    for i, milestone in enumerate(catalogue.milestones):
        line = _line(doc, ("milestones", i, "id"))
        stage = stages.get(milestone.stage or "")
        if milestone.stage is not None and stage is None:
            reason = f"son étape « {milestone.stage} » n'est pas sur l'axe (programme.yaml, stages)"
        elif milestone.leaves_its_year:
            reason = (
                f"sa période va {month_range(*milestone.months)} et sort de l'année scolaire de son étape"
            )
        elif stage is not None and not set(milestone.tracks) & set(stage.tracks):
            tracks = ", ".join(milestone.tracks)
            reason = f"aucun de ses parcours ({tracks}) ne passe par l'étape « {stage.label} »"
        else:
            continue
        out.append(HealthItem("milestones", "calendar.yaml", line, f"« {milestone.label} » : {reason}"))
    return out


def catalogue_health(
    catalogue: Catalogue, problems: Iterable[Problem], root: Path, usage: dict[str, list[str]]
) -> HealthReport:
    """The catalogue's health: the validator's `problems` (of the folder `root`) and what is missing.

    `usage` says which scenarios (shipped and saved) place each brick (see `brick_usage`).
    """
    items = _problem_items(problems, root) + _brick_items(catalogue, usage)
    items += _unnamed_items(catalogue, root) + _milestone_items(catalogue, root)
    order = list(SECTION_TITLES)
    return HealthReport(
        tuple(sorted(items, key=lambda item: (order.index(item.section), item.file, item.line)))
    )
