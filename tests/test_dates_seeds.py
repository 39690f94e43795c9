"""Acceptance on the real seed articles in ../shared/seeds (skipped when they are not there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.dates import find_dates, publication_date, resolve_event_date

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def seed(number: str) -> str:
    paths = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not paths:
        pytest.skip(f"seed article {number} not found in {SEEDS}")
    return paths[0].read_text(encoding="utf-8")


def test_seed_001_date_line_under_the_title() -> None:
    text = seed("001")
    found = publication_date(text)
    assert found is not None
    assert (found.date, found.precision, found.calendar, found.text) == (
        "2022-01-20",
        "day",
        "gregorian",
        "20/01/2022",
    )
    assert text[found.start : found.end] == "20/01/2022"


def test_seed_003_afghan_date_line_at_the_end() -> None:
    text = seed("003")
    found = publication_date(text, language="fa")
    assert found is not None
    assert (found.date, found.precision, found.calendar, found.text) == (
        "2017-09-12",
        "day",
        "solar_hijri_afghan",
        "21 سنبله 1396",
    )
    assert text[found.start : found.end] == "21 سنبله 1396"
    assert publication_date(text) == found  # the same without a language hint


@pytest.mark.parametrize("number", ["000", "002", "004"])
def test_seeds_with_dates_only_inside_sentences_have_no_publication_date(number: str) -> None:
    assert publication_date(seed(number)) is None


def test_seed_002_and_004_sentence_dates_are_event_dates() -> None:
    assert "يناير 2022" in [d.text for d in find_dates(seed("002"))]
    sentence = next(line for line in seed("004").splitlines() if "22 كانون الأول/ ديسمبر" in line)
    found = resolve_event_date(sentence, "2022-01-20", "ar")
    assert found is not None
    assert (found.text, found.date, found.precision) == ("22 كانون الأول/ ديسمبر الماضي", "2021-12-22", "day")


def test_seed_001_doubled_dates_in_the_body() -> None:
    dates = {d.text: d.date for d in find_dates(seed("001"))}
    assert dates["12 كانون الثاني (يناير) 2022"] == "2022-01-12"
    assert dates["14 كانون الأول (ديسمبر) 2016"] == "2016-12-14"
    assert dates["آذار (مارس) 1992"] == "1992-03"
