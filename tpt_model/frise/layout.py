"""The frise's layout: the records of every layer of the chart, from the catalogue and scenario.

The y axis has one band per line of the chart: the phase line, milestone label lines, the line of
the moments that come back every year (when drawn), then for each lane a title line and its rows.
Layout (rows, which labels go where) is computed here in Python, in the pixels of the view's
narrowest plot, so that Vega only draws: `frise_chart` turns these records into layers.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import TypedDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.frise.display import METRICS, NORMAL, FriseDisplay, Metrics, phase_window
from tpt_model.frise.fitting import (
    GAP_PX,
    Anchor,
    BarLabel,
    BarSlot,
    LabelRequest,
    bar_labels,
    number_room,
    place_marks,
    place_on_lines,
    shorten,
    text_px,
)
from tpt_model.frise.milestones import (
    KIND_LABELS,
    DatedMark,
    dated_marks,
    period_text,
    stage_numbers,
    yearly_spans,
)
from tpt_model.frise.rows import FriseOptions, FriseRow, frise_rows, sorted_lanes

HEADER_MARGIN_PX = 4
PHASE_TINTS = ("#EEF3F9", "#F6F1F8", "#EEF7F1")
DARK = "#2B2B2B"
RISK_COLOR = "#D55E00"
PHASE_BAND = "phase"
YEARLY_BAND = "annuel"
EMPTY_BAND = "couloir-vide"
NO_ACTION = "Aucune action pour ces choix"
# In one-phase views, a bar that starts before the phase or ends after it says so.
BEFORE, AFTER = "← ", " →"

__all__ = [
    "DARK",
    "KIND_LABELS",
    "RISK_COLOR",
    "BarRecord",
    "FriseLayout",
    "Geometry",
    "LabelRecord",
    "MilestoneRecord",
    "Numbered",
    "OffTrackRecord",
    "PhaseRecord",
    "YearlyRecord",
    "frise_layout",
    "pack_rows",
    "text_color",
]


@dataclass(frozen=True)
class Geometry:
    """Horizontal scale of the plot: the months shown and their width in pixels at the narrowest."""

    start: int
    stop: int
    width: int

    def px(self, month: float) -> float:
        """Pixels from the plot's left edge to a month position."""
        return (month - self.start) * self.width / (self.stop - self.start)

    def months(self, pixels: float) -> float:
        """Months that a number of pixels takes."""
        return pixels * (self.stop - self.start) / self.width

    def at(self, pixels: float) -> float:
        """The month position at a number of pixels from the left edge."""
        return self.start + self.months(pixels)


# --- Records --------------------------------------------------------------------------------------
# The chart names these fields in its encodings and inlines the records into the Vega-Lite spec:
# they stay plain JSON dicts (TypedDicts cost nothing at run time), typed so the contract is checked.


class BarRecord(TypedDict):
    """One placement's bar: months on the x axis (`stop` = the month after `end`), its band, tooltip.

    In a one-phase view, `start` and `stop` are cut to the phase; `end` and the labels stay whole.
    """

    idx: int
    num: int
    band: str
    lane: str
    row: int
    start: int
    end: int
    stop: int
    pillar: str
    title: str
    short: str
    modality: str
    from_label: str
    to_label: str
    months: int
    partner: str
    note: str
    stroke: str
    stroke_width: float
    label_color: str


class LabelRecord(TypedDict):
    """What a bar carries: its short title, or its number when the title has no room.

    The text hangs on month `label_x` by `align`, `dx` pixels away (see `fitting.Anchor`). Its
    tooltip names the bar (number and title): the bar's own tooltip says the rest.
    """

    idx: int
    num: int
    title: str
    band: str
    label_x: float
    align: str
    dx: float
    text: str
    label_color: str


class _MilestoneFields(TypedDict):
    label: str
    kind: str
    range: bool
    start: int
    stop: int
    mid: float
    period: str
    description: str


