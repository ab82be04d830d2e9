"""The programme's budget from a cohort plan: cost of each walk, and spending by calendar year and pillar."""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import altair as alt

from tpt_model.analysis.coverage import placed_bricks
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan
from tpt_model.catalogue.costs import placement_cost
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.frise.spec import chart_spec
from tpt_model.journey.cohort import point_date, school_year_start
from tpt_model.journey.timeline import point_at, point_index

YEARS = 5


@dataclass(frozen=True)
class BudgetEntry:
    """What one brick costs the programme in one calendar year: for its beneficiaries, or fixed."""

    year: int
    brick: str
    pillar: str
    eur: float
    fixed: bool
    inferred: bool


def cohort_plan(catalogue: Catalogue, scenario: Scenario) -> CohortPlan:
    """The scenario's cohort plan, or the programme's default one."""
    return scenario.cohort_plan or catalogue.programme.cohort_plan


def _share(shares: dict[Any, float], chosen: set[str], every: list[str]) -> float:
    """The share of a cohort on one of the chosen tracks (or exits); equal shares when none are given."""
    if not shares:
        return len(chosen & set(every)) / len(every) if every else 1.0
    return sum(shares.get(key, 0.0) for key in chosen)


def _tracks(catalogue: Catalogue, placement: Placement, brick: Brick) -> set[str]:
    """Tracks that receive the placement: named by it (or its brick), and whose stages it lies on."""
    programme = catalogue.programme
    named = set(placement.tracks or brick.tracks) & set(brick.tracks)
    ends = (programme.stage(placement.start.stage), programme.stage(placement.end.stage))
    return {t for t in named if all(t in stage.tracks for stage in ends)}


def received_share(catalogue: Catalogue, plan: CohortPlan, placement: Placement, brick: Brick) -> float:
    """The share of a cohort that receives a placement: its tracks, its exits, the flags it requires."""
    programme = catalogue.programme
    tracks = _share(plan.tracks, _tracks(catalogue, placement, brick), [t.id for t in programme.tracks])
    exits = set(placement.exits or brick.exits) & set(brick.exits)
    exit_share = _share(plan.exits, set(exits), [e.id for e in programme.exits])
    return tracks * exit_share * math.prod(plan.flags.get(flag, 0.0) for flag in brick.eligibility)


def walk_cost(
    catalogue: Catalogue, scenario: Scenario, track: str, exit_: str, flags: frozenset[str]
) -> float:
    """What the programme spends on one young woman on this track, towards this exit, with these flags."""
    total = 0.0
    for placement, brick in placed_bricks(catalogue, scenario):
        exits = set(placement.exits or brick.exits) & set(brick.exits)
        if (
            track in _tracks(catalogue, placement, brick)
            and exit_ in exits
            and set(brick.eligibility) <= flags
        ):
            total += placement_cost(catalogue.programme, brick, placement).programme_eur
    return total


Placed = list[tuple[Placement, Brick]]


def _cohort_entries(
    catalogue: Catalogue, plan: CohortPlan, cohort: Cohort, placed: Placed
) -> list[BudgetEntry]:
    """One cohort's spending on each placement it receives, in the calendar year of the placement's start.

    A placement under way when the cohort joins counts from the cohort's first month.
    """
    programme = catalogue.programme
    joins = programme.stage_index[cohort.entry_stage] * 12
    first_stage_year = cohort.year - programme.stage_index[cohort.entry_stage]
    entries = []
    for placement, brick in placed:
        if point_index(programme, placement.end) < joins:
            continue  # over before she joins
        start = point_at(programme, max(joins, point_index(programme, placement.start)))
        year = point_date(programme, start, first_stage_year).year
        share = received_share(catalogue, plan, placement, brick)
        eur = cohort.entrants * share * placement_cost(programme, brick, placement).programme_eur
        entries.append(BudgetEntry(year, brick.id, brick.pillar, eur, False, brick.cost.inferred))
    return entries


