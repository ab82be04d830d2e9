"""A workshop's results as records for the specification export (document and spreadsheet).

Only revealed or locked rounds are reported (a blind round's answers never leave the room);
participants are counted, and named only when they agreed to be; a focus group names no one.
"""

from dataclasses import dataclass
from datetime import datetime

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.workshop.focus import FocusItemResult, focus_by_stage, focus_results
from tpt_model.workshop.records import Kind, RoundState, Snapshot
from tpt_model.workshop.results import round_results
from tpt_model.workshop.rounds import results_visible

__all__ = ["BrickRow", "RoundReport", "WorkshopReport", "brick_rows", "workshop_report"]


@dataclass(frozen=True, slots=True)
class BrickRow:
    """One brick in an evaluation round: rank, total, mean and gap per criterion, « à discuter »."""

    brick_id: str
    title: str
    rank: int | None
    total: float | None
    means: dict[str, float | None]  # by criterion id
    gaps: dict[str, int | None]  # by criterion id: highest minus lowest score
    evaluators: int
    to_discuss: bool


@dataclass(frozen=True, slots=True)
class RoundReport:
    """One reported round: what it was about, how many answered, and its results."""

    number: int
    title: str
    state: RoundState
    item_kind: str
    items: int
    respondents: int
    bricks: tuple[BrickRow, ...]  # an evaluation round's ranking
    disputed: tuple[str, ...]  # titles of the bricks « à discuter »
    focus_items: tuple[FocusItemResult, ...]  # a focus round's answers per brick or stage
    focus_stages: tuple[FocusItemResult, ...]  # the same, gathered per stage


@dataclass(frozen=True, slots=True)
class WorkshopReport:
    """A workshop for the export: its kind, scenario, participants counted (named if they agreed), rounds."""

    title: str
    kind: Kind
    scenario_name: str
    scenario_version: int
    created_at: datetime
    participants: int
    named: tuple[str, ...]
    rounds: tuple[RoundReport, ...]


def brick_rows(catalogue: Catalogue, snapshot: Snapshot, number: int) -> tuple[BrickRow, ...]:
    """The ranking of an evaluation round as rows (empty for an unknown or still blind round)."""
    round_ = snapshot.round(number)
    if round_ is None or not results_visible(round_.state):
        return ()
    return tuple(
        BrickRow(
            brick_id=r.brick_id,
            title=r.title,
            rank=r.rank,
            total=r.total,
            means={c: agg.mean for c, agg in r.criteria.items()},
            gaps={c: agg.gap for c, agg in r.criteria.items()},
            evaluators=r.evaluators,
            to_discuss=r.to_discuss,
        )
        for r in round_results(catalogue, snapshot, round_)
    )


def workshop_report(catalogue: Catalogue, scenario: Scenario, snapshot: Snapshot) -> WorkshopReport:
    """What the export says of a workshop: its revealed rounds, counted and aggregated."""
    workshop = snapshot.workshop
    rounds = []
    for round_ in snapshot.rounds:
        if not results_visible(round_.state):
            continue
        answers = snapshot.answers_of(round_.number)
        counted = {p.id for p in snapshot.participants if not p.removed or round_.state == "locked"}
        respondents = len({a.participant_id for a in answers if a.participant_id in counted})
        if workshop.kind == "focus":
            kept = [a for a in answers if a.participant_id in counted]
            items = tuple(focus_results(catalogue, round_, kept))
            stages = tuple(focus_by_stage(catalogue, scenario, round_, kept))
            bricks: tuple[BrickRow, ...] = ()
        else:
            items, stages = (), ()
            bricks = brick_rows(catalogue, snapshot, round_.number)
        rounds.append(
            RoundReport(
                number=round_.number,
                title=round_.title,
                state=round_.state,
                item_kind=round_.item_kind,
                items=len(round_.items),
                respondents=respondents,
                bricks=bricks,
                disputed=tuple(b.title for b in bricks if b.to_discuss),
                focus_items=items,
                focus_stages=stages,
            )
        )
    named = tuple(p.name for p in snapshot.present if p.named_in_report and p.name)
    return WorkshopReport(
        title=workshop.title,
        kind=workshop.kind,
        scenario_name=scenario.name,
        scenario_version=workshop.scenario_version,
        created_at=workshop.created_at,
        participants=len(snapshot.present),
        named=named if workshop.kind == "evaluation" else (),
        rounds=tuple(rounds),
    )
