"""The priority matrix spec (points, sizes, colours, quadrants, selection) and its tables."""

from typing import Any

import pytest
from helpers import BRICKS

from tpt_model import Catalogue
from tpt_model.evaluation.matrix import (
    QUADRANTS,
    matrix_axes,
    matrix_table,
    priority_matrix_chart,
    quadrant_of,
)
from tpt_model.evaluation.scoring import BrickResult, evaluate
from tpt_model.evaluation.sheets import ScoreSheet


@pytest.fixture(scope="module")
def results(catalogue: Catalogue) -> list[BrickResult]:
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Léa", scores={"pertinence": 1, "simplicite": 3}),
        ScoreSheet(brick="mentorat", evaluator="Inès", scores={"pertinence": 4}),
    ]
    return evaluate(catalogue, BRICKS, sheets, include_reference=True)


@pytest.fixture(scope="module")
def spec(catalogue: Catalogue, results: list[BrickResult]) -> dict[str, Any]:
    # The one validated build: Altair checks the spec against the Vega-Lite schema here.
    return priority_matrix_chart(catalogue, results).to_dict()


def points_layer(spec: dict[str, Any]) -> dict[str, Any]:
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == "circle")


def points(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["brick_id"]: p for p in spec["datasets"][points_layer(spec)["data"]["name"]]}


def test_points_are_the_means_of_the_two_criteria(spec: dict[str, Any]) -> None:
    data = points(spec)
    assert set(data) == set(BRICKS)
    assert (data["mentorat"]["x"], data["mentorat"]["y"]) == (3.0, 3.0)  # reference 4, 3; Léa 1, 3; Inès 4
    assert (data["atelier-classe"]["x"], data["atelier-classe"]["y"]) == (3.0, 4.0)
    assert data["mentorat"]["to_discuss"] is True and data["mentorat"]["discuss_label"] == "oui"
    assert data["atelier-classe"]["quadrant"] == "Gains rapides"


def test_bubble_size_is_the_cost_per_beneficiary(spec: dict[str, Any]) -> None:
    assert points_layer(spec)["encoding"]["size"]["field"] == "cost"
    assert {b: p["cost"] for b, p in points(spec).items()} == {
        "atelier-classe": 5.0,
        "mentorat": 400.0,
        "ordinateur": 450.0,
    }


def test_colours_are_the_programme_pillars(spec: dict[str, Any]) -> None:
    color = points_layer(spec)["encoding"]["color"]
    assert color["field"] == "pillar" and color["title"] == "Volet"
    assert color["scale"] == {
        "domain": ["Attirer", "Accompagner", "Transformer"],
        "range": ["#E69F00", "#0072B2", "#009E73"],
    }
    assert points(spec)["mentorat"]["pillar"] == "Accompagner"


def test_axes_span_the_criteria_scales(spec: dict[str, Any]) -> None:
    encoding = points_layer(spec)["encoding"]
    assert encoding["x"]["scale"]["domain"] == [1, 4] and encoding["y"]["scale"]["domain"] == [1, 4]
    assert encoding["x"]["title"] == "Pertinence (moyenne)"
    assert encoding["y"]["title"] == "Simplicité de mise en œuvre (moyenne)"


def test_quadrants_are_drawn_and_labelled_in_french(spec: dict[str, Any]) -> None:
    labels = {
        row["quadrant"]: (row["x"], row["y"])
        for layer in spec["layer"]
        if layer["mark"]["type"] == "text"
        for row in spec["datasets"][layer["data"]["name"]]
    }
    assert set(labels) == {
        "Gains rapides",
        "Projets structurants",
        "Compléments faciles",
        "À simplifier ou abandonner",
    }
    assert labels["Gains rapides"][0] == 4 and labels["Gains rapides"][1] > 2.5  # high pertinence, simple
    assert labels["Projets structurants"][0] == 4 and labels["Projets structurants"][1] < 2.5
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert sorted(spec["datasets"][r["data"]["name"]][0].popitem() for r in rules) == [("x", 2.5), ("y", 2.5)]


def test_selection_param_is_named_brick_on_brick_id(spec: dict[str, Any]) -> None:
    params = [p for p in spec["params"] if p["name"] == "brick"]
    assert len(params) == 1
    assert params[0]["select"] == {"type": "point", "fields": ["brick_id"]}


def test_tooltip_shows_title_totals_and_flag(spec: dict[str, Any]) -> None:
    titles = [t["title"] for t in points_layer(spec)["encoding"]["tooltip"]]
    assert {"Brique", "Total pondéré (sur 100)", "Rang", "À discuter"} <= set(titles)


def test_unknown_criteria_fall_back_to_the_first_two(catalogue: Catalogue) -> None:
    programme = catalogue.programme
    assert [c.id for c in matrix_axes(programme, "absent", "inconnu")] == ["pertinence", "simplicite"]
    assert [c.id for c in matrix_axes(programme, "abordable", "inconnu")] == ["abordable", "pertinence"]
    assert [c.id for c in matrix_axes(programme, "simplicite", "abordable")] == ["simplicite", "abordable"]


def test_chart_on_other_criteria(catalogue: Catalogue, results: list[BrickResult]) -> None:
    spec = priority_matrix_chart(catalogue, results, x_criterion="abordable", y_criterion="absent").to_dict(
        validate=False
    )
    assert points_layer(spec)["encoding"]["x"]["title"] == "Caractère abordable (moyenne)"
    assert points(spec)["atelier-classe"]["x"] == 4.0


def test_quadrant_of_counts_the_midpoint_as_high(catalogue: Catalogue) -> None:
    x, y = matrix_axes(catalogue.programme, "pertinence", "simplicite")
    assert quadrant_of(x, y, 2.5, 2.5) == QUADRANTS[(True, True)] == "Gains rapides"
    assert quadrant_of(x, y, 2.4, 2.4) == "À simplifier ou abandonner"
    assert quadrant_of(x, y, None, 3.0) == "Non placée (notes manquantes)"


def test_unscored_bricks_stay_out_of_the_chart_but_in_the_table(catalogue: Catalogue) -> None:
    sheets = [ScoreSheet(brick="mentorat", evaluator="Léa", scores={"pertinence": 4, "simplicite": 1})]
    results = evaluate(catalogue, BRICKS, sheets, include_reference=False)
    spec = priority_matrix_chart(catalogue, results).to_dict(validate=False)
    assert set(points(spec)) == {"mentorat"}
    table = matrix_table(catalogue, results)
    assert table["Brique"].tolist() == ["Mentorat en ligne", "Atelier en classe", "Ordinateur offert"]
    assert table["Quadrant"].tolist() == [
        "Projets structurants",
        "Non placée (notes manquantes)",
        "Non placée (notes manquantes)",
    ]


def test_empty_evaluation_gives_an_empty_chart(catalogue: Catalogue) -> None:
    spec = priority_matrix_chart(catalogue, []).to_dict(validate=False)
    assert points(spec) == {}


def test_matrix_table_columns(catalogue: Catalogue, results: list[BrickResult]) -> None:
    table = matrix_table(catalogue, results)
    assert list(table.columns) == [
        "Brique",
        "Volet",
        "Pertinence (moyenne)",
        "Simplicité de mise en œuvre (moyenne)",
        "Quadrant",
        "Coût par bénéficiaire (€)",
        "Total pondéré",
        "À discuter",
    ]
    assert table.loc[table["Brique"] == "Mentorat en ligne", "À discuter"].item() is True
