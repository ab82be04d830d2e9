"""The programme's budget from a cohort plan: what each cohort costs, year by year, brick by brick."""

import datetime
import math
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Literal

from tpt_model.analysis.coverage import named_exits, named_tracks, placed_bricks
from tpt_model.analysis.partners import delivering
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan
from tpt_model.catalogue.costs import placement_cost
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.catalogue.types import Track
from tpt_model.journey.cohort import index_years, school_year_start
from tpt_model.journey.timeline import point_index

YEARS = 5
YearKind = Literal["calendar", "school"]


@dataclass(frozen=True)
class BudgetEntry:
    """What one brick costs the programme at one moment: for a cohort's beneficiaries, or fixed.

    `year` is the calendar year, `school_year` the September that opens the school year; the phase
    is where the spending happens on the journey, the partners who deliver it (none: « sans »).
    """

    year: int
    school_year: int
    brick: str
    pillar: str
    phase: str
    partners: tuple[str, ...]
    eur: float
    fixed: bool
    inferred: bool

    def when(self, kind: YearKind) -> int:
        """The calendar year or the school year (by its September) the entry is booked in."""
        return self.year if kind == "calendar" else self.school_year


def cohort_plan(catalogue: Catalogue, scenario: Scenario) -> CohortPlan:
    """The scenario's cohort plan, or the programme's default one."""
    return scenario.cohort_plan or catalogue.programme.cohort_plan


def _share(shares: Mapping[Any, float], chosen: AbstractSet[str], every: list[str]) -> float:
    """The share of a cohort on one of the chosen tracks (or exits); equal shares when none are given."""
    if not shares:
        return len(chosen & set(every)) / len(every) if every else 1.0
    return sum(shares.get(key, 0.0) for key in chosen)


def _tracks(catalogue: Catalogue, placement: Placement, brick: Brick) -> set[Track]:
    """Tracks that receive the placement: named by it (or its brick), and whose stages it lies on."""
    programme = catalogue.programme
    named = named_tracks(placement, brick)
    ends = (programme.stage(placement.start.stage), programme.stage(placement.end.stage))
    return {t for t in named if all(t in stage.tracks for stage in ends)}


def received_share(catalogue: Catalogue, plan: CohortPlan, placement: Placement, brick: Brick) -> float:
    """The share of a cohort that receives a placement: its tracks, its exits, the flags it requires."""
    programme = catalogue.programme
    tracks = _share(plan.tracks, _tracks(catalogue, placement, brick), [t.id for t in programme.tracks])
    exit_share = _share(plan.exits, named_exits(placement, brick), [e.id for e in programme.exits])
    return tracks * exit_share * math.prod(plan.flags.get(flag, 0.0) for flag in brick.eligibility)


@dataclass(frozen=True)
class _Placed:
    """What the budget needs of one placement, worked out once for every cohort and walk."""

    first: int  # months of the axis, both included
    last: int
    brick: Brick
    tracks: frozenset[str]
    exits: frozenset[str]
    eur: float  # one beneficiary's cost to the programme
    share: float  # of a cohort that receives it
    partners: tuple[str, ...]


def _placed(catalogue: Catalogue, scenario: Scenario) -> tuple[_Placed, ...]:
    """The scenario's placements as the budget needs them; worked out once for the budget and the walks."""
    return catalogue.memo.get(("placed", scenario), lambda: _work_out(catalogue, scenario))


def _work_out(catalogue: Catalogue, scenario: Scenario) -> tuple[_Placed, ...]:
    programme = catalogue.programme
    plan = cohort_plan(catalogue, scenario)
    return tuple(
        _Placed(
            first=point_index(programme, placement.start),
            last=point_index(programme, placement.end),
            brick=brick,
            tracks=frozenset(_tracks(catalogue, placement, brick)),
            exits=frozenset(named_exits(placement, brick)),
            eur=placement_cost(programme, brick, placement).programme_eur,
            share=received_share(catalogue, plan, placement, brick),
            partners=delivering(placement, brick),
        )
        for placement, brick in placed_bricks(catalogue, scenario)
    )


def walk_costs(
    catalogue: Catalogue, scenario: Scenario, flags: frozenset[str]
) -> dict[tuple[str, str], float]:
    """What the programme spends on one young woman with these flags, for each track and exit."""
    placed = _placed(catalogue, scenario)
    programme = catalogue.programme
    return {
        (track.id, exit_.id): sum(
            p.eur
            for p in placed
            if track.id in p.tracks and exit_.id in p.exits and set(p.brick.eligibility) <= flags
        )
        for track in programme.tracks
        for exit_ in programme.exits
    }


def walk_cost(
    catalogue: Catalogue, scenario: Scenario, track: str, exit_: str, flags: frozenset[str]
) -> float:
    """What the programme spends on one young woman on this track, towards this exit, with these flags."""
    return walk_costs(catalogue, scenario, flags)[(track, exit_)]


def _joins(catalogue: Catalogue, cohort: Cohort) -> tuple[int, int]:
    """The month of the axis at which the cohort joins, and the September its first stage would start."""
    index = catalogue.programme.stage_index[cohort.entry_stage]
    return index * 12, cohort.year - index


