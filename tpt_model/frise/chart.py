"""The frise as an Altair chart: phases, milestones and one bar per placement, in lanes.

The x axis is quantitative (months since September of the first stage): an ordinal x ignores `x2`.
The y bands and the records of each layer come from `frise_layout`, so that Vega only draws;
sub-objects are plain dicts because Altair validates its schema classes when they are created,
which costs time on every rerun.
"""

import json
from dataclasses import dataclass
from typing import Any

import altair as alt

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import month_year
from tpt_model.frise.layout import (
    DARK,
    FONT_PX,
    KIND_LABELS,
    LABEL_LIMIT_PX,
    RISK_LABEL_LIMIT_PX,
    ROW_PX,
    FriseLayout,
    frise_layout,
)
from tpt_model.frise.rows import LANE_LABELS, FriseOptions
from tpt_model.frise.spec import chart_spec, inline_datasets
from tpt_model.journey.cohort import cohort_label, point_date
from tpt_model.journey.timeline import axis_months, stage_start

OFF_TRACK_COLOR = "#8A9099"
RISK_COLOR = "#D55E00"
GRID = "#C9CED6"
KIND_COLORS = {
    "orientation": "#6A51A3",
    "examen": "#B03A86",
    "communication": "#7A7A7A",
    "risque": RISK_COLOR,
}
SELECTION = "placement"


def selection_after_click(points: object, current: int | None, count: int) -> int | None:
    """The placement selected after a click on the chart reported `points` (Vega's selection).

    A click on a bar selects its placement; a click on empty ground clears the selection; a click on
    any other mark (milestone, band, risk window, label) or anything malformed changes nothing.
    """
    if not isinstance(points, list):
        return current
    if not points:
        return None
    first = points[0]
    index = first.get("idx") if isinstance(first, dict) else None
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < count:
        return index
    if isinstance(index, float) and index.is_integer() and 0 <= index < count:
        return int(index)
    return current


# --- Layers -----------------------------------------------------------------------------------

MILESTONE_TOOLTIP = [
    alt.Tooltip("label:N", title="Jalon"),
    alt.Tooltip("kind:N", title="Type"),
    alt.Tooltip("period:N", title="Période"),
    alt.Tooltip("description:N", title="Description"),
]
BAR_TOOLTIP = [
    alt.Tooltip("num:Q", title="N°"),
    alt.Tooltip("title:N", title="Brique"),
    alt.Tooltip("pillar:N", title="Volet"),
    alt.Tooltip("modality:N", title="Modalité"),
    alt.Tooltip("lane:N", title="Couloir"),
    alt.Tooltip("from_label:N", title="Début"),
    alt.Tooltip("to_label:N", title="Fin"),
    alt.Tooltip("months:Q", title="Durée (mois)"),
    alt.Tooltip("partner:N", title="Partenaire"),
    alt.Tooltip("note:N", title="Note"),
]
TEXT = {"align": "left", "baseline": "middle", "fontSize": FONT_PX}


@dataclass(frozen=True)
class Scales:
    """The scales every layer shares (plain dicts: cheap to build, identical in each layer)."""

    x: dict
    y: dict
    kind: dict
    full_height: alt.Y2Value

    def xq(self, field: str, axis: dict | None = None) -> alt.X:
        """A month position on the shared x scale (the axis is declared once, on the bars)."""
        return alt.X(f"{field}:Q", scale=self.x, **({"axis": axis} if axis else {}))

    def yb(self, position: float = 0.5, axis: dict | None = None) -> alt.Y:
        """A band of the shared y scale (0 = top of the band, 0.5 = its middle)."""
        return alt.Y("band:N", scale=self.y, bandPosition=position, **({"axis": axis} if axis else {}))

    def yp(self, field: str = "y") -> alt.Y:
        """A pixel height from the top (the milestone label lines are placed in pixels)."""
        return alt.Y(f"{field}:Q", scale=None)

    def kind_color(self, legend: dict | None = None) -> alt.Color:
        """The colour of a milestone kind."""
        return alt.Color("kind:N", scale=self.kind, legend=legend)


def _chart(dataset: str) -> alt.Chart:
    # Named data: the values sit once in the top-level `datasets`, so that Altair's copies of each
    # layer (when layering, adding a selection) do not copy hundreds of records every rerun.
    return alt.Chart(alt.NamedData(name=dataset))


