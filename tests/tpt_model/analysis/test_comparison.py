"""Two scenarios side by side."""

from helpers import pt

from tpt_model.analysis.comparison import compare
from tpt_model.analysis.comparison_tables import budget_side_by_side, comparison_lines, scores_side_by_side
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.evaluation.sheets import ScoreSheet

WORKSHOP = Placement(brick="atelier-classe", start=pt("seconde", 10), end=pt("seconde", 10))
MENTORING = Placement(brick="mentorat", start=pt("terminale", 1), end=pt("terminale", 3))
COMPUTER = Placement(brick="ordinateur", start=pt("bac-1", 9), end=pt("bac-1", 9))


def test_one_moved_placement_is_found(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    moved = MENTORING.model_copy(update={"start": pt("terminale", 3), "end": pt("terminale", 5)})
    b = Scenario(name="B", placements=(WORKSHOP, moved))
    found = compare(catalogue, a, b)
    assert found.changes == ("« Mentorat en ligne » déplacé : janvier · Terminale → mars · Terminale.",)
    assert (found.only_in_a, found.only_in_b, found.coverage) == ((), (), ())
    assert found.cost_per_beneficiary_eur == (405, 405)


def test_a_resized_placement_and_bricks_only_in_one(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    longer = MENTORING.model_copy(update={"end": pt("bac-1", 6)})
    b = Scenario(name="B", placements=(longer, COMPUTER))
    found = compare(catalogue, a, b)
    assert found.changes == ("« Mentorat en ligne » redimensionné : 3 → 18 mois, dès janvier · Terminale.",)
    assert (found.only_in_a, found.only_in_b) == (("atelier-classe",), ("ordinateur",))
    assert ("seconde", "attract", 1, 0) in found.coverage
    assert ("bac-1", "empower", 0, 2) in found.coverage  # the mentoring now reaches bac+1 too
    assert found.cost_per_beneficiary_eur == (405, 850)
    assert found.fixed_eur == (1000, 0)


def test_identical_scenarios_differ_in_nothing(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    found = compare(catalogue, a, a.model_copy(update={"name": "B"}))
    assert (found.only_in_a, found.only_in_b, found.changes, found.coverage) == ((), (), (), ())


def test_one_more_placement_of_a_brick(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP,))
    b = Scenario(name="B", placements=(WORKSHOP, WORKSHOP))
    assert compare(catalogue, a, b).changes == ("« Atelier en classe » : 1 → 2 placements.",)


def test_budget_by_year_each_with_its_own_cohort_plan(catalogue: Catalogue) -> None:
    plan = CohortPlan(cohorts=(Cohort(year=2025, entrants=100, entry_stage="seconde"),))
    a = Scenario(name="A", placements=(MENTORING,), cohort_plan=plan)
    bigger = plan.model_copy(update={"cohorts": (Cohort(year=2025, entrants=150, entry_stage="seconde"),)})
    b = a.model_copy(update={"name": "B", "cohort_plan": bigger})
    found = compare(catalogue, a, b)
    assert [year for year, _, _ in found.budget_by_year] == [2025, 2026, 2027, 2028, 2029]
    assert found.budget_by_year[3] == (2028, 100 * 400, 150 * 400)  # terminale in 2027–28: January 2028
    table = budget_side_by_side(found)
    assert table.changed == (False, False, False, True, False)
    assert table.frame.iloc[3].to_dict() == {
        "Année": "2028",
        "Référence": "40\u202f000\u00a0€",
        "Ce scénario": "60\u202f000\u00a0€",
        "Écart": "+20\u202f000\u00a0€",
    }
    assert comparison_lines(catalogue, found) == ["Plan de cohortes modifié : 100 entrantes → 150 entrantes."]
    fewer = compare(catalogue, b, a)
    assert budget_side_by_side(fewer).frame["Écart"][3] == "−20\u202f000\u00a0€"


def test_evaluation_scores_side_by_side(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    b = Scenario(name="B", placements=(MENTORING, COMPUTER))
    everyone = [ScoreSheet(brick="mentorat", evaluator="Awa", scores={"pertinence": 4, "simplicite": 4})]
    found = compare(catalogue, a, b, (everyone, everyone))
    scores = {brick: (x, y) for brick, x, y in found.scores}
    assert scores["atelier-classe"] == (None, None)  # in A only, and nobody scored it
    assert scores["ordinateur"] == (None, None)
    assert scores["mentorat"][0] == scores["mentorat"][1] is not None
    assert found.mean_score == (scores["mentorat"][0], scores["mentorat"][1])
    # A brick scored in one scenario only differs, and its row is marked.
    found = compare(catalogue, a, b, ([], everyone))
    table = scores_side_by_side(catalogue, found)
    rows = {row["Brique"]: row for row in table.frame.to_dict("records")}
    assert rows["Mentorat en ligne"]["Référence"] == "—"
    assert rows["Mentorat en ligne"]["Ce scénario"] != "—"
    assert table.changed[list(rows).index("Mentorat en ligne")]
    assert "Note moyenne des briques notées : non notée → " in comparison_lines(catalogue, found)[-1]


def test_the_sentences_of_a_comparison(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP, MENTORING))
    b = Scenario(name="B", placements=(MENTORING, COMPUTER))
    assert comparison_lines(catalogue, compare(catalogue, a, b)) == [
        "Seulement dans la référence : « Atelier en classe ».",
        "Seulement dans ce scénario : « Ordinateur offert ».",
        "Coût par bénéficiaire : 405\u00a0€ → 850\u00a0€.",
        "Coûts fixes : 1\u202f000\u00a0€ → 0\u00a0€.",
    ]


def test_scores_nobody_gave_are_said_rather_than_tabled(catalogue: Catalogue) -> None:
    a = Scenario(name="A", placements=(WORKSHOP,))
    table = scores_side_by_side(catalogue, compare(catalogue, a, a))
    assert table.note == "Personne n'a encore noté ces briques : les notes se donnent sur la page Évaluation."
