"""An evaluation's results computed once per key: ranking, priority matrix, ranking table."""

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import pandas as pd

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.matrix import priority_matrix_chart, ranking_table
from tpt_model.evaluation.scoring import BrickResult, evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.frise.spec import chart_spec


def evaluation_key(
    scenario_id: str,
    revision: Hashable,
    bricks: Sequence[str],
    weights: Mapping[str, float] | None,
    reference: bool,
) -> tuple[Hashable, ...]:
    """What an evaluation's results depend on: equal keys give equal results."""
    frozen_weights = tuple(sorted(weights.items())) if weights else None
    return (scenario_id, revision, tuple(bricks), frozen_weights, reference)


def memo_evaluate(
    catalogue: Catalogue,
    key: tuple[Hashable, ...],
    sheets: Sequence[ScoreSheet],
) -> list[BrickResult]:
    """`evaluate` for `key` (see evaluation_key), computed once while the scores stay the same."""
    _, _, bricks, weights, reference = key
    return catalogue.memo.get(
        ("evaluate", *key),
        lambda: evaluate(
            catalogue, list(bricks), list(sheets), dict(weights) if weights else None, reference
        ),
    )


def memo_matrix_spec(
    catalogue: Catalogue, key: tuple[Hashable, ...], results: list[BrickResult], axes: tuple[str, str]
) -> dict[str, Any]:
    """The priority matrix's Vega-Lite spec for these results and axes, built once (without re-validation)."""
    return catalogue.memo.get(
        ("matrix", *key, axes),
        lambda: chart_spec(
            priority_matrix_chart(catalogue, results, x_criterion=axes[0], y_criterion=axes[1])
        ),
    )


def memo_ranking_table(
    catalogue: Catalogue, key: tuple[Hashable, ...], results: list[BrickResult]
) -> pd.DataFrame:
    """The ranking table for these results, built once (a shared frame: do not change it)."""
    return catalogue.memo.get(("ranking", *key), lambda: ranking_table(catalogue, results))
