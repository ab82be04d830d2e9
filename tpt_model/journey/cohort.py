"""Calendar dates of a cohort: the journey axis read as real months for one year of entry."""

import datetime

from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import JourneyPoint
from tpt_model.i18n import _
from tpt_model.journey.timeline import SCHOOL_YEAR_MONTHS


def stage_year(programme: Programme, stage_id: str, cohort_year: int) -> int:
    """Calendar year in which a stage's school year starts (in September)."""
    return cohort_year + programme.stage_index[stage_id]


def point_date(programme: Programme, point: JourneyPoint, cohort_year: int) -> datetime.date:
    """First day of the point's month for a cohort entering the first stage in September."""
    year = stage_year(programme, point.stage, cohort_year)
    # A school year runs September → August: January to August fall in the next calendar year.
    if point.month < 9:
        year += 1
    return datetime.date(year, point.month, 1)


def index_years(index: int, first_stage_year: int) -> tuple[int, int]:
    """The calendar year and the school year (by its September) of a month of the axis, for a cohort.

    `first_stage_year` is the September in which the cohort's first stage begins (it may lie
    before the cohort joins): month 0 is that September, month 4 the January after it.
    """
    stage, offset = divmod(index, 12)
    school_year = first_stage_year + stage
    return school_year + (1 if SCHOOL_YEAR_MONTHS[offset] < SCHOOL_YEAR_MONTHS[0] else 0), school_year


def school_year_start(today: datetime.date) -> int:
    """Calendar year in which the school year holding `today` began (school years begin in September)."""
    return today.year if today.month >= SCHOOL_YEAR_MONTHS[0] else today.year - 1


def cohort_years(today: datetime.date, before: int = 3, after: int = 3) -> list[int]:
    """Years of entry a group can read the frise for: this school year's, `before` earlier, `after` later."""
    current = school_year_start(today)
    return list(range(current - before, current + after + 1))


def cohort_label(year: int) -> str:
    """« cohorte entrée en seconde en septembre 2025 »."""
    return _("cohorte entrée en seconde en septembre {year}").format(year=year)
