"""Evaluation of bricks: aggregates, disagreement, weighted totals, ranking and a criterion added as data."""

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from helpers import BRICKS, set_weight

from tpt_model import Catalogue, load_catalogue
from tpt_model.catalogue.programme import Scale
from tpt_model.evaluation.ranking import ranking_table
from tpt_model.evaluation.scoring import (
    REFERENCE_EVALUATOR,
    BrickResult,
    WeightScale,
    default_weights,
    disagreement_gap,
    disagreement_rule,
    evaluate,
    rank_changes,
    reference_sheets,
    split_unscored,
    weight_scale,
)
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.tabular import evaluation_frame, to_xlsx_bytes

# Reference scores of the test catalogue (pertinence, simplicité, abordable; weights 2, 1, 1; scales 1–4):
# atelier-classe 3, 4, 4 · mentorat 4, 3, 3 · ordinateur 3, 3, 2.


def sheet(brick: str, evaluator: str, comment: str | None = None, **scores: int) -> ScoreSheet:
    return ScoreSheet(brick=brick, evaluator=evaluator, scores=scores, comment=comment)


def by_id(results: list[BrickResult]) -> dict[str, BrickResult]:
    return {r.brick_id: r for r in results}


def pertinence_sheets(values: list[int]) -> list[ScoreSheet]:
    return [sheet("mentorat", f"Évaluatrice {i}", pertinence=v) for i, v in enumerate(values)]


def test_aggregates_on_known_numbers(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, BRICKS, pertinence_sheets([1, 2, 4]), include_reference=False)
    agg = by_id(results)["mentorat"].criteria["pertinence"]
    assert (agg.count, agg.median, agg.min, agg.max, agg.gap) == (3, 2.0, 1, 4, 3)
    assert agg.mean == pytest.approx(7 / 3)
    assert agg.spread == pytest.approx(1.0)  # from one end of the 1–4 scale to the other
    assert agg.disputed


def test_median_of_an_even_count(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, BRICKS, pertinence_sheets([1, 2, 3, 4]), include_reference=False)
    assert by_id(results)["mentorat"].criteria["pertinence"].median == 2.5


@pytest.mark.parametrize(
    ("values", "disputed"),
    [
        ([2, 3], False),  # one level apart: below the threshold
        ([2, 4], True),  # two levels apart on a 1–4 scale: at the threshold
        ([1, 4], True),
        ([3, 3, 3, 2], False),
        ([3, 3, 3, 1], True),  # one evaluator far from the others is enough
        ([1], False),  # nobody to disagree with
    ],
)
def test_disagreement_flag_at_the_threshold(catalogue: Catalogue, values: list[int], disputed: bool) -> None:
    result = by_id(evaluate(catalogue, BRICKS, pertinence_sheets(values), include_reference=False))[
        "mentorat"
    ]
    assert result.criteria["pertinence"].disputed is disputed
    assert result.to_discuss is disputed
    assert result.disputed_criteria == (("pertinence",) if disputed else ())


def test_disagreement_rule_is_one_french_sentence(catalogue: Catalogue) -> None:
    assert disagreement_rule(catalogue.programme) == (
        "Une brique est « à discuter » quand, sur au moins un critère, deux personnes ou plus "
        "s'écartent d'au moins 2 niveaux (la « Référence catalogue » n'entre pas dans cette règle)."
    )


@pytest.mark.parametrize(
    ("low", "high", "gap"), [(1, 4, 2), (1, 5, 2), (0, 10, 5), (1, 3, 1), (1, 2, 1), (1, 10, 5)]
)
def test_disagreement_gap_is_half_the_scale_rounded_up(low: int, high: int, gap: int) -> None:
    assert disagreement_gap(Scale(min=low, max=high)) == gap


def test_reference_only_totals_and_tie(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, BRICKS, [], include_reference=True)
    # atelier: (2·2/3 + 1 + 1) / 4 and mentorat: (2·1 + 2/3 + 2/3) / 4 are both 5/6: a tie, ordered by title.
    assert [(r.brick_id, r.rank) for r in results] == [
        ("atelier-classe", 1),
        ("mentorat", 1),
        ("ordinateur", 3),
    ]
    assert results[0].total == pytest.approx(250 / 3)
    assert results[2].total == pytest.approx(175 / 3)
    assert all(r.evaluators == 1 for r in results)


