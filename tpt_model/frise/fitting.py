"""Labels placed without collision: text widths in pixels, label lines by priority, a label for each bar.

The chart is drawn at least as wide as the layout assumed (its view says how wide). Each text hangs
on a point of the time axis (a mark's edge or middle) by an alignment and a fixed offset in pixels:
when the chart is wider, the points move apart and the texts keep their size and offset, so labels
placed apart here stay apart in the browser. Text widths come from the metrics of the font the app
draws with (Source Sans, measured in Chromium), with a margin, so that a label said to fit does fit.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

# Advance widths of Source Sans 3 in hundredths of the font size, regular then bold, for these characters.
_CHARS = (
    "0123456789 !\"#%&'()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz{|}~«»"
    "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŒÆ’–—…·€°×→←↑↓▼▲"
)
_REGULAR = (
    "50 50 50 50 50 50 50 50 50 50 20 29 43 50 82 61 25 30 30 42 50 25 31 25 35 25 25 50 50 50 42 85 "
    "54 59 57 61 53 49 62 65 26 48 58 49 73 65 66 57 66 57 53 54 64 51 79 51 48 54 30 30 50 50 55 46 "
    "55 50 29 50 54 25 25 49 25 83 55 54 55 55 35 42 34 54 47 72 45 47 42 30 24 30 50 43 43 50 50 50 "
    "46 50 50 50 50 25 25 54 54 54 54 54 47 84 78 54 54 57 53 53 53 53 26 26 66 66 64 64 64 85 82 25 "
    "48 80 95 25 50 33 50 62 62 62 62 60 60"
)
_BOLD = (
    "53 53 53 53 53 53 53 53 53 53 20 34 54 53 86 67 30 34 34 46 53 30 33 30 34 30 30 53 53 53 46 90 "
    "57 60 58 63 55 52 64 67 30 51 61 52 76 66 68 60 68 61 56 56 66 56 81 57 52 54 34 34 50 53 57 47 "
    "57 52 34 53 57 28 28 55 29 86 57 55 57 57 40 44 38 57 52 78 51 52 46 34 27 34 53 48 48 53 53 53 "
    "47 52 52 52 52 28 28 55 55 57 57 57 52 82 78 57 57 58 55 55 55 55 30 30 68 68 66 66 66 87 84 30 "
    "48 80 98 30 53 36 53 62 62 62 62 60 60"
)
_WIDTHS = {
    bold: dict(zip(_CHARS, (int(w) / 100 for w in table.split()), strict=True))
    for bold, table in ((False, _REGULAR), (True, _BOLD))
}
UNKNOWN_EM = 0.62  # a character missing from the table counts as a wide one
MARGIN = 1.06  # fonts render a little differently from one browser to another
GAP_PX = 6.0  # the least white space between two labels on one line


def text_px(text: str, font_px: float, *, bold: bool = False) -> float:
    """Width in pixels of `text` drawn at `font_px` in the app's font (a little generous)."""
    widths = _WIDTHS[bold]
    return sum(widths.get(c, UNKNOWN_EM) for c in text) * font_px * MARGIN


def shorten(text: str, limit_px: float, font_px: float, *, bold: bool = False) -> str:
    """`text`, or its beginning and « … » when it is wider than `limit_px` (the tooltip keeps it whole)."""
    if text_px(text, font_px, bold=bold) <= limit_px:
        return text
    room = limit_px - text_px("…", font_px, bold=bold)
    kept = ""
    for c in text:
        if text_px(kept + c, font_px, bold=bold) > room:
            break
        kept += c
    return kept.rstrip(" ·,") + "…"


# --- Anchored text ------------------------------------------------------------------------------

Align = Literal["left", "right"]


@dataclass(frozen=True)
class Anchor:
    """Where a text hangs: a point `at` (pixels at the narrowest width), its alignment, an offset."""

    at: float
    align: Align
    dx: float

    def span(self, width: float) -> tuple[float, float]:
        """The text's left and right edges, in pixels at the narrowest width."""
        start = self.at + self.dx
        return (start, start + width) if self.align == "left" else (start - width, start)


# --- Label lines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelRequest:
    """A label that wants a line, with the places it may take there (best first).

    `mark` is the pixel interval of what the label names (a period, a month's marker): the label's
    line also holds that mark, so its box covers both. Lower `priority` values are placed first.
    """

    key: int
    priority: int
    width: float
    mark: tuple[float, float]
    anchors: tuple[Anchor, ...]


@dataclass(frozen=True)
class PlacedLabel:
    """Where a label went: its line, where its text hangs, and the box it holds on that line."""

    key: int
    line: int
    anchor: Anchor
    left: float
    right: float


def _box(request: LabelRequest, anchor: Anchor) -> tuple[float, float]:
    left, right = anchor.span(request.width)
    return min(request.mark[0], left), max(request.mark[1], right)


def _within(span: tuple[float, float], plot_px: float) -> bool:
    return span[0] >= 0 and span[1] <= plot_px


