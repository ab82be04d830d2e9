"""The priority matrix spec (points, sizes, colours, quadrants, selection) and its tables."""

import math
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from helpers import BRICKS

from tpt_model import Catalogue, load_catalogue
from tpt_model.evaluation.matrix import (
    LABEL_FONT_PX,
    LABELLED,
    NAMED,
    PLOT_HEIGHT_PX,
    PLOT_WIDTH_PX,
    QUADRANTS,
    SIZE_RANGE,
    matrix_axes,
    matrix_table,
    priority_matrix_chart,
    quadrant_of,
)
from tpt_model.evaluation.scoring import BrickResult, evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.formatting import count
from tpt_model.frise.fitting import text_px
from tpt_model.frise.spec import chart_spec

SHIPPED = Path(__file__).resolve().parents[3] / "catalogue"


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


def test_axes_span_the_criteria_scales_with_room_for_the_largest_bubble(spec: dict[str, Any]) -> None:
    encoding = points_layer(spec)["encoding"]
    largest = math.sqrt(SIZE_RANGE[1] / math.pi)
    for channel, plot_px in (("x", PLOT_WIDTH_PX), ("y", PLOT_HEIGHT_PX)):
        low, high = encoding[channel]["scale"]["domain"]
        assert low < 1 and high > 4, channel
        room_px = (1 - low) / (high - low) * plot_px
        assert room_px >= largest and (high - 4) == pytest.approx(1 - low), channel
        assert encoding[channel]["axis"]["values"] == [1, 2, 3, 4]  # ticks on the scale's levels only
    assert encoding["x"]["title"] == "Pertinence (moyenne)"
    assert encoding["y"]["title"] == "Simplicité de mise en œuvre (moyenne)"


def test_quadrants_are_drawn_and_labelled_in_french(spec: dict[str, Any]) -> None:
    labels = {
        row["quadrant"]: (row["x"], row["y"])
        for layer in spec["layer"]
        if layer["mark"]["type"] == "text" and layer.get("name", "").startswith("quadrant")
        for row in spec["datasets"][layer["data"]["name"]]
    }
    assert set(labels) == {
        "Gains rapides",
        "Projets structurants",
        "Compléments faciles",
        "À simplifier ou abandonner",
    }
    # In the corners, beyond the scale's ends (no bubble there).
    assert labels["Gains rapides"][0] > 4 and labels["Gains rapides"][1] > 4  # high pertinence, simple
    assert labels["Projets structurants"][0] > 4 and labels["Projets structurants"][1] < 1
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


