"""The priority matrix of an evaluation: the bubble chart and its table twin.

Read from the back of a room: bubbles with the same averages are spread around their common
point (always in the same way), the best-ranked bricks are named where their names fit, and the
axes leave room around the scale so that no bubble or label is cut at the edges.
"""

import math
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Criterion, Programme
from tpt_model.evaluation.scoring import BrickResult
from tpt_model.formatting import count
from tpt_model.frise.fitting import Box, first_free, text_px

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
# The narrowest plot the page draws (wider only spreads the bubbles apart), and its height, in pixels.
PLOT_WIDTH_PX, PLOT_HEIGHT_PX = 560, 420
SIZE_RANGE = (90, 1400)  # bubble areas in square pixels, from no cost to the highest
LABELLED = 10  # the best-ranked bricks named on the chart
NAMED = 5  # the best-ranked bricks of a quadrant its description names (the ranking lists them all)
LABEL_FONT_PX = 12
QUADRANT_FONT_PX = 13
# Legends under the plot: on the right, they would take the plot's width on a narrow screen.
BOTTOM_LEGEND: dict[str, Any] = {"orient": "bottom", "direction": "horizontal", "labelFontSize": 12}


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
                "short": brick.short_title if brick else r.title,
                "x_shown": x_mean,
                "y_shown": y_mean,
                "same_place": 1,
            }
        )
    return rows


# --- Room around the scales, and bubbles with the same averages --------------------------------


def _max_radius() -> float:
    return math.sqrt(SIZE_RANGE[1] / math.pi)


def _padding(criterion: Criterion, plot_px: float) -> float:
    """Scale units to add at each end so that the largest bubble at the scale's end is whole."""
    reach = _max_radius() + 6
    span = criterion.scale.max - criterion.scale.min
    return reach * span / (plot_px - 2 * reach)


class _Plane:
    """Pixels of the narrowest plot for the padded scales of both axes (y grows downwards)."""

    def __init__(self, x: Criterion, y: Criterion) -> None:
        self.x_domain = _domain(x, PLOT_WIDTH_PX)
        self.y_domain = _domain(y, PLOT_HEIGHT_PX)

    def px(self, value: float) -> float:
        low, high = self.x_domain
        return (value - low) / (high - low) * PLOT_WIDTH_PX

    def py(self, value: float) -> float:
        low, high = self.y_domain
        return (high - value) / (high - low) * PLOT_HEIGHT_PX

    def units(self, dx: float, dy: float) -> tuple[float, float]:
        """Scale units of a shift in pixels (dy upwards)."""
        (x0, x1), (y0, y1) = self.x_domain, self.y_domain
        return dx * (x1 - x0) / PLOT_WIDTH_PX, dy * (y1 - y0) / PLOT_HEIGHT_PX


def _domain(criterion: Criterion, plot_px: float) -> list[float]:
    pad = _padding(criterion, plot_px)
    return [criterion.scale.min - pad, criterion.scale.max + pad]


def _placed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r["x"] is not None and r["y"] is not None and r["pillar"]]


def _spread(rows: list[dict[str, Any]], plane: _Plane) -> None:
    """Bubbles that share both averages go round their common point, the best-ranked first, on top.

    The order is the ranking (then the brick id), so the picture is the same at every rerun; the
    tooltip keeps the true averages and says how many bricks share them.
    """
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for row in _placed(rows):
        groups.setdefault((round(row["x"], 6), round(row["y"], 6)), []).append(row)
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0, r["brick_id"]))
        ring = 8 + 4 * len(group)  # pixels: more bubbles, a wider ring
        for k, row in enumerate(group):
            angle = math.pi / 2 + 2 * math.pi * k / len(group)
            dx, dy = plane.units(ring * math.cos(angle), ring * math.sin(angle))
            row["x_shown"], row["y_shown"] = row["x"] + dx, row["y"] + dy
            row["same_place"] = len(group)


def _radius(cost: float | None, highest: float) -> float:
    """A bubble's radius in pixels (its area grows with the cost, from the size range's start)."""
    low, high = SIZE_RANGE
    share = (cost or 0) / highest if highest > 0 else 0
    return math.sqrt((low + (high - low) * share) / math.pi)


def _quadrant_boxes() -> list[Box]:
    """Where the four quadrant labels sit, in the corners of the plot."""
    boxes: list[Box] = []
    height = QUADRANT_FONT_PX * 1.3
    for (x_high, y_high), label in QUADRANTS.items():
        width = text_px(label, QUADRANT_FONT_PX, bold=True)
        left = PLOT_WIDTH_PX - 6 - width if x_high else 6
        top = 4 if y_high else PLOT_HEIGHT_PX - 4 - height
        boxes.append((left, top, left + width, top + height))
    return boxes


