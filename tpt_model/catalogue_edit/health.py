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
from tpt_model.i18n import _, mark_
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
        if self.line > 1 or self.brick is None:
            return _("{file}, ligne {line}").format(file=self.file, line=self.line)
        return self.file


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
        message = _("{field} : {message}").format(field=p.field, message=p.message)
        out.append(HealthItem("problems", file, p.line, message, _brick_of(file), p.level == WARNING))
    return out


def _brick_items(catalogue: Catalogue, usage: dict[str, list[str]]) -> list[HealthItem]:
    out = []
    for brick in catalogue.bricks:
        file = brick_path(brick.id)
        if brick.id not in usage:
            out.append(
                HealthItem(
                    "unused",
                    file,
                    1,
                    _("« {title} » n'est placée dans aucun scénario").format(title=brick.title),
                    brick.id,
                )
            )
        if not brick.sources:
            unsourced = _("« {title} » n'a aucune source").format(title=brick.title)
            out.append(HealthItem("unsourced", file, 1, unsourced, brick.id))
        if brick.cost.inferred and not brick.supported("cost"):
            out.append(
                HealthItem(
                    "estimated",
                    file,
                    1,
                    _(
                        "« {title} » : coût estimé (cost.inferred) qu'aucune source n'appuie "
                        "(supports: [cost])"
                    ).format(title=brick.title),
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
            _("« {name} » ({id}) n'est partenaire d'aucune brique").format(name=partner.name, id=partner.id),
        )
        for i, partner in enumerate(catalogue.partners)
        if partner.id not in named_partners
    ]
    out += [
        HealthItem(
            "groups",
            "programme.yaml",
            _line(programme_doc, ("working_groups", i, "id")),
            _("« {title} » ({id}) ne porte aucune brique").format(title=group.title, id=group.id),
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
            reason = _("son étape « {stage} » n'est pas sur l'axe (programme.yaml, stages)").format(
                stage=milestone.stage
            )
        elif milestone.leaves_its_year:
            reason = _("sa période va {months} et sort de l'année scolaire de son étape").format(
                months=month_range(*milestone.months)
            )
        elif stage is not None and not set(milestone.tracks) & set(stage.tracks):
            tracks = ", ".join(milestone.tracks)
            reason = _("aucun de ses parcours ({tracks}) ne passe par l'étape « {stage} »").format(
                tracks=tracks, stage=stage.label
            )
        else:
            continue
        message = _("« {label} » : {reason}").format(label=milestone.label, reason=reason)
        out.append(HealthItem("milestones", "calendar.yaml", line, message))
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