def layer_named(spec: dict[str, Any], name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    (layer,) = [layer for layer in spec["layer"] if layer.get("name") == name]
    return layer, spec["datasets"][layer["data"]["name"]]


def test_bubbles_with_the_same_averages_are_spread_the_same_way_each_time(catalogue: Catalogue) -> None:
    sheets = [
        ScoreSheet(brick=brick, evaluator="Léa", scores={"pertinence": 3, "simplicite": 2, "abordable": 3})
        for brick in BRICKS
    ]
    results = evaluate(catalogue, BRICKS, sheets)
    data = points(priority_matrix_chart(catalogue, results).to_dict())
    shown = {(round(p["x_shown"], 6), round(p["y_shown"], 6)) for p in data.values()}
    assert len(shown) == 3, "three bubbles, three places"
    for p in data.values():
        assert (p["x"], p["y"], p["same_place"]) == (3.0, 2.0, 3)  # the tooltip keeps the true averages
        assert math.dist((p["x_shown"], p["y_shown"]), (3.0, 2.0)) < 0.5
    centre = (sum(p["x_shown"] for p in data.values()) / 3, sum(p["y_shown"] for p in data.values()) / 3)
    assert centre == pytest.approx((3.0, 2.0))
    # The best-ranked goes on top of the ring; the same results give the same picture.
    first = min(data.values(), key=lambda p: p["rank"])
    assert first["y_shown"] > 2.0 and first["x_shown"] == pytest.approx(3.0)
    again = points(priority_matrix_chart(catalogue, list(reversed(results))).to_dict(validate=False))
    assert {b: (p["x_shown"], p["y_shown"]) for b, p in again.items()} == {
        b: (p["x_shown"], p["y_shown"]) for b, p in data.items()
    }


def test_a_brick_alone_at_its_averages_stays_on_them(spec: dict[str, Any]) -> None:
    data = points(spec)
    alone = data["atelier-classe"]
    assert (alone["x_shown"], alone["y_shown"], alone["same_place"]) == (3.0, 4.0, 1)
    # Mentorat and the computer share 3 and 3: both move, apart from each other.
    pair = [data["mentorat"], data["ordinateur"]]
    assert [(p["x"], p["y"], p["same_place"]) for p in pair] == [(3.0, 3.0, 2), (3.0, 3.0, 2)]
    assert pair[0]["y_shown"] != pair[1]["y_shown"]
    assert points_layer(spec)["encoding"]["x"]["field"] == "x_shown"


def label_boxes(spec: dict[str, Any]) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each name's box in the pixels of the narrowest plot, from its point, alignment and offsets."""
    layer, names = layer_named(spec, "noms")
    (x0, x1), (y0, y1) = layer["encoding"]["x"]["scale"]["domain"], layer["encoding"]["y"]["scale"]["domain"]
    boxes = []
    for n in names:
        cx = (n["x"] - x0) / (x1 - x0) * PLOT_WIDTH_PX + n["dx"]
        cy = (y1 - n["y"]) / (y1 - y0) * PLOT_HEIGHT_PX + n["dy"]
        w, h = text_px(n["text"], LABEL_FONT_PX), LABEL_FONT_PX * 1.3
        left = {"left": cx, "right": cx - w, "center": cx - w / 2}[n["align"]]
        boxes.append((n["text"], (left, cy - h / 2, left + w, cy + h / 2)))
    return boxes


def test_the_best_ranked_bricks_are_named_where_names_do_not_meet() -> None:
    catalogue = load_catalogue(SHIPPED)
    bricks = [b.id for b in catalogue.bricks][:40]
    rng = random.Random(11)
    sheets = [
        ScoreSheet(
            brick=b, evaluator=who, scores={c.id: rng.randint(1, 4) for c in catalogue.programme.criteria}
        )
        for b in bricks
        for who in ("Léa", "Inès")
    ]
    results = evaluate(catalogue, bricks, sheets)
    spec = priority_matrix_chart(catalogue, results).to_dict()
    layer, names = layer_named(spec, "noms")
    assert layer["mark"]["align"] == {"expr": "datum.align"}
    ranked = sorted(results, key=lambda r: (r.rank or 999, r.brick_id))
    top = [catalogue.brick(r.brick_id).short_title for r in ranked]
    named = [n["text"] for n in names]
    assert 5 <= len(named) <= LABELLED
    assert set(named) <= set(top[:LABELLED])
    assert named == [t for t in top if t in named], "placed in the order of the ranking"
    assert top[0] == named[0], "the first of the ranking always has its name"
    boxes = label_boxes(spec)
    for i, (a, (l1, t1, r1, b1)) in enumerate(boxes):
        assert l1 >= 0 and r1 <= PLOT_WIDTH_PX and t1 >= 0, a
        for b, (l2, t2, r2, b2) in boxes[i + 1 :]:
            assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, (a, b)


def test_the_description_says_the_axes_and_the_bricks_of_each_quadrant(spec: dict[str, Any]) -> None:
    # Vega makes it the chart's label, which screen readers read.
    assert spec["description"] == (
        "Matrice de priorisation : Pertinence en abscisse, Simplicité de mise en œuvre en ordonnée "
        "(moyennes des notes), bulles d'autant plus grandes que le coût par bénéficiaire est élevé. "
        "Gains rapides : 3 briques (Atelier en classe, Mentorat en ligne, Ordinateur offert). "
        "Projets structurants : 0 brique. Compléments faciles : 0 brique. À simplifier ou abandonner : 0 brique."
    )


def test_the_description_names_five_bricks_a_quadrant_and_counts_the_others(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, BRICKS, [], include_reference=False)
    unscored = priority_matrix_chart(catalogue, results).to_dict(validate=False)["description"]
    assert unscored.endswith(
        "Gains rapides : 0 brique. Projets structurants : 0 brique. Compléments faciles : 0 brique. "
        "À simplifier ou abandonner : 0 brique. "
        "Non placée (notes manquantes) : 3 briques (Atelier en classe, Mentorat en ligne, Ordinateur offert)."
    )


def test_a_quadrant_names_its_five_best_ranked_bricks_and_counts_the_others() -> None:
    shipped = load_catalogue(SHIPPED)
    results = evaluate(shipped, sorted(shipped.bricks_by_id), [], include_reference=True)
    described = priority_matrix_chart(shipped, results).to_dict(validate=False)["description"]
    x, y = matrix_axes(shipped.programme, "pertinence", "simplicite")
    counts = Counter(quadrant_of(x, y, r.criteria[x.id].mean, r.criteria[y.id].mean) for r in results)
    crowded = {quadrant: n for quadrant, n in counts.items() if n > NAMED}
    assert crowded, "the shipped catalogue fills at least one quadrant with more than five bricks"
    for quadrant, n in crowded.items():
        assert f"{quadrant} : {n} briques (" in described
        assert f" et {count(n - NAMED, 'autre')})" in described


def test_the_matrix_writes_its_numbers_the_french_way(
    catalogue: Catalogue, results: list[BrickResult]
) -> None:
    # The spec the evaluation page and the workshop draw: axes and legends « 1 500 », « 2,5 ».
    spec = chart_spec(priority_matrix_chart(catalogue, results))
    assert spec["config"]["locale"]["number"] | {"grouping": [3]} == {
        "decimal": ",",
        "thousands": "\u202f",
        "grouping": [3],
        "currency": ["", "\u00a0€"],
    }
