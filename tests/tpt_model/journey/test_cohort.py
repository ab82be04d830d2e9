"""A cohort reads the journey axis as calendar months: seconde starts in September of its year."""

import datetime

import pytest

from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import JourneyPoint
from tpt_model.journey.cohort import cohort_label, point_date


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
