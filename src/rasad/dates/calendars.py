"""Calendar arithmetic: solar Hijri via jdatetime, lunar Hijri (Umm al-Qura) via hijridate."""

from __future__ import annotations

import datetime as dt

import jdatetime
from hijridate import Gregorian, Hijri

# Years accepted as dates in each calendar: wide enough for modern news, narrow enough that
# "20 January 1500 cases" is not read as a year. Umm al-Qura tables cover 1343..1500 AH.
YEAR_RANGE = {
    "gregorian": (1800, 2199),
    "solar_hijri": (1200, 1499),
    "solar_hijri_afghan": (1200, 1499),
    "lunar_hijri": (1343, 1500),
}


def plausible_year(calendar: str, year: int) -> bool:
    low, high = YEAR_RANGE[calendar]
    return low <= year <= high


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a calendar date, or None when it does not exist (31 Hut, 30 February)."""
    try:
        if calendar == "gregorian":
            return dt.date(year, month, day)
        if calendar in ("solar_hijri", "solar_hijri_afghan"):
            return jdatetime.date(year, month, day).togregorian()
        return dt.date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def from_gregorian(calendar: str, date: dt.date) -> tuple[int, int, int] | None:
    """(year, month, day) of a Gregorian date in ``calendar``; None outside what the libraries cover."""
    if calendar == "gregorian":
        return date.year, date.month, date.day
    try:
        if calendar in ("solar_hijri", "solar_hijri_afghan"):
            local = jdatetime.date.fromgregorian(date=date)
            return local.year, local.month, local.day
        return Gregorian(date.year, date.month, date.day).to_hijri().datetuple()
    except (ValueError, OverflowError):
        return None


def gregorian_iso(calendar: str, year: int, month: int | None, day: int | None) -> tuple[str, str] | None:
    """(ISO date, precision) of a calendar date of day, month or year precision; None if invalid.

    A month or year of another calendar straddles two Gregorian ones: we give the Gregorian month
    or year holding its middle (day 15; month 7 day 1), where most of its days fall.
    """
    if not plausible_year(calendar, year) or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None and month is not None:
        date = to_gregorian(calendar, year, month, day)
        return (date.isoformat(), "day") if date else None
    if calendar == "gregorian":
        return (f"{year:04d}-{month:02d}", "month") if month else (f"{year:04d}", "year")
    middle = to_gregorian(calendar, year, month or 7, 15 if month else 1)
    if middle is None:
        return None
    return (f"{middle.year:04d}-{middle.month:02d}", "month") if month else (f"{middle.year:04d}", "year")
