"""The results of an evaluation in French: a score's level, progress, aggregates, rank changes."""

from tpt_model.catalogue.programme import Criterion, Programme
from tpt_model.evaluation.scoring import BrickResult
from tpt_model.formatting import number
from tpt_model.i18n import _, n_


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
        return _("Avec ces poids, aucune brique ne change de rang par rapport aux poids du programme.")
    return n_(
        "Avec ces poids, {count} brique change de rang par rapport aux poids du programme.",
        "Avec ces poids, {count} briques changent de rang par rapport aux poids du programme.",
        changed,
    ).format(count=changed)


def aggregate_lines(programme: Programme, result: BrickResult) -> list[str]:
    """One French line per criterion: mean, median, range, count and disagreement."""
    lines = []
    for c in programme.criteria:
        agg = result.criteria[c.id]
        if agg.mean is None or agg.median is None:
            lines.append(_("{criterion} : pas encore notée").format(criterion=c.label))
            continue
        line = n_(
            "{criterion} : moyenne {mean}, médiane {median}, de {low} à {high} ({count} note)",
            "{criterion} : moyenne {mean}, médiane {median}, de {low} à {high} ({count} notes)",
            agg.count,
        ).format(
            criterion=c.label,
            mean=number(agg.mean),
            median=number(agg.median),
            low=agg.min,
            high=agg.max,
            count=agg.count,
        )
        lines.append(line + (_(" — désaccord") if agg.disputed else ""))
    return lines
