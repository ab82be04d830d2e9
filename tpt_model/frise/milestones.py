"""The frise's milestones: which ones show for the track and exit followed, their rows and their labels.

Dated milestones (one stage) sit on label lines above the bars, each label placed by priority where
it overlaps no other, and never under a shaded block. Moments that come back every year are folded
into one line of text (« Chaque année : … »); the frise draws their marks only when asked.
"""

from dataclasses import dataclass

from tpt_model.catalogue.calendar import Milestone
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.formatting import month_name, month_range
from tpt_model.frise.rows import FriseOptions, point_text
from tpt_model.i18n import _, mark_
from tpt_model.journey.timeline import SCHOOL_YEAR_MONTHS, axis_months, month_offset, point_at

KIND_LABELS = {
    "orientation": mark_("Orientation"),
    "examen": mark_("Examen"),
    "communication": mark_("Communication"),
    "risque": mark_("Risque"),
}
# Which labels keep their place first when a line is full: what no one must miss, then exams.
KIND_PRIORITY = {"risque": 0, "examen": 1, "orientation": 2, "communication": 3}


def followed(milestone: Milestone, options: FriseOptions) -> bool:
    """Whether a milestone concerns the track and exit the frise follows (all of them when none is chosen)."""
    return (options.track is None or options.track in milestone.tracks) and (
        options.exit is None or options.exit in milestone.exits
    )


def stage_numbers(programme: Programme, track: str | None) -> list[int]:
    """The stages of the axis (their numbers) that the track goes through; all of them without one."""
    return [i for i, s in enumerate(programme.stages) if track is None or track in s.tracks]


def span(programme: Programme, stage_number: int, milestone: Milestone) -> tuple[int, int]:
    """First and last month index of a milestone in one stage (a range may run past December)."""
    first, last = milestone.months
    start = stage_number * 12 + month_offset(first)
    return start, min(start + (last - first) % 12, axis_months(programme) - 1)


def period_text(programme: Programme, start: int, end: int, cohort_year: int | None) -> str:
    """« janvier · Terminale → mars · Terminale », or one month alone."""
    first = point_text(programme, point_at(programme, start), cohort_year)
    if start == end:
        return first
    return f"{first} → {point_text(programme, point_at(programme, end), cohort_year)}"


@dataclass(frozen=True)
class DatedMark:
    """Milestones of one stage that share their months: one mark, one label (in the order of the calendar)."""

    start: int
    end: int  # last month, included
    group: tuple[Milestone, ...]

    @property
    def kind(self) -> str:
        """A risk window among them makes the mark a risk window; else the first one's kind."""
        return "risque" if any(m.kind == "risque" for m in self.group) else self.group[0].kind

    @property
    def label(self) -> str:
        """The labels of the milestones, joined."""
        return " · ".join(m.label for m in self.group)

    @property
    def priority(self) -> int:
        """Lower is placed first when labels compete for a line."""
        return KIND_PRIORITY.get(self.kind, len(KIND_PRIORITY))


def dated_marks(catalogue: Catalogue, options: FriseOptions, window: tuple[int, int]) -> list[DatedMark]:
    """Milestones of one stage on the followed track and exit, merged when they share their months.

    Only those that meet the months shown (`window`, [start, stop)) are kept; sorted by months.
    """
    programme = catalogue.programme
    on_track = {programme.stages[i].id for i in stage_numbers(programme, options.track)}
    by_span: dict[tuple[int, int], list[Milestone]] = {}
    for m in catalogue.milestones:
        if m.stage is not None and m.stage in on_track and followed(m, options):
            by_span.setdefault(span(programme, programme.stage_index[m.stage], m), []).append(m)
    return [
        DatedMark(start, end, tuple(group))
        for (start, end), group in sorted(by_span.items())
        if start < window[1] and end >= window[0]
    ]


# --- Moments of every year -----------------------------------------------------------------------


@dataclass(frozen=True)
class YearlyMoment:
    """A moment that comes back every year, folded into one: its months and its words."""

    milestone: Milestone

    @property
    def label(self) -> str:
        """The moment's label."""
        return self.milestone.label

    @property
    def when(self) -> str:
        """« en octobre », « de novembre à février »."""
        first, last = self.milestone.months
        return _("en {month}").format(month=month_name(first)) if first == last else month_range(first, last)

    @property
    def order(self) -> int:
        """Its place in a school year (September first)."""
        return SCHOOL_YEAR_MONTHS.index(self.milestone.months[0])


def yearly_moments(catalogue: Catalogue, options: FriseOptions) -> list[YearlyMoment]:
    """The moments of every year that concern the followed track and exit, once each, from September."""
    moments = [YearlyMoment(m) for m in catalogue.milestones if m.every_year and followed(m, options)]
    return sorted(moments, key=lambda moment: moment.order)


def yearly_line(moments: list[YearlyMoment]) -> str | None:
    """The moments of every year in one line of text, grouped by their months; None without any."""
    if not moments:
        return None
    groups: dict[str, list[str]] = {}
    for moment in moments:
        groups.setdefault(moment.when, []).append(moment.label)
    parts = [
        _("{when} : {moments}").format(when=when[0].upper() + when[1:], moments=", ".join(labels))
        for when, labels in groups.items()
    ]
    return _("Chaque année. {moments}.").format(moments=" · ".join(parts))


def yearly_spans(
    catalogue: Catalogue, options: FriseOptions, window: tuple[int, int]
) -> list[tuple[YearlyMoment, int, int]]:
    """Each moment of every year in each stage of the followed track that meets the months shown."""
    programme = catalogue.programme
    return [
        (moment, start, end)
        for moment in yearly_moments(catalogue, options)
        for number in stage_numbers(programme, options.track)
        for start, end in [span(programme, number, moment.milestone)]
        if start < window[1] and end >= window[0]
    ]