def _running_years(catalogue: Catalogue, plan: CohortPlan, placed: Placed) -> dict[str, set[int]]:
    """For each brick, the school years (by their September) in which it runs for some entrant."""
    programme = catalogue.programme
    running: dict[str, set[int]] = defaultdict(set)
    for cohort in (c for c in plan.cohorts if c.entrants and c.entry_stage in programme.stage_index):
        joins = programme.stage_index[cohort.entry_stage] * 12
        first_stage_year = cohort.year - programme.stage_index[cohort.entry_stage]
        for placement, brick in placed:
            first = max(joins, point_index(programme, placement.start))
            for index in range(first, point_index(programme, placement.end) + 1, 12):
                date = point_date(programme, point_at(programme, index), first_stage_year)
                running[brick.id].add(school_year_start(date))
    return running


def budget_entries(catalogue: Catalogue, scenario: Scenario) -> list[BudgetEntry]:
    """Spending by calendar year and brick from the scenario's cohort plan, fixed costs once per school year.

    A brick's fixed cost is booked in the calendar year in which each school year it runs begins.
    """
    programme = catalogue.programme
    plan = cohort_plan(catalogue, scenario)
    placed = placed_bricks(catalogue, scenario)
    entries = [
        entry
        for cohort in plan.cohorts
        if cohort.entry_stage in programme.stage_index
        for entry in _cohort_entries(catalogue, plan, cohort, placed)
    ]
    for brick_id, years in _running_years(catalogue, plan, placed).items():
        brick = catalogue.brick(brick_id)
        entries += [
            BudgetEntry(y, brick.id, brick.pillar, brick.cost.fixed_eur, True, brick.cost.inferred)
            for y in years
        ]
    return entries


def budget_years(catalogue: Catalogue, scenario: Scenario, years: int = YEARS) -> list[int]:
    """The calendar years the budget is shown for: five from the first cohort's entry."""
    plan = cohort_plan(catalogue, scenario)
    first = min((c.year for c in plan.cohorts), default=school_year_start(datetime.date.today()))
    return list(range(first, first + years))


def by_calendar_year(entries: list[BudgetEntry], years: list[int]) -> list[dict[str, float | int]]:
    """The total of each calendar year: `{"year": …, "eur": …}`."""
    totals = dict.fromkeys(years, 0.0)
    for entry in entries:
        if entry.year in totals:
            totals[entry.year] += entry.eur
    return [{"year": year, "eur": round(eur, 2)} for year, eur in totals.items()]


def inferred_share(entries: list[BudgetEntry], years: list[int]) -> float:
    """The share of the spending over these years that rests on inferred costs (0 when nothing is spent)."""
    shown = [e for e in entries if e.year in years]
    total = sum(e.eur for e in shown)
    return sum(e.eur for e in shown if e.inferred) / total if total else 0.0


def budget_table(catalogue: Catalogue, entries: list[BudgetEntry], years: list[int]) -> list[dict[str, Any]]:
    """The stacked bars' table twin: one French row per calendar year and pillar."""
    sums: dict[tuple[int, str], float] = defaultdict(float)
    for entry in entries:
        if entry.year in years:
            sums[(entry.year, entry.pillar)] += entry.eur
    return [
        {"Année": year, "Volet": pillar.label, "Montant (€)": round(sums[(year, pillar.id)], 2)}
        for year in years
        for pillar in catalogue.programme.pillars
    ]


def budget_spec(catalogue: Catalogue, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Spending per calendar year stacked by pillar, as a Vega-Lite dict drawn from `budget_table`'s rows."""
    pillars = catalogue.programme.pillars
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("Année:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("Montant (€):Q", title="Montant (€)", stack="zero"),
            color=alt.Color(
                "Volet:N",
                scale=alt.Scale(domain=[p.label for p in pillars], range=[p.color for p in pillars]),
            ),
            tooltip=["Année:O", "Volet:N", alt.Tooltip("Montant (€):Q", format=",.0f")],
        )
        .properties(width="container", height=300)
    )
    return chart_spec(chart)


def walk_table(catalogue: Catalogue, scenario: Scenario) -> list[dict[str, Any]]:
    """The cost per beneficiary of each typical walk: track × exit, without and with a bursary."""
    programme = catalogue.programme
    return [
        {
            "Parcours": track.label,
            "Sortie": exit_.label,
            "Non boursière (€)": walk_cost(catalogue, scenario, track.id, exit_.id, frozenset()),
            "Boursière (€)": walk_cost(catalogue, scenario, track.id, exit_.id, frozenset({"boursiere"})),
        }
        for track in programme.tracks
        for exit_ in programme.exits
    ]
