"""The rows of a frise: which placements show for a track and exit, in which lane, with which dates.

The chart and the table read the same rows, so that what the chart draws is what the table lists.
"""

from dataclasses import dataclass
from typing import Annotated, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.card import MODALITY_LABELS
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.catalogue.types import Exit, Track
from tpt_model.formatting import long_month_year, table_text
from tpt_model.i18n import _, mark_
from tpt_model.journey.cohort import point_date
from tpt_model.journey.timeline import duration_months, point_index, point_label

LaneMode = Literal["pillar", "modality", "partner", "working_group", "custom"]
# How the lanes are made, read after « couloirs »: the choice above the frise and the chart's subtitle.
LANE_LABELS: dict[LaneMode, str] = {
    "pillar": mark_("par volet"),
    "modality": mark_("par modalité"),
    "partner": mark_("par partenaire"),
    "working_group": mark_("par groupe de travail"),
    "custom": mark_("libres"),
}
# How the lanes are made, in a sentence about the actions: the chart's subtitle.
LANE_SENTENCES: dict[LaneMode, str] = {
    "pillar": mark_("rangées par volet"),
    "modality": mark_("rangées par modalité"),
    "partner": mark_("rangées par partenaire"),
    "working_group": mark_("rangées par groupe de travail"),
    "custom": mark_("rangées dans les couloirs du groupe"),
}
NO_PARTNER = mark_("Sans partenaire")
NO_LANE = mark_("Sans couloir")
TABLE_COLUMNS = (
    mark_("N°"),
    mark_("Brique"),
    mark_("Volet"),
    mark_("Modalité"),
    mark_("Couloir"),
    mark_("Début"),
    mark_("Fin"),
    mark_("Durée (mois)"),
    mark_("Partenaire"),
    mark_("Note"),
)