def _labels(rows: list[dict[str, Any]], plane: _Plane) -> list[dict[str, Any]]:
    """Names of the best-ranked bricks, beside their bubble where they meet no other name nor bubble.

    A name tries the right of its bubble, then its left, above, below and the four diagonals; one
    that fits nowhere is left out (the bubble's tooltip names it).
    """
    placed = _placed(rows)
    highest = max((r["cost"] or 0 for r in placed), default=0)
    ranked = sorted((r for r in placed if r["rank"] is not None), key=lambda r: (r["rank"], r["brick_id"]))
    taken = _quadrant_boxes()
    # No name on another bubble either: every bubble's square is taken (a name sits beside its own).
    for other in placed:
        ox, oy, radius = (
            plane.px(other["x_shown"]),
            plane.py(other["y_shown"]),
            _radius(other["cost"], highest),
        )
        taken.append((ox - radius, oy - radius, ox + radius, oy + radius))
    labels = []
    for row in ranked[:LABELLED]:
        cx, cy = plane.px(row["x_shown"]), plane.py(row["y_shown"])
        r, w, h = _radius(row["cost"], highest) + 3, text_px(row["short"], LABEL_FONT_PX), LABEL_FONT_PX * 1.3
        places = [  # (align, dx, dy) and the box it gives
            (("left", r, 0.0), (cx + r, cy - h / 2, cx + r + w, cy + h / 2)),
            (("right", -r, 0.0), (cx - r - w, cy - h / 2, cx - r, cy + h / 2)),
            (("center", 0.0, -r - h / 2), (cx - w / 2, cy - r - h, cx + w / 2, cy - r)),
            (("center", 0.0, r + h / 2), (cx - w / 2, cy + r, cx + w / 2, cy + r + h)),
            (
                ("left", r * 0.7, -r * 0.7 - h / 2),
                (cx + r * 0.7, cy - r * 0.7 - h, cx + r * 0.7 + w, cy - r * 0.7),
            ),
            (
                ("right", -r * 0.7, -r * 0.7 - h / 2),
                (cx - r * 0.7 - w, cy - r * 0.7 - h, cx - r * 0.7, cy - r * 0.7),
            ),
            (
                ("left", r * 0.7, r * 0.7 + h / 2),
                (cx + r * 0.7, cy + r * 0.7, cx + r * 0.7 + w, cy + r * 0.7 + h),
            ),
            (
                ("right", -r * 0.7, r * 0.7 + h / 2),
                (cx - r * 0.7 - w, cy + r * 0.7, cx - r * 0.7, cy + r * 0.7 + h),
            ),
        ]
        inside = [p for p in places if p[1][0] >= 0 and p[1][2] <= PLOT_WIDTH_PX and p[1][1] >= 0]
        chosen = first_free([box for _, box in inside], taken)
        if chosen is None:
            continue
        (align, dx, dy), box = inside[chosen]
        taken.append(box)
        labels.append(
            {
                "x": row["x_shown"],
                "y": row["y_shown"],
                "text": row["short"],
                "align": align,
                "dx": dx,
                "dy": dy,
            }
        )
    return labels


def _scale(criterion: Criterion, plot_px: float) -> alt.Scale:
    return alt.Scale(domain=_domain(criterion, plot_px), nice=False, zero=False)


def _axis(criterion: Criterion) -> alt.Axis:
    # Ticks on the scale's own levels only: the room around it is no score.
    levels = list(range(criterion.scale.min, criterion.scale.max + 1))
    return alt.Axis(values=levels, format="d", titleFontSize=13, labelFontSize=12)


def _x(x: Criterion, field: str = "x") -> alt.X:
    return alt.X(f"{field}:Q", title=f"{x.label} (moyenne)", scale=_scale(x, PLOT_WIDTH_PX), axis=_axis(x))


def _y(y: Criterion, field: str = "y") -> alt.Y:
    return alt.Y(f"{field}:Q", title=f"{y.label} (moyenne)", scale=_scale(y, PLOT_HEIGHT_PX), axis=_axis(y))