class MilestoneRecord(_MilestoneFields):
    """A dated milestone (or several merged) on label line `line` (`y` in pixels from the top).

    A labelled one has its text at `text_x`, its period underlined; nothing shaded and no other
    mark lies on its line there. An unlabelled one (no room left) keeps its mark, named by its tooltip.
    """

    risk: bool
    labelled: bool
    text: str
    text_x: float
    align: str
    dx: float
    line: int
    y: float
    y_top: float
    y_bottom: float


class YearlyRecord(_MilestoneFields):
    """A moment that comes back every year, drawn in its own band once per stage (when asked)."""

    band: str


class PhaseRecord(TypedDict):
    """A run of consecutive stages of one phase: a tint behind them and a title in the phase band."""

    tint: str
    start: int
    stop: int
    label: str
    mid: float
    band: str


class OffTrackRecord(TypedDict):
    """A stage that the chosen track skips, greyed out."""

    start: int
    stop: int
    label: str


class LaneRecord(TypedDict):
    """A lane's title line: its name, written at the left of the plot."""

    band: str
    label: str
    x: float


@dataclass(frozen=True)
class Numbered:
    """A bar too short for its title: the number it shows, and what the legend says of it."""

    number: int
    title: str
    period: str


@dataclass(frozen=True)
class FriseLayout:
    """Everything the chart draws, as plain records: the data of each layer and the y bands."""

    bands: list[str]
    band_labels: dict[str, str]
    bars: list[BarRecord]
    bar_labels: list[LabelRecord]
    milestones: list[MilestoneRecord]
    yearly: list[YearlyRecord]
    phases: list[PhaseRecord]
    off_track: list[OffTrackRecord]
    lanes: list[LaneRecord]
    window: tuple[int, int]
    metrics: Metrics
    numbered: list[Numbered] = field(default_factory=list)

    @property
    def height(self) -> int:
        """Pixel height of the plot: one line per band."""
        return len(self.bands) * self.metrics.row_px

    @property
    def header_bottom(self) -> float:
        """Pixels from the top to the first line below the milestone labels (where shading starts)."""
        header = [b for b in self.bands if b == PHASE_BAND or b.startswith("jalons-")]
        return len(header) * self.metrics.row_px

    @property
    def unlabelled(self) -> list[MilestoneRecord]:
        """Milestones whose label found no room: only their mark and tooltip name them."""
        return [m for m in self.milestones if not m["labelled"]]

    def datasets(self) -> dict[str, Sequence[Mapping[str, object]]]:
        """The records of each layer by dataset name (the chart refers to them by name)."""
        dated, yearly = self.milestones, self.yearly
        start, stop = self.window
        return {
            "phases": self.phases,
            "phases_titres": self.phases if PHASE_BAND in self.bands else [],
            "etapes": [{"start": m} for m in range(start + 12, stop, 12)],
            "hors_parcours": self.off_track,
            "periodes": [m for m in dated if m["range"] and not m["risk"]],
            "risques": [m for m in dated if m["risk"]],
            "jalons_periodes": [m for m in dated if m["range"]],
            "jalons_mois": [m for m in dated if not m["range"]],
            "jalons_textes": [m for m in dated if m["labelled"] and not m["risk"]],
            "risques_textes": [m for m in dated if m["labelled"] and m["risk"]],
            "annuels_periodes": [m for m in yearly if m["range"]],
            "annuels_mois": [m for m in yearly if not m["range"]],
            "couloirs": [{"band": lane["band"]} for lane in self.lanes],
            "couloirs_titres": self.lanes,
            "barres": self.bars,
            "etiquettes": self.bar_labels,
        }


def pack_rows(intervals: list[tuple[float, float]]) -> list[int]:
    """A row for each half-open interval such that intervals on one row never overlap (greedy)."""
    rows = [0] * len(intervals)
    row_ends: list[float] = []
    for i in sorted(range(len(intervals)), key=lambda i: intervals[i]):
        start, end = intervals[i]
        row = next((r for r, last in enumerate(row_ends) if last <= start), len(row_ends))
        if row == len(row_ends):
            row_ends.append(end)
        else:
            row_ends[row] = end
        rows[i] = row
    return rows


def text_color(background: str) -> str:
    """Dark or white text, whichever reads better on a background colour (#rrggbb)."""
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return DARK if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 else "#FFFFFF"


