"""Matching form of a text: ASCII digits, folded Arabic-script letter variants, marks removed.

Dates are matched on this form so that the press's spelling variants (ي/ی, ك/ک, ة/ه, أ/إ/آ/ا,
harakat, tatweel, half-space) fold together; ``Prepared.to_original`` maps every offset back to the text
the caller gave, so found spans always slice the original words.
"""

from __future__ import annotations

import re

from rasad.text.normalize import (
    ALEF_HAMZA_FORMS,
    DIGIT_FORMS,
    KAF_FORMS,
    SPACE_FORMS,
    TEH_MARBUTA_FORMS,
    YEH_FORMS,
    NormalizedText,
    build_folding,
    normalize,
    normalize_string,
)

# rasad's normalisation without ASCII lower-casing: patterns keep regex escapes such as \\Z intact
# and use (?i:...) where case does not matter.
_DATE_FOLDING = build_folding(
    (YEH_FORMS, KAF_FORMS, ALEF_HAMZA_FORMS, TEH_MARBUTA_FORMS, SPACE_FORMS, DIGIT_FORMS)
)
WORD_START = r"(?<![^\W\d_])"  # regex: not preceded by a letter
WORD_END = r"(?![^\W\d_])"  # regex: not followed by a letter
_PERSIAN_LETTERS = re.compile("[پچژگکیۀ]")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
_PERSIAN_FAMILY = ("fa", "prs", "ps")
Prepared = NormalizedText


def fold(text: str) -> str:
    """The matching form of a short string (a table spelling or a pattern literal)."""
    return normalize_string(text, _DATE_FOLDING)


def prepare(text: str) -> Prepared:
    """Fold ``text`` for matching, keeping the map back to the original offsets."""
    return normalize(text, _DATE_FOLDING)


def language_family(language: str | None, text: str) -> str | None:
    """'fa', 'ar' or 'en' from the hint, else from the script of ``text`` (None without letters)."""
    if language:
        code = language.lower().split("-")[0].split("_")[0]
        return "fa" if code in _PERSIAN_FAMILY else code
    if _PERSIAN_LETTERS.search(text):
        return "fa"
    if _ARABIC_LETTERS.search(text):
        return "ar"
    return "en" if re.search("[A-Za-z]", text) else None
