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
from tpt_model.formatting import count as count_noun
from tpt_model.formatting import month_year
from tpt_model.frise.description import frise_description
from tpt_model.frise.display import NORMAL, FriseDisplay, Metrics
from tpt_model.frise.layout import DARK, KIND_LABELS, RISK_COLOR, FriseLayout, Numbered, frise_layout
from tpt_model.frise.milestones import yearly_line, yearly_moments
from tpt_model.frise.rows import LANE_SENTENCES, FriseOptions
from tpt_model.frise.spec import chart_spec, inline_datasets
from tpt_model.journey.cohort import cohort_label, point_date
from tpt_model.journey.timeline import stage_start

OFF_TRACK_COLOR = "#8A9099"
GRID = "#C9CED6"
# Told apart by readers with a red or green deficiency too (tests/tpt_model/frise/test_palette.py).
KIND_COLORS = {
    "orientation": "#6A51A3",
    "examen": "#882255",
    "communication": "#7A7A7A",
    "risque": RISK_COLOR,
}
SELECTION = "placement"
# The time axis in plain words: each tick is a school year of the young woman's journey.
AXIS_TITLE = "Années du parcours (chaque année va de septembre à août)"
AXIS_TITLE_LINES = ["Années du parcours", "(de septembre à août)"]  # on a phone's narrow screen


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
LABEL_TOOLTIP = [alt.Tooltip("num:Q", title="N°"), alt.Tooltip("title:N", title="Brique")]
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
LANE_TITLE_COLOR = "#30353D"


@dataclass(frozen=True)
class Scales:
    """The scales every layer shares (plain dicts: cheap to build, identical in each layer)."""

    x: dict
    y: dict
    kind: dict
    metrics: Metrics
    header_bottom: float
    full_height: alt.Y2Value

    def xq(self, field: str, axis: dict | None = None) -> alt.X:
        """A month position on the shared x scale (the axis is declared once, on the bars)."""
        return alt.X(f"{field}:Q", scale=self.x, **({"axis": axis} if axis else {}))

    def yb(self, position: float = 0.5) -> alt.Y:
        """A band of the shared y scale (0 = top of the band, 0.5 = its middle); no y axis."""
        return alt.Y("band:N", scale=self.y, bandPosition=position, axis=None)

    def yp(self, field: str = "y") -> alt.Y:
        """A pixel height from the top (the milestone label lines are placed in pixels)."""
        return alt.Y(f"{field}:Q", scale=None)

    def below_header(self) -> alt.YValue:
        """The top of the shading: under the milestone labels, which nothing shaded may cover."""
        return alt.YValue(self.header_bottom)

    def kind_color(self, legend: dict | None = None) -> alt.Color:
        """The colour of a milestone kind."""
        return alt.Color("kind:N", scale=self.kind, legend=legend)

    def text(self, **properties: object) -> dict:
        """Properties of a label at the view's type size."""
        return {"align": "left", "baseline": "middle", "fontSize": self.metrics.font_px, **properties}

    def hung(self, **properties: object) -> dict:
        """A label that hangs on its point by its own alignment and offset (its record's `align`, `dx`)."""
        return self.text(align={"expr": "datum.align"}, dx={"expr": "datum.dx"}, **properties)


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
        .encode(x=s.xq("start"), x2="stop", y=s.below_header(), y2=s.full_height, color=s.kind_color()),
        _chart("risques")
        .mark_rect(color=RISK_COLOR, opacity=0.16, stroke=RISK_COLOR, strokeOpacity=0.6, strokeDash=[4, 3])
        .encode(x=s.xq("start"), x2="stop", y=s.below_header(), y2=s.full_height, tooltip=MILESTONE_TOOLTIP),
        _chart("couloirs").mark_rule(color=GRID, strokeWidth=1).encode(y=s.yb(0)),
    ]


