"""The frise's layout: the records of every layer of the chart, from the catalogue and scenario.

The y axis has one band per line of the chart: the phase line, milestone label lines, the line of
the moments that come back every year, then the rows of each lane. Layout (rows, which labels fit)
is computed here in Python so that Vega only draws: `frise_chart` turns these records into layers.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TypedDict

from tpt_model.catalogue.calendar import Milestone
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import month_name, month_range
from tpt_model.frise.rows import FriseOptions, FriseRow, frise_rows, point_text, sorted_lanes
from tpt_model.journey.timeline import axis_months, month_offset, point_at

ROW_PX = 22  # one line of the chart: bars and labels stay readable with hundreds of placements
FONT_PX = 10
CHAR_PX = 6.0  # a generous character width at FONT_PX: a label said to fit does fit
LINE_PX = 15  # one line of milestone labels
PILL_PX = 11  # height of a milestone period's pill
HEADER_MARGIN_PX = 4
LABEL_LIMIT_PX = 190  # milestone labels longer than this end in « … » (the tooltip has them whole)
RISK_LABEL_LIMIT_PX = 400
PHASE_TINTS = ("#EEF3F9", "#F6F1F8", "#EEF7F1")
DARK = "#2B2B2B"
KIND_LABELS = {
    "orientation": "Orientation",
    "examen": "Examen",
    "communication": "Communication",
    "risque": "Risque",
}
PHASE_BAND = "phase"
YEARLY_BAND = "annuel"
EMPTY_BAND = "couloir-vide"


@dataclass(frozen=True)
class Geometry:
    """Horizontal scale of the chart: months on the axis and pixels per month."""

    months: int
    width: int

    def months_for(self, text: str, limit_px: float = 10_000, padding_px: float = 10) -> float:
        """Months that a label of this text takes on the axis (Vega cuts it at `limit_px`)."""
        return self.px(min(len(text) * CHAR_PX, limit_px) + padding_px)

    def px(self, pixels: float) -> float:
        """Months that a number of pixels takes."""
        return pixels * self.months / self.width


# --- Records --------------------------------------------------------------------------------------
# The chart names these fields in its encodings and inlines the records into the Vega-Lite spec:
# they stay plain JSON dicts (TypedDicts cost nothing at run time), typed so the contract is checked.


class BarRecord(TypedDict):
    """One placement's bar: months on the x axis (`stop` = the month after `end`), its band, tooltip."""

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


class LabelRecord(BarRecord):
    """A bar whose short title is drawn, at `label_x` (inside the bar or just after it)."""

    label_x: float


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
    """A dated milestone (or several merged), its text at `text_x` on label line `line`, `y` in pixels."""

    risk: bool
    text_x: float
    line: int
    y: float
    y_top: float
    y_bottom: float