def _background_layers(s: Scales) -> list[alt.Chart]:
    """Phase tints, stage limits, stages off the chosen track, milestone periods and risk windows."""
    return [
        _chart("phases")
        .mark_rect()
        .encode(x=s.xq("start"), x2="stop", color=alt.Color("tint:N", scale=None)),
        _chart("etapes").mark_rule(color=GRID, strokeWidth=1).encode(x=s.xq("start")),
        _chart("hors_parcours")
        .mark_rect(color=OFF_TRACK_COLOR, opacity=0.22)
        .encode(x=s.xq("start"), x2="stop", tooltip=alt.Tooltip("label:N", title="Étape")),
        _chart("periodes")
        .mark_rect(opacity=0.07)
        .encode(x=s.xq("start"), x2="stop", y=s.yp(), y2=s.full_height, color=s.kind_color()),
        _chart("risques")
        .mark_rect(color=RISK_COLOR, opacity=0.16, stroke=RISK_COLOR, strokeOpacity=0.6, strokeDash=[4, 3])
        .encode(x=s.xq("start"), x2="stop", y=s.yp(), y2=s.full_height, tooltip=MILESTONE_TOOLTIP),
        _chart("couloirs").mark_rule(color=GRID, strokeWidth=1).encode(y=s.yb(0)),
    ]


def _milestone_layers(s: Scales) -> list[alt.Chart]:
    """Rules, markers and labels of the dated milestones; lighter marks for the yearly ones."""
    legend = {"title": "Jalons", "orient": "top", "direction": "horizontal", "symbolType": "stroke"}
    return [
        _chart("jalons_mois")
        .mark_rule(strokeDash=[4, 3], opacity=0.75)
        .encode(x=s.xq("mid"), y=s.yp(), y2=s.full_height, color=s.kind_color(legend)),
        _chart("annuels_periodes")
        .mark_bar(height={"band": 0.4}, opacity=0.3)
        .encode(x=s.xq("start"), x2="stop", y=s.yb(), color=s.kind_color(), tooltip=MILESTONE_TOOLTIP),
        _chart("annuels_mois")
        .mark_tick(thickness=2, size=ROW_PX * 0.6, opacity=0.6)
        .encode(x=s.xq("mid"), y=s.yb(), color=s.kind_color(), tooltip=MILESTONE_TOOLTIP),
        _chart("jalons_periodes")
        .mark_rect(opacity=0.3, cornerRadius=3)
        .encode(
            x=s.xq("start"),
            x2="stop",
            y=s.yp("y_top"),
            y2="y_bottom",
            color=s.kind_color(),
            tooltip=MILESTONE_TOOLTIP,
        ),
        _chart("jalons_mois")
        .mark_point(shape="triangle-down", filled=True, size=45, opacity=1)
        .encode(x=s.xq("mid"), y=s.yp(), color=s.kind_color(), tooltip=MILESTONE_TOOLTIP),
        _chart("jalons_textes")
        .mark_text(color=DARK, limit=LABEL_LIMIT_PX, **TEXT)
        .encode(x=s.xq("text_x"), y=s.yp(), text="label:N", tooltip=MILESTONE_TOOLTIP),
        _chart("risques")
        .mark_text(color=RISK_COLOR, fontWeight="bold", limit=RISK_LABEL_LIMIT_PX, **TEXT)
        .encode(x=s.xq("text_x"), y=s.yp(), text="label:N", tooltip=MILESTONE_TOOLTIP),
    ]


def _bar_layers(s: Scales, x_axis: dict, y_axis: dict, pillars: dict) -> list[alt.Chart]:
    """Phase titles, the bars (clicking one selects its `idx`) and their short titles."""
    selection = alt.selection_point(name=SELECTION, fields=["idx"], on="click", clear="dblclick")
    bars = alt.Chart(alt.NamedData(name="barres"), name="barres").mark_bar(
        height={"band": 0.78}, cornerRadius=3, cursor="pointer"
    )
    return [
        _chart("phases")
        .mark_text(fontSize=12, fontWeight="bold", color="#3A3F47", baseline="middle")
        .encode(x=s.xq("mid"), y=s.yb(), text="label:N"),
        bars.encode(
            x=s.xq("start", x_axis),
            x2="stop",
            y=s.yb(axis=y_axis),
            color=alt.Color("pillar:N", scale=pillars, legend={"title": "Volet", "orient": "top"}),
            stroke=alt.Stroke("stroke:N", scale=None),
            strokeWidth=alt.StrokeWidth("stroke_width:Q", scale=None),
            tooltip=BAR_TOOLTIP,
        ).add_params(selection),
        _chart("etiquettes")
        .mark_text(**TEXT)
        .encode(
            x=s.xq("label_x"),
            y=s.yb(),
            text="short:N",
            color=alt.Color("label_color:N", scale=None),
            tooltip=BAR_TOOLTIP,
        ),
    ]


