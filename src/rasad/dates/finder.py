"""Date expressions in text: named months of four calendars, numeric dates, years after a keyword.

Matching runs on the folded text (see ``_text``) with patterns compiled once at import. Month names
are found first (one trie-shaped pattern), then the day, doubled month name, year and era around
each are read with anchored patterns, so an article costs a few C-level passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rasad.dates._text import WORD_END as _R
from rasad.dates._text import WORD_START as _L
from rasad.dates._text import Prepared, fold, language_family, prepare
from rasad.dates.calendars import gregorian_iso, plausible_year
from rasad.dates.tables import TABLES, alternation, match_key, spelling_key


@dataclass(slots=True, unsafe_hash=True)  # see CONTRIBUTING, "Compiled modules"
class FoundDate:
    """A date in text: Gregorian ISO date of its precision, the calendar written, and the span."""

    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    precision: str  # "day" | "month" | "year"
    calendar: str  # "gregorian" | "solar_hijri" | "solar_hijri_afghan" | "lunar_hijri"
    start: int
    end: int
    text: str  # == the searched text[start:end]


@dataclass(slots=True, unsafe_hash=True)  # see CONTRIBUTING, "Compiled modules"
class Mention:
    """A date expression as written, in folded-text offsets; year (and day) may be missing."""

    start: int
    end: int
    calendar: str
    year: int | None
    month: int | None
    day: int | None
    direction: int = 0  # -1 «الماضي»/گذشته/"last", +1 «المقبل»/آینده/"next", 0 nearest
    year_offset: int | None = None  # "March last year" -> -1, «هذا العام» -> 0, "next year" -> +1


_ERAS = {
    "lunar_hijri": ("ه.ق", "ه ق", "هجری قمری", "قمری", "هجري", "هجرية", "للهجرة", "ه", "ق"),
    "solar_hijri": ("ه.ش", "ه ش", "هجری شمسی", "شمسی", "خورشیدی", "ش"),
    "gregorian": ("میلادی", "ميلادية", "م", "AD", "CE"),
}
_ERA_CALENDAR = {spelling_key(word): calendar for calendar, words in _ERAS.items() for word in words}
_ERA = rf"(?P<era>{alternation(fold(w) for ws in _ERAS.values() for w in ws)}){_R}"
_MONTH = alternation(TABLES.month_spellings)

# The whole-text scans are shaped for speed: no re.IGNORECASE (2-3x slower; Latin case is spelled
# out instead), and each starts with a character class so the engine skips through words quickly.
_MONTH_NAME = rf"(?P<pro>[وبلف])?(?P<name>{_MONTH})(?:\s?ماه)?{_R}"
_MONTH_AT_START = re.compile(_MONTH_NAME)
_MONTH_ANCHOR = re.compile(r"[\s\d()\[\]{}«»\"'“”‘’/\\\-–—،,.:;؛!?؟•*|]" + _MONTH_NAME)
_LEFT_DAY = re.compile(
    r"(?<![\d/.:])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:of\s+|من\s+)?(?:شهر\s+|ماه\s+)?\Z", re.I
)
_LEFT_MODIFIER = re.compile(r"(?P<word>last|next|this)\s+\Z", re.I)
_PAIR = re.compile(rf"\s*(?:[/\\\-–—]\s*|\(\s*|)(?P<name>{_MONTH}){_R}\s*\)?")  # / ( or a space
_TAIL = re.compile(  # the day after the month is English only: "March 3, 2014"
    r"(?:(?<=[A-Za-z.])\s*(?P<day>[0-3]?\d)(?i:st|nd|rd|th)?(?!\d))?"
    + fold(r"(?:\s*[,،]?\s*(?:(?i:of)\s+|من\s+)?(?:(?:ال)?عام|(?:ال)?سنة|سال)?\s*(?P<year>\d{4})(?!\d)")
    + rf"(?:\s*{_ERA})?)?"
)
_PAST_WORDS = "الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة|السابق|السابقة"
_NEXT_WORDS = "المقبل|المقبلة|القادم|القادمة"
_AFTER_RELATION = re.compile(
    r"\s*[,،]?\s*(?:"
    + fold(
        rf"(?P<ylast>(?:من\s+)?(?:العام|السنة)\s+(?:{_PAST_WORDS})|سال\s+(?:گذشته|قبل|پیش)|پارسال)"
        r"|(?P<ythis>(?:من\s+)?(?:هذا\s+العام|هذه\s+السنة|العام\s+(?:الجاري|الحالي)|السنة\s+(?:الجارية|الحالية))"
        r"|امسال|سال\s+جاری|الجاري|الجارية|الحالي|الحالية|جاری)"
        rf"|(?P<ynext>(?:من\s+)?(?:العام|السنة)\s+(?:{_NEXT_WORDS})|سال\s+(?:آینده|بعد))"
        rf"|(?P<past>{_PAST_WORDS}|گذشته)|(?P<next>{_NEXT_WORDS}|آینده|آتی)"
    )
    + r"|(?:of\s+)?(?P<ylast_en>last\s+year)|(?P<ythis_en>this\s+year)|(?P<ynext_en>next\s+year))"
    + _R,
    re.I,
)
_LEFT_RELATION = {"last": (-1, None), "next": (1, None), "this": (0, 0)}  # "last March"
_RELATION = {  # group name -> (direction, year offset)
    "ylast": (0, -1),
    "ythis": (0, 0),
    "ynext": (0, 1),
    "ylast_en": (0, -1),
    "ythis_en": (0, 0),
    "ynext_en": (0, 1),
    "past": (-1, None),
    "next": (1, None),
}
_NUMERIC = re.compile(
    r"(?P<a>\d(?<![\d/.\-]\d)\d{0,3})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
    rf"(?!\d|[/.\-]\d)(?:\s*{_ERA})?"
)
_YEAR = re.compile(rf"\d(?<!\d\d)\d{{3}}(?!\d|[/.\-]\d)(?:\s*{_ERA})?")
_YEAR_KEYWORD = re.compile(
    _L + fold(r"(?:(?P<noun>(?:ال)?عام|(?:ال)?سنة|سال|year)|(?P<prep>in|since|during|منذ))\s+\Z"), re.I
)


def _era(word: str | None) -> str | None:
    return _ERA_CALENDAR[match_key(word)] if word else None


def _named(match: re.Match[str], text: str) -> Mention | None:
    """The date around one month name, or None for an ambiguous name standing alone."""
    key = match_key(match["name"])
    calendar, month = TABLES.months[key]
    start, end = match.start("name"), match.end()
    day = year = None
    if not match["pro"]:
        left = _LEFT_DAY.search(text, max(0, start - 24), start)
        if left:
            day, start = int(left["day"]), left.start()
    pair = _PAIR.match(text, end)
    paired = pair is not None and TABLES.months[match_key(pair["name"])] == (calendar, month)
    if pair is not None and paired:
        end = pair.end()
    tail = _TAIL.match(text, end)
    assert tail is not None  # every part of the pattern is optional: it matches, if only empty
    if not (tail["day"] and day is not None):  # in "3 March 4 ..." the 4 is not this date's
        if tail["day"]:
            day, end = int(tail["day"]), tail.end("day")
        if tail["year"] and plausible_year(calendar, int(tail["year"])):
            year, end = int(tail["year"]), tail.end()
    direction, year_offset = 0, None
    if year is None:
        relation = _AFTER_RELATION.match(text, end)
        if relation:
            direction, year_offset = _RELATION[relation.lastgroup or ""]
            end = relation.end()
        elif day is None and (modifier := _LEFT_MODIFIER.search(text, max(0, start - 8), start)):
            direction, year_offset = _LEFT_RELATION[modifier["word"].lower()]
            start = modifier.start()
    anchored = day is not None or year is not None or paired or direction or year_offset is not None
    if key in TABLES.ambiguous_months and not anchored:
        return None
    return Mention(start, end, calendar, year, month, day, direction, year_offset)


def _numeric(match: re.Match[str], family: str | None) -> Mention | None:
    """20/01/2022, 2022-01-20, 20.01.2022, 1396/06/21: a year below 1500 is Hijri by language."""
    first, middle, last = match["a"], int(match["b"]), match["c"]
    if len(first) == 4 and len(last) <= 2:
        year, month, day = int(first), middle, int(last)
    elif len(first) <= 2 and len(last) == 4:
        year, month, day = int(last), middle, int(first)
        if month > 12 >= day:  # 01/20/2022, the US order
            month, day = day, month
    else:
        return None
    calendar = _era(match["era"])
    if calendar is None:
        if plausible_year("gregorian", year):
            calendar = "gregorian"
        elif family in ("fa", "ar"):
            calendar = "solar_hijri" if family == "fa" else "lunar_hijri"
        else:
            return None
    return Mention(match.start(), match.end(), calendar, year, month, day)


def _year_only(match: re.Match[str], text: str, family: str | None) -> Mention | None:
    """«عام 2006», «سال ۱۳۹۵», "in 2006": a year after a keyword; a Persian one below 1500 is solar."""
    keyword = _YEAR_KEYWORD.search(text, max(0, match.start() - 12), match.start())
    if not keyword:
        return None
    year = int(match[0][:4])
    calendar = _era(match["era"])
    if calendar is None:
        persian = family == "fa" or keyword["noun"] == "سال"  # the Persian word for year
        solar = persian and plausible_year("solar_hijri", year)
        calendar = "solar_hijri" if solar else "gregorian"
    start = match.start() if keyword["prep"] else keyword.start()
    return Mention(start, match.end(), calendar, year, None, None)


def mentions(prep: Prepared, family: str | None) -> Iterator[Mention]:
    """Every candidate date expression in folded text, overlapping and unordered."""
    text = prep.text
    first = _MONTH_AT_START.match(text)
    for match in (first, *_MONTH_ANCHOR.finditer(text, first.end() if first else 0)):
        if match and (mention := _named(match, text)):
            yield mention
    for match in _NUMERIC.finditer(text):
        if mention := _numeric(match, family):
            yield mention
    for match in _YEAR.finditer(text):
        if mention := _year_only(match, text, family):
            yield mention


def found(text: str, prep: Prepared, span: tuple[int, int], calendar: str, iso: tuple[str, str]) -> FoundDate:
    """A FoundDate for a folded-text span, mapped back to the original ``text``."""
    start, end = prep.span_to_original(*span)
    return FoundDate(iso[0], iso[1], calendar, start, end, text[start:end])


PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def most_specific(dates: Iterable[FoundDate]) -> FoundDate | None:
    """The most specific date (day, then month, then year), the first of those."""
    return min(dates, key=lambda d: (PRECISION_RANK[d.precision], d.start), default=None)


def leftmost_longest(dates: Iterable[FoundDate]) -> list[FoundDate]:
    """Non-overlapping dates in text order, the longest winning where two start together."""
    kept: list[FoundDate] = []
    for date in sorted(dates, key=lambda d: (d.start, -d.end)):
        if not kept or date.start >= kept[-1].end:
            kept.append(date)
    return kept


def find_dates(text: str, language: str | None = None) -> list[FoundDate]:
    """Every absolute date expression in text, in order, non-overlapping (longest match).

    Expressions without a year ("22 كانون الأول الماضي") need a reference date: see
    ``resolve_event_date``. Dates that do not exist (31 حوت, 30 February) are skipped.
    """
    prep = prepare(text)
    family = language_family(language, text)
    dates = []
    for mention in mentions(prep, family):
        if mention.year is None:
            continue
        if iso := gregorian_iso(mention.calendar, mention.year, mention.month, mention.day):
            dates.append(found(text, prep, (mention.start, mention.end), mention.calendar, iso))
    return leftmost_longest(dates)
