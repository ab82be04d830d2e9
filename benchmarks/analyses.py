"""All the analyses of a scenario, measured against drawing its frise chart alone."""

from benchmarks.pages import REPEAT, workspace
from tpt_model.analysis.budget import budget_entries, budget_spec, budget_table, budget_years, walk_table
from tpt_model.analysis.communication import communication_plan
from tpt_model.analysis.coverage import coverage, coverage_spec, coverage_table
from tpt_model.analysis.gaps import journey_gaps
from tpt_model.analysis.partners import partner_table
from tpt_model.bench.loader import best_of
from tpt_model.bench.synthetic import synthetic_scenario
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.frise.chart import frise_chart
from tpt_model.frise.rows import FriseOptions
from tpt_model.frise.spec import chart_spec, inline_datasets
from tpt_model.scenario.folder import load_catalogue


def all_analyses(catalogue: Catalogue, scenario: Scenario) -> None:
    """What the Analyse page computes: coverage, gaps, budget, walks, partners, a cohort's plan."""
    cells = coverage(catalogue, scenario)
    coverage_spec(catalogue, cells)
    coverage_table(catalogue, cells, "pillar")
    journey_gaps(catalogue, scenario)
    entries = budget_entries(catalogue, scenario)
    budget_spec(catalogue, budget_table(catalogue, entries, budget_years(catalogue, scenario)))
    walk_table(catalogue, scenario)
    partner_table(catalogue, scenario)
    communication_plan(catalogue, scenario, 2025)


def run_analysis_benchmark(*, quick: bool = False) -> None:
    """Print the ratio of every analysis of a scenario to its frise chart alone."""
    placements = 60 if quick else 300
    with workspace(50) as root:
        catalogue = load_catalogue(root)
        scenario = synthetic_scenario(catalogue, placements)
        plan = catalogue.programme.cohort_plan
        chart = best_of(
            lambda: inline_datasets(chart_spec(frise_chart(catalogue, scenario, FriseOptions()))), REPEAT
        )
        analyses = best_of(lambda: all_analyses(catalogue, scenario), REPEAT)
    years = len({c.year for c in plan.cohorts})
    print(
        f"Analyses, {placements} placements, {len(plan.cohorts)} cohortes sur {years} rentrées "
        f"÷ graphique de la frise seul (objectif ≤ 1) : ratio {analyses / chart:.2f}"
    )
