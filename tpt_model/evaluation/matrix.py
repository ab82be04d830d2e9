"""The priority matrix of an evaluation: the bubble chart and its table twin."""

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Criterion, Programme
from tpt_model.evaluation.scoring import BrickResult

__all__ = [
    "QUADRANTS",
    "SELECTION_PARAM",
    "matrix_axes",
    "matrix_table",
    "priority_matrix_chart",
    "quadrant_of",
]

# Name of the point selection: `st.altair_chart(..., on_select="rerun")` reports it under this key.
SELECTION_PARAM = "brick"

# (x high, y high) → label; x is the pertinence-like criterion, y the simplicity-like one.
QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, True): "Gains rapides",
    (True, False): "Projets structurants",
    (False, True): "Compléments faciles",
    (False, False): "À simplifier ou abandonner",
}
UNPLACED = "Non placée (notes manquantes)"


def matrix_axes(programme: Programme, x_criterion: str, y_criterion: str) -> tuple[Criterion, Criterion]:
    """The criteria of the two axes, falling back to the programme's first two when an id is unknown."""
    by_id = {c.id: c for c in programme.criteria}
    x = by_id.get(x_criterion) or programme.criteria[0]
    y = by_id.get(y_criterion)
    if y is None:
        # The first criterion that is not already on x (the only one if the programme has one).
        y = next((c for c in programme.criteria if c.id != x.id), x)
    return x, y


def _midpoint(criterion: Criterion) -> float:
    return (criterion.scale.min + criterion.scale.max) / 2


def quadrant_of(x: Criterion, y: Criterion, x_mean: float | None, y_mean: float | None) -> str:
    """The quadrant label of a point (a mean on the midpoint counts as high)."""
    if x_mean is None or y_mean is None:
        return UNPLACED
    return QUADRANTS[(x_mean >= _midpoint(x), y_mean >= _midpoint(y))]


def _records(
    catalogue: Catalogue, results: Sequence[BrickResult], x: Criterion, y: Criterion
) -> list[dict[str, Any]]:
    """One record per result, with the fields the chart encodes (None where a mean is missing)."""
    programme = catalogue.programme
    labels = {p.id: p.label for p in programme.pillars}
    rows = []
    for r in results:
        brick = catalogue.bricks_by_id.get(r.brick_id)
        x_mean, y_mean = r.criteria[x.id].mean, r.criteria[y.id].mean
        rows.append(
            {
                "brick_id": r.brick_id,
                "title": r.title,
                "pillar": labels.get(brick.pillar, brick.pillar) if brick else None,
                "x": x_mean,
                "y": y_mean,
                "cost": brick.cost.beneficiary_eur if brick else None,
                "total": None if r.total is None else round(r.total, 1),
                "rank": r.rank,
                "evaluators": r.evaluators,
                "to_discuss": r.to_discuss,
                "discuss_label": "oui" if r.to_discuss else "non",
                "quadrant": quadrant_of(x, y, x_mean, y_mean),
            }
        )
    return rows


def _scale(criterion: Criterion) -> alt.Scale:
    return alt.Scale(domain=[criterion.scale.min, criterion.scale.max], nice=False, zero=False)


def _x(x: Criterion) -> alt.X:
    return alt.X("x:Q", title=f"{x.label} (moyenne)", scale=_scale(x))


def _y(y: Criterion) -> alt.Y:
    return alt.Y("y:Q", title=f"{y.label} (moyenne)", scale=_scale(y))


def _quadrant_layers(x: Criterion, y: Criterion) -> list[alt.Chart]:
    """Dashed lines at the scales' midpoints and the four quadrant labels in the corners."""
    rule = {"strokeDash": [4, 4], "color": "#888888"}
    layers = [
        alt.Chart(pd.DataFrame({"x": [_midpoint(x)]})).mark_rule(**rule).encode(x=_x(x)),
        alt.Chart(pd.DataFrame({"y": [_midpoint(y)]})).mark_rule(**rule).encode(y=_y(y)),
    ]
    inset = (y.scale.max - y.scale.min) * 0.04  # keeps the labels off the frame
    for x_high, align, dx in ((False, "left", 6), (True, "right", -6)):
        labels = pd.DataFrame(
            {
                "x": [x.scale.max if x_high else x.scale.min] * 2,
                "y": [y.scale.max - inset, y.scale.min + inset],
                "quadrant": [QUADRANTS[(x_high, True)], QUADRANTS[(x_high, False)]],
            }
        )
        text = alt.Chart(labels).mark_text(
            align=align, dx=dx, fontWeight="bold", color="#555555", opacity=0.8
        )
        layers.append(text.encode(x=_x(x), y=_y(y), text="quadrant:N"))
    return layers