def _yearly_layers(s: Scales) -> list[alt.Chart]:
    """The moments of every year in their own line, when asked (their names are in the tooltips)."""
    return [
        _chart("annuels_periodes")
        .mark_bar(height={"band": 0.4}, opacity=0.3)
        .encode(x=s.xq("start"), x2="stop", y=s.yb(), color=s.kind_color(), tooltip=MILESTONE_TOOLTIP),
        _chart("annuels_mois")
        .mark_tick(thickness=2, size=s.metrics.row_px * 0.6, opacity=0.6)
        .encode(x=s.xq("mid"), y=s.yb(), color=s.kind_color(), tooltip=MILESTONE_TOOLTIP),
    ]


def _milestone_layers(s: Scales, legend: dict) -> list[alt.Chart]:
    """Rules, periods, markers and labels of the dated milestones."""
    return [
        # The rules start under the label lines: nothing crosses a milestone's label. Pointing at one
        # down among the bars says which milestone it marks.
        _chart("jalons_mois")
        .mark_rule(strokeDash=[4, 3], opacity=0.75)
        .encode(
            x=s.xq("mid"),
            y=s.below_header(),
            y2=s.full_height,
            color=s.kind_color(legend),
            tooltip=MILESTONE_TOOLTIP,
        ),
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
        .mark_point(shape="triangle-down", filled=True, size=s.metrics.font_px * 4, opacity=1)
        .encode(x=s.xq("mid"), y=s.yp(), color=s.kind_color(), tooltip=MILESTONE_TOOLTIP),
        _chart("jalons_textes")
        .mark_text(**s.hung(color=DARK))
        .encode(x=s.xq("text_x"), y=s.yp(), text="text:N", tooltip=MILESTONE_TOOLTIP),
        _chart("risques_textes")
        .mark_text(**s.hung(color=RISK_COLOR, fontWeight="bold"))
        .encode(x=s.xq("text_x"), y=s.yp(), text="text:N", tooltip=MILESTONE_TOOLTIP),
    ]


def _legend_text(m: Metrics) -> dict:
    """A legend's type: the view's size, dark enough to read from the back of a room."""
    return {
        "labelFontSize": m.font_px,
        "titleFontSize": m.font_px,
        "labelColor": DARK,
        "titleColor": DARK,
        "rowPadding": 6,  # entries on several rows never touch (a line is taller than the type)
    }


def _bar_layers(s: Scales, x_axis: dict, pillars: dict) -> list[alt.Chart]:
    """Phase and lane titles, the bars (clicking one selects its `idx`) and what each bar carries."""
    m = s.metrics
    selection = alt.selection_point(name=SELECTION, fields=["idx"], on="click", clear="dblclick")
    # On a phone each bar has its own line: the bar in its lower half, its label above it.
    bar_shift, label_shift = (m.row_px * 0.2, -m.row_px * 0.22) if m.one_bar_per_row else (0.0, 0.0)
    height = {"band": 0.42 if m.one_bar_per_row else 0.78}
    bars = alt.Chart(alt.NamedData(name="barres"), name="barres").mark_bar(
        height=height, cornerRadius=3, cursor="pointer", yOffset=bar_shift
    )
    legend = {
        "title": "Volet",
        "orient": "top",
        **_legend_text(m),
        **({"direction": "vertical"} if m.one_bar_per_row else {}),
    }
    return [
        _chart("phases_titres")
        .mark_text(fontSize=m.phase_font_px, fontWeight="bold", color="#3A3F47", baseline="middle")
        .encode(x=s.xq("mid"), y=s.yb(), text="label:N"),
        _chart("couloirs_titres")
        .mark_text(**s.text(fontSize=m.lane_font_px, fontWeight="bold", color=LANE_TITLE_COLOR))
        .encode(x=s.xq("x"), y=s.yb(), text="label:N"),
        bars.encode(
            x=s.xq("start", x_axis),
            x2="stop",
            y=s.yb(),
            color=alt.Color("pillar:N", scale=pillars, legend=legend),
            stroke=alt.Stroke("stroke:N", scale=None),
            strokeWidth=alt.StrokeWidth("stroke_width:Q", scale=None),
            tooltip=BAR_TOOLTIP,
        ).add_params(selection),
        _chart("etiquettes")
        .mark_text(**s.hung(yOffset=label_shift))
        .encode(
            x=s.xq("label_x"),
            y=s.yb(),
            text="text:N",
            color=alt.Color("label_color:N", scale=None),
            tooltip=LABEL_TOOLTIP,
        ),
    ]