def _cohort_entries(catalogue: Catalogue, cohort: Cohort, placed: tuple[_Placed, ...]) -> list[BudgetEntry]:
    """One cohort's spending on each placement it receives, in the calendar year of the placement's start.

    A placement under way when the cohort joins counts from the cohort's first month.
    """
    phases = [s.phase for s in catalogue.programme.stages]
    joins, first_stage_year = _joins(catalogue, cohort)
    entries = []
    for p in placed:
        if p.last < joins:
            continue  # over before she joins
        start = max(joins, p.first)
        year, school_year = index_years(start, first_stage_year)
        entries.append(
            BudgetEntry(
                year=year,
                school_year=school_year,
                brick=p.brick.id,
                pillar=p.brick.pillar,
                phase=phases[start // 12],
                partners=p.partners,
                eur=cohort.entrants * p.share * p.eur,
                fixed=False,
                inferred=p.brick.cost.inferred,
            )
        )
    return entries


@dataclass
class _Run:
    """Where a brick runs in one school year: the first month met, its phase, every partner delivering it."""

    first: int
    phase: str
    partners: dict[str, None]


def _runs(catalogue: Catalogue, plan: CohortPlan, placed: tuple[_Placed, ...]) -> dict[tuple[str, int], _Run]:
    """For each brick and school year (by its September) in which it runs for some entrant, where it runs."""
    programme = catalogue.programme
    phases = [s.phase for s in programme.stages]
    runs: dict[tuple[str, int], _Run] = {}
    for cohort in (c for c in plan.cohorts if c.entrants and c.entry_stage in programme.stage_index):
        joins, first_stage_year = _joins(catalogue, cohort)
        for p in placed:
            start = max(joins, p.first)
            # Every school year the placement touches, even for a month (an October to September one: two).
            for stage in range(start // 12, p.last // 12 + 1):
                month = max(start, stage * 12)
                key = (p.brick.id, first_stage_year + stage)
                run = runs.get(key)
                if run is None:
                    runs[key] = _Run(month, phases[stage], dict.fromkeys(p.partners))
                    continue
                if month < run.first:
                    run.first, run.phase = month, phases[stage]
                if p.partners != tuple(run.partners):
                    run.partners.update(dict.fromkeys(p.partners))
    return runs


def budget_entries(catalogue: Catalogue, scenario: Scenario) -> list[BudgetEntry]:
    """Spending by year and brick from the scenario's cohort plan, fixed costs once per school year.

    A brick's fixed cost is booked in the calendar year in which each school year it runs begins.
    Computed once per scenario (the page, its comparison and the export ask for it).
    """
    return list(catalogue.memo.get(("budget", scenario), lambda: _budget_entries(catalogue, scenario)))


def _budget_entries(catalogue: Catalogue, scenario: Scenario) -> tuple[BudgetEntry, ...]:
    programme = catalogue.programme
    plan = cohort_plan(catalogue, scenario)
    placed = _placed(catalogue, scenario)
    entries = [
        entry
        for cohort in plan.cohorts
        if cohort.entry_stage in programme.stage_index
        for entry in _cohort_entries(catalogue, cohort, placed)
    ]
    for (brick_id, school_year), run in _runs(catalogue, plan, placed).items():
        brick = catalogue.brick(brick_id)
        entries.append(
            BudgetEntry(
                year=school_year,
                school_year=school_year,
                brick=brick.id,
                pillar=brick.pillar,
                phase=run.phase,
                partners=tuple(run.partners),
                eur=brick.cost.fixed_eur,
                fixed=True,
                inferred=brick.cost.inferred,
            )
        )
    return tuple(entries)


def budget_years(catalogue: Catalogue, scenario: Scenario, years: int = YEARS) -> list[int]:
    """The years the budget is shown for: five from the first cohort's entry (calendar or September)."""
    plan = cohort_plan(catalogue, scenario)
    first = min((c.year for c in plan.cohorts), default=school_year_start(datetime.date.today()))
    return list(range(first, first + years))


def by_year(
    entries: list[BudgetEntry], years: list[int], kind: YearKind = "calendar"
) -> list[dict[str, Any]]:
    """The total of each calendar (or school) year: `{"year": …, "eur": …}`."""
    totals = dict.fromkeys(years, 0.0)
    for entry in entries:
        if entry.when(kind) in totals:
            totals[entry.when(kind)] += entry.eur
    return [{"year": year, "eur": round(eur, 2)} for year, eur in totals.items()]


def by_calendar_year(entries: list[BudgetEntry], years: list[int]) -> list[dict[str, Any]]:
    """The total of each calendar year: `{"year": …, "eur": …}`."""
    return by_year(entries, years, "calendar")


def inferred_share(entries: list[BudgetEntry], years: list[int], kind: YearKind = "calendar") -> float:
    """The share of the spending over these years that rests on inferred costs (0 when nothing is spent)."""
    shown = [e for e in entries if e.when(kind) in years]
    total = sum(e.eur for e in shown)
    return sum(e.eur for e in shown if e.inferred) / total if total else 0.0