def test_weights_change_the_total_and_the_ranking(catalogue: Catalogue) -> None:
    before = evaluate(catalogue, BRICKS, [], include_reference=True)
    after = evaluate(
        catalogue,
        BRICKS,
        [],
        weights={"pertinence": 1, "simplicite": 0, "abordable": 0},
        include_reference=True,
    )
    totals = {r.brick_id: r.total for r in after}
    assert totals == pytest.approx({"mentorat": 100.0, "atelier-classe": 200 / 3, "ordinateur": 200 / 3})
    assert [(r.brick_id, r.rank) for r in after] == [
        ("mentorat", 1),
        ("atelier-classe", 2),
        ("ordinateur", 2),
    ]
    assert rank_changes(before, after) == 2  # atelier 1 → 2, ordinateur 3 → 2; mentorat stays first
    assert rank_changes(before, before) == 0


def test_partial_weights_keep_the_programme_weights_for_the_others(catalogue: Catalogue) -> None:
    results = by_id(evaluate(catalogue, BRICKS, [], weights={"simplicite": 5}, include_reference=True))
    # atelier: (2·2/3 + 5·1 + 1·1) / 8
    assert results["atelier-classe"].total == pytest.approx(100 * (4 / 3 + 6) / 8)
    assert default_weights(catalogue.programme) == {"pertinence": 2.0, "simplicite": 1.0, "abordable": 1.0}


def test_zero_weights_count_the_criteria_equally(catalogue: Catalogue) -> None:
    results = by_id(
        evaluate(
            catalogue,
            BRICKS,
            [],
            weights=dict.fromkeys(["pertinence", "simplicite", "abordable"], 0),
            include_reference=True,
        )
    )
    assert results["atelier-classe"].total == pytest.approx(100 * (2 / 3 + 1 + 1) / 3)


@pytest.mark.parametrize("weight", [-1.0, float("nan")])
def test_a_negative_weight_is_refused(catalogue: Catalogue, weight: float) -> None:
    with pytest.raises(
        ValueError, match="^le poids du critère « pertinence » doit être un nombre positif ou nul$"
    ):
        evaluate(catalogue, BRICKS, [], weights={"pertinence": weight}, include_reference=True)


@pytest.mark.parametrize(
    ("weight", "high"),
    [
        (2.0, 5.0),  # small weights still get room to grow five-fold
        (2.5, 5.0),
        (3.0, 6.0),
        (3.3, 7.0),  # twice 3.3, rounded up to the step
        (10.0, 20.0),
    ],
)
def test_the_weight_scale_comes_from_the_programme(catalogue_dir: Path, weight: float, high: float) -> None:
    set_weight(catalogue_dir, "pertinence", weight)
    programme = load_catalogue(catalogue_dir).programme
    assert weight_scale(programme) == WeightScale(low=0.0, high=high, step=0.5)


def test_the_weight_scale_offers_its_steps_and_keeps_a_weight_between_them() -> None:
    scale = WeightScale(low=0.0, high=2.0, step=0.5)
    assert scale.options() == [0.0, 0.5, 1.0, 1.5, 2.0]
    assert scale.options(1.25, 1.0, 9.0) == [0.0, 0.5, 1.0, 1.25, 1.5, 2.0]


def test_the_weight_scale_clamps_what_falls_out() -> None:
    scale = WeightScale(low=0.0, high=5.0, step=0.5)
    assert [scale.clamp(w) for w in (-1.0, 0.0, 3.5, 5.0, 12.0)] == [0.0, 0.0, 3.5, 5.0, 5.0]


def test_ties_share_a_rank_and_the_next_rank_skips(catalogue: Catalogue) -> None:
    weights = {"pertinence": 1, "simplicite": 0, "abordable": 0}
    sheets = [sheet("zz-hors-catalogue", "Léa", pertinence=1)]
    results = evaluate(
        catalogue, [*BRICKS, "zz-hors-catalogue"], sheets, weights=weights, include_reference=True
    )
    assert [r.rank for r in results] == [1, 2, 2, 4]
    assert [r.brick_id for r in results] == ["mentorat", "atelier-classe", "ordinateur", "zz-hors-catalogue"]
    assert results[-1].title == "zz-hors-catalogue"  # a brick gone from the catalogue keeps its id as title


