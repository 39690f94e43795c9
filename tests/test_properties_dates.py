"""Properties of date finding: nothing raises, spans slice the text, and any date written in any
calendar, with any spelling of its month and any digits, reads back as the same Gregorian day."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from rasad.dates import find_dates, latest_date, publication_date, resolve_event_date
from rasad.dates.calendars import from_gregorian
from strategies import (
    BIDI_MARKS,
    DIACRITICS,
    FRAGMENTS,
    PRESENTATION,
    TATWEEL,
    any_news_text,
    digits,
    month_spellings,
    news_text,
)

LANGUAGE_HINTS = st.sampled_from([None, "ar", "fa", "en", "prs", "ur", "und"])
ISO_BY_PRECISION = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
# Days every calendar's tables cover (Umm al-Qura: 1343..1500 AH).
DAYS = st.dates(dt.date(1925, 1, 1), dt.date(2076, 12, 31))
ERAS = {"gregorian": ["م", "ميلادية", "میلادی", "AD"], "lunar_hijri": ["هـ", "ه.ق", "هجری قمری"]}
ERAS |= {"solar_hijri": ["ه.ش", "هجری شمسی", "ش"], "solar_hijri_afghan": ["ه.ش", "هجری شمسی"]}
CONTEXT = {"gregorian": "en", "solar_hijri": "fa", "solar_hijri_afghan": "fa", "lunar_hijri": "ar"}


def check_found(text: str, dates: list) -> None:
    for found in dates:
        assert text[found.start : found.end] == found.text
        assert re.fullmatch(ISO_BY_PRECISION[found.precision], found.date)
    assert all(a.end <= b.start for a, b in pairwise(dates))


@given(any_news_text, LANGUAGE_HINTS)
def test_finding_dates_never_raises_and_every_span_slices_the_text(text: str, language: str | None) -> None:
    check_found(text, find_dates(text, language))
    latest = latest_date(text, language)
    assert latest is None or re.fullmatch(ISO_BY_PRECISION["day"], latest)


@given(any_news_text, st.one_of(st.none(), st.text(max_size=40), news_text(max_tokens=4)), LANGUAGE_HINTS)
def test_publication_date_never_raises_and_names_its_words(text: str, metadata: str | None, language) -> None:
    found = publication_date(text, metadata, language)
    if found is not None:
        assert re.fullmatch(ISO_BY_PRECISION[found.precision], found.date)
        source = metadata if metadata and found.text == metadata else text
        assert source[found.start : found.end] == found.text


@given(news_text(max_tokens=20), st.one_of(st.none(), st.text(max_size=12), DAYS.map(str)), LANGUAGE_HINTS)
def test_event_dates_never_raise_and_slice_the_sentence(
    sentence: str, published: str | None, language
) -> None:
    found = resolve_event_date(sentence, published, language)
    assert found is None or sentence[found.start : found.end] == found.text


@st.composite
def month_name(draw: st.DrawFn, calendar: str, month: int) -> str:
    """A spelling of the month from the tables, perhaps with marks, tatweel or glyph forms in it."""
    name = draw(st.sampled_from(month_spellings()[calendar][month]))
    damage = draw(st.sampled_from(["none", "marks", "bidi", "glyphs", "mah"]))
    if damage in ("marks", "bidi") and not name.isascii():
        at = draw(st.integers(1, len(name) - 1))
        marks = [TATWEEL, *DIACRITICS] if damage == "marks" else list(BIDI_MARKS)
        name = name[:at] + draw(st.sampled_from(marks)) + name[at:]
    elif damage == "glyphs":
        name = "".join(PRESENTATION[c][-1] if c in PRESENTATION and draw(st.booleans()) else c for c in name)
    elif damage == "mah" and calendar.startswith("solar_hijri"):
        name += draw(st.sampled_from([" ماه", "\u200cماه", "ماه"]))
    return name


@given(st.data(), DAYS, st.sampled_from(sorted(CONTEXT)), st.sampled_from(["en", "fa", "ar"]))
def test_a_written_date_reads_back_as_the_same_day(
    data: st.DataObject, day: dt.date, calendar: str, style: str
) -> None:
    year, month, mday = from_gregorian(calendar, day)
    name = data.draw(month_name(calendar, month), label="month")
    written_day, written_year = digits(mday, style), digits(year, style)
    if name.isascii() and data.draw(st.booleans(), label="month first"):
        written = f"{name} {written_day}, {written_year}"
    else:
        written = f"{written_day} {name} {written_year}"
    bare = written
    if data.draw(st.booleans(), label="era"):
        written += " " + data.draw(st.sampled_from(ERAS[calendar]), label="era word")
    words = FRAGMENTS[CONTEXT[calendar]]
    before = data.draw(st.lists(st.sampled_from(words), max_size=4), label="before")
    after = data.draw(st.lists(st.sampled_from(words), max_size=4), label="after")
    text = " ".join([*before, written, *after]) + "."
    found = find_dates(text, data.draw(LANGUAGE_HINTS, label="language"))
    assert [(f.date, f.precision, f.calendar) for f in found] == [(day.isoformat(), "day", calendar)]
    assert found[0].text in (written, bare)
    check_found(text, found)
