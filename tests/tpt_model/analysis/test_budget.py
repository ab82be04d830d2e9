"""The budget from a cohort plan: walks, calendar years, fixed costs once per school year."""

from dataclasses import replace

import altair as alt
from helpers import pt

from tpt_model.analysis.budget import (
    budget_entries,
    budget_years,
    by_calendar_year,
    by_year,
    inferred_share,
    walk_cost,
)
from tpt_model.analysis.budget_tables import (
    budget_description,
    budget_pivot,
    budget_pivot_text,
    budget_rows,
    budget_spec,
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


def test_the_rows_the_chart_and_the_inferred_share(catalogue: Catalogue) -> None:
    scenario = planned(
        MENTORING_IN_JANUARY, cohorts=[{"year": 2026, "entrants": 10, "entry_stage": "terminale"}]
    )
    years = budget_years(catalogue, scenario)
    assert years == [2026, 2027, 2028, 2029, 2030]
    entries = budget_entries(catalogue, scenario)
    rows = budget_rows(catalogue, entries, years)
    # The mentoring's cost is inferred: it stands apart from sourced costs, to be drawn paler.
    assert {"Année civile": "2027", "Volet": "Accompagner", "Coût": "estimé", "Montant (€)": 4000} in rows
    assert {"Année civile": "2027", "Volet": "Accompagner", "Coût": "sourcé", "Montant (€)": 0} in rows
    assert len(rows) == 5 * 3 * 2
    assert inferred_share(entries, years) == 1
    spec = budget_spec(catalogue, rows)
    alt.Chart.from_dict(spec)  # a valid Vega-Lite spec
    assert spec["encoding"]["opacity"]["field"] == "Coût"
    assert spec["encoding"]["y"]["axis"]["format"] == ",.0f"
    assert spec["config"]["locale"]["number"]["thousands"] == "\u202f"  # « 20 000 000 » on the axis


def test_sourced_and_inferred_costs_are_told_apart(catalogue: Catalogue) -> None:
    workshop = Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10))
    scenario = planned(
        workshop, MENTORING_IN_JANUARY, cohorts=[{"year": 2025, "entrants": 100, "entry_stage": "seconde"}]
    )
    years = budget_years(catalogue, scenario)
    entries = budget_entries(catalogue, scenario)
    # 2025: the workshop (100 × 5 € + 1,000 € fixed), sourced; 2028: the mentoring (100 × 400 €), inferred.
    assert round(inferred_share(entries, years), 6) == round(40_000 / (1_500 + 40_000), 6)
    table = budget_pivot(budget_rows(catalogue, entries, years), "pillar", "calendar")
    assert list(table.columns) == ["Volet", "2025", "2026", "2027", "2028", "2029", "Total"]
    rows = {row["Volet"]: row for row in table.to_dict("records")}
    assert (rows["Attirer"]["2025"], rows["Accompagner"]["2028"]) == (1500, 40_000)
    assert (rows["Total"]["Total"], rows["dont estimé"]["Total"], rows["dont estimé"]["2025"]) == (
        41_500,
        40_000,
        0,
    )


def test_school_years_and_calendar_years_split_a_school_year_in_two(catalogue: Catalogue) -> None:
    # Terminale in 2027–28: the workshop-free mentoring starts in January 2028, school year 2027.
    scenario = planned(
        MENTORING_IN_JANUARY, cohorts=[{"year": 2025, "entrants": 100, "entry_stage": "seconde"}]
    )
    entries = budget_entries(catalogue, scenario)
    assert by_year(entries, [2027, 2028], "calendar") == [
        {"year": 2027, "eur": 0},
        {"year": 2028, "eur": 40_000},
    ]
    assert by_year(entries, [2027, 2028], "school") == [
        {"year": 2027, "eur": 40_000},
        {"year": 2028, "eur": 0},
    ]
    rows = budget_rows(catalogue, entries, [2027], kind="school")
    assert rows[0]["Année scolaire"] == "2027–2028"


