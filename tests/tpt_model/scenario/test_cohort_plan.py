"""Editing a scenario's cohort plan: cohorts from a table, shares of tracks, exits and bursary holders."""

import pytest
from pydantic import ValidationError

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.cohorts import Cohort, CohortPlan
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.scenario.cohort_plan import (
    change_cohort_plan,
    plan_shares,
    shares_from_percents,
    whole_percents,
)
from tpt_model.scenario.editor import ChangeResult

ROW = {"year": 2026, "entrants": 100.0, "entry_stage": "seconde"}
TRACKS = {"court": 0.4, "long": 0.6}
EXITS = {"salariat": 0.8, "entrepreneuriat": 0.1, "doctorat": 0.1}


def change(catalogue: Catalogue, rows: list[dict], **shares: dict[str, float]) -> ChangeResult:
    given = {"tracks": TRACKS, "exits": EXITS, "flags": {"boursiere": 0.3}} | shares
    return change_cohort_plan(catalogue, Scenario(name="S"), rows, **given)


def test_the_rows_and_the_shares_become_the_scenario_s_plan(catalogue: Catalogue) -> None:
    result = change(catalogue, [ROW], flags={"boursiere": 0.25})
    assert (result.error, result.summary) == (None, "Plan de cohortes modifié")
    plan = result.scenario.cohort_plan
    assert plan is not None
    assert plan.cohorts == (Cohort(year=2026, entrants=100, entry_stage="seconde"),)
    assert (plan.tracks, plan.exits, plan.flags) == (TRACKS, EXITS, {"boursiere": 0.25})


def test_the_same_plan_again_is_no_change(catalogue: Catalogue) -> None:
    saved = change(catalogue, [ROW]).scenario
    again = change_cohort_plan(catalogue, saved, [ROW], tracks=TRACKS, exits=EXITS, flags={"boursiere": 0.3})
    assert (again.scenario, again.warnings) == (saved, ["Le plan de cohortes n'a pas changé."])


@pytest.mark.parametrize(
    ("wrong", "message"),
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
def test_a_wrong_row_is_refused_with_its_number(catalogue: Catalogue, wrong: dict, message: str) -> None:
    result = change(catalogue, [ROW, {**ROW, **wrong}])
    assert (result.error, result.scenario) == (message, Scenario(name="S"))


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        (
            {"tracks": {"court": 0.4, "long": 0.5}},
            "Plan de cohortes : les parts des parcours font 90 % : elles doivent faire 100 %.",
        ),
        (
            {"exits": {"salariat": 0.8, "entrepreneuriat": 0.3, "doctorat": 0.1}},
            "Plan de cohortes : les parts des sorties font 120 % : elles doivent faire 100 %.",
        ),
        (
            {"tracks": {"court": 1.2, "long": -0.2}},
            "Plan de cohortes : chacune des parts des parcours doit aller de 0 à 100 %.",
        ),
        (
            {"flags": {"boursiere": 1.5}},
            "Plan de cohortes : chacune des parts de bénéficiaires (boursières…) doit aller de 0 à 100 %.",
        ),
    ],
)
def test_wrong_shares_are_refused_in_french(catalogue: Catalogue, shares: dict, message: str) -> None:
    result = change(catalogue, [ROW], **shares)
    assert (result.error, result.scenario) == (message, Scenario(name="S"))


def test_a_plan_file_whose_track_shares_do_not_make_a_whole_is_refused() -> None:
    with pytest.raises(ValidationError, match="les parts des parcours font 70 % : elles doivent faire 100 %"):
        CohortPlan.model_validate({"tracks": {"court": 0.3, "long": 0.4}})
    assert CohortPlan.model_validate({"tracks": {"court": 0.333, "long": 0.667}}).tracks["long"] == 0.667


def test_the_shares_shown_are_equal_where_the_plan_gives_none(catalogue: Catalogue) -> None:
    tracks, exits = plan_shares(catalogue, CohortPlan(exits={"salariat": 1.0}))
    assert tracks == {"court": 0.5, "long": 0.5}
    assert exits == {"salariat": 1.0, "entrepreneuriat": 0.0, "doctorat": 0.0}


def test_shares_read_as_whole_percentages_that_make_100() -> None:
    thirds = {"salariat": 1 / 3, "entrepreneuriat": 1 / 3, "doctorat": 1 / 3}
    assert whole_percents(thirds) == {"salariat": 34, "entrepreneuriat": 33, "doctorat": 33}
    assert whole_percents({"boursiere": 0.29}) == {"boursiere": 29}
    # Untouched, a third stays a third; typed, a percentage becomes the share.
    assert shares_from_percents(thirds, whole_percents(thirds)) == thirds
    assert shares_from_percents(thirds, {"salariat": 50, "entrepreneuriat": 25, "doctorat": 25}) == {
        "salariat": 0.5,
        "entrepreneuriat": 0.25,
        "doctorat": 0.25,
    }