def place_on_lines(
    requests: Sequence[LabelRequest], *, lines: int, plot_px: float, gap: float = GAP_PX
) -> dict[int, PlacedLabel]:
    """Labels by priority, each on the first line where one of its places overlaps no label kept before.

    A place whose text would leave the plot is never taken. A label that finds no free place on
    any of `lines` is dropped (absent from the result): the caller keeps its mark, named by its
    tooltip. Ties of priority go left to right.
    """
    taken: list[list[tuple[float, float]]] = [[] for _ in range(lines)]
    placed: dict[int, PlacedLabel] = {}
    for request in sorted(requests, key=lambda r: (r.priority, r.mark, r.key)):
        inside = [a for a in request.anchors if _within(a.span(request.width), plot_px)]
        spot = next(
            (
                (line, anchor, box)
                for line, boxes in enumerate(taken)
                for anchor in inside
                for box in [_box(request, anchor)]
                if all(box[1] + gap <= a or b + gap <= box[0] for a, b in boxes)
            ),
            None,
        )
        if spot is not None:
            line, anchor, (left, right) = spot
            taken[line].append((left, right))
            placed[request.key] = PlacedLabel(request.key, line, anchor, left, right)
    return placed


def place_marks(
    marks: Sequence[tuple[int, tuple[float, float]]], taken: Sequence[Sequence[tuple[float, float]]]
) -> dict[int, int]:
    """A line for each unlabelled mark (key, pixel interval): the first where it meets no box, else a new one.

    A mark never lies on a label: labels keep their lines clear, marks without a label open more lines.
    """
    lines = [list(boxes) for boxes in taken]
    chosen: dict[int, int] = {}
    for key, (left, right) in marks:
        line = next(
            (i for i, boxes in enumerate(lines) if all(right + 2 <= a or b + 2 <= left for a, b in boxes)),
            len(lines),
        )
        if line == len(lines):
            lines.append([])
        lines[line].append((left, right))
        chosen[key] = line
    return chosen


# --- Boxes on a plane ------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels


def first_free(options: Sequence[Box], taken: Sequence[Box], gap: float = 2.0) -> int | None:
    """The index of the first box among `options` that meets none of `taken`, or None."""
    for i, (left, top, right, bottom) in enumerate(options):
        if all(
            right + gap <= a or c + gap <= left or bottom + gap <= b or d + gap <= top for a, b, c, d in taken
        ):
            return i
    return None


# --- A label for each bar ------------------------------------------------------------------------

Spot = Literal["inside", "after", "before", "number"]
SHORTEST_PX = 70.0  # a title cut to fit inside its bar keeps at least this much (about ten letters)
PAD_PX = 4.0  # between a bar's edge and its text


@dataclass(frozen=True)
class BarSlot:
    """A bar of one row in pixels, the width of its label and of its number."""

    start: float
    stop: float
    label: float
    number: float


@dataclass(frozen=True)
class BarLabel:
    """What a bar carries: its label inside, after or before it, else its number (listed in a legend).

    `room` is the width the label may take: less than its width when it is cut to fit inside its bar.
    """

    spot: Spot
    anchor: Anchor
    inside: bool  # drawn on the bar (light text on a dark bar) rather than on the background
    room: float


def bar_labels(row: Sequence[BarSlot], plot_px: float) -> list[BarLabel]:
    """A label for each bar of a row (bars sorted by start, never overlapping).

    The short title goes inside the bar when it fits, else just after it when the row is free up to
    the next bar, else just before it when the row is free since the previous bar and its label;
    else inside, cut, when the bar holds a good part of it; otherwise the bar's number, inside or
    after it, which a legend table explains. Rows are packed with room for a number after each
    bar, so a number always has its place.
    """
    spots: list[BarLabel] = []
    free_from = 0.0  # where the row is free again: the end of the previous bar or of its label
    for i, bar in enumerate(row):
        following = row[i + 1].start if i + 1 < len(row) else plot_px
        spot = _bar_spot(bar, following, free_from, plot_px)
        spots.append(spot)
        right = spot.anchor.span(spot.room)[1]
        free_from = bar.stop if spot.inside else max(bar.stop, right)
    return spots


def _bar_spot(bar: BarSlot, following: float, free_from: float, plot_px: float) -> BarLabel:
    width, pad = bar.stop - bar.start, PAD_PX
    at_start, after = Anchor(bar.start, "left", pad), Anchor(bar.stop, "left", pad)
    if bar.label + 2 * pad <= width:
        return BarLabel("inside", at_start, True, bar.label)
    if bar.label + pad + GAP_PX <= following - bar.stop:
        return BarLabel("after", after, False, bar.label)
    if bar.label + pad + GAP_PX <= bar.start - free_from:
        return BarLabel("before", Anchor(bar.start, "right", -pad), False, bar.label)
    if width - 2 * pad >= SHORTEST_PX:
        return BarLabel("inside", at_start, True, width - 2 * pad)
    if bar.number + 2 * pad <= width:
        return BarLabel("number", at_start, True, bar.number)
    if bar.stop + pad / 2 + bar.number > plot_px:  # at the plot's right edge: on the bar's end
        return BarLabel("number", Anchor(bar.stop, "right", 0), True, bar.number)
    return BarLabel("number", Anchor(bar.stop, "left", pad / 2), False, bar.number)


def number_room(number_px: float) -> float:
    """Pixels to keep free after a bar so that its number can always be written there."""
    return number_px + PAD_PX / 2 + GAP_PX