def test_a_brick_nobody_scored_is_listed_last_without_rank(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, BRICKS, [sheet("mentorat", "Léa", pertinence=2)], include_reference=False)
    assert [r.brick_id for r in results] == ["mentorat", "atelier-classe", "ordinateur"]
    assert [(r.rank, r.total is None, r.evaluators) for r in results[1:]] == [
        (None, True, 0),
        (None, True, 0),
    ]
    unscored = results[1].criteria["pertinence"]
    assert (unscored.count, unscored.mean, unscored.median, unscored.min, unscored.gap) == (
        0,
        None,
        None,
        None,
        None,
    )
    assert not results[1].to_discuss and not results[1].scored


def test_a_brick_placed_twice_is_listed_once(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, ["mentorat", "mentorat", "ordinateur"], [], include_reference=True)
    assert [r.brick_id for r in results] == ["mentorat", "ordinateur"]


def test_one_evaluator_only(catalogue: Catalogue) -> None:
    sheets = [sheet(b, "Léa", pertinence=4, simplicite=1, abordable=1) for b in BRICKS]
    results = evaluate(catalogue, BRICKS, sheets, include_reference=False)
    for result in results:
        assert result.evaluators == 1 and not result.to_discuss and result.rank == 1
        assert result.total == pytest.approx(100 * 2 / 4)
        agg = result.criteria["simplicite"]
        assert (agg.count, agg.mean, agg.median, agg.min, agg.max, agg.gap, agg.spread) == (
            1,
            1.0,
            1.0,
            1,
            1,
            0,
            0.0,
        )


def test_reference_evaluator_included_or_excluded(catalogue: Catalogue) -> None:
    sheets = [sheet("mentorat", "Léa", "Très utile.", pertinence=1, simplicite=3, abordable=3)]
    with_ref = by_id(evaluate(catalogue, BRICKS, sheets, include_reference=True))["mentorat"]
    without = by_id(evaluate(catalogue, BRICKS, sheets, include_reference=False))["mentorat"]
    assert with_ref.evaluators == 2 and without.evaluators == 1
    assert with_ref.criteria["pertinence"].mean == 2.5  # reference 4, Léa 1
    assert without.criteria["pertinence"].mean == 1
    # The reference disagrees with Léa by 3 levels, but it is no one in the room: nothing to discuss.
    assert not with_ref.to_discuss and not without.to_discuss
    assert with_ref.criteria["pertinence"].gap == 3 and not with_ref.criteria["pertinence"].disputed
    assert with_ref.comments == without.comments == (("Léa", "Très utile."),)
    assert by_id(evaluate(catalogue, BRICKS, sheets, include_reference=False))["ordinateur"].total is None


def test_the_reference_is_off_by_default_and_shown_apart(catalogue: Catalogue) -> None:
    sheets = [sheet("mentorat", "Léa", pertinence=1, simplicite=3, abordable=3)]
    results = by_id(evaluate(catalogue, BRICKS, sheets))
    assert results["mentorat"].evaluators == 1
    assert results["mentorat"].total == pytest.approx(100 * (0 * 2 + 2 / 3 + 2 / 3) / 4)
    # Its own total, apart: (2·1 + 2/3 + 2/3) / 4 for mentorat (reference 4, 3, 3).
    assert results["mentorat"].reference_total == pytest.approx(250 / 3)
    assert results["ordinateur"].total is None and results["ordinateur"].reference_total is not None


def test_two_people_in_the_room_make_a_brick_to_discuss(catalogue: Catalogue) -> None:
    sheets = [sheet("mentorat", "Léa", pertinence=1), sheet("mentorat", "Inès", pertinence=4)]
    for include_reference in (False, True):
        result = by_id(evaluate(catalogue, BRICKS, sheets, include_reference=include_reference))["mentorat"]
        assert result.to_discuss and result.disputed_criteria == ("pertinence",)


