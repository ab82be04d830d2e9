"""How the frise is shown: the normal view, a presentation for a room, or a phone, and their sizes.

The view is part of the page's address (`?vue=presentation`, `?vue=telephone`), so that a link or
a reload shows the same thing. Presentation and phone views show one phase at a time.
"""

import unicodedata
from dataclasses import dataclass, replace
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from tpt_model.catalogue.programme import Programme
from tpt_model.i18n import mark_

ViewName = Literal["normal", "presentation", "telephone"]
# The views in the order of the switch above the frise, with their French names.
VIEW_LABELS: dict[ViewName, str] = {
    "normal": mark_("Normale"),
    "presentation": mark_("Présentation"),
    "telephone": mark_("Téléphone"),
}
_SPELLINGS: dict[str, ViewName] = {
    "normal": "normal",
    "normale": "normal",
    "presentation": "presentation",
    "projection": "presentation",
    "telephone": "telephone",
    "mobile": "telephone",
}


class FriseDisplay(BaseModel):
    """The frise's view, the phase that presentation and phone views show alone, the yearly moments."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    view: ViewName = "normal"
    phase: Annotated[int, Field(ge=1, le=9)] = 1
    # The moments that come back every year drawn on the frise, rather than folded into one line.
    yearly: bool = False

    @property
    def one_phase(self) -> bool:
        """Whether the view shows one phase at a time."""
        return self.view != "normal"

    def drawn(self) -> "FriseDisplay":
        """What the chart depends on: the phase only counts in the views that show one phase."""
        return self if self.one_phase or self.phase == 1 else self.model_copy(update={"phase": 1})


NORMAL = FriseDisplay()


def parse_view(text: str | None) -> ViewName | None:
    """The view an address names (« presentation », « téléphone », case and accents ignored), else None."""
    if not text:
        return None
    plain = unicodedata.normalize("NFKD", text.strip().lower()).encode("ascii", "ignore").decode()
    return _SPELLINGS.get(plain)


def parse_phase(text: str | None, programme: Programme) -> int | None:
    """The phase number an address names, when the programme has that phase on its axis."""
    if text is None or not text.strip().isdigit():
        return None
    number = int(text.strip())
    return number if number in phase_numbers(programme) else None


def is_phone(user_agent: str | None, mobile_hint: str | None = None) -> bool:
    """Whether the browser says it is a phone (« Mobi » in its user agent, or the `Sec-CH-UA-Mobile` hint)."""
    return (mobile_hint or "").strip() == "?1" or "Mobi" in (user_agent or "")


# --- Phases --------------------------------------------------------------------------------------


def phase_numbers(programme: Programme) -> list[int]:
    """The numbers of the phases that have stages on the axis, in order."""
    numbers = {programme.phase_of(s.id).number for s in programme.stages}
    return sorted(numbers)


def phase_window(programme: Programme, display: FriseDisplay) -> tuple[int, int]:
    """The months shown, [start, stop): the phase's stages in one-phase views, else the whole axis."""
    if not display.one_phase:
        return 0, len(programme.stages) * 12
    numbers = [i for i, s in enumerate(programme.stages) if programme.phase_of(s.id).number == display.phase]
    if not numbers:  # a phase without stages (or gone from the catalogue): the first one instead
        return phase_window(programme, display.model_copy(update={"phase": phase_numbers(programme)[0]}))
    return min(numbers) * 12, (max(numbers) + 1) * 12


def shown_phase(programme: Programme, display: FriseDisplay) -> int:
    """The phase a one-phase view shows (the first one when the chosen phase has no stage)."""
    numbers = phase_numbers(programme)
    return display.phase if display.phase in numbers else numbers[0]


def step_phase(programme: Programme, display: FriseDisplay, step: int) -> FriseDisplay:
    """The display on the previous (-1) or next (+1) phase, staying on the first or last one."""
    numbers = phase_numbers(programme)
    at = numbers.index(shown_phase(programme, display))
    return display.model_copy(update={"phase": numbers[max(0, min(len(numbers) - 1, at + step))]})


# --- Sizes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metrics:
    """Sizes of one view, in pixels.

    `plot_px` is the least width the page ever draws the plot at in this view: the layout places
    labels for that width, and a wider plot only moves them apart.
    """

    plot_px: int
    font_px: float  # bar and milestone labels
    lane_font_px: float
    axis_font_px: float
    phase_font_px: float
    title_px: float
    row_px: int
    line_px: int  # one line of milestone labels
    milestone_lines: int  # at most this many label lines above the bars
    one_bar_per_row: bool  # the phone: each bar on its own row, its label above it
    # How much wider than the app's font (Source Sans) the drawing's font is: 1 in the browser.
    text_scale: float = 1.0

    @property
    def measured_px(self) -> float:
        """The size at which labels are measured: the type's size, in the app's font."""
        return self.font_px * self.text_scale


METRICS: dict[ViewName, Metrics] = {
    "normal": Metrics(
        plot_px=880,
        font_px=12,
        lane_font_px=13,
        axis_font_px=13,
        phase_font_px=14,
        title_px=18,
        row_px=24,
        line_px=18,
        milestone_lines=9,
        one_bar_per_row=False,
    ),
    "presentation": Metrics(
        plot_px=1180,
        font_px=16,
        lane_font_px=18,
        axis_font_px=17,
        phase_font_px=21,
        title_px=24,
        row_px=31,
        line_px=24,
        milestone_lines=8,
        one_bar_per_row=False,
    ),
    "telephone": Metrics(
        plot_px=330,
        font_px=14,
        lane_font_px=15,
        axis_font_px=14,
        phase_font_px=16,
        title_px=18,
        row_px=40,
        line_px=20,
        milestone_lines=5,
        one_bar_per_row=True,
    ),
}


# A picture drawn outside the browser (an export, through vl-convert) is set in a sans-serif font
# about a fifth wider than Source Sans: its labels are measured so.
PICTURE_TEXT_SCALE = 1.2


def picture_metrics(plot_px: int) -> Metrics:
    """The normal view's sizes for a picture of a given plot width, drawn outside the browser."""
    return replace(METRICS["normal"], plot_px=plot_px, text_scale=PICTURE_TEXT_SCALE)
