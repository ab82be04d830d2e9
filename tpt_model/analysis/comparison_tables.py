"""A comparison for people: what changed in French sentences, tables side by side, differences marked."""

from dataclasses import dataclass

import pandas as pd

from tpt_model.analysis.comparison import Comparison
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.formatting import counted, euros, number, table_text
from tpt_model.i18n import _, mark_

# Column names, translated where the tables are built.
BEFORE, AFTER, DIFFERENCE = mark_("Référence"), mark_("Ce scénario"), mark_("Écart")


@dataclass(frozen=True)
class SideBySide:
    """One table of the comparison, as French text, and which of its rows differ (to highlight).

    A `note` says why the table is not worth showing (nobody scored the bricks): shown instead of it.
    """

    title: str
    frame: pd.DataFrame
    changed: tuple[bool, ...]
    note: str | None = None


def comparison_lines(catalogue: Catalogue, found: Comparison) -> list[str]:
    """What changed, one French sentence each: bricks only in one, placements, costs, mean score."""
    titles = {b.id: b.shown_title for b in catalogue.bricks}
    lines = [_("Seulement dans la référence : « {title} ».").format(title=titles[b]) for b in found.only_in_a]
    lines += [_("Seulement dans ce scénario : « {title} ».").format(title=titles[b]) for b in found.only_in_b]
    lines += list(found.changes)
    (cost_a, cost_b), (fixed_a, fixed_b) = found.cost_per_beneficiary_eur, found.fixed_eur
    if cost_a != cost_b:
        lines.append(
            _("Coût par bénéficiaire : {before} → {after}.").format(before=euros(cost_a), after=euros(cost_b))
        )
    if fixed_a != fixed_b:
        lines.append(
            _("Coûts fixes : {before} → {after}.").format(before=euros(fixed_a), after=euros(fixed_b))
        )
    if found.plan_changed:
        before, after = (counted(n, "entrante", "entrantes") for n in found.entrants)
        detail = f"{before} → {after}" if before != after else _("mêmes entrantes, autres parts")
        lines.append(_("Plan de cohortes modifié : {detail}.").format(detail=detail))
    mean_a, mean_b = (None if m is None else round(m, 1) for m in found.mean_score)
    if mean_a != mean_b:
        lines.append(
            _("Note moyenne des briques notées : {before} → {after}.").format(
                before=_score(mean_a), after=_score(mean_b)
            )
        )
    return lines


def _score(value: float | None) -> str:
    return _("non notée") if value is None else _("{score} sur 100").format(score=number(value, 1))


def budget_side_by_side(found: Comparison) -> SideBySide:
    """Spending by calendar year in each scenario, with the difference."""
    rows = [(year, round(a), round(b)) for year, a, b in found.budget_by_year]
    year_column, before, after = _("Année"), _(BEFORE), _(AFTER)
    frame = pd.DataFrame(rows, columns=[year_column, before, after])
    text = table_text(frame, money=[before, after])
    text[year_column] = [str(year) for year, *_rest in rows]  # a year is no amount: « 2026 », not « 2 026 »
    text[_(DIFFERENCE)] = [_signed(b - a) for _year, a, b in rows]
    return SideBySide(
        _("Dépenses par année civile (chaque scénario avec son plan de cohortes)"),
        text,
        tuple(a != b for _year, a, b in rows),
    )


def _signed(amount: float) -> str:
    """A difference in euros with its sign: « +1 000 € », « −500 € », « 0 € »."""
    sign = "+" if amount > 0 else "−" if amount < 0 else ""
    return sign + euros(abs(amount))


def scores_side_by_side(catalogue: Catalogue, found: Comparison) -> SideBySide:
    """Each brick's weighted total (0 to 100) in each scenario: « — » where it is not placed or not scored."""
    titles = {b.id: b.shown_title for b in catalogue.bricks}
    rows = [(titles.get(brick, brick), _round(a), _round(b)) for brick, a, b in found.scores]
    frame = pd.DataFrame(rows, columns=[_("Brique"), _(BEFORE), _(AFTER)])
    scored = any(a is not None or b is not None for _brick, a, b in rows)
    return SideBySide(
        _("Notes d'évaluation (total pondéré sur 100)"),
        table_text(frame),
        tuple(a != b for _brick, a, b in rows),
        None
        if scored
        else _("Personne n'a encore noté ces briques : les notes se donnent sur la page Évaluation."),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def coverage_side_by_side(catalogue: Catalogue, found: Comparison) -> SideBySide:
    """The stage × pillar cells whose number of placements differs."""
    programme = catalogue.programme
    rows = [(programme.stage(s).label, programme.pillar(p).label, a, b) for s, p, a, b in found.coverage]
    frame = pd.DataFrame(rows, columns=[_("Étape"), _("Volet"), _(BEFORE), _(AFTER)])
    return SideBySide(
        _("Placements par étape et volet qui diffèrent"), table_text(frame), (True,) * len(rows)
    )