class YearlyRecord(_MilestoneFields):
    """A moment that comes back every year, drawn in its own band once per stage."""

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
    stage_count: int

    @property
    def height(self) -> int:
        """Pixel height of the plot: one line per band."""
        return len(self.bands) * ROW_PX

    def datasets(self) -> dict[str, Sequence[Mapping[str, object]]]:
        """The records of each layer by dataset name (the chart refers to them by name)."""
        dated, yearly = self.milestones, self.yearly
        return {
            "phases": self.phases,
            "etapes": [{"start": 12 * i} for i in range(1, self.stage_count)],
            "hors_parcours": self.off_track,
            "periodes": [m for m in dated if m["range"] and not m["risk"]],
            "risques": [m for m in dated if m["risk"]],
            "jalons_periodes": [m for m in dated if m["range"]],
            "jalons_mois": [m for m in dated if not m["range"]],
            "jalons_textes": [m for m in dated if not m["risk"]],
            "annuels_periodes": [m for m in yearly if m["range"]],
            "annuels_mois": [m for m in yearly if not m["range"]],
            "couloirs": [
                {"band": b} for b in self.bands if b.startswith("couloir") and b in self.band_labels
            ],
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


def _bar_record(r: FriseRow, band: str, row: int, colors: dict[str, str], selected: int | None) -> BarRecord:
    chosen = r.idx == selected
    return {
        "idx": r.idx,
        "num": r.number,
        "band": band,
        "lane": r.lane,
        "row": row,
        "start": r.start,
        "end": r.end,
        "stop": r.end + 1,
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


def _bars(
    catalogue: Catalogue, rows: list[FriseRow], options: FriseOptions, selected: int | None
) -> tuple[list[BarRecord], list[str], dict[str, str]]:
    """Bar records, the lane bands in order, and the y-axis label of each lane's first band."""
    lanes = sorted_lanes(catalogue, {r.lane for r in rows}, options.lane_mode)
    by_lane: dict[str, list[FriseRow]] = {lane: [] for lane in lanes}
    for r in rows:
        by_lane[r.lane].append(r)
    colors = {p.label: p.color for p in catalogue.programme.pillars}
    records: list[BarRecord] = []
    bands: list[str] = []
    labels: dict[str, str] = {}
    for number, lane in enumerate(lanes):
        members = by_lane[lane]
        packed = pack_rows([(r.start, r.end + 1) for r in members])
        lane_bands = [f"couloir-{number:03d}-{row:03d}" for row in range(max(packed) + 1)]
        bands.extend(lane_bands)
        labels[lane_bands[0]] = lane
        records.extend(
            _bar_record(r, lane_bands[row], row, colors, selected)
            for r, row in zip(members, packed, strict=True)
        )
    return records, bands, labels


def _bar_labels(bars: list[BarRecord], geometry: Geometry) -> list[LabelRecord]:
    """Short titles that fit: inside their bar, else just after it when the row is free there."""
    by_band: dict[str, list[BarRecord]] = {}
    for bar in bars:
        by_band.setdefault(bar["band"], []).append(bar)
    labels: list[LabelRecord] = []
    for members in by_band.values():
        members.sort(key=lambda b: b["start"])
        for bar, following in zip(members, [*members[1:], None], strict=True):
            room_after = (following["start"] if following else geometry.months) - bar["stop"]
            needed = geometry.months_for(bar["short"])
            if needed <= bar["stop"] - bar["start"]:
                labels.append({**bar, "label_x": bar["start"] + geometry.px(4)})
            elif needed <= room_after:
                labels.append({**bar, "label_x": bar["stop"] + geometry.px(3), "label_color": DARK})
    return labels


# --- Milestones ---------------------------------------------------------------------------------


def _span(programme: Programme, stage_number: int, milestone: Milestone) -> tuple[int, int]:
    """First and last month index of a milestone in one stage (a range may run past December)."""
    first, last = milestone.months
    start = stage_number * 12 + month_offset(first)
    return start, min(start + (last - first) % 12, axis_months(programme) - 1)


def _period(programme: Programme, start: int, end: int, cohort_year: int | None) -> str:
    first = point_text(programme, point_at(programme, start), cohort_year)
    return (
        first if start == end else f"{first} → {point_text(programme, point_at(programme, end), cohort_year)}"
    )


def _stage_numbers(programme: Programme, track: str | None) -> list[int]:
    return [i for i, s in enumerate(programme.stages) if track is None or track in s.tracks]


def _limit(risk: bool) -> int:
    # A risk window's label is never cut: it is what the chart must not let anyone miss.
    return RISK_LABEL_LIMIT_PX if risk else LABEL_LIMIT_PX


class _MergedMilestones:
    """Milestones of one stage that share their months: one mark, one label."""

    def __init__(self, start: int, end: int, group: list[Milestone], geometry: Geometry) -> None:
        self.start, self.end, self.group = start, end, group
        self.kind = "risque" if any(m.kind == "risque" for m in group) else group[0].kind
        self.label = " · ".join(m.label for m in group)
        # A single month gets a marker at its middle, so its text starts a little after it.
        self.text_x = start + geometry.px(3) if start != end else start + 0.5 + geometry.px(7)
        self.text_end = self.text_x + geometry.months_for(self.label, _limit(self.kind == "risque"))


def _dated_record(
    programme: Programme, merged: _MergedMilestones, line: int, cohort_year: int | None
) -> MilestoneRecord:
    start, end = merged.start, merged.end
    # Label lines are tighter than bar rows: they are placed in pixels below the phase line.
    middle = ROW_PX + HEADER_MARGIN_PX + (line + 0.5) * LINE_PX
    return {
        "label": merged.label,
        "kind": KIND_LABELS[merged.kind],
        "risk": merged.kind == "risque",
        "range": start != end,
        "start": start,
        "stop": end + 1,
        "mid": start + 0.5,
        "text_x": merged.text_x,
        "period": _period(programme, start, end, cohort_year),
        "description": " / ".join(m.description for m in merged.group),
        "line": line,
        "y": middle,
        "y_top": middle - PILL_PX / 2,
        "y_bottom": middle + PILL_PX / 2,
    }


def _dated_milestones(
    catalogue: Catalogue, options: FriseOptions, geometry: Geometry
) -> list[MilestoneRecord]:
    """Milestones of one stage, merged when they share their months, each on a label line."""
    programme = catalogue.programme
    on_track = {programme.stages[i].id for i in _stage_numbers(programme, options.track)}
    by_span: dict[tuple[int, int], list[Milestone]] = {}
    for m in catalogue.milestones:
        if m.stage is not None and m.stage in on_track and _followed(m, options):
            by_span.setdefault(_span(programme, programme.stage_index[m.stage], m), []).append(m)
    merged = [
        _MergedMilestones(start, end, group, geometry) for (start, end), group in sorted(by_span.items())
    ]
    lines = pack_rows([(m.start, max(m.end + 1, m.text_end)) for m in merged])
    return [
        _dated_record(programme, m, line, options.cohort_year) for m, line in zip(merged, lines, strict=True)
    ]


def _followed(milestone: Milestone, options: FriseOptions) -> bool:
    """Whether a milestone concerns the track and exit the frise follows (all of them when none is chosen)."""
    return (options.track is None or options.track in milestone.tracks) and (
        options.exit is None or options.exit in milestone.exits
    )


def _yearly_period(milestone: Milestone) -> str:
    first, last = milestone.months
    if first == last:
        return f"chaque année, en {month_name(first)}"
    return f"chaque année, {month_range(first, last)}"


def _yearly_milestones(catalogue: Catalogue, options: FriseOptions) -> list[YearlyRecord]:
    """Moments without a stage (8 March, fairs), repeated in every stage of the axis."""
    programme = catalogue.programme
    records: list[YearlyRecord] = []
    for m in (m for m in catalogue.milestones if m.every_year and _followed(m, options)):
        for number in _stage_numbers(programme, options.track):
            start, end = _span(programme, number, m)
            records.append(
                {
                    "label": m.label,
                    "kind": KIND_LABELS[m.kind],
                    "range": start != end,
                    "start": start,
                    "stop": end + 1,
                    "mid": start + 0.5,
                    "period": _yearly_period(m),
                    "description": m.description,
                    "band": YEARLY_BAND,
                }
            )
    return records


# --- Layout -----------------------------------------------------------------------------------


def _phase_label(number: int, label: str, months: int, geometry: Geometry) -> str:
    """« Phase 1 · Je construis mon projet », shortened when the phase is too narrow for it."""
    for text in (f"Phase {number} · {label}", label, f"Phase {number}"):
        # Phase titles are bold and larger than other labels: count 1.25 characters each.
        if geometry.months_for(text, padding_px=12) * 1.25 <= months:
            return text
    return str(number)


def _phases(programme: Programme, geometry: Geometry) -> list[PhaseRecord]:
    """One record per run of consecutive stages of the same phase."""
    records: list[PhaseRecord] = []
    runs = groupby(enumerate(programme.stages), key=lambda numbered: numbered[1].phase)
    for n, (_, run) in enumerate(runs):
        numbers = [i for i, _ in run]
        start, stop = numbers[0] * 12, (numbers[-1] + 1) * 12
        phase = programme.phase_of(programme.stages[numbers[0]].id)
        records.append(
            {
                "tint": PHASE_TINTS[n % len(PHASE_TINTS)],
                "start": start,
                "stop": stop,
                "label": _phase_label(phase.number, phase.label, stop - start, geometry),
                "mid": (start + stop) / 2,
                "band": PHASE_BAND,
            }
        )
    return records


def _off_track(catalogue: Catalogue, options: FriseOptions) -> list[OffTrackRecord]:
    """Stages that the chosen track skips (such as bac+4 and bac+5 for short studies)."""
    if options.track is None:
        return []
    track = next((t.label for t in catalogue.programme.tracks if t.id == options.track), options.track)
    return [
        {"start": i * 12, "stop": (i + 1) * 12, "label": f"{s.label} : hors du parcours « {track} »"}
        for i, s in enumerate(catalogue.programme.stages)
        if options.track not in s.tracks
    ]


def frise_layout(
    catalogue: Catalogue,
    scenario: Scenario,
    options: FriseOptions,
    *,
    selected: int | None = None,
    width: int = 1100,
) -> FriseLayout:
    """The records and y bands of every layer of the frise."""
    geometry = Geometry(axis_months(catalogue.programme), width)
    bars, lane_bands, labels = _bars(catalogue, frise_rows(catalogue, scenario, options), options, selected)
    if not lane_bands:
        lane_bands, labels = [EMPTY_BAND], {EMPTY_BAND: "Aucune action pour ces choix"}
    milestones = _dated_milestones(catalogue, options, geometry)
    yearly = _yearly_milestones(catalogue, options)
    lines = max((m["line"] + 1 for m in milestones), default=0)
    header = [f"jalons-{i}" for i in range(math.ceil((lines * LINE_PX + 2 * HEADER_MARGIN_PX) / ROW_PX))]
    bands = [PHASE_BAND, *(header if lines else []), *([YEARLY_BAND] if yearly else []), *lane_bands]
    band_labels = {**labels, YEARLY_BAND: "Chaque année"}
    if lines:
        band_labels[header[0]] = "Jalons"
    return FriseLayout(
        bands=bands,
        band_labels=band_labels,
        bars=bars,
        bar_labels=_bar_labels(bars, geometry),
        milestones=milestones,
        yearly=yearly,
        phases=_phases(catalogue.programme, geometry),
        off_track=_off_track(catalogue, options),
        stage_count=len(catalogue.programme.stages),
    )
