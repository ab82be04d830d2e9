"""The journey's time axis: school years run September → August, stage after stage."""

import pytest
from helpers import pt

from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import JourneyPoint
from tpt_model.journey.timeline import (
    SCHOOL_YEAR_MONTHS,
    axis_months,
    distance_months,
    duration_months,
    is_before,
    month_offset,
    point_at,
    point_index,
    point_label,
    stage_end,
    stage_start,
)

STAGES = ("seconde", "premiere", "terminale", "bac-1", "bac-2", "emploi-1")


@pytest.mark.parametrize(
    ("month", "offset"), [(9, 0), (10, 1), (12, 3), (1, 4), (2, 5), (6, 9), (7, 10), (8, 11)]
)
def test_month_offset_counts_from_september(month: int, offset: int) -> None:
    assert month_offset(month) == offset


def test_month_offset_orders_the_school_year() -> None:
    assert [month_offset(m) for m in SCHOOL_YEAR_MONTHS] == list(range(12))


@pytest.mark.parametrize(
    ("point", "index"),
    [
        (pt("seconde", 9), 0),
        (pt("seconde", 12), 3),
        (pt("seconde", 1), 4),
        (pt("seconde", 8), 11),
        (pt("premiere", 9), 12),
        (pt("terminale", 1), 28),
        (pt("bac-1", 6), 45),
        (pt("emploi-1", 8), 71),
    ],
)
def test_point_index(programme: Programme, point: JourneyPoint, index: int) -> None:
    assert point_index(programme, point) == index


def test_axis_months(programme: Programme) -> None:
    assert axis_months(programme) == 6 * 12


def test_point_at_is_the_inverse_of_point_index(programme: Programme) -> None:
    for index in range(axis_months(programme)):
        assert point_index(programme, point_at(programme, index)) == index
    for stage in STAGES:
        for month in range(1, 13):
            assert point_at(programme, point_index(programme, pt(stage, month))) == pt(stage, month)


def test_point_at_examples(programme: Programme) -> None:
    assert point_at(programme, 0) == pt("seconde", 9)
    assert point_at(programme, 4) == pt("seconde", 1)
    assert point_at(programme, 12) == pt("premiere", 9)
    assert point_at(programme, 71) == pt("emploi-1", 8)


def test_point_at_past_the_end_of_the_axis(programme: Programme) -> None:
    with pytest.raises(IndexError):
        point_at(programme, axis_months(programme))
    with pytest.raises(IndexError):
        point_at(programme, -1)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (pt("seconde", 10), pt("seconde", 1)),  # January of seconde comes after its October
        (pt("seconde", 12), pt("seconde", 1)),  # the calendar year turns inside the school year
        (pt("seconde", 8), pt("premiere", 9)),  # August of seconde, then September of première
        (pt("seconde", 6), pt("seconde", 7)),
        (pt("terminale", 5), pt("bac-1", 10)),
    ],
)
def test_is_before(programme: Programme, a: JourneyPoint, b: JourneyPoint) -> None:
    assert is_before(programme, a, b)
    assert not is_before(programme, b, a)


def test_a_point_is_not_before_itself(programme: Programme) -> None:
    assert not is_before(programme, pt("bac-1", 3), pt("bac-1", 3))


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        (pt("seconde", 10), pt("seconde", 1), 3),
        (pt("seconde", 1), pt("seconde", 10), -3),
        (pt("seconde", 8), pt("premiere", 9), 1),
        (pt("terminale", 1), pt("bac-1", 6), 17),
        (pt("bac-2", 4), pt("bac-2", 4), 0),
    ],
)
def test_distance_months_is_signed(
    programme: Programme, a: JourneyPoint, b: JourneyPoint, distance: int
) -> None:
    assert distance_months(programme, a, b) == distance


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (pt("seconde", 10), pt("seconde", 10), 1),  # a one-month action lasts one month
        (pt("seconde", 9), pt("seconde", 6), 10),
        (pt("seconde", 9), pt("seconde", 8), 12),
        (pt("terminale", 1), pt("bac-1", 6), 18),
    ],
)
def test_duration_months_counts_both_ends(
    programme: Programme, start: JourneyPoint, end: JourneyPoint, months: int
) -> None:
    assert duration_months(programme, start, end) == months


def test_stage_start_and_end() -> None:
    assert stage_start("premiere") == pt("premiere", 9)
    assert stage_end("premiere") == pt("premiere", 6)


def test_stage_start_and_end_span_the_school_year(programme: Programme) -> None:
    assert duration_months(programme, stage_start("bac-1"), stage_end("bac-1")) == 10


@pytest.mark.parametrize(
    ("point", "label"),
    [
        (pt("terminale", 1), "janvier · Terminale"),
        (pt("seconde", 9), "septembre · Seconde"),
        (pt("bac-1", 2), "février · Bac+1"),
        (pt("premiere", 12), "décembre · Première"),
        (pt("emploi-1", 8), "août · Première année d'emploi"),
    ],
)
def test_point_label(programme: Programme, point: JourneyPoint, label: str) -> None:
    assert point_label(programme, point) == label
