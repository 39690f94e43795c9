"""Word-level matching of lexicon forms, with each language's prefixes and suffixes.

Arabic glues conjunctions, prepositions, the article, the future ``س`` and person prefixes to the
verb, and person/number/pronoun suffixes after it (``وسيوقعانها`` = و+س+ي + وقع + ان+ها); Persian
adds ``ن``/``ب``/``می`` and person endings; English inflects with -s/-ed/-ing. Each text word is
turned into the stems it could carry (cached: news vocabulary repeats), and a form's words are
looked up among them, so one stem in the lexicon covers its inflections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from rasad.events.lexicon import MAX_GAP_WORDS, Pattern

T = TypeVar("T")

# Arabic person/number/gender endings, then object pronouns, and every ending+pronoun pair
# (وقعاها, وقعوه, يوقعانها).
_AR_ENDINGS = "ت ا وا و ون ين ان تا ن نا تم تن ي يه ات تان تين ية يا".split()
_AR_PRONOUNS = "ه ها هم هما ك كم نا ني".split()
AFFIXES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ar": (
        tuple(
            "و ف ب ل ك س ي ت ن ا ال وال فال بال كال لل ولل وب فب ول فل وس فس وي وت ون وا فا سي ست سن وسي "
            "وست وسن فسي فست لي لت ولي وليت".split()
        ),
        tuple(
            dict.fromkeys([*_AR_ENDINGS, *_AR_PRONOUNS, *(e + p for e in _AR_ENDINGS for p in _AR_PRONOUNS)])
        ),
    ),
    "fa": (
        tuple("ن ب مي نمي".split()),
        tuple("م ي يم يد ند د ه ها هاي اند ست ان ي اي".split()),
    ),
    "en": ((), ("s", "es", "ed", "d", "ing", "ies", "ied")),
}
MIN_STEM = 2
MAX_CACHED_WORDS = 200_000
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a normalised text with its offsets there."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class WordMatch(Generic[T]):
    """A form found in a run of words: ``first``..``last`` are word indices."""

    item: T
    first: int
    last: int
    prefix: str  # what was attached before the first word's stem


def split_words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    return [
        Word(m.group(), m.start(), m.end())
        for m in _WORD.finditer(text, start, len(text) if end is None else end)
    ]


_SUFFIX_SETS = {language: frozenset(suffixes) for language, (_, suffixes) in AFFIXES.items()}
_LONGEST_SUFFIX = {
    language: max(map(len, suffixes), default=0) for language, (_, suffixes) in AFFIXES.items()
}


@lru_cache(maxsize=200_000)
def stems(word: str, language: str) -> dict[str, str]:
    """Stems ``word`` may carry, each with the prefix found before it."""
    prefixes = AFFIXES.get(language, ((), ()))[0]
    suffix_set = _SUFFIX_SETS.get(language, frozenset())
    longest = _LONGEST_SUFFIX.get(language, 0)
    found: dict[str, str] = {word: ""}
    for prefix in ("", *prefixes):
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        # Only the endings the word really has: at most one look-up per suffix length.
        endings = [""] + [rest[-length:] for length in range(1, min(longest, len(rest)) + 1)]
        for suffix in endings:
            if suffix and suffix not in suffix_set:
                continue
            stem = rest[: len(rest) - len(suffix)] if suffix else rest
            if len(stem) >= MIN_STEM:
                found.setdefault(stem, prefix)
                if language == "en" and suffix in ("ing", "ed", "es"):
                    found.setdefault(stem + "e", prefix)  # accusing, accused -> accuse
                if language == "en" and suffix in ("ies", "ied"):
                    found.setdefault(stem + "y", prefix)  # denies, denied -> deny
    return found


class WordIndex(Generic[T]):
    """Patterns indexed by their first word, for one language."""

    def __init__(self, items: Iterable[tuple[Pattern, T]], language: str) -> None:
        self.language = language
        self._by_first: dict[str, list[tuple[Pattern, T]]] = {}
        for pattern, item in items:
            self._by_first.setdefault(pattern.words[0], []).append((pattern, item))
        self._first_words = frozenset(self._by_first)
        self._starts_cache: dict[str, tuple[tuple[str, str], ...]] = {}

    def _starts(self, word: str) -> tuple[tuple[str, str], ...]:
        """(stem, prefix) pairs of ``word`` that begin some pattern; cached, as news vocabulary repeats."""
        found = self._starts_cache.get(word)
        if found is None:
            candidates = stems(word, self.language)
            # Longest stem first (the most specific form), then alphabetical: the order must not
            # depend on set iteration, which changes from one process to the next.
            shared = sorted(candidates.keys() & self._first_words, key=lambda stem: (-len(stem), stem))
            found = tuple((stem, candidates[stem]) for stem in shared)
            if len(self._starts_cache) > MAX_CACHED_WORDS:
                self._starts_cache.clear()
            self._starts_cache[word] = found
        return found

    def find(self, words: list[Word]) -> list[WordMatch[T]]:
        """Every match, in order of first word."""
        matches: list[WordMatch[T]] = []
        cached = self._starts_cache.get  # the hot loop: most words start no pattern
        for index, word in enumerate(words):
            starts = cached(word.text)
            if starts is None:
                starts = self._starts(word.text)
            for stem, prefix in starts:
                for pattern, item in self._by_first[stem]:
                    if pattern.exact[0] and word.text != pattern.words[0]:
                        continue
                    last = self._rest(pattern, words, index)
                    if last is not None:
                        matches.append(WordMatch(item, index, last, prefix))
        return matches

    def _rest(self, pattern: Pattern, words: list[Word], index: int) -> int | None:
        """Index of the last word when the rest of ``pattern`` follows word ``index``."""
        position = index
        for word, exact, gap in zip(pattern.words[1:], pattern.exact[1:], pattern.gaps[1:], strict=True):
            reach = MAX_GAP_WORDS + 1 if gap else 1
            for candidate in range(position + 1, min(position + 1 + reach, len(words))):
                text = words[candidate].text
                if (text == word) if exact else (word in stems(text, self.language)):
                    position = candidate
                    break
            else:
                return None
        return position