# --- Bars -------------------------------------------------------------------------------------


def _bar_record(
    r: FriseRow, band: str, row: int, colors: dict[str, str], selected: int | None, window: tuple[int, int]
) -> BarRecord:
    chosen = r.idx == selected
    return {
        "idx": r.idx,
        "num": r.number,
        "band": band,
        "lane": r.lane,
        "row": row,
        "start": max(r.start, window[0]),
        "end": r.end,
        "stop": min(r.end + 1, window[1]),
        "pillar": r.pillar_label,
        "title": r.brick.title,
        "short": r.brick.short_title,
        "modality": r.modality_label,
        "from_label": r.start_label,
        "to_label": r.end_label,
        "months": r.months,
        "partner": r.partner,
        "note": r.placement.note or "",
        "stroke": "#111111" if chosen else "#FFFFFF",
        "stroke_width": 3.0 if chosen else 0.8,
        "label_color": text_color(colors.get(r.pillar_label, "#777777")),
    }


def _short(r: FriseRow, window: tuple[int, int]) -> str:
    """The bar's label: its short title, with an arrow where the bar goes on beyond the phase shown."""
    before = BEFORE if r.start < window[0] else ""
    after = AFTER if r.end + 1 > window[1] else ""
    return f"{before}{r.brick.short_title}{after}"


