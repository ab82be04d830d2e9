"""The frise's bars: lanes, rows packed so that labels have room, and what each bar carries."""

from dataclasses import dataclass

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.frise.display import Metrics
from tpt_model.frise.fitting import (
    GAP_PX,
    Anchor,
    BarLabel,
    BarSlot,
    bar_labels,
    number_room,
    shorten,
    text_px,
)
from tpt_model.frise.records import DARK, BarRecord, Geometry, LabelRecord, LaneRecord, Numbered
from tpt_model.frise.rows import FriseOptions, FriseRow, sorted_lanes

# In one-phase views, a bar that starts before the phase or ends after it says so.
BEFORE, AFTER = "← ", " →"


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
        "title": r.brick.shown_title,
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


class BarLanes:
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
        g, font = self.geometry, self.metrics.measured_px
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
        return text_px(str(number), self.metrics.measured_px)

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
        g, font = self.geometry, self.metrics.measured_px
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
        text = (
            shorten(short, spot.room, self.metrics.measured_px) if spot.spot != "number" else str(bar["num"])
        )
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


def bar_lanes(
    catalogue: Catalogue,
    rows: list[FriseRow],
    options: FriseOptions,
    selected: int | None,
    geometry: Geometry,
    metrics: Metrics,
) -> BarLanes:
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
    built = BarLanes(geometry, metrics)
    for number, lane in enumerate(lanes):
        built.add(number, lane, by_lane[lane], context)
    built.bars.sort(key=lambda b: b["idx"])
    return built
