"""The results of an evaluation in French: a score's level, progress, aggregates, rank changes."""

from tpt_model.catalogue.programme import Criterion, Programme
from tpt_model.evaluation.scoring import BrickResult
from tpt_model.formatting import number


def progress_text(position: int, total: int) -> str:
    """« 12 / 31 » for the 12th brick of 31 (position counts from 0)."""
    return f"{min(position + 1, total)} / {total}"


def level_label(criterion: Criterion, value: int) -> str:
    """A score with its level's descriptor: « 3 — Pertinente »."""
    descriptor = criterion.levels.get(value)
    return f"{value} — {descriptor}" if descriptor else str(value)


def rank_change_message(changed: int) -> str:
    """How many bricks the page's weights move, compared with the programme's weights."""
    if changed == 0:
        return "Avec ces poids, aucune brique ne change de rang par rapport aux poids du programme."
    if changed == 1:
        return "Avec ces poids, 1 brique change de rang par rapport aux poids du programme."
    return f"Avec ces poids, {changed} briques changent de rang par rapport aux poids du programme."


def aggregate_lines(programme: Programme, result: BrickResult) -> list[str]:
    """One French line per criterion: mean, median, range, count and disagreement."""
    lines = []
    for c in programme.criteria:
        agg = result.criteria[c.id]
        if agg.mean is None or agg.median is None:
            lines.append(f"{c.label} : pas encore notée")
            continue
        line = (
            f"{c.label} : moyenne {number(agg.mean)}, médiane {number(agg.median)}, "
            f"de {agg.min} à {agg.max} ({agg.count} note{'s' if agg.count > 1 else ''})"
        )
        lines.append(line + (" — désaccord" if agg.disputed else ""))
    return lines
