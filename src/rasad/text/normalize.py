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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

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
_REMOVED_CLASS = REMOVED_CHARS[:-1] + _REMOVED_GLYPHS + "]"
# "[...][...]*", not "[...]+": a pattern that starts with a character class lets the regex engine
# skip ahead to the next character of the class, about twice as fast over a whole text.
_REMOVED_RE = re.compile(_REMOVED_CLASS + _REMOVED_CLASS + "*")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text plus what is needed to map its offsets back to the original."""

    original: str
    text: str
    # Kept runs: normalised start, original start (same length in both).
    _norm_starts: tuple[int, ...]
    _orig_starts: tuple[int, ...]
    _orig_ends: tuple[int, ...]  # original offset just after each run

    def __reduce__(
        self,
    ) -> tuple[type[NormalizedText], tuple[str, str, tuple[int, ...], tuple[int, ...], tuple[int, ...]]]:
        """Pickled as its fields (the default fails on a frozen compiled class): a pool's parent sends
        the text it normalised for the duplicate check to the worker, which need not normalise again."""
        fields = (self.original, self.text, self._norm_starts, self._orig_starts, self._orig_ends)
        return NormalizedText, fields

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

    def spans_to_original(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """``span_to_original`` of many spans in text order (the words of a sentence), in one walk
        over the kept runs instead of a binary search per offset; the walk starts at the first
        span's run, so a sentence late in a long text does not walk past every run before it."""
        norm_starts, orig_starts = self._norm_starts, self._orig_starts
        text_end, original_end = len(self.text), len(self.original)
        if len(norm_starts) == 1:  # nothing was removed: offsets are the same in both texts
            return [(min(start, text_end), min(max(start, end), text_end)) for start, end in spans]
        run, last_run = -1, len(norm_starts) - 1
        mapped = []
        for start, end in spans:
            end = max(start, end)
            if run < 0:  # the first span: a binary search, not a walk from the text's start
                run = bisect.bisect_right(norm_starts, start) - 1
            while run < last_run and norm_starts[run + 1] <= start:
                run += 1
            mapped_start = orig_starts[run] + start - norm_starts[run] if start < text_end else original_end
            while run < last_run and norm_starts[run + 1] <= end:
                run += 1
            mapped_end = orig_starts[run] + end - norm_starts[run] if end < text_end else original_end
            mapped.append((mapped_start, mapped_end))
        return mapped

    def offsets_to_original(self, offsets: list[int]) -> list[int]:
        """``to_original`` of many offsets in ascending order (a text's hits), each run found by a
        binary search that starts at the previous offset's run."""
        norm_starts, orig_starts = self._norm_starts, self._orig_starts
        text_end, original_end = len(self.text), len(self.original)
        if len(norm_starts) == 1:  # nothing was removed: offsets are the same in both texts
            return [min(offset, text_end) for offset in offsets]
        mapped = []
        run = 0
        for offset in offsets:
            if offset >= text_end:
                mapped.append(original_end)
                continue
            run = bisect.bisect_right(norm_starts, offset, run) - 1
            mapped.append(orig_starts[run] + offset - norm_starts[run])
        return mapped

    def to_normalized(self, original: int) -> int:
        """The first normalised position whose original offset is at or after ``original``.

        The inverse of ``to_original`` for kept characters; an offset inside removed marks maps to
        the next kept character.
        """
        # The first run that ends after ``original`` holds the answer (runs and their ends ascend).
        run = bisect.bisect_right(self._orig_ends, original)
        if run == len(self._norm_starts):
            return len(self.text)
        return self._norm_starts[run] + max(0, original - self._orig_starts[run])


# A word or two (the keys and tokens normalised one at a time) is folded faster by replacing only the
# variants it contains than by testing every variant; that needs the replacements to be independent
# of their order: no canonical form may itself be a variant.
_SHORT_TEXT = 32
_DEFAULT_CANONICAL = dict(DEFAULT_FOLDING)
_DEFAULT_VARIANTS = frozenset(_DEFAULT_CANONICAL)
_ORDER_FREE = _DEFAULT_VARIANTS.isdisjoint(_DEFAULT_CANONICAL.values())


def fold(text: str, folding: Folding = DEFAULT_FOLDING) -> str:
    """Apply one-for-one replacements; length and offsets are unchanged."""
    if _PRESENTATION_RE.search(text):
        text = text.translate(_PRESENTATION_TABLE)
    if folding is DEFAULT_FOLDING and _ORDER_FREE and len(text) < _SHORT_TEXT:
        for variant in _DEFAULT_VARIANTS.intersection(text):
            text = text.replace(variant, _DEFAULT_CANONICAL[variant])
        return text
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
    run_ends = [*norm_starts[1:], kept_total + len(text) - kept_from]
    orig_ends = tuple(o + e - n for n, o, e in zip(norm_starts, orig_starts, run_ends, strict=True))
    return NormalizedText(
        text, fold("".join(pieces), folding), tuple(norm_starts), tuple(orig_starts), orig_ends
    )


def normalize_string(text: str, folding: Folding = DEFAULT_FOLDING) -> str:
    """Normalised form only, for dictionary keys and search queries."""
    if folding is DEFAULT_FOLDING and len(text) < _SHORT_TEXT:
        return _normalize_word(text)
    return fold(_REMOVED_RE.sub("", text), folding)


@lru_cache(maxsize=1 << 16)
def _normalize_word(text: str) -> str:
    """``normalize_string`` of a word or two: the stages ask for the same words again and again."""
    return fold(_REMOVED_RE.sub("", text))