def _quadrant_layers(x: Criterion, y: Criterion, plane: _Plane) -> tuple[list[alt.Chart], list[alt.Chart]]:
    """Dashed lines at the scales' midpoints, and the four quadrant labels in the plot's corners."""
    rule = {"strokeDash": [4, 4], "color": "#888888"}
    rules = [
        alt.Chart(pd.DataFrame({"x": [_midpoint(x)]}), name="quadrants_x").mark_rule(**rule).encode(x=_x(x)),
        alt.Chart(pd.DataFrame({"y": [_midpoint(y)]}), name="quadrants_y").mark_rule(**rule).encode(y=_y(y)),
    ]
    (x_low, x_high), (y_low, y_high) = plane.x_domain, plane.y_domain
    labels: list[alt.Chart] = []
    for high, align, dx in ((False, "left", 6), (True, "right", -6)):
        for top, baseline, dy in ((True, "top", 4), (False, "bottom", -4)):
            corner = pd.DataFrame(
                {
                    "x": [x_high if high else x_low],
                    "y": [y_high if top else y_low],
                    "quadrant": [QUADRANTS[(high, top)]],
                }
            )
            text = alt.Chart(corner, name=f"quadrant_{int(high)}{int(top)}").mark_text(
                align=align,
                baseline=baseline,
                dx=dx,
                dy=dy,
                fontSize=QUADRANT_FONT_PX,
                fontWeight="bold",
                color="#555555",
                opacity=0.8,
            )
            labels.append(text.encode(x=_x(x), y=_y(y), text="quadrant:N"))
    return rules, labels


def _points_layer(programme: Programme, rows: list[dict[str, Any]], x: Criterion, y: Criterion) -> alt.Chart:
    placed = pd.DataFrame(_placed(rows))
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
            x=_x(x, "x_shown"),
            y=_y(y, "y_shown"),
            size=alt.Size(
                "cost:Q",
                title="Coût par bénéficiaire (€)",
                scale=alt.Scale(range=list(SIZE_RANGE), zero=True),
                # No thousands comma: « 5,000 » reads as 5 in French.
                legend=alt.Legend(format=".0f", tickCount=3, **BOTTOM_LEGEND),
            ),
            color=alt.Color("pillar:N", title="Volet", scale=pillars, legend=alt.Legend(**BOTTOM_LEGEND)),
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
                alt.Tooltip("same_place:Q", title="Briques à ces moyennes"),
            ],
        )
        .add_params(selection)
    )


def _names_layer(labels: list[dict[str, Any]], x: Criterion, y: Criterion) -> alt.Chart:
    """The names of the best-ranked bricks, each on the side of its bubble where it fits."""
    frame = pd.DataFrame(labels, columns=["x", "y", "text", "align", "dx", "dy"])
    return (
        alt.Chart(frame, name="noms")
        .mark_text(
            align=alt.expr("datum.align"),
            dx=alt.expr("datum.dx"),
            dy=alt.expr("datum.dy"),
            baseline="middle",
            fontSize=LABEL_FONT_PX,
            color="#2B2B2B",
        )
        .encode(x=_x(x), y=_y(y), text="text:N")
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
    plane = _Plane(x, y)
    _spread(rows, plane)
    rules, quadrants = _quadrant_layers(x, y, plane)
    # The quadrants' names last: on top of any bubble spread into a corner.
    layers = [
        *rules,
        _points_layer(catalogue.programme, rows, x, y),
        _names_layer(_labels(rows, plane), x, y),
        *quadrants,
    ]
    # « fit-x »: Streamlit's default « fit » would squeeze the legend and title into the height.
    return alt.layer(*layers).properties(
        width=PLOT_WIDTH_PX,
        height=PLOT_HEIGHT_PX,
        title="Matrice de priorisation",
        autosize={"type": "fit-x", "contains": "padding"},
        # What the chart shows, in words: Vega makes it the chart's label, which screen readers read.
        description=_description(x, y, rows),
    )


def _description(x: Criterion, y: Criterion, rows: list[dict[str, Any]]) -> str:
    """The matrix in words: its axes, then the bricks of each quadrant, best-ranked first."""
    sentences = [
        f"Matrice de priorisation : {x.label} en abscisse, {y.label} en ordonnée (moyennes des notes), "
        "bulles d'autant plus grandes que le coût par bénéficiaire est élevé."
    ]
    ranked = sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["title"]))
    for quadrant in [*QUADRANTS.values(), UNPLACED]:
        names = [r["title"] for r in ranked if r["quadrant"] == quadrant]
        if not names and quadrant == UNPLACED:
            continue
        more = f" et {count(len(names) - NAMED, 'autre')}" if len(names) > NAMED else ""
        listed = f" ({', '.join(names[:NAMED])}{more})" if names else ""
        sentences.append(f"{quadrant} : {count(len(names), 'brique')}{listed}.")
    return " ".join(sentences)


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
