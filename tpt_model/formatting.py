"""Numbers, amounts, durations, months and moments written for the users, through Babel.

Every function takes a `locale` (French by default), so that an English briefing can pass "en".
"""

import datetime
import re
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

LOCALE = "fr_FR"
USERS_TIME_ZONE = "Europe/Paris"
CURRENCY = "EUR"


def number(value: float, digits: int = 2, locale: str = LOCALE) -> str:
    """A decimal number with at most `digits` decimals and no trailing zero: « 3,5 », « 12 345 »."""
    pattern = "#,##0." + "#" * digits if digits > 0 else "#,##0"
    return format_decimal(value, format=pattern, locale=locale)


@lru_cache(maxsize=16)
def _whole_currency_pattern(locale: str) -> str:
    # The locale's own pattern (where the sign goes, which space) without its decimals.
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return re.sub(r"\.0+", "", pattern)


def euros(amount: float, locale: str = LOCALE) -> str:
    """An amount in euros, cents only when there are some: « 12 345 € », « 12,50 € »."""
    if round(amount, 2) == round(amount):
        pattern = _whole_currency_pattern(locale)
        return format_currency(round(amount), CURRENCY, format=pattern, currency_digits=False, locale=locale)
    return format_currency(amount, CURRENCY, locale=locale)


def hours(value: float, locale: str = LOCALE) -> str:
    """A number of hours: « 12 h », « 2,5 h »."""
    return format_unit(value, "duration-hour", length="short", format="#,##0.##", locale=locale)


@lru_cache(maxsize=4096)  # the frise labels the same few dozen months again and again
def _date_text(day: datetime.date, pattern: str, locale: str) -> str:
    return format_date(day, pattern, locale=locale)


def month_name(month: int, locale: str = LOCALE) -> str:
    """The name of a month (1 to 12) as it reads in a sentence: « mars »."""
    return _date_text(datetime.date(2000, month, 1), "MMMM", locale)


def month_range(first: int, last: int) -> str:
    """Months from one to another in a French sentence: « de février à mai », « d'octobre à mars »."""
    if first == last:
        return month_name(first)
    start = month_name(first)
    elided = "d'" if start[0] in "aeiouy" else "de "  # avril, août, octobre
    return f"{elided}{start} à {month_name(last)}"


def month_year(day: datetime.date, locale: str = LOCALE) -> str:
    """Short month and year: « oct. 2025 »."""
    return _date_text(day.replace(day=1), "MMM y", locale)


def long_month_year(day: datetime.date, locale: str = LOCALE) -> str:
    """Full month and year: « octobre 2025 »."""
    return _date_text(day.replace(day=1), "MMMM y", locale)


def date_label(day: datetime.date, locale: str = LOCALE) -> str:
    """A day in figures: « 28/11/2026 »."""
    return _date_text(day, "short", locale)


def time_label(at: datetime.datetime, locale: str = LOCALE) -> str:
    """A moment in the users' time zone: « 17:39 le 28/11/2026 »."""
    try:
        local, suffix = at.astimezone(ZoneInfo(USERS_TIME_ZONE)), ""
    except ZoneInfoNotFoundError:  # a machine without time-zone data: say it is UTC
        local, suffix = at.astimezone(datetime.UTC), " UTC"
    return f"{format_time(local, 'HH:mm', locale=locale)}{suffix} le {date_label(local.date(), locale)}"
