"""Coverage of the journey: placements and hours per beneficiary in each stage × pillar (or modality)."""

from dataclasses import dataclass
from typing import Any, Literal

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.card import MODALITY_LABELS
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.catalogue.types import Exit, Track
from tpt_model.frise.spec import plain_spec
from tpt_model.journey.timeline import duration_months, point_index

Axis = Literal["pillar", "modality"]
AXIS_TITLES = {"pillar": "Volet", "modality": "Modalité"}


@dataclass(frozen=True)
class CoverageCell:
    """What one stage receives from one pillar (or modality): placements touching it, hours spent in it."""

    stage: str
    group: str
    placements: int
    hours: float


def placed_bricks(catalogue: Catalogue, scenario: Scenario) -> list[tuple[Placement, Brick]]:
    """The scenario's placements with their bricks, those of unknown bricks left out."""
    return [(p, catalogue.brick(p.brick)) for p in scenario.placements if p.brick in catalogue.bricks_by_id]


def named_tracks(placement: Placement, brick: Brick) -> set[Track]:
    """The tracks a placement is for: those it names (none: all of its brick's), within its brick's."""
    return set(placement.tracks or brick.tracks) & set(brick.tracks)


def named_exits(placement: Placement, brick: Brick) -> set[Exit]:
    """The exits a placement is for: those it names (none: all of its brick's), within its brick's."""
    return set(placement.exits or brick.exits) & set(brick.exits)


def stage_months(catalogue: Catalogue, placement: Placement) -> dict[str, int]:
    """How many of the placement's months fall in each stage it touches."""
    programme = catalogue.programme
    first, last = point_index(programme, placement.start), point_index(programme, placement.end)
    months: dict[str, int] = {}
    for index in range(first, last + 1):
        stage = programme.stages[index // 12].id
        months[stage] = months.get(stage, 0) + 1
    return months


def _groups(catalogue: Catalogue, axis: Axis) -> list[str]:
    return [p.id for p in catalogue.programme.pillars] if axis == "pillar" else list(MODALITY_LABELS)


def coverage(catalogue: Catalogue, scenario: Scenario, axis: Axis = "pillar") -> list[CoverageCell]:
    """Every cell stage × pillar (or modality), in journey order, empty cells included.

    A placement counts once in each stage it touches; its hours are shared between those stages
    in proportion to its months in each.
    """
    programme = catalogue.programme
    counts = {(s.id, g): [0, 0.0] for s in programme.stages for g in _groups(catalogue, axis)}
    for placement, brick in placed_bricks(catalogue, scenario):
        group = brick.pillar if axis == "pillar" else brick.modality
        total = duration_months(programme, placement.start, placement.end)
        for stage, months in stage_months(catalogue, placement).items():
            cell = counts[(stage, group)]
            cell[0] += 1
            cell[1] += brick.hours_per_beneficiary * months / total
    return [CoverageCell(stage, group, int(n), round(h, 2)) for (stage, group), (n, h) in counts.items()]


def group_label(catalogue: Catalogue, axis: Axis, group: str) -> str:
    """The French label of a pillar or a modality."""
    return catalogue.programme.pillar(group).label if axis == "pillar" else MODALITY_LABELS[group]


def coverage_table(catalogue: Catalogue, cells: list[CoverageCell], axis: Axis) -> list[dict[str, Any]]:
    """The heat map's table twin: one French row per cell."""
    programme = catalogue.programme
    return [
        {
            "Étape": programme.stage(c.stage).label,
            AXIS_TITLES[axis]: group_label(catalogue, axis, c.group),
            "Placements": c.placements,
            "Heures par bénéficiaire": c.hours,
        }
        for c in cells
    ]


def coverage_description(catalogue: Catalogue, cells: list[CoverageCell], axis: Axis) -> str:
    """The heat map in words: how many of its cells hold a placement, and the stages that hold none."""
    covered = sum(1 for c in cells if c.placements)
    busy = {c.stage for c in cells if c.placements}
    empty = [s.label for s in catalogue.programme.stages if s.id not in busy]
    per = "volet" if axis == "pillar" else "modalité"
    gaps = f"étapes sans aucun placement : {', '.join(empty)}" if empty else "chaque étape a un placement"
    return (
        f"Carte de chaleur des placements et des heures par étape et {per} : "
        f"{covered} cases sur {len(cells)} ont au moins un placement ; {gaps}."
    )


def coverage_spec(catalogue: Catalogue, cells: list[CoverageCell], axis: Axis = "pillar") -> dict[str, Any]:
    """The heat map stage × pillar (or modality), Vega-Lite: colour for placements, text for hours.

    Stages are named on the axis by their short labels, as on the frise (« Bac+1 »), in full in the tooltip.
    """
    programme = catalogue.programme
    shorts = {s.label: s.short for s in programme.stages}
    rows = [{**row, "Court": shorts[row["Étape"]]} for row in coverage_table(catalogue, cells, axis)]
    group = AXIS_TITLES[axis]
    groups = [group_label(catalogue, axis, g) for g in _groups(catalogue, axis)]
    position = {
        "x": {
            "field": group,
            "type": "nominal",
            "sort": groups,
            "title": None,
            "axis": {"orient": "top", "labelAngle": 0, "labelLimit": 160},
        },
        "y": {
            "field": "Court",
            "type": "nominal",
            "sort": [s.short for s in programme.stages],
            "title": None,
        },
    }
    heat = {
        "mark": {"type": "rect", "stroke": "white"},
        "encoding": {
            **position,
            "color": {
                "field": "Placements",
                "type": "quantitative",
                "scale": {"scheme": "blues"},
                "title": "Placements",
            },
            "tooltip": [
                {"field": "Étape", "type": "nominal"},
                {"field": group, "type": "nominal"},
                {"field": "Placements", "type": "quantitative"},
                {"field": "Heures par bénéficiaire", "type": "quantitative", "format": ",.1~f"},
            ],
        },
    }
    # Dark cells get white figures: beyond half the largest count, the blues turn deep.
    dark = max((c.placements for c in cells), default=0) / 2
    text = {
        "mark": {"type": "text", "fontSize": 12},
        "encoding": {
            **position,
            "text": {"field": "Heures par bénéficiaire", "type": "quantitative", "format": ",.0f"},
            "color": {
                "condition": {"test": f"datum.Placements > {dark}", "value": "white"},
                "value": "black",
            },
        },
    }
    return plain_spec(
        {
            "data": {"values": rows},
            "layer": [heat, text],
            "width": "container",
            "height": 28 * len(programme.stages),
            "description": coverage_description(catalogue, cells, axis),
        }
    )
