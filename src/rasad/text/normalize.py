"""Arabic-script normalisation for matching, with a map back to the original offsets.

Each step is a small, composable character rule (in the spirit of Hazm and CAMeL Tools):
either a one-for-one replacement or a removal. Because no rule ever inserts characters,
every position of the normalised text maps back to exactly one position of the original,
so a match found on normalised text can always be sliced out of the original.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# One-for-one replacements, grouped by the job they do.
YEH_FORMS = {"ی": "ي", "ى": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي"}
KAF_FORMS = {"ک": "ك", "ڪ": "ك"}
ALEF_HAMZA_FORMS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ؤ": "و"}
TEH_MARBUTA_FORMS = {"ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه"}
SPACE_FORMS = {"\u200c": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " "}
DIGIT_FORMS = {c: str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")} | {
    c: str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")
}
ASCII_LOWER = {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}

# Removals: Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks),
# tatweel, standalone hamza, zero-width joiner and bidi controls (the Arabic letter mark U+061C too).
REMOVED_CHARS = (
    "[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u0621\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]"
)

DEFAULT_RULES: tuple[dict[str, str], ...] = (
    YEH_FORMS,
    KAF_FORMS,
    ALEF_HAMZA_FORMS,
    TEH_MARBUTA_FORMS,
    SPACE_FORMS,
    DIGIT_FORMS,
    ASCII_LOWER,
)

# Arabic presentation forms (positional glyphs some old sites emit instead of letters) to the
# letters, where the compatibility mapping is one character; lam-alef ligatures are left alone.
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
PRESENTATION_FORMS = {
    chr(code): unicodedata.normalize("NFKC", chr(code))
    for low, high in _PRESENTATION_RANGES
    for code in range(low, high + 1)
    if len(unicodedata.normalize("NFKC", chr(code))) == 1
    and unicodedata.normalize("NFKC", chr(code)) != chr(code)
}
_PRESENTATION_TABLE = str.maketrans(PRESENTATION_FORMS)
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

Folding = tuple[tuple[str, str], ...]


def build_folding(rules: tuple[dict[str, str], ...] = DEFAULT_RULES) -> Folding:
    """Merge one-for-one rules into (variant, canonical) pairs.

    Applied with ``str.replace`` rather than ``str.translate``: on Arabic-script text the
    former runs in C over the whole string and is about ten times faster.
    """
    pairs: dict[str, str] = {}
    for rule in rules:
        for source, target in rule.items():
            if len(source) != 1 or len(target) != 1:
                raise ValueError(f"rule {source!r}->{target!r} is not one character for one")
            pairs[source] = target
    return tuple(pairs.items())


DEFAULT_FOLDING = build_folding()
# A glyph that stands for a removed character (the isolated hamza ﺀ) is removed with it: folding it
# to its letter would leave a character that a second normalisation removes.
_REMOVED_GLYPHS = "".join(
    glyph for glyph, letter in PRESENTATION_FORMS.items() if re.fullmatch(REMOVED_CHARS, letter)
)
_REMOVED_RE = re.compile(REMOVED_CHARS[:-1] + _REMOVED_GLYPHS + "]+")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text plus what is needed to map its offsets back to the original."""

    original: str
    text: str
    # Kept runs: normalised start, original start (same length in both).
    _norm_starts: tuple[int, ...]
    _orig_starts: tuple[int, ...]

    def to_original(self, index: int) -> int:
        """Original offset of the normalised character at ``index`` (``len(text)`` maps to the end)."""
        if index >= len(self.text):
            return len(self.original)
        run = bisect.bisect_right(self._norm_starts, index) - 1
        return self._orig_starts[run] + index - self._norm_starts[run]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``.

        Marks removed right after the span's last character (a case ending, a tatweel) belong
        to the word and are included.
        """
        return self.to_original(start), self.to_original(max(start, end))


def fold(text: str, folding: Folding = DEFAULT_FOLDING) -> str:
    """Apply one-for-one replacements; length and offsets are unchanged."""
    if _PRESENTATION_RE.search(text):
        text = text.translate(_PRESENTATION_TABLE)
    for variant, canonical in folding:
        if variant in text:
            text = text.replace(variant, canonical)
    return text


def normalize(text: str, folding: Folding = DEFAULT_FOLDING) -> NormalizedText:
    """Fold spelling variants so that matching ignores them; never loses the original offsets."""
    norm_starts = [0]
    orig_starts = [0]
    pieces: list[str] = []
    kept_from = 0
    kept_total = 0
    for removed in _REMOVED_RE.finditer(text):
        pieces.append(text[kept_from : removed.start()])
        kept_total += removed.start() - kept_from
        kept_from = removed.end()
        norm_starts.append(kept_total)
        orig_starts.append(kept_from)
    pieces.append(text[kept_from:])
    return NormalizedText(text, fold("".join(pieces), folding), tuple(norm_starts), tuple(orig_starts))


def normalize_string(text: str, folding: Folding = DEFAULT_FOLDING) -> str:
    """Normalised form only, for dictionary keys and search queries."""
    return fold(_REMOVED_RE.sub("", text), folding)
