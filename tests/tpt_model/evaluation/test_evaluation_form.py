"""The scoring form: bricks to score, evaluator names, starting values and the sheet a form makes."""

import pytest
from helpers import one_month

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.evaluation.form import build_sheet, check_evaluator, own_sheets, prefill, scenario_bricks
from tpt_model.evaluation.sheets import ScoreSheet


def test_scenario_bricks_are_distinct_in_placement_order(catalogue: Catalogue) -> None:
    scenario = Scenario(
        name="Essai",
        placements=tuple(
            one_month(b) for b in ["mentorat", "ordinateur", "mentorat", "inconnue", "atelier-classe"]
        ),
    )
    assert scenario_bricks(catalogue, scenario) == ["mentorat", "ordinateur", "atelier-classe"]
    assert scenario_bricks(catalogue, Scenario(name="Vide")) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Indiquez le nom de l'évaluatrice ou de l'évaluateur."),
        ("   \t ", "Indiquez le nom de l'évaluatrice ou de l'évaluateur."),
        ("x" * 61, "Le nom de l'évaluatrice ou de l'évaluateur ne doit pas dépasser 60 caractères."),
        (
            "Référence catalogue",
            "« Référence catalogue » est réservé aux notes du catalogue : choisissez un autre nom.",
        ),
        (
            " reference  CATALOGUE ",
            "« Référence catalogue » est réservé aux notes du catalogue : choisissez un autre nom.",
        ),
    ],
)
def test_bad_evaluator_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        check_evaluator(name)
    assert err.value.message == message


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("Alice", "Alice"),
        ("  Alice \t Martin\x00 ", "Alice Martin"),
        ("Groupe", "Groupe"),
        ("é" * 60, "é" * 60),
    ],
)
def test_good_evaluator_names_are_cleaned(name: str, cleaned: str) -> None:
    assert check_evaluator(name) == cleaned


def test_prefill_keeps_scores_on_the_scale(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    assert prefill(programme, None) == {"pertinence": None, "simplicite": None, "abordable": None}
    sheet = ScoreSheet(
        brick="mentorat", evaluator="Alice", scores={"pertinence": 4, "abordable": 9, "ancien": 2}
    )
    assert prefill(programme, sheet) == {"pertinence": 4, "simplicite": None, "abordable": None}


def test_build_sheet_leaves_blank_criteria_out(catalogue: Catalogue) -> None:
    values = {"pertinence": 3, "simplicite": None, "abordable": 7}
    sheet = build_sheet(catalogue.programme, "mentorat", "Alice", values, "  Très bien\x07 ")
    assert sheet == ScoreSheet(
        brick="mentorat", evaluator="Alice", scores={"pertinence": 3}, comment="Très bien"
    )
    assert build_sheet(catalogue.programme, "mentorat", "Alice", {"abordable": 2}, "   ").comment is None


@pytest.mark.parametrize("values", [{}, {"pertinence": None}, {"pertinence": True}, {"abordable": 0}])
def test_build_sheet_needs_one_score(catalogue: Catalogue, values: dict) -> None:
    with pytest.raises(InputError) as err:
        build_sheet(catalogue.programme, "mentorat", "Alice", values, "commentaire seul")
    assert err.value.message == "Choisissez au moins une note avant d'enregistrer."


def test_own_sheets_by_brick() -> None:
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 4}),
        ScoreSheet(brick="mentorat", evaluator="Bob", scores={"pertinence": 1}),
        ScoreSheet(brick="ordinateur", evaluator="Alice", scores={"pertinence": 2}),
    ]
    assert {b: s.scores for b, s in own_sheets(sheets, "Alice").items()} == {
        "mentorat": {"pertinence": 4},
        "ordinateur": {"pertinence": 2},
    }
