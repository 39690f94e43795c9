"""Month and weekday names: loaded from ``data/months.yaml``, checked, compiled once at import."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from rasad.dates._text import fold

MONTHS_FILE = Path(__file__).with_name("data") / "months.yaml"
CALENDARS = ("gregorian", "solar_hijri", "solar_hijri_afghan", "lunar_hijri")


def match_key(folded: str) -> str:
    """The lookup key of already folded words (a match in prepared text): no case, no spaces."""
    return "".join(folded.split()).casefold()


def spelling_key(spelling: str) -> str:
    """The lookup key of a spelling as written in the table or the text."""
    return match_key(fold(spelling))


@dataclass(frozen=True, slots=True)
class NameTables:
    """Month and weekday names ready for matching."""

    months: dict[str, tuple[str, int]]  # key -> (calendar, month number)
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]  # key -> date.weekday()
    ambiguous_weekdays: frozenset[str]
    month_spellings: tuple[str, ...]  # folded, for building patterns
    weekday_spellings: tuple[str, ...]


def _read(source: Path | str | Mapping[str, Any] | None) -> Any:
    if source is None:
        source = MONTHS_FILE
    if isinstance(source, Mapping):
        return source
    with open(source, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C speed, still safe


def _numbered(section: Any, where: str, first: int, last: int, problems: list[str]) -> dict[int, list[str]]:
    """``{number: [spelling, ...]}`` of one section, reporting every shape problem it has."""
    if not isinstance(section, Mapping):
        problems.append(f"{where}: expected a mapping of numbers {first}..{last} to lists of spellings")
        return {}
    numbered: dict[int, list[str]] = {}
    for raw_key, spellings in section.items():
        number = raw_key if isinstance(raw_key, int) else int(raw_key) if str(raw_key).isdigit() else None
        if number is None or not first <= number <= last:
            problems.append(f"{where}: {raw_key!r} is not a number {first}..{last}")
            continue
        if not isinstance(spellings, list) or not spellings:
            problems.append(f"{where} {number}: expected a non-empty list of spellings")
            continue
        good = [s for s in spellings if isinstance(s, str) and spelling_key(s)]
        if len(good) != len(spellings):
            problems.append(f"{where} {number}: empty or non-text spelling in {spellings!r}")
        numbered[number] = good
    missing = sorted(set(range(first, last + 1)) - set(numbered))
    if missing:
        problems.append(f"{where}: missing number(s) {', '.join(map(str, missing))}")
    return numbered


def _index(
    entries: Iterable[tuple[str, int, str]], what: str, problems: list[str]
) -> dict[str, tuple[str, int]]:
    """Key -> (group, number); a spelling meaning two different things is a problem."""
    index: dict[str, tuple[str, int]] = {}
    for group, number, spelling in entries:
        key = spelling_key(spelling)
        seen = index.setdefault(key, (group, number))
        if seen != (group, number):
            problems.append(
                f"{what} spelling {spelling!r} means {seen[0]} {seen[1]} and also {group} {number}"
            )
    return index


def _check_ambiguous(
    listed: Any, index: Mapping[str, Any], where: str, problems: list[str]
) -> frozenset[str]:
    if listed is None:
        return frozenset()
    if not isinstance(listed, list):
        problems.append(f"{where}: expected a list of spellings")
        return frozenset()
    keys = set()
    for spelling in listed:
        if not isinstance(spelling, str) or spelling_key(spelling) not in index:
            problems.append(f"{where}: {spelling!r} is not a spelling listed above")
        else:
            keys.add(spelling_key(spelling))
    return frozenset(keys)


def _build(data: Any) -> tuple[NameTables | None, list[str]]:
    problems: list[str] = []
    if not isinstance(data, Mapping):
        return None, ["the file is not a YAML mapping"]
    if not isinstance(data.get("version"), int):
        problems.append("version: missing or not an integer")
    calendars = data.get("calendars")
    if not isinstance(calendars, Mapping):
        return None, [*problems, "calendars: missing or not a mapping"]
    problems.extend(f"calendars: unknown calendar {name!r}" for name in calendars if name not in CALENDARS)
    month_entries: list[tuple[str, int, str]] = []
    for calendar in CALENDARS:
        if calendar not in calendars:
            problems.append(f"calendars: {calendar} is missing")
            continue
        numbered = _numbered(calendars[calendar], calendar, 1, 12, problems)
        month_entries += [(calendar, n, s) for n, spellings in numbered.items() for s in spellings]
    months = _index(month_entries, "month", problems)
    weekday_entries = [
        ("weekday", n, s)
        for n, spellings in _numbered(data.get("weekdays"), "weekdays", 0, 6, problems).items()
        for s in spellings
    ]
    weekdays = _index(weekday_entries, "weekday", problems)
    clashes = sorted(set(months) & set(weekdays))
    problems.extend(f"{key!r} is both a month and a weekday" for key in clashes)
    tables = NameTables(
        months=months,
        ambiguous_months=_check_ambiguous(data.get("ambiguous"), months, "ambiguous", problems),
        weekdays={key: number for key, (_, number) in weekdays.items()},
        ambiguous_weekdays=_check_ambiguous(
            data.get("ambiguous_weekdays"), weekdays, "ambiguous_weekdays", problems
        ),
        month_spellings=tuple(sorted({fold(s) for _, _, s in month_entries})),
        weekday_spellings=tuple(sorted({fold(s) for _, _, s in weekday_entries})),
    )
    return tables, problems


def validate_month_tables(source: Path | str | Mapping[str, Any] | None = None) -> list[str]:
    """Problems in a month table (the shipped file by default; a path or a loaded mapping), [] if none."""
    try:
        data = _read(source)
    except (OSError, yaml.YAMLError) as error:
        return [f"cannot read the table: {error}"]
    return _build(data)[1]


def load_month_tables(source: Path | str | Mapping[str, Any] | None = None) -> NameTables:
    """The tables ready for matching; raises ValueError listing the problems of a broken table."""
    tables, problems = _build(_read(source))
    if problems or tables is None:
        raise ValueError("month table problems:\n" + "\n".join(problems))
    return tables


def alternation(spellings: Iterable[str]) -> str:
    """A regex matching any of the folded ``spellings``, longest first, factored as a trie.

    A trie keeps one pass over an article cheap; a space in a spelling matches any run of
    whitespace or none ("ذوالقعدة", "ذو القعدة"). Latin spellings match in lower case, Capitalised
    or UPPER CASE: spelled out rather than with re.IGNORECASE, which makes every scan 2-3x slower.
    """
    trie: dict[str, dict] = {}
    cased = {v for s in spellings for v in (s.lower(), s[:1].upper() + s[1:].lower(), s.upper())}
    for spelling in cased:
        node = trie
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [(r"\s*" if c == " " else re.escape(c)) + build(child) for c, child in node.items() if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


TABLES = load_month_tables()
