"""A cohort reads the journey axis as calendar months: seconde starts in September of its year."""

import datetime

import pytest

from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import JourneyPoint
from tpt_model.journey.cohort import cohort_label, cohort_years, index_years, point_date, school_year_start
from tpt_model.journey.timeline import point_index


@pytest.mark.parametrize(
    ("stage", "month", "expected"),
    [
        ("seconde", 9, datetime.date(2025, 9, 1)),
        ("seconde", 12, datetime.date(2025, 12, 1)),
        ("seconde", 1, datetime.date(2026, 1, 1)),
        ("premiere", 8, datetime.date(2027, 8, 1)),
        ("terminale", 3, datetime.date(2028, 3, 1)),
        ("bac-1", 10, datetime.date(2028, 10, 1)),
        ("emploi-1", 6, datetime.date(2031, 6, 1)),
    ],
)
def test_point_date(programme: Programme, stage: str, month: int, expected: datetime.date) -> None:
    assert point_date(programme, JourneyPoint(stage=stage, month=month), 2025) == expected


def test_cohort_label() -> None:
    assert cohort_label(2025) == "cohorte entrée en seconde en septembre 2025"


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (datetime.date(2026, 8, 31), 2025),  # still the school year that began in September 2025
        (datetime.date(2026, 9, 1), 2026),
        (datetime.date(2026, 12, 31), 2026),
        (datetime.date(2027, 1, 1), 2026),
    ],
)
def test_school_year_start(today: datetime.date, year: int) -> None:
    assert school_year_start(today) == year


def test_cohort_years_follow_the_school_year() -> None:
    assert cohort_years(datetime.date(2026, 8, 31)) == [2022, 2023, 2024, 2025, 2026, 2027, 2028]
    assert cohort_years(datetime.date(2026, 9, 1)) == [2023, 2024, 2025, 2026, 2027, 2028, 2029]
    assert cohort_years(datetime.date(2026, 9, 1), before=1, after=0) == [2025, 2026]


@pytest.mark.parametrize(("stage", "month"), [("seconde", 9), ("seconde", 12), ("premiere", 1), ("bac-1", 8)])
def test_the_years_of_a_month_of_the_axis_agree_with_its_date(
    programme: Programme, stage: str, month: int
) -> None:
    point = JourneyPoint(stage=stage, month=month)
    day = point_date(programme, point, 2025)
    assert index_years(point_index(programme, point), 2025) == (day.year, school_year_start(day))
