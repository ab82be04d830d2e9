"""Numbers, euros, hours, months and moments written the French way (and in English when asked)."""

import datetime

import pandas as pd
import pytest

from tpt_model.formatting import (
    EMPTY,
    counted,
    date_label,
    euros,
    hours,
    long_month_year,
    month_name,
    month_range,
    month_year,
    number,
    table_text,
    time_label,
    vega_locale,
)

NNBSP = "\u202f"  # narrow no-break space: French thousands and units
NBSP = "\u00a0"  # no-break space: French currency


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (3.5, 2, "3,5"),
        (3.0, 2, "3"),
        (2.25, 2, "2,25"),
        (2.3333, 2, "2,33"),
        (72.46, 1, "72,5"),
        (12345.678, 0, f"12{NNBSP}346"),
        (0, 2, "0"),
    ],
)
def test_number(value: float, digits: int, text: str) -> None:
    assert number(value, digits) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (12345, f"12{NNBSP}345{NBSP}€"),
        (0, f"0{NBSP}€"),
        (855.0, f"855{NBSP}€"),
        (12.5, f"12,50{NBSP}€"),
        (0.1 + 0.2, f"0,30{NBSP}€"),
        (999.999, f"1{NNBSP}000{NBSP}€"),
    ],
)
def test_euros(amount: float, text: str) -> None:
    assert euros(amount) == text


@pytest.mark.parametrize(("value", "text"), [(13, f"13{NNBSP}h"), (2.5, f"2,5{NNBSP}h"), (0, f"0{NNBSP}h")])
def test_hours(value: float, text: str) -> None:
    assert hours(value) == text


def test_month_names() -> None:
    assert [month_name(m) for m in range(1, 13)] == [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]


@pytest.mark.parametrize(
    ("date", "short", "long"),
    [
        (datetime.date(2025, 10, 1), "oct. 2025", "octobre 2025"),
        (datetime.date(2025, 9, 14), "sept. 2025", "septembre 2025"),
        (datetime.date(2026, 2, 1), "févr. 2026", "février 2026"),
        (datetime.date(2026, 8, 1), "août 2026", "août 2026"),
        (datetime.date(2026, 5, 1), "mai 2026", "mai 2026"),
    ],
)
def test_month_and_year(date: datetime.date, short: str, long: str) -> None:
    assert month_year(date) == short
    assert long_month_year(date) == long


def test_date_and_time_labels_in_paris() -> None:
    assert date_label(datetime.date(2026, 11, 28)) == "28/11/2026"
    winter = datetime.datetime(2026, 11, 28, 16, 39, tzinfo=datetime.UTC)
    assert time_label(winter) == "17:39 le 28/11/2026"
    summer = datetime.datetime(2026, 6, 30, 22, 5, tzinfo=datetime.UTC)  # already 1 July in Paris
    assert time_label(summer) == "00:05 le 01/07/2026"


def test_a_month_range_elides_before_a_vowel() -> None:
    assert month_range(2, 5) == "de février à mai"
    assert month_range(10, 2) == "d'octobre à février"
    assert month_range(4, 6) == "d'avril à juin"
    assert month_range(8, 8) == "août"


def test_another_locale_can_be_asked_for() -> None:
    assert number(12345.5, 1, locale="en") == "12,345.5"
    assert euros(12345, locale="en") == "€12,345"
    assert hours(2.5, locale="en") == "2.5 hr"
    assert month_year(datetime.date(2025, 10, 1), locale="en") == "Oct 2025"


def test_a_table_reads_in_french_with_a_dash_for_nothing() -> None:
    frame = pd.DataFrame(
        {
            "Rang": pd.array([1, None], dtype="Int64"),
            "Brique": ["Mentorat", None],
            "Moyenne": [2.5, float("nan")],
            "Coût": [12345.5, None],
            "Heures": [547.5, 2],
            "À discuter": [True, False],
            "Estimé": [True, False],
        }
    )
    text = table_text(frame, money=["Coût"], duration=["Heures"], flags={"À discuter": "⚠ à discuter"})
    assert text.to_dict("records") == [
        {
            "Rang": "1",
            "Brique": "Mentorat",
            "Moyenne": "2,5",
            "Coût": "12\u202f345,50\u00a0€",
            "Heures": "547,5\u202fh",
            "À discuter": "⚠ à discuter",
            "Estimé": "oui",
        },
        {
            "Rang": EMPTY,
            "Brique": EMPTY,
            "Moyenne": EMPTY,
            "Coût": EMPTY,
            "Heures": "2\u202fh",
            "À discuter": "",
            "Estimé": "non",
        },
    ]
    assert EMPTY == "—"
    assert list(text.columns) == list(frame.columns)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0 scénario"), (1, "1 scénario"), (2, "2 scénarios"), (1234, "1\u202f234 scénarios")],
)
def test_count_says_the_noun_in_the_singular_up_to_one(value: int, expected: str) -> None:
    assert counted(value, "scénario", "scénarios") == expected


def test_a_date_in_a_table_reads_in_french() -> None:
    frame = pd.DataFrame({"Début": [datetime.date(2026, 9, 1), None]})
    assert table_text(frame)["Début"].tolist() == ["01/09/2026", EMPTY]


def test_charts_write_numbers_and_months_as_the_tables_do() -> None:
    locale = vega_locale()
    assert locale["number"] | {"grouping": [3]} == {
        "decimal": ",",
        "thousands": NNBSP,  # « 20 000 000 », as number() writes it
        "grouping": [3],
        "currency": ["", f"{NBSP}€"],
    }
    assert number(20_000_000) == f"20{NNBSP}000{NNBSP}000"
    assert locale["time"]["months"][2] == month_name(3) == "mars"
    assert locale["time"]["days"][0] == "dimanche"  # d3 weeks start on Sunday
    locale["number"]["decimal"] = "."  # the caller's copy: the next chart is still French
    assert vega_locale()["number"]["decimal"] == ","