def _x_axis(catalogue: Catalogue, options: FriseOptions, layout: FriseLayout) -> dict:
    """Ticks at each stage start named by the stage's short label (and its month for a cohort)."""
    programme, m = catalogue.programme, layout.metrics
    names: list[object] = [s.short for s in programme.stages]
    if options.cohort_year is not None:
        year = options.cohort_year
        names = [
            [s.short, month_year(point_date(programme, stage_start(s.id), year))] for s in programme.stages
        ]
    start, stop = layout.window
    line = round(m.axis_font_px * 1.2)
    return {
        "title": AXIS_TITLE_LINES if m.one_bar_per_row else AXIS_TITLE,
        "titleFontSize": m.axis_font_px,
        "titleFontWeight": "normal",
        "titleColor": "#4A4F57",
        "orient": "top",
        "values": list(range(start, stop + 1, 12)),
        # json.dumps quotes and escapes pilot-written labels; a JSON array is a valid Vega expression.
        # The tick that closes the axis has no name: the stage after it is not shown.
        "labelExpr": f"datum.value < {stop} ? {json.dumps(names)}[floor(datum.value / 12)] : ''",
        "labelAlign": "left",
        "labelBaseline": "bottom",
        # Vega stacks a cohort's second line downwards: the padding lifts both above the ticks.
        "labelPadding": 3 if options.cohort_year is None else 3 + line,
        "labelLineHeight": line,
        "labelFontSize": m.axis_font_px,
        "labelFontWeight": "bold",
        "labelColor": "#30353D",
        "grid": False,
        "tickSize": 8,
        "domain": False,
    }


def _subtitle(
    catalogue: Catalogue, scenario: Scenario, options: FriseOptions, layout: FriseLayout
) -> list[str]:
    """What the frise shows: how many actions, whose walk, how they are arranged, which track and exit."""
    programme = catalogue.programme
    shown = len({bar["idx"] for bar in layout.bars})
    parts = [f"{count_noun(shown, 'action affichée', 'actions affichées')} sur {len(scenario.placements)}"]
    persona = catalogue.personas_by_id.get(options.persona or "")
    if persona is not None:
        parts.insert(0, f"parcours de {persona.name}")
    parts.append(LANE_SENTENCES[options.lane_mode])
    parts += [t.label for t in programme.tracks if t.id == options.track]
    parts += [e.label for e in programme.exits if e.id == options.exit]
    subtitle = [" · ".join(parts)]
    if options.cohort_year is not None:
        subtitle.insert(0, cohort_label(options.cohort_year).capitalize())
    return subtitle


def _title(scenario: Scenario, subtitle: list[str], metrics: Metrics) -> dict:
    return {
        "text": scenario.name,
        "subtitle": subtitle,
        "anchor": "start",
        "fontSize": metrics.title_px,
        "subtitleFontSize": metrics.font_px,
        "subtitleColor": "#4A4F57",
        "subtitlePadding": 6,
        "limit": metrics.plot_px,
    }


