"""Numbers, amounts, durations, months and moments written for the users, through Babel.

Every function writes for the current language (`tpt_model.i18n`) unless given another `locale`.
"""

import copy
import datetime
import numbers
import re
from collections.abc import Callable, Collection, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit

from tpt_model.i18n import _, current_locale, n_

if TYPE_CHECKING:  # pandas is only needed by the callers that have a frame (the command line has none)
    import pandas as pd

USERS_TIME_ZONE = "Europe/Paris"
CURRENCY = "EUR"
EMPTY = "—"  # what a table shows where there is no value


def number(value: float, digits: int = 2, locale: str | None = None) -> str:
    """A decimal number with at most `digits` decimals and no trailing zero: « 3,5 », « 12 345 »."""
    pattern = "#,##0." + "#" * digits if digits > 0 else "#,##0"
    return format_decimal(value, format=pattern, locale=locale or current_locale())


def percent(share: float, locale: str | None = None) -> str:
    """A share (0 to 1) as a whole percentage: « 12 % », in English « 12% »."""
    return format_percent(share, locale=locale or current_locale())


@lru_cache(maxsize=16)
def _whole_currency_pattern(locale: str) -> str:
    # The locale's own pattern (where the sign goes, which space) without its decimals.
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return re.sub(r"\.0+", "", pattern)


def euros(amount: float, locale: str | None = None) -> str:
    """An amount in euros, cents only when there are some: « 12 345 € », « 12,50 € »."""
    locale = locale or current_locale()
    if round(amount, 2) == round(amount):
        pattern = _whole_currency_pattern(locale)
        return format_currency(round(amount), CURRENCY, format=pattern, currency_digits=False, locale=locale)
    return format_currency(amount, CURRENCY, locale=locale)


def hours(value: float, locale: str | None = None) -> str:
    """A number of hours: « 12 h », « 2,5 h »."""
    return format_unit(
        value, "duration-hour", length="short", format="#,##0.##", locale=locale or current_locale()
    )


def _date_text(day: datetime.date, pattern: str, locale: str | None) -> str:
    return _locale_date_text(day, pattern, locale or current_locale())


@lru_cache(maxsize=4096)  # the frise labels the same few dozen months again and again
def _locale_date_text(day: datetime.date, pattern: str, locale: str) -> str:
    return format_date(day, pattern, locale=locale)


def month_name(month: int, locale: str | None = None) -> str:
    """The name of a month (1 to 12) as it reads in a sentence: « mars »."""
    return _date_text(datetime.date(2000, month, 1), "MMMM", locale)


def month_range(first: int, last: int) -> str:
    """Months from one to another in a sentence: « de février à mai », « d'octobre à mars »."""
    if first == last:
        return month_name(first)
    start, end = month_name(first), month_name(last)
    if start[0] in "aeiouy":  # French elides before avril, août, octobre
        return _("d'{start} à {end}").format(start=start, end=end)
    return _("de {start} à {end}").format(start=start, end=end)


def month_year(day: datetime.date, locale: str | None = None) -> str:
    """Short month and year: « oct. 2025 »."""
    return _date_text(day.replace(day=1), "MMM y", locale)


def long_month_year(day: datetime.date, locale: str | None = None) -> str:
    """Full month and year: « octobre 2025 »."""
    return _date_text(day.replace(day=1), "MMMM y", locale)


def date_label(day: datetime.date, locale: str | None = None) -> str:
    """A day in figures: « 28/11/2026 »."""
    return _date_text(day, "short", locale)


def time_label(at: datetime.datetime, locale: str | None = None) -> str:
    """A moment in the users' time zone: « 17:39 le 28/11/2026 »."""
    locale = locale or current_locale()
    try:
        local, suffix = at.astimezone(ZoneInfo(USERS_TIME_ZONE)), ""
    except ZoneInfoNotFoundError:  # a machine without time-zone data: say it is UTC
        local, suffix = at.astimezone(datetime.UTC), " UTC"
    moment = format_time(local, "HH:mm", locale=locale) + suffix
    return _("{time} le {date}").format(time=moment, date=date_label(local.date(), locale))


def vega_locale(locale: str | None = None) -> dict[str, Any]:
    """The `formatLocale` and `timeFormatLocale` of Vega charts: « 20 000 000 », « mars 2026 ».

    Put in a spec's `config.locale`, it makes every axis, label and tooltip of the chart write
    numbers and dates as the tables beside it do.
    """
    return copy.deepcopy(
        _vega_locale(locale or current_locale())
    )  # a fresh dict: a spec may be changed by its caller


@lru_cache(maxsize=4)
def _vega_locale(locale: str) -> dict[str, Any]:
    data = Locale.parse(locale)
    symbols = data.number_symbols["latn"]
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, d3 from Sunday
    return {
        "number": {
            "decimal": symbols["decimal"],
            "thousands": symbols["group"],
            "grouping": [3],
            "currency": ["", "\u00a0€"] if locale.startswith("fr") else ["€", ""],
        },
        "time": {
            "dateTime": "%x %X",
            "date": "%d/%m/%Y" if locale.startswith("fr") else "%m/%d/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": [data.days["format"]["wide"][d] for d in sunday_first],
            "shortDays": [data.days["format"]["abbreviated"][d] for d in sunday_first],
            "months": [data.months["format"]["wide"][m] for m in range(1, 13)],
            "shortMonths": [data.months["format"]["abbreviated"][m] for m in range(1, 13)],
        },
    }


def counted(value: int, singular: str, plural: str, locale: str | None = None) -> str:
    """A count with its noun, by the language's plural rule: « 1 scénario », « 0 scénario », « 2 briques »."""
    return f"{number(value, 0, locale)} {n_(singular, plural, value)}"


def _money_cell(value: object, locale: str | None) -> str:
    return euros(float(value), locale) if isinstance(value, numbers.Real) else str(value)


def _hours_cell(value: object, locale: str | None) -> str:
    return hours(float(value), locale) if isinstance(value, numbers.Real) else str(value)


def _cell(value: object, locale: str | None) -> str:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return date_label(value, locale)
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, numbers.Real):
        return number(float(value), locale=locale)
    return str(value)


def table_text(
    frame: "pd.DataFrame",
    *,
    money: Collection[str] = (),
    duration: Collection[str] = (),
    flags: Mapping[str, str] | None = None,
    locale: str | None = None,
) -> "pd.DataFrame":
    """The frame as people read it: every cell French text, « — » where there is no value.

    Numbers get a decimal comma and grouped thousands; the `money` columns are euros, the
    `duration` columns hours; a `flags` column shows its badge where it is true, nothing elsewhere.
    Text is kept as it is (a table cell shows it literally).
    """
    badges = flags or {}
    columns: dict[str, list[str]] = {}
    for name in frame.columns:
        series = frame[name]
        if name in badges:
            columns[name] = [badges[name] if value is True else "" for value in series.tolist()]
            continue
        write: Callable[[object, str | None], str] = (
            _money_cell if name in money else _hours_cell if name in duration else _cell
        )
        missing = series.isna().tolist()
        columns[name] = [
            EMPTY if gone else write(value, locale)
            for value, gone in zip(series.tolist(), missing, strict=True)
        ]
    return type(frame)(columns, index=frame.index, columns=frame.columns)
