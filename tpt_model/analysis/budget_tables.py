"""The budget as people read it: by year and by pillar, phase or partner, as a stacked chart and tables."""

from collections import defaultdict
from typing import Any, Literal

import pandas as pd

from tpt_model.analysis.budget import BudgetEntry, YearKind, walk_costs
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import euros, table_text
from tpt_model.frise.spec import plain_spec

Breakdown = Literal["pillar", "phase", "partner"]
BREAKDOWN_TITLES: dict[Breakdown, str] = {"pillar": "Volet", "phase": "Phase", "partner": "Partenaire"}
YEAR_TITLES: dict[YearKind, str] = {"calendar": "Année civile", "school": "Année scolaire"}
AMOUNT = "Montant (€)"
NATURE = "Coût"
INFERRED, SOURCED = "estimé", "sourcé"
NO_PARTNER = "Sans partenaire"
TOTAL, OF_WHICH_INFERRED = "Total", "dont estimé"


def year_label(year: int, kind: YearKind) -> str:
    """« 2026 » for a calendar year, « 2026–2027 » for the school year that opens in September 2026."""
    return str(year) if kind == "calendar" else f"{year}–{year + 1}"


def _groups(catalogue: Catalogue, by: Breakdown) -> dict[str, str]:
    """Every group of the breakdown in the catalogue's order, with its French label."""
    programme = catalogue.programme
    if by == "pillar":
        return {p.id: p.label for p in programme.pillars}
    if by == "phase":
        return {p.id: p.label for p in programme.phases}
    return {p.id: p.name for p in catalogue.partners}


def _split(entry: BudgetEntry, by: Breakdown) -> list[tuple[str, float]]:
    """The entry's amount by group; a placement delivered by several partners is shared equally."""
    if by == "pillar":
        return [(entry.pillar, entry.eur)]
    if by == "phase":
        return [(entry.phase, entry.eur)]
    if not entry.partners:
        return [("", entry.eur)]
    return [(partner, entry.eur / len(entry.partners)) for partner in entry.partners]


def budget_rows(
    catalogue: Catalogue,
    entries: list[BudgetEntry],
    years: list[int],
    by: Breakdown = "pillar",
    kind: YearKind = "calendar",
) -> list[dict[str, Any]]:
    """The stacked bars' rows: one per year, group and nature (estimé or sourcé), groups in catalogue order.

    Pillars and phases are listed even when nothing is spent on them; partners only when something is.
    """
    sums: dict[tuple[int, str, bool], float] = defaultdict(float)
    for entry in entries:
        if entry.when(kind) in years:
            for group, eur in _split(entry, by):
                sums[(entry.when(kind), group, entry.inferred)] += eur
    labels = _groups(catalogue, by)
    spent = {group for (_, group, _), eur in sums.items() if eur}
    groups = [g for g in labels if by != "partner" or g in spent]
    groups += sorted(g for g in spent if g not in labels and g)  # unknown partner ids, as they are
    groups += [""] if "" in spent else []
    return [
        {
            YEAR_TITLES[kind]: year_label(year, kind),
            BREAKDOWN_TITLES[by]: labels.get(group, group) or NO_PARTNER,
            NATURE: INFERRED if inferred else SOURCED,
            AMOUNT: round(sums[(year, group, inferred)], 2),
        }
        for year in years
        for group in groups
        for inferred in (True, False)
    ]


def budget_pivot(rows: list[dict[str, Any]], by: Breakdown, kind: YearKind) -> pd.DataFrame:
    """The chart's table twin: a row per group, a column per year, the totals and the inferred part."""
    groups, years = BREAKDOWN_TITLES[by], YEAR_TITLES[kind]
    columns = list(dict.fromkeys(r[years] for r in rows))
    table: dict[str, dict[str, float]] = {}
    inferred = dict.fromkeys(columns, 0.0)
    for row in rows:
        cells = table.setdefault(row[groups], dict.fromkeys(columns, 0.0))
        cells[row[years]] += row[AMOUNT]
        if row[NATURE] == INFERRED:
            inferred[row[years]] += row[AMOUNT]
    total = {year: sum(cells[year] for cells in table.values()) for year in columns}
    lines = [*table.items(), (TOTAL, total), (OF_WHICH_INFERRED, inferred)]
    return pd.DataFrame(
        [{groups: name, **cells, TOTAL: sum(cells.values())} for name, cells in lines],
        columns=[groups, *columns, TOTAL],
    )


