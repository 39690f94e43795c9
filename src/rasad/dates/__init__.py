"""Dates in Arabic, Persian and English news, given as Gregorian ISO dates with their own words.

Calendars: Gregorian (English, Egyptian/Gulf, Levantine/Iraqi, Maghrebi, Moroccan and Persian month
names), solar Hijri with Iranian (``solar_hijri``) or Afghan (``solar_hijri_afghan``) month names,
and lunar Hijri (``lunar_hijri``, Umm al-Qura). Month and weekday names live in ``data/months.yaml``.

Choices worth knowing:
- A month or year of a Hijri calendar is given as the Gregorian month or year holding its middle.
- Numeric dates with a year below 1500 are solar Hijri in Persian text, lunar Hijri in Arabic text
  (the language hint, else the script, decides) unless an era word (هـ, ه.ش, م) says otherwise.
- Yearless dates take the occurrence nearest to the publication date; with «الماضي»/گذشته/"last" the
  latest on or before it (a month: strictly before), with «المقبل»/آینده/"next" the first after it.
- "last week" is the month holding the day seven days before publication, at month precision.
- A weekday is the latest such day on or before publication ("last Tuesday": strictly before).
- Names that are also common words (مارس, صفر, رمضان, تیر, میزان, May) count only next to a day or
  year number, a doubled month name or a word like «الماضي».
"""

from rasad.dates.finder import FoundDate, find_dates
from rasad.dates.publication import publication_date
from rasad.dates.relative import latest_date, resolve_event_date
from rasad.dates.tables import load_month_tables, validate_month_tables

__all__ = [
    "FoundDate",
    "find_dates",
    "latest_date",
    "load_month_tables",
    "publication_date",
    "resolve_event_date",
    "validate_month_tables",
]