def _x_axis(catalogue: Catalogue, options: FriseOptions) -> dict:
    """Ticks at each stage start named by the stage's short label (and its month for a cohort)."""
    programme = catalogue.programme
    names: list[object] = [s.short for s in programme.stages]
    if options.cohort_year is not None:
        year = options.cohort_year
        names = [
            [s.short, month_year(point_date(programme, stage_start(s.id), year))] for s in programme.stages
        ]
    return {
        "title": "Parcours",
        "orient": "top",
        "values": [i * 12 for i in range(len(programme.stages) + 1)],
        # json.dumps quotes and escapes pilot-written labels; a JSON array is a valid Vega expression.
        "labelExpr": f"{json.dumps(names)}[floor(datum.value / 12)] || ''",
        "labelAlign": "left",
        "labelBaseline": "bottom",
        "labelPadding": 3 if options.cohort_year is None else 3 + 13,  # Vega stacks the second line downwards
        "labelLineHeight": 13,
        "labelFontSize": 11,
        "labelFontWeight": "bold",
        "grid": False,
        "tickSize": 8,
        "domain": False,
    }


def _y_axis(layout: FriseLayout) -> dict:
    """Each lane named once, at its first row; the header lines « Jalons » and « Chaque année »."""
    return {
        "title": "Couloir",
        "labelExpr": f"{json.dumps(layout.band_labels)}[datum.value] || ''",
        "labelFontSize": 11,
        "labelLimit": 220,
        "ticks": False,
        "domain": False,
        "grid": False,
    }


def _title(catalogue: Catalogue, scenario: Scenario, options: FriseOptions, shown: int) -> dict:
    programme = catalogue.programme
    parts = [f"{shown} action(s) affichée(s) sur {len(scenario.placements)}"]
    persona = catalogue.personas_by_id.get(options.persona or "")
    if persona is not None:
        parts.insert(0, f"parcours de {persona.name}")
    parts.append(f"couloirs {LANE_LABELS[options.lane_mode]}")
    parts += [t.label for t in programme.tracks if t.id == options.track]
    parts += [e.label for e in programme.exits if e.id == options.exit]
    subtitle = [" · ".join(parts)]
    if options.cohort_year is not None:
        subtitle.insert(0, cohort_label(options.cohort_year).capitalize())
    return {
        "text": scenario.name,
        "subtitle": subtitle,
        "anchor": "start",
        "fontSize": 16,
        "subtitleFontSize": 12,
    }


def frise_chart(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    *,
    selected: int | None = None,
    width: int = 1100,
) -> alt.LayerChart:
    """The frise: phases, milestones and risk windows behind one selectable bar per placement."""
    programme = catalogue.programme
    layout = frise_layout(catalogue, scenario, options, selected=selected, width=width)
    scales = Scales(
        x={"domain": [0, axis_months(programme)], "nice": False, "zero": False},
        y={"domain": layout.bands, "paddingInner": 0, "paddingOuter": 0},
        kind={"domain": list(KIND_LABELS.values()), "range": list(KIND_COLORS.values())},
        full_height=alt.Y2Value(layout.height),
    )
    pillars = {"domain": [p.label for p in programme.pillars], "range": [p.color for p in programme.pillars]}
    layers = [
        *_background_layers(scales),
        *_milestone_layers(scales),
        *_bar_layers(scales, _x_axis(catalogue, options), _y_axis(layout), pillars),
    ]
    chart = alt.LayerChart(
        layer=layers,
        width=width,
        height=layout.height,
        title=_title(catalogue, scenario, options, len(layout.bars)),
        view={"stroke": None},
        resolve={"scale": {"color": "independent"}},
        # Fit the page's width only: « fit » (Streamlit's default) would squeeze the title, legends
        # and milestone lines into the plot's height and leave the bars no room.
        autosize={"type": "fit-x", "contains": "padding"},
    )
    # Set after construction: LayerChart deep-copies its layers, and the values need no copy.
    chart.datasets = layout.datasets()
    return chart


def frise_spec(
    catalogue: Catalogue, scenario: Scenario, options: FriseOptions, *, selected: int | None = None
) -> dict[str, Any]:
    """The frise's Vega-Lite spec, computed once per (scenario, options, selection) and catalogue.

    Most reruns (typing in a search field, opening a panel) leave the frise as it was: they get
    the spec already built. The returned dict is shared: do not change it.
    """
    key = ("frise", scenario, options, selected)
    return catalogue.memo.get(
        key, lambda: inline_datasets(chart_spec(frise_chart(catalogue, scenario, options, selected=selected)))
    )
