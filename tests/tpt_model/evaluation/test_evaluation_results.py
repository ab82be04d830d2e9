"""Results computed once per evaluation key: the key is a frozen value, equal inputs share results."""

import dataclasses

import pytest
from helpers import BRICKS

from tpt_model import Catalogue
from tpt_model.evaluation.ranking import ranking_text
from tpt_model.evaluation.results import (
    EvaluationKey,
    evaluation_key,
    memo_evaluate,
    memo_matrix_spec,
    memo_ranking_table,
)
from tpt_model.evaluation.scoring import evaluate, split_unscored
from tpt_model.evaluation.sheets import ScoreSheet

SHEETS = (
    ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 4, "simplicite": 1}),
    ScoreSheet(brick="ordinateur", evaluator="Alice", scores={"pertinence": 2, "simplicite": 5}),
)


def test_the_key_is_frozen_and_ignores_the_order_of_weights() -> None:
    key = evaluation_key("s", 3, BRICKS, {"simplicite": 1.0, "pertinence": 2.0}, True)
    assert key == EvaluationKey("s", 3, tuple(BRICKS), (("pertinence", 2.0), ("simplicite", 1.0)), True)
    assert key == evaluation_key("s", 3, list(BRICKS), {"pertinence": 2.0, "simplicite": 1.0}, True)
    assert hash(key) == hash(evaluation_key("s", 3, BRICKS, {"pertinence": 2.0, "simplicite": 1.0}, True))
    with pytest.raises(dataclasses.FrozenInstanceError):
        key.revision = 4  # type: ignore[misc]


def test_no_weights_or_empty_weights_mean_the_programme_s() -> None:
    assert evaluation_key("s", 0, BRICKS, None, False).weights is None
    assert evaluation_key("s", 0, BRICKS, {}, False) == evaluation_key("s", 0, BRICKS, None, False)


def test_equal_keys_share_one_result(catalogue: Catalogue) -> None:
    weights = {"pertinence": 1.0, "simplicite": 3.0, "abordable": 1.0}
    key = evaluation_key("results-shared", 1, BRICKS, weights, False)
    results = memo_evaluate(catalogue, key, SHEETS)
    assert results == evaluate(catalogue, BRICKS, SHEETS, weights, False)
    again = evaluation_key("results-shared", 1, BRICKS, dict(reversed(weights.items())), False)
    assert memo_evaluate(catalogue, again, ()) is results  # not computed again
    moved = evaluation_key("results-shared", 2, BRICKS, weights, False)
    assert memo_evaluate(catalogue, moved, ()) == evaluate(catalogue, BRICKS, (), weights, False)


def test_ranking_table_and_matrix_spec_are_built_once(catalogue: Catalogue) -> None:
    key = evaluation_key("results-tables", 1, BRICKS, None, True)
    results = memo_evaluate(catalogue, key, SHEETS)
    table = memo_ranking_table(catalogue, key, results)
    assert table.equals(ranking_text(catalogue, split_unscored(results)[0]))
    assert memo_ranking_table(catalogue, key, []) is table
    spec = memo_matrix_spec(catalogue, key, results, ("pertinence", "simplicite"))
    assert memo_matrix_spec(catalogue, key, [], ("pertinence", "simplicite")) is spec
    other_axes = memo_matrix_spec(catalogue, key, results, ("simplicite", "pertinence"))
    assert other_axes is not spec and other_axes != spec
