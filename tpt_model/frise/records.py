"""The records the frise's layout hands to its chart: one typed dict per mark, and the plot's scale.

The chart names these fields in its encodings and inlines the records into the Vega-Lite spec:
they stay plain JSON dicts (TypedDicts cost nothing at run time), typed so the contract is checked.
"""

from dataclasses import dataclass
from typing import TypedDict

DARK = "#2B2B2B"
RISK_COLOR = "#D55E00"


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
