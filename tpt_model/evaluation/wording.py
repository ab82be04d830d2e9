"""The results of an evaluation in French: a score's level, progress, aggregates, rank changes."""

from tpt_model.catalogue.programme import Criterion, Programme
from tpt_model.evaluation.scoring import BrickResult
from tpt_model.formatting import counted, number
from tpt_model.i18n import _


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
    if changed == 1:
        return _("Avec ces poids, 1 brique change de rang par rapport aux poids du programme.")
    return _("Avec ces poids, {changed} briques changent de rang par rapport aux poids du programme.").format(
        changed=changed
    )


def aggregate_lines(programme: Programme, result: BrickResult) -> list[str]:
    """One French line per criterion: mean, median, range, count and disagreement."""
    lines = []
    for c in programme.criteria:
        agg = result.criteria[c.id]
        if agg.mean is None or agg.median is None:
            lines.append(_("{label} : pas encore notée").format(label=c.label))
            continue
        line = _("{label} : moyenne {mean}, médiane {median}, de {min} à {max} ({scores})").format(
            label=c.label,
            mean=number(agg.mean),
            median=number(agg.median),
            min=agg.min,
            max=agg.max,
            scores=counted(agg.count, "note", "notes"),
        )
        lines.append(line + (_(" — désaccord") if agg.disputed else ""))
    return lines
