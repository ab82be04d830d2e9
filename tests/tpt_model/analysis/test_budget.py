"""The budget from a cohort plan: walks, calendar years, fixed costs once per school year."""

import altair as alt
from helpers import pt

from tpt_model.analysis.budget import (
    budget_entries,
    budget_spec,
    budget_table,
    budget_years,
    by_calendar_year,
    inferred_share,
    walk_cost,
    walk_table,
)
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan
from tpt_model.catalogue.scenario_format import Placement, Scenario

MENTORING_IN_JANUARY = Placement(brick="mentorat", start=pt("terminale", 1), end=pt("terminale", 3))
COMPUTER = Placement(brick="ordinateur", start=pt("bac-1", 9), end=pt("bac-1", 9))


def planned(*placements: Placement, **plan: object) -> Scenario:
    return Scenario(name="S", placements=placements, cohort_plan=CohortPlan.model_validate(plan))


def beneficiaries_by_year(scenario: Scenario, catalogue: Catalogue, years: list[int]) -> list[dict]:
    entries = [e for e in budget_entries(catalogue, scenario) if not e.fixed]
    return by_calendar_year(entries, years)


def test_one_cohort_pays_its_entrants_times_the_cost_in_the_year_of_the_start(catalogue: Catalogue) -> None:
    # Entering seconde in September 2025, she is in terminale in 2027–28: January 2028.
    scenario = planned(
        MENTORING_IN_JANUARY, cohorts=[{"year": 2025, "entrants": 100, "entry_stage": "seconde"}]
    )
    assert beneficiaries_by_year(scenario, catalogue, [2027, 2028, 2029]) == [
        {"year": 2027, "eur": 0},
        {"year": 2028, "eur": 100 * 400},
        {"year": 2029, "eur": 0},
    ]


def test_two_overlapping_cohorts_are_summed_by_calendar_year(catalogue: Catalogue) -> None:
    scenario = planned(
        MENTORING_IN_JANUARY,
        cohorts=[
            {"year": 2025, "entrants": 100, "entry_stage": "seconde"},
            {"year": 2027, "entrants": 50, "entry_stage": "terminale"},  # terminale in 2027–28 too
        ],
    )
    assert beneficiaries_by_year(scenario, catalogue, [2028]) == [{"year": 2028, "eur": 150 * 400}]


def test_a_cohort_entering_after_a_placement_does_not_pay_for_it(catalogue: Catalogue) -> None:
    scenario = planned(
        MENTORING_IN_JANUARY, cohorts=[{"year": 2025, "entrants": 100, "entry_stage": "bac-1"}]
    )
    assert budget_entries(catalogue, scenario) == []


def test_a_bursary_only_brick_is_excluded_from_a_non_bursary_walk(catalogue: Catalogue) -> None:
    scenario = planned(MENTORING_IN_JANUARY, COMPUTER)
    assert walk_cost(catalogue, scenario, "court", "salariat", frozenset()) == 400
    assert walk_cost(catalogue, scenario, "court", "salariat", frozenset({"boursiere"})) == 400 + 450


def test_only_the_bursary_share_of_a_cohort_receives_a_bursary_brick(catalogue: Catalogue) -> None:
    scenario = planned(
        COMPUTER, cohorts=[{"year": 2025, "entrants": 100, "entry_stage": "bac-1"}], flags={"boursiere": 0.3}
    )
    assert beneficiaries_by_year(scenario, catalogue, [2025]) == [{"year": 2025, "eur": 100 * 0.3 * 450}]


def test_track_and_exit_shares_weigh_a_restricted_placement(catalogue: Catalogue) -> None:
    long_doctorate = MENTORING_IN_JANUARY.model_copy(update={"tracks": ("long",), "exits": ("doctorat",)})
    scenario = planned(
        long_doctorate,
        cohorts=[{"year": 2025, "entrants": 100, "entry_stage": "terminale"}],
        tracks={"court": 0.4, "long": 0.6},
        exits={"salariat": 0.9, "doctorat": 0.1},
    )
    (row,) = beneficiaries_by_year(scenario, catalogue, [2026])
    assert round(row["eur"], 6) == round(100 * 0.6 * 0.1 * 400, 6)


def test_a_fixed_cost_counts_once_per_school_year_it_runs(catalogue: Catalogue) -> None:
    workshop = Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10))
    scenario = planned(
        workshop,
        cohorts=[
            {"year": 2025, "entrants": 100, "entry_stage": "seconde"},
            {"year": 2025, "entrants": 10, "entry_stage": "seconde"},
            {"year": 2026, "entrants": 100, "entry_stage": "seconde"},
        ],
    )
    fixed = [(e.year, e.eur) for e in budget_entries(catalogue, scenario) if e.fixed]
    assert sorted(fixed) == [(2025, 1000), (2026, 1000)]


def test_the_table_the_chart_and_the_inferred_share(catalogue: Catalogue) -> None:
    scenario = planned(
        MENTORING_IN_JANUARY, cohorts=[{"year": 2026, "entrants": 10, "entry_stage": "terminale"}]
    )
    years = budget_years(catalogue, scenario)
    assert years == [2026, 2027, 2028, 2029, 2030]
    entries = budget_entries(catalogue, scenario)
    rows = budget_table(catalogue, entries, years)
    assert {"Année": 2027, "Volet": "Accompagner", "Montant (€)": 4000} in rows
    assert len(rows) == 5 * 3
    assert inferred_share(entries, years) == 1  # the mentoring's cost is inferred
    alt.Chart.from_dict(budget_spec(catalogue, rows))  # a valid Vega-Lite spec


def test_a_scenario_without_a_plan_uses_the_programme_s(catalogue: Catalogue) -> None:
    plan = CohortPlan(cohorts=(Cohort(year=2024, entrants=5, entry_stage="terminale"),))
    with_plan = catalogue.replace(programme=catalogue.programme.model_copy(update={"cohort_plan": plan}))
    scenario = Scenario(name="S", placements=(MENTORING_IN_JANUARY,))
    assert by_calendar_year(budget_entries(with_plan, scenario), [2025]) == [{"year": 2025, "eur": 5 * 400}]


def test_the_walk_table_prices_each_track_and_exit_with_and_without_a_bursary(catalogue: Catalogue) -> None:
    rows = walk_table(catalogue, planned(MENTORING_IN_JANUARY, COMPUTER))
    assert len(rows) == 2 * 3
    assert rows[0] == {
        "Parcours": "Études courtes",
        "Sortie": "Salariat",
        "Non boursière (€)": 400,
        "Boursière (€)": 850,
    }