class FriseOptions(BaseModel):
    """How the frise is read: lanes, the track and exit followed, and an optional cohort year."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lane_mode: LaneMode = "pillar"
    track: Track | None = None
    exit: Exit | None = None
    cohort_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    # A persona's walk: her track and exit (set by `for_persona`), her start and her situation.
    persona: str | None = None


def for_persona(catalogue: Catalogue, options: FriseOptions, persona_id: str | None) -> FriseOptions:
    """The options that follow one persona (her track and exit), or everyone again.

    Leaving a persona (None, or one no longer in the catalogue) also leaves her track and exit:
    every track and exit show again. Options that followed nobody stay as they are.
    """
    persona = catalogue.personas_by_id.get(persona_id or "")
    if persona is not None:
        return options.model_copy(
            update={"persona": persona.id, "track": persona.track, "exit": persona.exit}
        )
    if options.persona is None:
        return options
    return options.model_copy(update={"persona": None, "track": None, "exit": None})


@dataclass(frozen=True)
class FriseRow:
    """One visible placement as the chart draws it and the table lists it."""

    idx: int  # index of the placement in the scenario (what a click on the chart returns)
    placement: Placement
    brick: Brick
    lane: str
    start: int  # month index of the first month on the axis
    end: int  # month index of the last month (included)
    start_label: str
    end_label: str
    pillar_label: str
    modality_label: str
    partner: str

    @property
    def number(self) -> int:
        """The number people read (1 for the scenario's first placement)."""
        return self.idx + 1

    @property
    def months(self) -> int:
        """Duration in months, both ends included."""
        return self.end - self.start + 1


def _allows(chosen: str | None, allowed: tuple[str, ...]) -> bool:
    # An empty list means « every track » (or exit), and no choice means « show everything ».
    return chosen is None or not allowed or chosen in allowed


def _drawable(catalogue: Catalogue, placement: Placement) -> bool:
    # The editor refuses such placements; a hand-edited file may still hold them: skip, never crash.
    stages = catalogue.programme.stage_index
    if placement.brick not in catalogue.bricks_by_id:
        return False
    if placement.start.stage not in stages or placement.end.stage not in stages:
        return False
    return point_index(catalogue.programme, placement.start) <= point_index(
        catalogue.programme, placement.end
    )


def _on_track(programme: Programme, placement: Placement, track: str | None) -> bool:
    if track is None:
        return True
    return all(track in programme.stage(p.stage).tracks for p in (placement.start, placement.end))


def _reaches(catalogue: Catalogue, placement: Placement, brick: Brick, persona_id: str | None) -> bool:
    # She receives what is still to come when she joins, and what her situation makes her eligible for.
    persona = catalogue.personas_by_id.get(persona_id or "")
    if persona is None:
        return True
    programme = catalogue.programme
    joins = point_index(programme, JourneyPoint(stage=persona.start_stage, month=9))
    return point_index(programme, placement.end) >= joins and set(brick.eligibility) <= set(persona.flags)


def applies(catalogue: Catalogue, placement: Placement, options: FriseOptions) -> bool:
    """Whether a placement concerns the chosen track, exit and persona (placement, brick and stages agree)."""
    brick = catalogue.brick(placement.brick)
    return (
        _allows(options.track, placement.tracks)
        and _allows(options.track, brick.tracks)
        and _allows(options.exit, placement.exits)
        and _allows(options.exit, brick.exits)
        and _on_track(catalogue.programme, placement, options.track)
        and _reaches(catalogue, placement, brick, options.persona)
    )


def visible_placements(
    catalogue: Catalogue, scenario: Scenario, options: FriseOptions
) -> list[tuple[int, Placement]]:
    """The scenario's placements (with their index) that show for the chosen track and exit."""
    return [
        (i, p)
        for i, p in enumerate(scenario.placements)
        if _drawable(catalogue, p) and applies(catalogue, p, options)
    ]


def partner_name(catalogue: Catalogue, placement: Placement) -> str:
    """The placement's partner, else the brick's first partner (confirmed first), else « Sans partenaire »."""
    brick = catalogue.brick(placement.brick)
    partner_id = placement.partner or (brick.partner_ids[0] if brick.partner_ids else None)
    if partner_id is None:
        return _(NO_PARTNER)
    partner = catalogue.partners_by_id.get(partner_id)
    return partner.name if partner is not None else partner_id


def working_group_title(catalogue: Catalogue, brick: Brick) -> str:
    """Title of the brick's first working group."""
    group_id = brick.working_groups[0]
    group = next((g for g in catalogue.programme.working_groups if g.id == group_id), None)
    return group.title if group is not None else group_id


def lane_of(catalogue: Catalogue, placement: Placement, mode: LaneMode) -> str:
    """The lane a placement is drawn in for a lane mode (« custom »: the placement's own `lane`)."""
    if mode == "custom":
        return placement.lane or _(NO_LANE)
    brick = catalogue.brick(placement.brick)
    if mode == "pillar":
        return catalogue.programme.pillar(brick.pillar).label
    if mode == "modality":
        return _(MODALITY_LABELS[brick.modality])
    if mode == "partner":
        return partner_name(catalogue, placement)
    return working_group_title(catalogue, brick)


def lane_order(catalogue: Catalogue, mode: LaneMode) -> tuple[str, ...]:
    """Every lane of a mode in its stable order (programme order; « Sans partenaire » last)."""
    programme = catalogue.programme
    if mode == "pillar":
        return tuple(p.label for p in programme.pillars)
    if mode == "modality":
        return tuple(_(label) for label in MODALITY_LABELS.values())
    if mode == "partner":
        return (*(p.name for p in catalogue.partners), _(NO_PARTNER))
    if mode == "custom":
        return ()  # the working group's own lanes, alphabetically (see sorted_lanes)
    return tuple(g.title for g in sorted(programme.working_groups, key=lambda g: g.number))


def sorted_lanes(catalogue: Catalogue, lanes: set[str], mode: LaneMode) -> list[str]:
    """The given lanes in the mode's stable order; unknown ones (stale ids) last, alphabetically."""
    order = {lane: i for i, lane in enumerate(lane_order(catalogue, mode))}
    return sorted(lanes, key=lambda lane: (order.get(lane, len(order)), lane))


def point_text(programme: Programme, point: JourneyPoint, cohort_year: int | None) -> str:
    """« octobre · Seconde », or « octobre 2025 » for a cohort."""
    if cohort_year is None:
        return point_label(programme, point)
    return long_month_year(point_date(programme, point, cohort_year))


def frise_row(catalogue: Catalogue, idx: int, placement: Placement, options: FriseOptions) -> FriseRow:
    """One placement read for the frise."""
    programme = catalogue.programme
    brick = catalogue.brick(placement.brick)
    return FriseRow(
        idx=idx,
        placement=placement,
        brick=brick,
        lane=lane_of(catalogue, placement, options.lane_mode),
        start=point_index(programme, placement.start),
        end=point_index(programme, placement.end),
        start_label=point_text(programme, placement.start, options.cohort_year),
        end_label=point_text(programme, placement.end, options.cohort_year),
        pillar_label=programme.pillar(brick.pillar).label,
        modality_label=_(MODALITY_LABELS[brick.modality]),
        partner=partner_name(catalogue, placement),
    )


def frise_rows(catalogue: Catalogue, scenario: Scenario, options: FriseOptions) -> list[FriseRow]:
    """The visible placements of a scenario, read for the chart and the table, in scenario order."""
    return [frise_row(catalogue, i, p, options) for i, p in visible_placements(catalogue, scenario, options)]


def frise_table(catalogue: Catalogue, scenario: Scenario, options: FriseOptions) -> pd.DataFrame:
    """The frise as a French table, one line per visible placement (user text kept as plain data)."""
    programme = catalogue.programme
    records = [
        (
            row.number,
            row.brick.shown_title,
            row.pillar_label,
            row.modality_label,
            row.lane,
            row.start_label,
            row.end_label,
            duration_months(programme, row.placement.start, row.placement.end),
            row.partner,
            row.placement.note or "",
        )
        for row in frise_rows(catalogue, scenario, options)
    ]
    return pd.DataFrame.from_records(records, columns=[_(column) for column in TABLE_COLUMNS])


def shared_frise_table(catalogue: Catalogue, scenario: Scenario, options: FriseOptions) -> pd.DataFrame:
    """`frise_table` as the page shows it (French text), built once per scenario and options.

    A shared frame: do not change it.
    """

    def build() -> pd.DataFrame:
        table = table_text(frise_table(catalogue, scenario, options))
        return table.rename(columns=_)  # the headers in the reader's language (the files keep French)

    return catalogue.memo.get(("frise-table", scenario, options), build)
