"""The publication date of an article: the container's metadata, else a date on a line of its own.

A date inside a running sentence is an event date; the publication date is the one a page prints
by itself (a dateline under the title, a footer), possibly with a time, weekday, label or city.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import replace

from rasad.dates._text import WORD_END, WORD_START, fold, language_family
from rasad.dates.calendars import gregorian_iso
from rasad.dates.finder import FoundDate, find_dates, most_specific
from rasad.dates.tables import TABLES, alternation
from rasad.text.digits import ascii_digits

_HEAD_LINES, _TAIL_LINES, _MAX_LINE = 15, 10, 100
_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")
_ISO_PARTIAL = re.compile(r"\s*(\d{4})(?:-(\d{2}))?\s*")
_LABELS = (
    "تاریخ انتشار", "زمان انتشار", "تاریخ", "انتشار", "منتشر شده", "منتشر شده در", "آخرین بروزرسانی",
    "بروزرسانی", "به روز رسانی", "تاريخ النشر", "التاريخ", "نشر في", "نشر بتاريخ", "نشر", "تم النشر",
    "آخر تحديث", "تم التحديث", "بتاريخ", "published", "published on", "updated", "last updated",
    "posted", "posted on", "date", "on", "at", "في", "در", "يوم", "روز", "ساعت", "الساعة",
    "الموافق", "الموافق ل", "برابر با", "برابر", "مطابق با", "مطابق",
)  # fmt: skip
_FILLER_WORDS = {fold(word) for word in _LABELS} | set(TABLES.weekday_spellings)
_FILLER = re.compile(f"{WORD_START}(?:{alternation(_FILLER_WORDS)}){WORD_END}", re.I)
_TIME = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|ص|م|ق\.?\s?ظ|ب\.?\s?ظ)(?![^\W\d_]))?"
    r"|\b(?:gmt|utc)(?:\s*[+\-]\d{1,2}(?::?\d{2})?)?|[+\-]\d{2}:?\d{2}(?!\d)",
    re.I,
)
_NOTHING = re.compile(r"[\W_]*")  # nothing but punctuation and spaces
_PLACE_BEFORE = re.compile(r"[\W_]*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*[-–—,،|:][\W_]*")  # "کابل - "
_PLACE_AFTER = re.compile(r"[\W_]*?[-–—,،|][\W_]*(?:[^\W\d_]+[\W_]*){1,3}")  # ", 12:28 کابل"


def _residue(part: str) -> str:
    """What is left of a line's text beside the date once times, labels and weekdays are gone."""
    return _FILLER.sub(" ", _TIME.sub(" ", fold(part)))


def _alone_on_line(text: str, start: int, end: int, language: str | None) -> FoundDate | None:
    """The date that stands alone on ``text[start:end]``, in ``text`` offsets, or None."""
    line = text[start:end]
    dates = find_dates(line, language)
    if not dates:
        return None
    first, pieces, cursor = dates[0], [], dates[0].end
    for other in dates[1:]:  # a second date on the line ("۱۴۰۰/۱۰/۱۷ - 2022-01-07") is no residue
        pieces.append(line[cursor : other.start])
        cursor = other.end
    before, after = _residue(line[: first.start]), _residue(" ".join([*pieces, line[cursor:]]))
    if not (_NOTHING.fullmatch(before) or _PLACE_BEFORE.fullmatch(before)):
        return None
    if not (_NOTHING.fullmatch(after) or _PLACE_AFTER.fullmatch(after)):
        return None
    return replace(first, start=start + first.start, end=start + first.end)


def _from_metadata(metadata: str, language: str | None) -> FoundDate | None:
    """The date a container gave (ISO 8601, RFC 822 or any form ``find_dates`` reads)."""
    machine = _machine_date(metadata.strip())
    if machine is not None:
        return FoundDate(machine.isoformat(), "day", "gregorian", 0, len(metadata), metadata)
    partial = _ISO_PARTIAL.fullmatch(ascii_digits(metadata))
    if partial:
        iso = gregorian_iso("gregorian", int(partial[1]), int(partial[2]) if partial[2] else None, None)
        return FoundDate(*iso, "gregorian", 0, len(metadata), metadata) if iso else None
    best = most_specific(find_dates(metadata, language))
    return replace(best, start=0, end=len(metadata), text=metadata) if best else None


def _machine_date(value: str) -> dt.date | None:
    """ISO 8601 or RFC 822 timestamps, as feeds, HTML meta tags and WARC headers write them."""
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def publication_date(text: str, metadata: str | None = None, language: str | None = None) -> FoundDate | None:
    """The publication date of an article.

    ``metadata`` (a date string from the container) wins when readable, spanning all of it. Else a
    date standing alone on one of the first 15 or last 10 non-empty lines of ``text``. Else None.
    """
    family = language_family(language, text) or language_family(None, metadata or "")
    if metadata and metadata.strip() and (given := _from_metadata(metadata, family)):
        return given
    lines = [match.span() for match in _LINE.finditer(text)]
    for start, end in dict.fromkeys(lines[:_HEAD_LINES] + lines[-_TAIL_LINES:]):
        if end - start <= _MAX_LINE and (alone := _alone_on_line(text, start, end, family)):
            return alone
    return None