def frise_chart(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    *,
    selected: int | None = None,
    display: FriseDisplay = NORMAL,
    layout: FriseLayout | None = None,
    width: int | None = None,
) -> alt.LayerChart:
    """The frise in one view: phases, milestones and risk windows behind one selectable bar per placement.

    `layout` is the view's layout when the caller has it already; `width` the plot's width of a
    picture drawn outside the browser (an export), whose font is wider than the app's.
    """
    programme = catalogue.programme
    if layout is None:
        layout = frise_layout(catalogue, scenario, options, selected=selected, display=display, width=width)
    m = layout.metrics
    scales = Scales(
        x={"domain": list(layout.window), "nice": False, "zero": False},
        y={"domain": layout.bands, "paddingInner": 0, "paddingOuter": 0},
        kind={"domain": list(KIND_LABELS.values()), "range": list(KIND_COLORS.values())},
        metrics=m,
        header_bottom=layout.header_bottom,
        full_height=alt.Y2Value(layout.height),
    )
    pillars = {"domain": [p.label for p in programme.pillars], "range": [p.color for p in programme.pillars]}
    legend = {
        "title": "Jalons",
        "orient": "top",
        "direction": "horizontal",
        "symbolType": "stroke",
        **_legend_text(m),
        **({"columns": 2} if m.one_bar_per_row else {}),
    }
    # The page names the scenario and the phase above a one-phase view: the chart needs no title.
    subtitle = _subtitle(catalogue, scenario, options, layout)
    title = alt.Undefined if display.one_phase else _title(scenario, subtitle, m)
    layers = [
        *_background_layers(scales),
        *(_yearly_layers(scales) if layout.yearly else []),
        *_milestone_layers(scales, legend),
        *_bar_layers(scales, _x_axis(catalogue, options, layout), pillars),
    ]
    chart = alt.LayerChart(
        layer=layers,
        width=m.plot_px,
        height=layout.height,
        title=title,
        view={"stroke": None},
        resolve={"scale": {"color": "independent"}},
        # Fit the page's width only: « fit » (Streamlit's default) would squeeze the title, legends
        # and milestone lines into the plot's height and leave the bars no room.
        autosize={"type": "fit-x", "contains": "padding"},
        # What the chart shows, in words: Vega makes it the chart's label, which screen readers read.
        description=frise_description(programme, scenario, (bar["idx"] for bar in layout.bars)),
    )
    # Set after construction: LayerChart deep-copies its layers, and the values need no copy.
    chart.datasets = layout.datasets()
    return chart


@dataclass(frozen=True)
class FriseFigure:
    """The frise's spec and what the page writes beside it, in words (built together, once)."""

    spec: dict[str, Any]
    caption: str  # what the chart's subtitle says, for the views that show no title
    numbered: tuple[Numbered, ...]  # bars that show their number: the legend under the chart
    milestones: tuple[tuple[str, str], ...]  # (label, period) of every dated milestone shown
    unlabelled: tuple[tuple[str, str], ...]  # those whose label found no room on the chart
    yearly: str | None  # the moments of every year, in one line


def _figure(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    selected: int | None,
    display: FriseDisplay,
) -> FriseFigure:
    layout = frise_layout(catalogue, scenario, options, selected=selected, display=display)
    chart = frise_chart(catalogue, scenario, options, selected=selected, display=display, layout=layout)
    return FriseFigure(
        spec=inline_datasets(chart_spec(chart)),
        caption=" · ".join(_subtitle(catalogue, scenario, options, layout)),
        numbered=tuple(layout.numbered),
        milestones=tuple((m["label"], m["period"]) for m in layout.milestones),
        unlabelled=tuple((m["label"], m["period"]) for m in layout.unlabelled),
        yearly=yearly_line(yearly_moments(catalogue, options)),
    )


def frise_figure(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    *,
    selected: int | None = None,
    display: FriseDisplay = NORMAL,
) -> FriseFigure:
    """The frise's figure, computed once per (scenario, options, selection, view) and catalogue.

    Most reruns (typing in a search field, opening a panel) leave the frise as it was: they get
    the figure already built. The returned spec is shared: do not change it.
    """
    drawn = display.drawn()
    key = ("frise", scenario, options, selected, drawn)
    return catalogue.memo.get(key, lambda: _figure(catalogue, scenario, options, selected, drawn))


def frise_spec(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    *,
    selected: int | None = None,
    display: FriseDisplay = NORMAL,
) -> dict[str, Any]:
    """The frise's Vega-Lite spec (see `frise_figure`): shared, do not change it."""
    return frise_figure(catalogue, scenario, options, selected=selected, display=display).spec
