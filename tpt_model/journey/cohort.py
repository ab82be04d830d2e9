"""Calendar dates of a cohort: the journey axis read as real months for one year of entry."""

import datetime

from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import JourneyPoint


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


def cohort_label(year: int) -> str:
    """« cohorte entrée en seconde en septembre 2025 »."""
    return f"cohorte entrée en seconde en septembre {year}"
