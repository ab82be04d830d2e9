"""Editing a scenario's cohort plan from a table."""

import pytest

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.scenario.cohort_plan import change_cohort_plan

ROW = {"year": 2026, "entrants": 100.0, "entry_stage": "seconde"}


def test_the_rows_become_the_scenario_s_plan_and_the_bursary_share_is_set(catalogue: Catalogue) -> None:
    result = change_cohort_plan(catalogue, Scenario(name="S"), [ROW], 0.25)
    assert result.error is None
    plan = result.scenario.cohort_plan
    assert plan is not None
    assert plan.cohorts == (Cohort(year=2026, entrants=100, entry_stage="seconde"),)
    assert plan.flags == {"boursiere": 0.25}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"year": 1990}, "Plan de cohortes, ligne 2 : la rentrée doit être une année entre 2000 et 2100."),
        (
            {"year": float("nan")},
            "Plan de cohortes, ligne 2 : la rentrée doit être une année entre 2000 et 2100.",
        ),
        (
            {"entrants": -1},
            "Plan de cohortes, ligne 2 : le nombre d'entrantes doit être un entier positif ou nul.",
        ),
        (
            {"entrants": 2.5},
            "Plan de cohortes, ligne 2 : le nombre d'entrantes doit être un entier positif ou nul.",
        ),
        ({"entry_stage": "cm2"}, "Plan de cohortes, ligne 2 : choisissez une étape d'entrée du programme."),
    ],
)
def test_a_wrong_row_is_refused_with_its_number(catalogue: Catalogue, change: dict, message: str) -> None:
    scenario = Scenario(name="S")
    result = change_cohort_plan(catalogue, scenario, [ROW, {**ROW, **change}], 0.3)
    assert (result.error, result.scenario) == (message, scenario)


def test_a_bursary_share_out_of_range_is_refused(catalogue: Catalogue) -> None:
    result = change_cohort_plan(catalogue, Scenario(name="S"), [ROW], 1.5)
    assert result.error == "La part de boursières doit aller de 0 à 1."