def _points_layer(programme: Programme, rows: list[dict[str, Any]], x: Criterion, y: Criterion) -> alt.Chart:
    placed = pd.DataFrame([r for r in rows if r["x"] is not None and r["y"] is not None and r["pillar"]])
    if placed.empty:
        placed = pd.DataFrame(columns=list(rows[0]) if rows else ["brick_id", "x", "y"])
    selection = alt.selection_point(name=SELECTION_PARAM, fields=["brick_id"])
    pillars = alt.Scale(
        domain=[p.label for p in programme.pillars], range=[p.color for p in programme.pillars]
    )
    return (
        alt.Chart(placed)
        .mark_circle(stroke="#333333")
        .encode(
            x=_x(x),
            y=_y(y),
            size=alt.Size(
                "cost:Q",
                title="Coût par bénéficiaire (€)",
                scale=alt.Scale(range=[90, 1400], zero=True),
                # No thousands comma: « 5,000 » reads as 5 in French.
                legend=alt.Legend(format=".0f"),
            ),
            color=alt.Color("pillar:N", title="Volet", scale=pillars),
            opacity=alt.condition(selection, alt.value(0.85), alt.value(0.3)),
            # A thick outline marks the bricks « à discuter » without a second legend.
            strokeWidth=alt.condition(alt.datum.to_discuss, alt.value(2.5), alt.value(0.5)),
            tooltip=[
                alt.Tooltip("title:N", title="Brique"),
                alt.Tooltip("pillar:N", title="Volet"),
                alt.Tooltip("x:Q", title=f"{x.label} (moyenne)", format=".2f"),
                alt.Tooltip("y:Q", title=f"{y.label} (moyenne)", format=".2f"),
                alt.Tooltip("total:Q", title="Total pondéré (sur 100)", format=".1f"),
                alt.Tooltip("rank:Q", title="Rang"),
                alt.Tooltip("cost:Q", title="Coût par bénéficiaire (€)", format=".0f"),
                alt.Tooltip("evaluators:Q", title="Évaluatrices"),
                alt.Tooltip("discuss_label:N", title="À discuter"),
            ],
        )
        .add_params(selection)
    )


def priority_matrix_chart(
    catalogue: Catalogue,
    results: Sequence[BrickResult],
    *,
    x_criterion: str = "pertinence",
    y_criterion: str = "simplicite",
) -> alt.LayerChart:
    """Bubble chart of the bricks: mean scores on two criteria, size = cost per beneficiary, colour = pillar.

    Bricks lacking a mean on either axis are left out of the chart (see `matrix_table`). Clicking a
    bubble selects its brick through the point selection `brick` on field `brick_id`.
    """
    x, y = matrix_axes(catalogue.programme, x_criterion, y_criterion)
    rows = _records(catalogue, results, x, y)
    layers = [*_quadrant_layers(x, y), _points_layer(catalogue.programme, rows, x, y)]
    # « fit-x »: Streamlit's default « fit » would squeeze the legend and title into the height.
    return alt.layer(*layers).properties(
        width=560,
        height=420,
        title="Matrice de priorisation",
        autosize={"type": "fit-x", "contains": "padding"},
    )


def matrix_table(
    catalogue: Catalogue,
    results: Sequence[BrickResult],
    *,
    x_criterion: str = "pertinence",
    y_criterion: str = "simplicite",
) -> pd.DataFrame:
    """The priority matrix as a table, one row per brick in ranking order (unplaced bricks included)."""
    x, y = matrix_axes(catalogue.programme, x_criterion, y_criterion)
    rows = _records(catalogue, results, x, y)
    table: dict[str, list[Any]] = {
        "Brique": [r["title"] for r in rows],
        "Volet": [r["pillar"] for r in rows],
        f"{x.label} (moyenne)": [_round(r["x"], 2) for r in rows],
        f"{y.label} (moyenne)": [_round(r["y"], 2) for r in rows],
        "Quadrant": [r["quadrant"] for r in rows],
        "Coût par bénéficiaire (€)": [r["cost"] for r in rows],
        "Total pondéré": [r["total"] for r in rows],
        "À discuter": [r["to_discuss"] for r in rows],
    }
    return pd.DataFrame(table)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
