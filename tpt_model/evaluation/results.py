"""An evaluation's results computed once per key: ranking, priority matrix, ranking table."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.matrix import priority_matrix_chart
from tpt_model.evaluation.ranking import ranking_text
from tpt_model.evaluation.scoring import BrickResult, evaluate, split_unscored
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.frise.spec import chart_spec


@dataclass(frozen=True)
class EvaluationKey:
    """What an evaluation's results depend on: equal keys give equal results."""

    scenario_id: str
    revision: int  # the score store's revision of the scenario: it moves with every score written
    bricks: tuple[str, ...]
    weights: tuple[tuple[str, float], ...] | None  # sorted by criterion; None for the programme's
    include_reference: bool


def evaluation_key(
    scenario_id: str,
    revision: int,
    bricks: Sequence[str],
    weights: Mapping[str, float] | None,
    include_reference: bool,
) -> EvaluationKey:
    """The key of an evaluation (weights in any order; none or empty for the programme's)."""
    frozen_weights = tuple(sorted(weights.items())) if weights else None
    return EvaluationKey(scenario_id, revision, tuple(bricks), frozen_weights, include_reference)


def memo_evaluate(
    catalogue: Catalogue, key: EvaluationKey, sheets: Sequence[ScoreSheet]
) -> list[BrickResult]:
    """`evaluate` for `key`, computed once while the scores stay the same."""
    weights = dict(key.weights) if key.weights is not None else None
    return catalogue.memo.get(
        ("evaluate", key),
        lambda: evaluate(catalogue, list(key.bricks), list(sheets), weights, key.include_reference),
    )


def memo_matrix_spec(
    catalogue: Catalogue, key: EvaluationKey, results: list[BrickResult], axes: tuple[str, str]
) -> dict[str, Any]:
    """The priority matrix's Vega-Lite spec for these results and axes, built once (without re-validation)."""
    return catalogue.memo.get(
        ("matrix", key, axes),
        lambda: chart_spec(
            priority_matrix_chart(catalogue, results, x_criterion=axes[0], y_criterion=axes[1])
        ),
    )


def memo_ranking_table(catalogue: Catalogue, key: EvaluationKey, results: list[BrickResult]) -> pd.DataFrame:
    """The ranking of the scored bricks among these results, as the page shows it, built once.

    A shared frame: do not change it.
    """
    return catalogue.memo.get(("ranking", key), lambda: ranking_text(catalogue, split_unscored(results)[0]))