class _Lanes:
    """Bands, lane titles and bars, lane by lane."""

    def __init__(self, geometry: Geometry, metrics: Metrics) -> None:
        self.geometry, self.metrics = geometry, metrics
        self.bands: list[str] = []
        self.lanes: list[LaneRecord] = []
        self.bars: list[BarRecord] = []
        self.labels: list[LabelRecord] = []
        self.numbered: list[Numbered] = []

    def rows_of(self, members: list[FriseRow], shorts: dict[int, str]) -> list[int]:
        """Rows for the bars of a lane: one each on a phone, else packed so that labels have room.

        Each bar keeps room after it for its title when the title does not fit inside, unless that
        makes the lane much taller: then only for its number (the legend gives the title).
        """
        if self.metrics.one_bar_per_row:
            return list(range(len(members)))
        g, font = self.geometry, self.metrics.font_px
        number = g.months(number_room(self._number_px(max(r.number for r in members))))
        by_number = pack_rows([(r.start, r.end + 1 + number) for r in members])
        by_label = pack_rows(
            [(r.start, r.end + 1 + self._room_for(r, text_px(shorts[r.idx], font), number)) for r in members]
        )
        rows = max(by_number) + 1
        return by_label if max(by_label) + 1 <= rows + max(2, rows // 2) else by_number

    def _room_for(self, r: FriseRow, label_px: float, number: float) -> float:
        """Months to keep free after a bar: none when its title fits inside, else the title's width."""
        g = self.geometry
        inside = g.px(min(r.end + 1, g.stop)) - g.px(max(r.start, g.start))
        return number if label_px + 8 <= inside else max(number, g.months(label_px + 4 + GAP_PX))

    def _number_px(self, number: int) -> float:
        return text_px(str(number), self.metrics.font_px)

    def add(self, number: int, lane: str, members: list[FriseRow], context: "_BarContext") -> None:
        """A lane: its title line, then its rows of bars and what each bar carries."""
        title = f"couloir-{number:03d}"
        self.bands.append(title)
        self.lanes.append({"band": title, "label": lane, "x": round(self.geometry.at(2), 3)})
        shorts = {r.idx: _short(r, context.window) for r in members}
        packed = self.rows_of(members, shorts)
        rows = [f"{title}-{row:03d}" for row in range(max(packed) + 1)]
        self.bands.extend(rows)
        records = [
            _bar_record(r, rows[row], row, context.colors, context.selected, context.window)
            for r, row in zip(members, packed, strict=True)
        ]
        self.bars.extend(records)
        for band in rows:
            self._label_row([b for b in records if b["band"] == band], shorts, context)

    def _label_row(self, row: list[BarRecord], shorts: dict[int, str], context: "_BarContext") -> None:
        row.sort(key=lambda b: b["start"])
        g, font = self.geometry, self.metrics.font_px
        if self.metrics.one_bar_per_row:  # the phone: the label has its own line, above the bar
            for bar in row:
                text = shorten(shorts[bar["idx"]], g.width - 2, font)
                start = g.px(bar["start"])
                anchor = (
                    Anchor(start, "left", 1)
                    if start + 1 + text_px(text, font) <= g.width
                    else Anchor(g.width, "right", -1)
                )
                self.labels.append(self._record(bar, anchor, text, DARK))
            return
        slots = [
            BarSlot(
                g.px(b["start"]),
                g.px(b["stop"]),
                text_px(shorts[b["idx"]], font),
                self._number_px(b["num"]),
            )
            for b in row
        ]
        for bar, spot in zip(row, bar_labels(slots, g.width), strict=True):
            self.labels.append(self._label(bar, spot, shorts[bar["idx"]], context))

    def _label(self, bar: BarRecord, spot: BarLabel, short: str, context: "_BarContext") -> LabelRecord:
        text = shorten(short, spot.room, self.metrics.font_px) if spot.spot != "number" else str(bar["num"])
        if spot.spot == "number":
            self.numbered.append(Numbered(bar["num"], bar["title"], context.period(bar)))
        return self._record(bar, spot.anchor, text, bar["label_color"] if spot.inside else DARK)

    def _record(self, bar: BarRecord, anchor: Anchor, text: str, color: str) -> LabelRecord:
        return {
            "idx": bar["idx"],
            "num": bar["num"],
            "title": bar["title"],
            "band": bar["band"],
            "label_x": round(self.geometry.at(anchor.at), 3),
            "align": anchor.align,
            "dx": anchor.dx,
            "text": text,
            "label_color": color,
        }


@dataclass(frozen=True)
class _BarContext:
    colors: dict[str, str]
    selected: int | None
    window: tuple[int, int]

    @staticmethod
    def period(bar: BarRecord) -> str:
        return bar["from_label"] if bar["months"] == 1 else f"{bar['from_label']} → {bar['to_label']}"


def _lanes(
    catalogue: Catalogue,
    rows: list[FriseRow],
    options: FriseOptions,
    selected: int | None,
    geometry: Geometry,
    metrics: Metrics,
) -> _Lanes:
    """Lane titles, bar records in packed rows and their labels, for the bars that meet the months shown."""
    shown = [r for r in rows if r.start < geometry.stop and r.end >= geometry.start]
    lanes = sorted_lanes(catalogue, {r.lane for r in shown}, options.lane_mode)
    by_lane: dict[str, list[FriseRow]] = {lane: [] for lane in lanes}
    # On a phone, each lane reads from top to bottom in the order of time.
    ordered = sorted(shown, key=lambda r: (r.start, r.end, r.idx)) if metrics.one_bar_per_row else shown
    for r in ordered:
        by_lane[r.lane].append(r)
    colors = {p.label: p.color for p in catalogue.programme.pillars}
    context = _BarContext(colors, selected, (geometry.start, geometry.stop))
    built = _Lanes(geometry, metrics)
    for number, lane in enumerate(lanes):
        built.add(number, lane, by_lane[lane], context)
    built.bars.sort(key=lambda b: b["idx"])
    return built


# --- Milestones ---------------------------------------------------------------------------------


def label_limit(metrics: Metrics, *, risk: bool = False) -> float:
    """The widest a milestone label may be: longer ones end in « … » (their tooltip has them whole).

    A risk window's label is only cut at the plot's width: it is what no one must miss.
    """
    return metrics.plot_px - 8 if risk else min(metrics.plot_px - 8, metrics.font_px * 24)


def _request(key: int, mark: DatedMark, text: str, g: Geometry, metrics: Metrics) -> LabelRequest:
    """The places a milestone's label may take on a line, best first.

    A month's marker: its text after the marker, else before it. A period: its text from the
    period's start (the period underlines it), else ending at its end, else at the plot's left edge.
    """
    first, last = g.px(max(mark.start, g.start)), g.px(min(mark.end + 1, g.stop))
    width = text_px(text, metrics.font_px, bold=mark.kind == "risque")
    if mark.start == mark.end:
        middle, clear = (first + last) / 2, metrics.font_px * 0.6
        anchors = (Anchor(middle, "left", clear), Anchor(middle, "right", -clear))
    else:
        anchors = (Anchor(first, "left", 3), Anchor(last, "right", 0), Anchor(0, "left", 1))
    return LabelRequest(key, mark.priority, width, (first, last), anchors)


def _milestone_record(
    programme: Programme,
    mark: DatedMark,
    text: str,
    line: int,
    anchor: tuple[float, Anchor] | None,
    cohort: int | None,
) -> MilestoneRecord:
    start, end = mark.start, mark.end
    return {
        "label": mark.label,
        "kind": KIND_LABELS[mark.kind],
        "risk": mark.kind == "risque",
        "range": start != end,
        "labelled": anchor is not None,
        "text": text,
        "start": start,
        "stop": end + 1,
        "mid": start + 0.5,
        "text_x": start if anchor is None else anchor[0],
        "align": "left" if anchor is None else anchor[1].align,
        "dx": 0.0 if anchor is None else anchor[1].dx,
        "period": period_text(programme, start, end, cohort),
        "description": " / ".join(m.description for m in mark.group),
        "line": line,
        "y": 0.0,
        "y_top": 0.0,
        "y_bottom": 0.0,
    }


def _dated_milestones(
    catalogue: Catalogue, options: FriseOptions, g: Geometry, metrics: Metrics, top: float
) -> list[MilestoneRecord]:
    """Milestones on label lines: labels by priority where they overlap nothing, the others as marks."""
    programme = catalogue.programme
    marks = dated_marks(catalogue, options, (g.start, g.stop))
    texts = [
        shorten(m.label, label_limit(metrics, risk=risk), metrics.font_px, bold=risk)
        for m in marks
        for risk in [m.kind == "risque"]
    ]
    requests = [_request(i, m, texts[i], g, metrics) for i, m in enumerate(marks)]
    placed = place_on_lines(requests, lines=metrics.milestone_lines, plot_px=g.width)
    taken: list[list[tuple[float, float]]] = [[] for _ in range(metrics.milestone_lines)]
    for p in placed.values():
        taken[p.line].append((p.left, p.right))
    alone = place_marks([(r.key, r.mark) for r in requests if r.key not in placed], taken)
    records = []
    for i, mark in enumerate(marks):
        p = placed.get(i)
        anchor = None if p is None else (round(g.at(p.anchor.at), 3), p.anchor)
        line = p.line if p is not None else alone[i]
        records.append(_milestone_record(programme, mark, texts[i], line, anchor, options.cohort_year))
    return _on_lines(records, metrics, top)


def _on_lines(records: list[MilestoneRecord], metrics: Metrics, top: float) -> list[MilestoneRecord]:
    """Pixel heights of each record's line, from `top` down (only the lines in use are kept)."""
    used = sorted({m["line"] for m in records})
    renumber = {line: n for n, line in enumerate(used)}
    half, pill = metrics.line_px / 2, metrics.line_px * 0.62
    for m in records:
        m["line"] = renumber[m["line"]]
        middle = top + HEADER_MARGIN_PX + m["line"] * metrics.line_px + half
        m["y"] = middle
        if m["labelled"]:  # the period underlines its text, so that nothing covers the words
            m["y_top"] = middle + metrics.font_px * 0.5
            m["y_bottom"] = m["y_top"] + max(3.0, metrics.font_px * 0.25)
        else:
            m["y_top"], m["y_bottom"] = middle - pill / 2, middle + pill / 2
    return records


def _yearly(catalogue: Catalogue, options: FriseOptions, g: Geometry) -> list[YearlyRecord]:
    """Marks of the moments of every year in each stage shown (their labels are in the tooltips)."""
    return [
        {
            "label": moment.label,
            "kind": KIND_LABELS[moment.milestone.kind],
            "range": start != end,
            "start": start,
            "stop": end + 1,
            "mid": start + 0.5,
            "period": f"chaque année, {moment.when}",
            "description": moment.milestone.description,
            "band": YEARLY_BAND,
        }
        for moment, start, end in yearly_spans(catalogue, options, (g.start, g.stop))
    ]


# --- Layout -----------------------------------------------------------------------------------


def _phase_label(number: int, label: str, months: int, g: Geometry, metrics: Metrics) -> str:
    """« Phase 1 · Je construis mon projet », shortened when the phase is too narrow for it."""
    for text in (f"Phase {number} · {label}", label, f"Phase {number}"):
        if text_px(text, metrics.phase_font_px, bold=True) + 12 <= g.width * months / (g.stop - g.start):
            return text
    return str(number)


def _phases(programme: Programme, g: Geometry, metrics: Metrics) -> list[PhaseRecord]:
    """One record per run of consecutive stages of the same phase, within the months shown."""
    records: list[PhaseRecord] = []
    runs = groupby(enumerate(programme.stages), key=lambda numbered: numbered[1].phase)
    for n, (_, run) in enumerate(runs):
        numbers = [i for i, _ in run]
        start, stop = max(numbers[0] * 12, g.start), min((numbers[-1] + 1) * 12, g.stop)
        if start >= stop:
            continue
        phase = programme.phase_of(programme.stages[numbers[0]].id)
        records.append(
            {
                "tint": PHASE_TINTS[n % len(PHASE_TINTS)],
                "start": start,
                "stop": stop,
                "label": _phase_label(phase.number, phase.label, stop - start, g, metrics),
                "mid": (start + stop) / 2,
                "band": PHASE_BAND,
            }
        )
    return records


def _off_track(catalogue: Catalogue, options: FriseOptions, g: Geometry) -> list[OffTrackRecord]:
    """Stages that the chosen track skips (such as bac+4 and bac+5 for short studies)."""
    if options.track is None:
        return []
    programme = catalogue.programme
    track = next((t.label for t in programme.tracks if t.id == options.track), options.track)
    on_track = set(stage_numbers(programme, options.track))
    return [
        {"start": i * 12, "stop": (i + 1) * 12, "label": f"{s.label} : hors du parcours « {track} »"}
        for i, s in enumerate(programme.stages)
        if i not in on_track and g.start <= i * 12 < g.stop
    ]


def frise_layout(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    *,
    selected: int | None = None,
    display: FriseDisplay = NORMAL,
) -> FriseLayout:
    """The records and y bands of every layer of the frise, for one view."""
    programme, metrics = catalogue.programme, METRICS[display.view]
    window = phase_window(programme, display)
    geometry = Geometry(*window, metrics.plot_px)
    lanes = _lanes(catalogue, frise_rows(catalogue, scenario, options), options, selected, geometry, metrics)
    band_labels = {lane["band"]: lane["label"] for lane in lanes.lanes}
    if not lanes.bands:
        lanes.bands = [EMPTY_BAND]
        lanes.lanes = [{"band": EMPTY_BAND, "label": NO_ACTION, "x": geometry.at(2)}]
    # The phase line names the phases of the whole axis; a one-phase view has its phase in the page's title.
    phase_band = [] if display.one_phase else [PHASE_BAND]
    milestones = _dated_milestones(catalogue, options, geometry, metrics, len(phase_band) * metrics.row_px)
    yearly = _yearly(catalogue, options, geometry) if display.yearly else []
    lines = max((m["line"] + 1 for m in milestones), default=0)
    needed = (lines * metrics.line_px + 2 * HEADER_MARGIN_PX) / metrics.row_px
    header = [f"jalons-{i}" for i in range(math.ceil(needed))] if lines else []
    return FriseLayout(
        bands=[*phase_band, *header, *([YEARLY_BAND] if yearly else []), *lanes.bands],
        band_labels=band_labels,
        bars=lanes.bars,
        bar_labels=lanes.labels,
        milestones=milestones,
        yearly=yearly,
        phases=_phases(programme, geometry, metrics),
        off_track=_off_track(catalogue, options, geometry),
        lanes=lanes.lanes,
        window=window,
        metrics=metrics,
        numbered=sorted(lanes.numbered, key=lambda n: n.number),
    )