def budget_pivot_text(rows: list[dict[str, Any]], by: Breakdown, kind: YearKind) -> pd.DataFrame:
    """`budget_pivot` in French euros: « 12 345 € »."""
    table = budget_pivot(rows, by, kind).round(0)  # a budget reads in whole euros
    return table_text(table, money=[c for c in table.columns if c != BREAKDOWN_TITLES[by]])


def budget_description(rows: list[dict[str, Any]], by: Breakdown, kind: YearKind) -> str:
    """The budget chart in words: each group's spending over the years, largest first, and the total."""
    year, group = YEAR_TITLES[kind], BREAKDOWN_TITLES[by]
    sums: dict[str, float] = defaultdict(float)
    for row in rows:
        sums[row[group]] += row[AMOUNT]
    years = sorted({row[year] for row in rows})
    head = f"Dépenses par {year.lower()} et par {group.lower()}"
    if not years:
        return f"{head} : aucune dépense."
    span = years[0] if len(years) == 1 else f"de {years[0]} à {years[-1]}"
    parts = ", ".join(f"{name} {euros(total)}" for name, total in sorted(sums.items(), key=lambda kv: -kv[1]))
    return f"{head}, {span} : {parts} ; en tout {euros(sum(sums.values()))}."


def budget_spec(
    catalogue: Catalogue, rows: list[dict[str, Any]], by: Breakdown = "pillar", kind: YearKind = "calendar"
) -> dict[str, Any]:
    """Spending per year stacked by group, inferred costs paler: a Vega-Lite dict from `budget_rows`."""
    year, group = YEAR_TITLES[kind], BREAKDOWN_TITLES[by]
    groups = list(dict.fromkeys(r[group] for r in rows))
    if by == "pillar":
        pillars = catalogue.programme.pillars
        colours: dict[str, Any] = {"domain": [p.label for p in pillars], "range": [p.color for p in pillars]}
    else:
        colours = {"domain": groups, "scheme": "tableau20" if by == "partner" else "tableau10"}
    amount = {"field": AMOUNT, "type": "quantitative"}
    encoding = {
        "x": {"field": year, "type": "ordinal", "sort": None, "title": None, "axis": {"labelAngle": 0}},
        "y": {**amount, "stack": "zero", "title": AMOUNT, "axis": {"format": ",.0f"}},
        "color": {
            "field": group,
            "type": "nominal",
            "scale": colours,
            "legend": {"orient": "bottom", "columns": 2, "labelLimit": 160},
        },
        "opacity": {
            "field": NATURE,
            "type": "nominal",
            "scale": {"domain": [SOURCED, INFERRED], "range": [1, 0.5]},
            "legend": None,  # the caption above the chart says that inferred costs are paler
        },
        "order": {"field": NATURE, "type": "nominal", "sort": "descending"},
        "tooltip": [
            {"field": year, "type": "ordinal"},
            {"field": group, "type": "nominal"},
            {"field": NATURE, "type": "nominal"},
            {**amount, "format": ",.0f"},
        ],
    }
    return plain_spec(
        {
            "data": {"values": rows},
            "mark": {"type": "bar"},
            "encoding": encoding,
            "width": "container",
            "height": 320,
            "description": budget_description(rows, by, kind),
        }
    )


def walk_table(catalogue: Catalogue, scenario: Scenario) -> list[dict[str, Any]]:
    """The cost per beneficiary of each typical walk: track × exit, without and with a bursary."""
    programme = catalogue.programme
    without = walk_costs(catalogue, scenario, frozenset())
    bursary = walk_costs(catalogue, scenario, frozenset({"boursiere"}))
    return [
        {
            "Parcours": track.label,
            "Sortie": exit_.label,
            "Non boursière": without[(track.id, exit_.id)],
            "Boursière": bursary[(track.id, exit_.id)],
        }
        for track in programme.tracks
        for exit_ in programme.exits
    ]
