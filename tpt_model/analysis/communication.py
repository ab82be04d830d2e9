"""The communication plan of a cohort: milestones and moments by date, the bricks using them; CSV and ICS."""

import csv
import datetime
import io
from dataclasses import dataclass

import icalendar

from tpt_model.analysis.coverage import placed_bricks
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.calendar import Milestone, month_offset
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Scenario
from tpt_model.i18n import _, mark_
from tpt_model.journey.cohort import point_date
from tpt_model.text import fold

KIND_LABELS = {
    "orientation": mark_("Orientation"),
    "examen": mark_("Examen"),
    "communication": mark_("Communication"),
    "risque": mark_("Fenêtre de risque"),
}
# The plan's columns, for the page's table and the CSV file alike.
PLAN_COLUMNS = (mark_("Début"), mark_("Fin"), mark_("Moment"), mark_("Nature"), mark_("Briques"))


@dataclass(frozen=True)
class PlanDate:
    """One dated moment for a cohort: from the first day of its first month to the last day of its last."""

    start: datetime.date
    end: datetime.date
    milestone: str
    label: str
    kind: str
    bricks: tuple[str, ...]


def uses(brick: Brick, milestone: Milestone) -> bool:
    """Whether a brick times itself on the milestone or names it among its communication moments."""
    label = fold(milestone.label)
    named = any(fold(m) in label or label in fold(m) for m in brick.communication.moments)
    return named or milestone.id in brick.timing.milestone_ids()


def _months_later(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _last_day(first_day: datetime.date) -> datetime.date:
    return _months_later(first_day, 1) - datetime.timedelta(days=1)


def communication_plan(catalogue: Catalogue, scenario: Scenario, cohort_year: int) -> list[PlanDate]:
    """The dates of a cohort entering the first stage in September of `cohort_year`, in order.

    A moment without a stage (8 March) comes back in every school year of the journey.
    """
    programme = catalogue.programme
    bricks = list(dict.fromkeys(b.id for _, b in placed_bricks(catalogue, scenario)))
    dates = []
    for milestone in catalogue.milestones:
        stages = [milestone.stage] if milestone.stage else list(programme.stage_ids)
        using = tuple(b for b in bricks if uses(catalogue.brick(b), milestone))
        first, last = milestone.months
        for stage in (s for s in stages if s in programme.stage_index):
            start = point_date(programme, JourneyPoint(stage=stage, month=first), cohort_year)
            end_month = _months_later(start, (month_offset(last) - month_offset(first)) % 12)
            dates.append(
                PlanDate(start, _last_day(end_month), milestone.id, milestone.label, milestone.kind, using)
            )
    return sorted(dates, key=lambda d: (d.start, d.label))


def plan_table(catalogue: Catalogue, dates: list[PlanDate]) -> list[dict[str, object]]:
    """Rows: dates (a page writes them « 01/09/2026 », a file 2026-09-01), moment, kind, bricks."""
    titles = {b.id: b.shown_title for b in catalogue.bricks}
    columns = [_(c) for c in PLAN_COLUMNS]
    return [
        dict(
            zip(
                columns,
                (d.start, d.end, d.label, _(KIND_LABELS[d.kind]), ", ".join(titles[b] for b in d.bricks)),
                strict=True,
            )
        )
        for d in dates
    ]


def plan_csv(catalogue: Catalogue, dates: list[PlanDate]) -> bytes:
    """The plan as a CSV file (UTF-8 with a byte order mark, for spreadsheets)."""
    rows = plan_table(catalogue, dates)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[_(c) for c in PLAN_COLUMNS], delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def plan_ics(catalogue: Catalogue, dates: list[PlanDate], name: str) -> bytes:
    """The plan as an iCalendar file: one all-day event per moment, stable ids so a re-import updates."""
    titles = {b.id: b.shown_title for b in catalogue.bricks}
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//TechPourToutes//Frise//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for d in dates:
        event = icalendar.Event()
        event.add("uid", f"{d.milestone}-{d.start.isoformat()}@frise.techpourtoutes")
        event.add("dtstamp", datetime.datetime(d.start.year, d.start.month, 1, tzinfo=datetime.UTC))
        event.add("summary", d.label)
        event.add("dtstart", d.start)
        event.add("dtend", d.end + datetime.timedelta(days=1))  # exclusive end of an all-day event
        if d.bricks:
            event.add("description", _("Briques : ") + ", ".join(titles[b] for b in d.bricks))
        calendar.add_component(event)
    return calendar.to_ical()
