"""The ranking of an evaluation as a table: numbers for the spreadsheet, French text for the page."""

from collections.abc import Sequence
from typing import Any

import pandas as pd

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.scoring import REFERENCE_EVALUATOR, BrickResult, criterion_headers
from tpt_model.formatting import table_text
from tpt_model.i18n import _, mark_

__all__ = ["DISCUSS_BADGE", "DISCUSS_COLUMN", "ranking_table", "ranking_text", "unscored_line"]

DISCUSS_COLUMN = mark_("À discuter")
DISCUSS_BADGE = mark_("⚠ à discuter")


def ranking_table(catalogue: Catalogue, results: Sequence[BrickResult]) -> pd.DataFrame:
    """The ranking: rank, brick, pillar, mean per criterion, total, the reference's total apart, flag."""
    programme = catalogue.programme
    pillars: dict[str, str] = {p.id: p.label for p in programme.pillars}
    table: dict[str, Any] = {
        _("Rang"): pd.array([r.rank for r in results], dtype="Int64"),
        _("Brique"): [r.title for r in results],
        _("Volet"): [_pillar(catalogue, pillars, r.brick_id) for r in results],
    }
    for criterion_id, header in criterion_headers(programme).items():
        table[header] = [_round(r.criteria[criterion_id].mean, 2) for r in results]
    table[_("Total pondéré")] = [_round(r.total, 1) for r in results]
    table[_(REFERENCE_EVALUATOR)] = [_round(r.reference_total, 1) for r in results]
    table[_("Évaluations")] = [r.evaluators for r in results]
    table[_(DISCUSS_COLUMN)] = [r.to_discuss for r in results]
    return pd.DataFrame(table)


def ranking_text(catalogue: Catalogue, results: Sequence[BrickResult]) -> pd.DataFrame:
    """`ranking_table` as the page shows it: French numbers, « — » where empty, a badge « à discuter »."""
    return table_text(ranking_table(catalogue, results), flags={_(DISCUSS_COLUMN): _(DISCUSS_BADGE)})


def unscored_line(unscored: Sequence[BrickResult]) -> str | None:
    """« Non notées (2) : Atelier en classe, Ordinateur offert » (see `split_unscored`), None if none."""
    if not unscored:
        return None
    titles = ", ".join(r.title for r in unscored)
    return _("Non notées ({count}) : {bricks}").format(count=len(unscored), bricks=titles)


def _pillar(catalogue: Catalogue, labels: dict[str, str], brick_id: str) -> str | None:
    brick = catalogue.bricks_by_id.get(brick_id)
    return labels.get(brick.pillar, brick.pillar) if brick else None


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
