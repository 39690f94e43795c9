"""Boilerplate lines inside article text: marked (never deleted) so later stages skip them.

Scraped articles carry lines that belong to the site, not the story: "اقرأ أيضاً: …" links to
other articles, "هل أعجبك الموضوع؟" share prompts, "Comments", calls to submit articles.
Coding them would invent events (a related-article headline is another story). They are
kept as spans of the original text so offsets never shift. Pull quotes, a line repeated
verbatim from earlier in the article, are marked too: they are the same sentence again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate

import yaml

from rasad.text.normalize import NormalizedText, normalize_string

KINDS = frozenset({"related", "share", "submission", "navigation", "comments", "end", "repeated"})
LANGUAGES = frozenset({"ar", "fa", "en"})
_BULLETS = " \t•*-–—|>#"
MAX_LINES_COMPARED = 400


@dataclass(slots=True, unsafe_hash=True)  # see CONTRIBUTING, "Compiled modules"
class BoilerplateSpan:
    """A line of the original text that is not part of the article."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class BoilerplatePattern:
    lang: str
    kind: str
    regex: re.Pattern[str]


def load_patterns(path: str | None = None) -> list[BoilerplatePattern]:
    """Load and compile the boilerplate table (the packaged one by default)."""
    if path is None:
        raw = resources.files("rasad.text").joinpath("data/boilerplate.yaml").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    problems = validate_patterns(yaml.safe_load(raw))
    if problems:
        raise ValueError("boilerplate table: " + "; ".join(problems))
    table = yaml.safe_load(raw)
    compiled = []
    for row in table["patterns"]:
        suffix = r"\s*[.:؟?!…]*\s*$" if row.get("whole") else ""
        compiled.append(BoilerplatePattern(row["lang"], row["kind"], re.compile(row["pattern"] + suffix)))
    return compiled


def validate_patterns(table: object) -> list[str]:
    """Problems in a boilerplate table (empty when it is fine)."""
    if not isinstance(table, dict) or not isinstance(table.get("patterns"), list):
        return ["the file must hold a mapping with a 'patterns' list"]
    problems = []
    seen = set()
    for number, row in enumerate(table["patterns"], 1):
        if not isinstance(row, dict):
            problems.append(f"row {number}: not a mapping")
            continue
        if row.get("lang") not in LANGUAGES:
            problems.append(f"row {number}: lang must be one of {sorted(LANGUAGES)}")
        if row.get("kind") not in KINDS:
            problems.append(f"row {number}: kind must be one of {sorted(KINDS)}")
        pattern = row.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            problems.append(f"row {number}: pattern missing")
            continue
        try:
            re.compile(pattern)
        except re.error as error:
            problems.append(f"row {number}: bad regular expression {pattern!r}: {error}")
        if pattern in seen:
            problems.append(f"row {number}: duplicate pattern {pattern!r}")
        seen.add(pattern)
    return problems


@cache
def _packaged_matcher() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """All packaged patterns as one alternation (a group per pattern) and the kind of each group.

    At the start of a line the alternation succeeds with the first pattern, in table order, that
    matches: the same answer as trying the patterns one by one, in one call instead of thirty.
    """
    patterns = load_patterns()
    alternation = "|".join(f"(?P<p{number}>{p.regex.pattern})" for number, p in enumerate(patterns))
    return re.compile(alternation), tuple(p.kind for p in patterns)


def find_boilerplate(text: str, normalized: NormalizedText | None = None) -> list[BoilerplateSpan]:
    """Boilerplate lines of ``text`` as spans of the original text.

    ``normalized``, the normalisation of ``text`` when the caller has it, saves normalising each
    line again: normalisation works character by character, so a line's normal form is the
    normalised text between the line's two offsets.
    """
    matcher, kinds = _packaged_matcher()
    lines = _stripped_lines(text)
    if normalized is None:
        keys = [normalize_string(line) for _, line in lines]
    else:
        to_normalized = normalized.to_normalized
        keys = [
            normalized.text[to_normalized(start) : to_normalized(start + len(line))] for start, line in lines
        ]
    longer = _LongerLines(keys)
    compared = len(keys) <= MAX_LINES_COMPARED
    earlier: set[str] = set()  # the keys of the lines before the current one
    spans: list[BoilerplateSpan] = []
    for (start, line), key in zip(lines, keys, strict=True):
        match = matcher.match(key)
        kind = kinds[int(match.lastgroup[1:])] if match and match.lastgroup else None
        if kind is None and compared and _is_pull_quote(key, earlier, longer):
            kind = "repeated"
        if kind is not None:
            spans.append(BoilerplateSpan(start, start + len(line), kind))
        earlier.add(key)
    return spans


def _stripped_lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines without bullets, with their start offsets."""
    lines = []
    line_start = 0
    for line in text.split("\n"):
        stripped = line.strip(_BULLETS)
        if stripped:
            lines.append((line_start + line.index(stripped), stripped))
        line_start += len(line) + 1
    return lines


class _LongerLines:
    """The lines of an article longest first, in one string, to ask at once whether any line longer
    than a given length contains some words (a line holds no newline, so no match straddles two)."""

    def __init__(self, keys: list[str]) -> None:
        by_length = sorted(keys, key=len, reverse=True)
        self._negated_lengths = [-len(key) for key in by_length]
        self._joined = "\n".join(by_length)
        self._ends = list(accumulate(len(key) + 1 for key in by_length))

    def contain(self, words: str, length: int) -> bool:
        """True when a line longer than ``length`` contains ``words``."""
        longer = bisect.bisect_left(self._negated_lengths, -length)
        return bool(longer) and self._joined.find(words, 0, self._ends[longer - 1] - 1) != -1


def _is_pull_quote(key: str, earlier: set[str], longer: _LongerLines) -> bool:
    """A line said again: identical to an earlier line, or a short line found inside a paragraph."""
    if len(key) < 20:
        return False
    if key in earlier:
        return True
    # "Name: quoted words" pull quotes repeat only the words after the colon.
    quote = key.split(":", 1)[1] if ":" in key[:80] else key
    quote = quote.strip(" .:؟?!\"'«»“”")
    if len(quote) < 20:
        return False
    return longer.contain(quote, len(key))