def test_spending_by_phase(catalogue: Catalogue) -> None:
    in_bac_1 = Placement(brick="mentorat", start=pt("bac-1", 10), end=pt("bac-1", 12))
    scenario = planned(
        MENTORING_IN_JANUARY, in_bac_1, cohorts=[{"year": 2025, "entrants": 10, "entry_stage": "seconde"}]
    )
    table = budget_pivot(
        budget_rows(catalogue, budget_entries(catalogue, scenario), [2028], "phase"), "phase", "calendar"
    )
    assert table[["Phase", "2028"]].to_dict("records")[:3] == [
        {"Phase": "Je construis mon projet", "2028": 4000},  # terminale, January 2028
        {"Phase": "Je réussis ma formation", "2028": 4000},  # bac+1, October 2028
        {"Phase": "Je m'épanouis dans mon job", "2028": 0},
    ]


def test_spending_by_partner_shares_a_placement_between_its_partners(catalogue: Catalogue) -> None:
    workshop = Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10))
    shared = MENTORING_IN_JANUARY.model_copy(update={"start": pt("seconde", 10), "end": pt("seconde", 10)})
    scenario = planned(
        workshop,
        shared,
        COMPUTER,
        cohorts=[{"year": 2025, "entrants": 10, "entry_stage": "seconde"}],
        flags={"boursiere": 1.0},
    )
    rows = budget_rows(catalogue, budget_entries(catalogue, scenario), [2025, 2026, 2027, 2028], "partner")
    table = budget_pivot(rows, "partner", "calendar").set_index("Partenaire")
    assert table.loc["Femmes@Numérique", "2025"] == 10 * 5 + 1000
    assert table.loc["Inria", "2025"] == 10 * 400
    # The computer names no partner: it is counted apart, not lost.
    assert table.loc["Sans partenaire", "2028"] == 10 * 450
    # A brick delivered by two partners (none in the test catalogue): each carries half.
    alone = planned(shared, cohorts=[{"year": 2025, "entrants": 10, "entry_stage": "seconde"}])
    entries = [
        replace(e, partners=("inria", "femmes-at-numerique")) for e in budget_entries(catalogue, alone)
    ]
    split = budget_pivot(budget_rows(catalogue, entries, [2025], "partner"), "partner", "calendar")
    assert split.set_index("Partenaire")["2025"].to_dict() == {
        "Inria": 2000,
        "Femmes@Numérique": 2000,
        "Total": 4000,
        "dont estimé": 4000,
    }


def test_the_table_twin_reads_in_french_euros(catalogue: Catalogue) -> None:
    scenario = planned(
        MENTORING_IN_JANUARY, cohorts=[{"year": 2025, "entrants": 50_000, "entry_stage": "seconde"}]
    )
    entries = budget_entries(catalogue, scenario)
    text = budget_pivot_text(budget_rows(catalogue, entries, [2028]), "pillar", "calendar")
    assert text.set_index("Volet").loc["Accompagner", "2028"] == "20\u202f000\u202f000\u00a0€"


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
        "Non boursière": 400,
        "Boursière": 850,
    }


def test_a_fixed_cost_counts_in_each_school_year_a_placement_touches(catalogue: Catalogue) -> None:
    # August of seconde to September of première: two school years, two fixed costs.
    summer = Placement(brick="atelier-classe", start=pt("seconde", 8), end=pt("premiere", 9))
    scenario = planned(summer, cohorts=[{"year": 2025, "entrants": 10, "entry_stage": "seconde"}])
    fixed = sorted((e.school_year, e.eur) for e in budget_entries(catalogue, scenario) if e.fixed)
    assert fixed == [(2025, 1000), (2026, 1000)]


def test_the_chart_says_in_words_what_each_group_spends(catalogue: Catalogue) -> None:
    scenario = planned(
        MENTORING_IN_JANUARY, COMPUTER, cohorts=[{"year": 2026, "entrants": 10, "entry_stage": "terminale"}]
    )
    rows = budget_rows(catalogue, budget_entries(catalogue, scenario), budget_years(catalogue, scenario))
    # Vega makes the description the chart's label, which screen readers read; largest first.
    assert budget_spec(catalogue, rows)["description"] == (
        "Dépenses par année civile et par volet, de 2026 à 2030 : Accompagner 4\u202f000\u00a0€, "
        "Attirer 0\u00a0€, Transformer 0\u00a0€ ; en tout 4\u202f000\u00a0€."
    )
    assert (
        budget_description([], "phase", "school")
        == "Dépenses par année scolaire et par phase : aucune dépense."
    )
