"""Sentence segmentation for Arabic, Persian and English news text.

Rules, not a model: lines (paragraphs) always end a sentence, and . ! ? ؟ … end one unless
they sit inside a number (3.5), close an abbreviation or an initial (U.S., Dr.), or are the
Arabic press's two-dot pause ("كازاخستان.. لا يوجد"). Persian copy often omits the space
after a full stop ("است.برخی"), so a stop directly followed by a letter still splits.
The Arabic comma and semicolon (، ؛) are clause marks in this press and never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True, unsafe_hash=True)  # see CONTRIBUTING, "Compiled modules"
class Sentence:
    """A sentence as a span of the original text."""

    start: int
    end: int


ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "prof",
        "sen",
        "rep",
        "gov",
        "pres",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "etc",
        "no",
        "e.g",
        "i.e",
        "inc",
        "corp",
        "ltd",
        "co",
        "jr",
        "sr",
        "maj",
        "adm",
    ]
)

# "[...][...]*", not "[...]+": starting with a character class lets the regex engine skip ahead to
# the next stop instead of trying a match at every position of the line.
_TERMINATOR = re.compile(r"(?P<stop>[.!?؟…][.!?؟…]*)[\"'»”’)\]]*")
_LETTER = re.compile(r"\w", re.UNICODE)
# The word before a stop, read backwards: matching the reversed text from its start finds the same
# run of word characters and dots that ``[\w.]+$`` finds, without trying every start position.
_WORD_REVERSED = re.compile(r"[\w.]+")
MAX_WORD_CHARS = 40


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    stop = match.group(1)
    end = match.end()
    after = line[end : end + 1]
    if stop == "..":
        return False
    if stop == ".":
        # A few characters before the stop, not a copy of the line up to it (quadratic on long lines).
        before = line[max(0, match.start() - MAX_WORD_CHARS) : match.start()]
        if before[-1:].isdigit() and after.isdigit():
            return False
        word = _WORD_REVERSED.match(before[::-1])
        if word:
            token = word.group()[::-1]
            if token.lower().rstrip(".") in ABBREVIATIONS:
                return False
            if len(token) == 1 and token.isupper() and token.isascii():
                return False
            if "." in token and token.replace(".", "").isalpha() and token.isascii():
                return False
        if after and after.isascii() and after.isalpha() and after.islower():
            return False
    if not after or after.isspace():
        return True
    # A stop glued to the next word: split before an Arabic-script letter or an opening quote.
    if after in '"«“':
        return True
    return bool(_LETTER.match(after)) and not after.isascii()


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans over ``text``; together they cover every non-space character."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        cut = 0
        for match in _TERMINATOR.finditer(line):
            if _is_boundary(line, match):
                _add(sentences, line, line_start, cut, match.end())
                cut = match.end()
        _add(sentences, line, line_start, cut, len(line))
        line_start += len(line) + 1
    return sentences


def _add(sentences: list[Sentence], line: str, line_start: int, start: int, end: int) -> None:
    piece = line[start:end].lstrip()
    if not piece:
        return
    first = line_start + end - len(piece)
    sentences.append(Sentence(first, first + len(piece.rstrip())))
