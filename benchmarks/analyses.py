"""All the analyses of a scenario, measured against drawing its frise chart alone."""

import time
from collections.abc import Callable, Iterator

from benchmarks.pages import REPEAT, workspace
from tpt_model.analysis.budget import budget_entries, budget_years, inferred_share
from tpt_model.analysis.budget_tables import budget_pivot_text, budget_rows, budget_spec, walk_table
from tpt_model.analysis.communication import communication_plan, plan_table
from tpt_model.analysis.comparison import compare
from tpt_model.analysis.comparison_tables import budget_side_by_side, comparison_lines, scores_side_by_side
from tpt_model.analysis.coverage import coverage, coverage_spec, coverage_table
from tpt_model.analysis.gaps import journey_gaps
from tpt_model.analysis.partners import partner_table
from tpt_model.bench.synthetic import synthetic_scenario
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.frise.chart import frise_chart
from tpt_model.frise.rows import FriseOptions
from tpt_model.frise.spec import chart_spec, inline_datasets
from tpt_model.scenario.folder import load_catalogue

FIRST_YEAR = 2025


def five_year_plan(catalogue: Catalogue) -> CohortPlan:
    """Five rentrées of entrants in seconde and in bac+1, with the programme's shares."""
    shipped = catalogue.programme.cohort_plan
    cohorts = tuple(
        Cohort(year=FIRST_YEAR + i, entrants=2000 * (i + 1), entry_stage=stage)
        for i in range(5)
        for stage in ("seconde", "bac-1")
    )
    return shipped.model_copy(update={"cohorts": cohorts})


def all_analyses(catalogue: Catalogue, scenario: Scenario, earlier: Scenario) -> None:
    """What the Analyse page computes, its comparison with an earlier version included."""
    cells = coverage(catalogue, scenario)
    coverage_spec(catalogue, cells)
    coverage_table(catalogue, cells, "pillar")
    journey_gaps(catalogue, scenario)
    years = budget_years(catalogue, scenario)
    entries = budget_entries(catalogue, scenario)
    rows = budget_rows(catalogue, entries, years, "pillar", "calendar")
    budget_spec(catalogue, rows, "pillar", "calendar")
    budget_pivot_text(rows, "pillar", "calendar")
    inferred_share(entries, years)
    walk_table(catalogue, scenario)
    partner_table(catalogue, scenario)
    plan_table(catalogue, communication_plan(catalogue, scenario, FIRST_YEAR))
    found = compare(catalogue, earlier, scenario)
    comparison_lines(catalogue, found)
    budget_side_by_side(found)
    scores_side_by_side(catalogue, found)


def _fresh(scenario: Scenario, count: int) -> Iterator[Scenario]:
    """Copies under other names: each run computes afresh, as after a change (nothing memoised)."""
    return iter([scenario.model_copy(update={"name": f"{scenario.name} {i}"}) for i in range(count)])


def interleaved(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Best times of two tasks run turn by turn: a machine busy with other work slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for task, kept in zip((first, second), times, strict=True):
            start = time.perf_counter()
            task()
            kept.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def run_analysis_benchmark(*, quick: bool = False) -> None:
    """Print the ratio of every analysis of a scenario to its frise chart alone."""
    placements = 60 if quick else 300
    with workspace(50) as root:
        catalogue = load_catalogue(root)
        plan = five_year_plan(catalogue)
        scenario = synthetic_scenario(catalogue, placements).model_copy(update={"cohort_plan": plan})
        earlier = scenario.model_copy(update={"placements": scenario.placements[:-1]})
        scenarios, earliers = _fresh(scenario, REPEAT * 2), _fresh(earlier, REPEAT * 2)
        chart, analyses = interleaved(
            lambda: inline_datasets(chart_spec(frise_chart(catalogue, scenario, FriseOptions()))),
            lambda: all_analyses(catalogue, next(scenarios), next(earliers)),
            REPEAT * 2,
        )
    years = len({c.year for c in plan.cohorts})
    print(
        f"Analyses, {placements} placements, {len(plan.cohorts)} cohortes sur {years} rentrées "
        f"÷ graphique de la frise seul (objectif ≤ 1) : ratio {analyses / chart:.2f}"
    )
