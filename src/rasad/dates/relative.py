"""The date an event sentence speaks of: absolute, yearless or relative to the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from rasad.dates._text import WORD_END as _R
from rasad.dates._text import WORD_START as _L
from rasad.dates._text import Prepared, fold, language_family, prepare
from rasad.dates.calendars import from_gregorian, gregorian_iso, plausible_year, to_gregorian
from rasad.dates.finder import PRECISION_RANK as _RANK
from rasad.dates.finder import (
    FoundDate,
    Mention,
    find_dates,
    found,
    leftmost_longest,
    mentions,
    most_specific,
)
from rasad.dates.tables import TABLES, alternation, match_key
from rasad.text.digits import ascii_digits

# (unit, offset, phrases as folded regex fragments). "week" resolves to the month holding the day a
# week before/after publication, at month precision: the day itself would claim more than is known.
_RELATIVE_WORDS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("day", -2, ("أول من أمس", "أول أمس", "پریروز", "the day before yesterday")),
    ("day", -1, ("البارحة", "الأمس", "أمس", "دیروز", "yesterday")),
    ("day", 0, ("اليوم(?!\\s+(?:التالي|الأول|الثاني|الأخير|نفسه|ذاته|الوطني|العالمي))", "امروز", "today")),
    ("day", 1, ("غدا", "فردا", "tomorrow")),
    ("week", -1, ("الأسبوع الماضي", "الأسبوع المنصرم", "هفته گذشته", "هفته قبل", "هفته پیش", "last week")),
    ("week", 1, ("الأسبوع المقبل", "الأسبوع القادم", "هفته آینده", "next week")),
    (
        "month",
        -1,
        ("الشهر الماضي", "الشهر المنصرم", "الشهر الفائت", "ماه گذشته", "ماه قبل", "ماه پیش", "last month"),
    ),
    ("month", 0, ("الشهر الجاري", "الشهر الحالي", "هذا الشهر", "ماه جاری", "این ماه", "this month")),
    ("month", 1, ("الشهر المقبل", "الشهر القادم", "ماه آینده", "next month")),
    (
        "year",
        -1,
        (
            "العام الماضي",
            "السنة الماضية",
            "العام المنصرم",
            "العام الفائت",
            "سال گذشته",
            "سال قبل",
            "پارسال",
            "last year",
        ),
    ),
    (
        "year",
        0,
        (
            "هذا العام",
            "العام الجاري",
            "العام الحالي",
            "هذه السنة",
            "السنة الحالية",
            "امسال",
            "سال جاری",
            "this year",
        ),
    ),
    ("year", 1, ("العام المقبل", "العام القادم", "السنة المقبلة", "سال آینده", "next year")),
)
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}  # of the reference
_RELATIVE = re.compile(
    _L
    + "(?:"
    + "|".join(f"(?P<r{i}>{'|'.join(map(fold, words))})" for i, (_, _, words) in enumerate(_RELATIVE_WORDS))
    + ")"
    + _R,
    re.I,
)
# "دو سال گذشته" is "the past two years", not last year.
_COUNTED = re.compile(r"(?:\d+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند|چندین)\s+\Z")
_WEEKDAY = re.compile(  # the names' Latin case is spelled out by alternation(), so no re.I here
    rf"{_L}(?:(?P<on>(?i:on))\s+)?(?P<span>(?:(?P<pre>{fold('يوم')}|روز|(?i:last|next|this))\s+)?"
    rf"(?P<name>{alternation(TABLES.weekday_spellings)}){_R}"
    + fold(r"(?:\s+(?:(?P<past>الماضي|المنصرم|الفائت|گذشته)|(?P<next>المقبل|القادم|آینده)))?)")
    + _R
)
_SET_OFF_BEFORE = re.compile(r"[،,(\-–—]\s*\Z")
_SET_OFF_AFTER = re.compile(r"\s*[،,)\-–—]")
_PUBLISHED = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _published(published: str | None) -> tuple[dt.date, str] | None:
    """(date, precision) of an ISO date or date-time string; None if absent or unreadable."""
    match = _PUBLISHED.match(ascii_digits(published)) if published else None
    if not match:
        return None
    year = int(match[1])
    month, day = (int(group) if group else None for group in match.groups()[1:])
    if not plausible_year("gregorian", year):  # also keeps date arithmetic far from its limits
        return None
    try:
        date = dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return date, "day" if day else "month" if month else "year"


def _year_for(mention: Mention, published: dt.date) -> int | None:
    """The year of a yearless date: the nearest occurrence to publication, or per «الماضي»/"next"."""
    calendar, month = mention.calendar, mention.month
    if month is None:
        return None
    local = from_gregorian(calendar, published)
    if local is None:
        return None
    pub_year, pub_month, _ = local
    if mention.year_offset is not None:
        return pub_year + mention.year_offset
    options = []  # (signed distance from publication in days or months, year)
    for year in (pub_year - 1, pub_year, pub_year + 1):
        if mention.day is None:
            options.append(((year - pub_year) * 12 + month - pub_month, year))
        elif date := to_gregorian(calendar, year, month, mention.day):
            options.append(((date - published).days, year))
    if mention.direction < 0:  # the most recent day on or before, month strictly before
        options = [o for o in options if o[0] < 0 or (o[0] == 0 and mention.day is not None)]
        return max(options)[1] if options else None
    if mention.direction > 0:
        options = [o for o in options if o[0] > 0]
        return min(options)[1] if options else None
    return min(options, key=lambda o: (abs(o[0]), o[0]))[1] if options else None


def _yearless(mention: Mention, anchor: tuple[dt.date, str] | None) -> tuple[str, str] | None:
    if anchor is None or _RANK[anchor[1]] > _RANK["day" if mention.day is not None else "month"]:
        return None
    year = _year_for(mention, anchor[0])
    return gregorian_iso(mention.calendar, year, mention.month, mention.day) if year else None


def _shift(anchor: tuple[dt.date, str], unit: str, offset: int) -> tuple[str, str] | None:
    """Publication date moved by ``offset`` units, at the precision the unit allows."""
    published, precision = anchor
    if _RANK[precision] > _RANK[_UNIT_PRECISION[unit]]:
        return None
    if unit == "day":
        return (published + dt.timedelta(days=offset)).isoformat(), "day"
    if unit == "week":
        return f"{published + dt.timedelta(weeks=offset):%Y-%m}", "month"
    if unit == "month":
        year, month0 = divmod(published.year * 12 + published.month - 1 + offset, 12)
        return f"{year:04d}-{month0 + 1:02d}", "month"
    return f"{published.year + offset:04d}", "year"


def _weekday(match: re.Match[str], text: str, published: dt.date) -> str | None:
    """ISO date of a weekday: the latest on or before publication, or per "last"/«المقبل»."""
    key = match_key(match["name"])
    if key in TABLES.ambiguous_weekdays and not (
        match["on"]
        or match["pre"]
        or match["past"]
        or match["next"]
        or _SET_OFF_BEFORE.search(text, max(0, match.start() - 4), match.start())
        or _SET_OFF_AFTER.match(text, match.end())
    ):
        return None
    weekday = TABLES.weekdays[key]
    pre = (match["pre"] or "").lower()
    if match["next"] or pre == "next":
        return (published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)).isoformat()
    back = (published.weekday() - weekday) % 7
    if match["past"] or pre == "last":
        back = back or 7
    return (published - dt.timedelta(days=back)).isoformat()


def _cores(fragments: Iterable[str], spaced: bool = True) -> frozenset[str] | None:
    """What any match of one of the regex fragments contains: the plain text each starts with, lower-
    cased; its longest word unless ``spaced`` (its spaces match a space); None when a fragment
    starts with regex syntax and so promises nothing."""
    plain = (_SYNTAX.split(fragment, maxsplit=1)[0] for fragment in fragments)
    cores = frozenset((text if spaced else max(text.split(" "), key=len)).lower() for text in plain)
    return None if "" in cores else cores


_SYNTAX = re.compile(r"[\\()\[\]{}?*+|.^$]")
# Letters that re.IGNORECASE takes for Latin ones and str.lower() does not turn into them.
_CASE_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")
_RELATIVE_CORES = _cores(fold(word) for _, _, words in _RELATIVE_WORDS for word in words)
_WEEKDAY_CORES = _cores(TABLES.weekday_spellings, spaced=False)  # alternation(): a space matches any or none


def _may_match(cores: frozenset[str] | None, lowered: str, lookalikes: bool) -> bool:
    """False when the text holds none of a pattern's cores, so the pattern cannot match: most
    sentences, spared a regular expression that tries every alternative at every character."""
    return cores is None or lookalikes or any(core in lowered for core in cores)


def _relative(sentence: str, prep: Prepared, anchor: tuple[dt.date, str]) -> list[FoundDate]:
    """Dates from words like «أمس», سال گذشته, "last month" and weekday names."""
    text, dates = prep.text, []
    lowered, lookalikes = text.lower(), _CASE_LOOKALIKES.search(text) is not None
    matches = _RELATIVE.finditer(text) if _may_match(_RELATIVE_CORES, lowered, lookalikes) else ()
    for match in matches:
        unit, offset, _ = _RELATIVE_WORDS[int((match.lastgroup or "")[1:])]
        if unit != "day" and _COUNTED.search(text, max(0, match.start() - 8), match.start()):
            continue
        if iso := _shift(anchor, unit, offset):
            dates.append(found(sentence, prep, match.span(), "gregorian", iso))
    return dates + _weekdays(sentence, prep, anchor, lowered, lookalikes)


def _weekdays(
    sentence: str, prep: Prepared, anchor: tuple[dt.date, str], lowered: str, lookalikes: bool
) -> list[FoundDate]:
    """Dates from weekday names, where the publication date is known to the day."""
    dates: list[FoundDate] = []
    if anchor[1] != "day" or not _may_match(_WEEKDAY_CORES, lowered, lookalikes):
        return dates
    for match in _WEEKDAY.finditer(prep.text):
        if day := _weekday(match, prep.text, anchor[0]):
            dates.append(found(sentence, prep, match.span("span"), "gregorian", (day, "day")))
    return dates


# The coder asks once per event, and a sentence often holds several: the answer (immutable) is kept
# for the last sentences asked about.
@lru_cache(maxsize=64)
def resolve_event_date(sentence: str, published: str | None, language: str | None = None) -> FoundDate | None:
    """The date an event sentence speaks of, absolute or relative to ``published`` (ISO date string).

    A date written in the sentence wins over relative words; a yearless one takes its year from
    ``published`` (the nearest occurrence; with «الماضي»/گذشته/"last" the latest on or before it).
    Among several, the most specific (day, then month, then year) and then the first is returned.
    """
    prep = prepare(sentence)
    family = language_family(language, sentence)
    anchor = _published(published)
    written = []
    for mention in mentions(prep, family):
        if mention.year is not None:
            iso = gregorian_iso(mention.calendar, mention.year, mention.month, mention.day)
        else:
            iso = _yearless(mention, anchor)
        if iso:
            written.append(found(sentence, prep, (mention.start, mention.end), mention.calendar, iso))
    best = most_specific(leftmost_longest(written))
    if best is not None or anchor is None:
        return best
    return most_specific(leftmost_longest(_relative(sentence, prep, anchor)))


def latest_date(text: str, language: str | None = None) -> str | None:
    """The last day of the latest period the text dates (``2021`` -> ``2021-12-31``), or None.

    An article without a publication date still dates itself by what it reports; its latest date is
    the best anchor for expressions without a year ("22 December last").
    """
    latest: dt.date | None = None
    for dated in find_dates(text, language):
        year, month, day = (int(part) for part in [*dated.date.split("-"), "0", "0"][:3])
        if not month:
            end = dt.date(year, 12, 31)
        elif not day:
            end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            end = dt.date(year, month, day)
        latest = end if latest is None else max(latest, end)
    return latest.isoformat() if latest else None