def test_split_unscored_lists_the_bricks_nobody_scored(catalogue: Catalogue) -> None:
    results = evaluate(catalogue, BRICKS, [sheet("mentorat", "Léa", pertinence=2)])
    scored, unscored = split_unscored(results)
    assert [r.brick_id for r in scored] == ["mentorat"]
    assert [r.brick_id for r in unscored] == ["atelier-classe", "ordinateur"]


def test_reference_sheets(catalogue: Catalogue) -> None:
    sheets = reference_sheets(catalogue, ["mentorat", "inconnue", "mentorat"])
    assert sheets == [
        ScoreSheet(
            brick="mentorat",
            evaluator=REFERENCE_EVALUATOR,
            scores={"pertinence": 4, "simplicite": 3, "abordable": 3},
        )
    ]
    assert REFERENCE_EVALUATOR == "Référence catalogue"


def test_sheets_out_of_the_evaluation_are_not_counted(catalogue: Catalogue) -> None:
    sheets = [
        # Off the scale, and a criterion since removed from programme.yaml.
        ScoreSheet(brick="mentorat", evaluator="Léa", scores={"pertinence": 9, "critere-supprime": 2}),
        sheet("atelier-classe", "Léa", pertinence=1),  # a brick the scenario no longer holds
        sheet("ordinateur", "Zoé", "   "),  # a blank comment only
    ]
    results = by_id(evaluate(catalogue, ["mentorat", "ordinateur"], sheets, include_reference=False))
    assert list(results) == ["mentorat", "ordinateur"]
    assert results["mentorat"].evaluators == 0 and results["mentorat"].total is None
    assert results["ordinateur"].comments == ()


def test_last_sheet_of_an_evaluator_wins(catalogue: Catalogue) -> None:
    sheets = [sheet("mentorat", "Léa", pertinence=1), sheet("mentorat", "Léa", pertinence=3)]
    result = by_id(evaluate(catalogue, BRICKS, sheets, include_reference=False))["mentorat"]
    assert (result.evaluators, result.criteria["pertinence"].mean) == (1, 3.0)


def test_a_fourth_criterion_needs_no_code(
    catalogue_dir: Path, add_impact_criterion: Callable[[Path], None]
) -> None:
    add_impact_criterion(catalogue_dir)
    catalogue = load_catalogue(catalogue_dir)
    sheets = [
        sheet("mentorat", "Léa", "Décisif", impact=5),
        sheet("mentorat", "Zoé", impact=3),
        sheet("ordinateur", "Léa", impact=1),
    ]
    results = by_id(evaluate(catalogue, BRICKS, sheets, include_reference=False))
    impact = results["mentorat"].criteria["impact"]
    assert (impact.count, impact.mean, impact.gap, impact.disputed) == (2, 4.0, 2, True)  # 2 levels of 1–5
    # Normalised by its own 1–5 scale: a mean of 4 is three quarters of the way up.
    assert results["mentorat"].total == pytest.approx(75.0)
    assert results["ordinateur"].total == 0.0
    assert "impact" in results["atelier-classe"].criteria
    assert default_weights(catalogue.programme)["impact"] == 1.0

    ranked = evaluate(catalogue, BRICKS, sheets, include_reference=False)
    table = ranking_table(catalogue, ranked)
    assert list(table.columns) == [
        "Rang",
        "Brique",
        "Volet",
        "Pertinence",
        "Simplicité de mise en œuvre",
        "Caractère abordable",
        "Impact",
        "Total pondéré",
        "Référence catalogue",
        "Évaluations",
        "À discuter",
    ]
    assert table["Impact"].tolist()[:2] == [4.0, 1.0]

    frame = evaluation_frame(catalogue, ranked, sheets, include_reference=False)
    assert {"Impact", "Impact (moyenne)"} <= set(frame.columns)
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"Notes": frame})))
    headers = [c.value for c in workbook["Notes"][1]]
    assert "Impact" in headers and "Impact (moyenne)" in headers
    impact_column = headers.index("Impact") + 1
    assert workbook["Notes"].cell(row=2, column=impact_column).value == 5
