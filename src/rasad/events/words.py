"""Word-level matching of lexicon forms, with each language's prefixes and suffixes.

Arabic glues conjunctions, prepositions, the article, the future ``س`` and person prefixes to the
verb, and person/number/pronoun suffixes after it (``وسيوقعانها`` = و+س+ي + وقع + ان+ها); Persian
adds ``ن``/``ب``/``می`` and person endings; English inflects with -s/-ed/-ing. Each text word is
turned into the stems it could carry, and a form's words are looked up among them, so one stem in
the lexicon covers its inflections. A word is analysed once per run (news vocabulary repeats) and
only the lexicon words among its stems are kept, in one table per language shared by all indexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress
from typing import Generic, NamedTuple, TypeVar

from rasad.events.lexicon import MAX_GAP_WORDS, Pattern
from rasad.text.normalize import NormalizedText

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
# Punctuation found at the ends of words in the news; none of it is a word character.
_EDGE_MARKS = "،؛؟.,:;!?«»()[]\"'-–—/…"


class Word(NamedTuple):
    """A word of a normalised text with its offsets there (a tuple: sentences have hundreds)."""

    text: str
    start: int
    end: int


class WordMatch(NamedTuple, Generic[T]):
    """A form found in a run of words: ``first``..``last`` are word indices (a tuple: the compiled
    build carries a generic tuple, not a generic dataclass)."""

    item: T
    first: int
    last: int
    prefix: str  # what was attached before the first word's stem


# Word((text, start, end)) without the named tuple's own constructor, which is Python code: costly
# for every word of every sentence coded.
_new_word = partial(tuple.__new__, Word)


def word_texts(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]``: all that matching needs, without building offsets.

    The same words as ``_WORD.findall``, found faster: a run of letters and digits never crosses
    white space, and most of what white space separates is one word already."""
    words: list[str] = []
    for token in text[start:end].split():
        if token.isalnum():
            words.append(token)
            continue
        # Most other tokens are one word with punctuation at its ends ("تهران،", "«الرياض»"): no
        # mark is a word character, so what is left between them, when all letters and digits, is
        # the one word the regex would find.
        core = token.strip(_EDGE_MARKS)
        if core.isalnum():
            words.append(core)
        elif core:
            words.extend(_WORD.findall(core))
    return words


def original_words(normalized: NormalizedText, start: int, words: Sequence[str]) -> list[Word]:
    """``words``, the ``word_texts`` of a normalised span from ``start``, with their offsets in the
    original text, for the sentences that have an event to code.

    Each word is found by searching on from the end of the one before: only characters that are
    not word characters lie between two words, so the first occurrence is the word itself."""
    text = normalized.text
    spans: list[tuple[int, int]] = []
    position = start
    for word in words:
        at = text.find(word, position)
        position = at + len(word)
        spans.append((at, position))
    originals = normalized.spans_to_original(spans)
    return [_new_word((word, start, end)) for word, (start, end) in zip(words, originals, strict=True)]


_PREFIX_RANKS = {
    language: {prefix: rank for rank, prefix in reversed(list(enumerate(prefixes)))}
    for language, (prefixes, _) in AFFIXES.items()
}
_LONGEST_PREFIX = {
    language: max(map(len, prefixes), default=0) for language, (prefixes, _) in AFFIXES.items()
}
_SUFFIX_SETS = {language: frozenset(suffixes) for language, (_, suffixes) in AFFIXES.items()}
_LONGEST_SUFFIX = {
    language: max(map(len, suffixes), default=0) for language, (_, suffixes) in AFFIXES.items()
}


def all_stems(word: str, language: str) -> dict[str, str]:
    """Stems ``word`` may carry, each with the prefix found before it (the first in ``AFFIXES``
    order where several prefixes give the same stem)."""
    ranks = _PREFIX_RANKS.get(language, {})
    suffix_set = _SUFFIX_SETS.get(language, frozenset())
    english = language == "en"
    # The prefixes the word really starts with: one look-up per prefix length, not one per prefix;
    # likewise the endings it really has, shortest first.
    heads = (word[:length] for length in range(1, min(_LONGEST_PREFIX.get(language, 0), len(word)) + 1))
    tails = [
        (length, word[-length:])
        for length in range(1, min(_LONGEST_SUFFIX.get(language, 0), len(word)) + 1)
        if word[-length:] in suffix_set
    ]
    found: dict[str, str] = {word: ""}
    for prefix in ("", *sorted((head for head in heads if head in ranks), key=ranks.__getitem__)):
        rest = word[len(prefix) :]
        if len(rest) >= MIN_STEM:
            found.setdefault(rest, prefix)
        for length, suffix in tails:
            if len(rest) - length < MIN_STEM:
                break
            stem = rest[:-length]
            found.setdefault(stem, prefix)
            if english and suffix in ("ing", "ed", "es"):
                found.setdefault(stem + "e", prefix)  # accusing, accused -> accuse
            if english and suffix in ("ies", "ied"):
                found.setdefault(stem + "y", prefix)  # denies, denied -> deny
    return found


# For one-off questions about a word (the coder's Persian negation test); matching uses LexiconWords.
stems = lru_cache(maxsize=MAX_CACHED_WORDS)(all_stems)


class LexiconWords:
    """The words of every pattern of one language's indexes, and which of them each text word
    carries (with the prefix glued before it).

    Shared by the language's indexes (triggers, modality, context...), so that a word new to the
    run is analysed once rather than once per index; and small, as most words of the news carry
    no lexicon word at all and all share one empty entry.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self.words: set[str] = set()
        self.carried_by: dict[str, dict[str, str]] = {}
        # The sentences looked at lately and what is known of them, by the identity of their word
        # list: the coder asks several indexes about each sentence, and goes over all of a
        # document's sentences again for its context. Each entry keeps its list alive, so an id
        # cannot be reused while it is in the table; a new table is put in place whole.
        self._recent: dict[int, tuple[Sequence[str], _Sentence]] = {}
        prefixes, suffixes = AFFIXES.get(language, ((), ()))
        self._prefixes = frozenset(prefixes)
        self._suffixes = frozenset(suffixes)
        self._longest_prefix = max(map(len, prefixes), default=0)
        self._longest_suffix = max(map(len, suffixes), default=0)
        self._forms: frozenset[str] | None = None  # see ``_suffixed_forms``

    def add(self, words: Iterable[str]) -> None:
        """Words of a new index; what was learnt about text words no longer holds."""
        new = set(words) - self.words
        if new:
            self.words |= new
            self.carried_by.clear()
            self._recent = {}
            self._forms = None

    def sentence(self, words: Sequence[str]) -> _Sentence:
        """What each word of ``words`` carries, shared by the indexes asked about the same list."""
        recent = self._recent
        entry = recent.get(id(words))
        if entry is not None and entry[0] is words:
            return entry[1]
        # Most words carry no lexicon word and were seen before, so their entry is empty (false):
        # look them all up first, then analyse the new ones among the rest.
        analysed, unseen = self.carried_by, _UNSEEN
        carried = [analysed.get(word, unseen) for word in words]
        hits = []
        for index in compress(range(len(words)), carried):
            if carried[index] is unseen:
                carried[index] = self.carried(words[index])
                if not carried[index]:
                    continue
            hits.append(index)
        known = _Sentence(carried, hits)
        if len(recent) >= MAX_RECENT_SENTENCES:
            recent = self._recent = {}
        recent[id(words)] = (words, known)
        return known

    def carried(self, word: str) -> dict[str, str]:
        """The lexicon words among the stems ``word`` may carry, in the order of ``all_stems``."""
        found = self.carried_by.get(word)
        if found is None:
            found = _CARRIES_NOTHING
            if self._may_carry(word):
                stems_of_word = all_stems(word, self.language)
                found = {stem: prefix for stem, prefix in stems_of_word.items() if stem in self.words}
                found = found or _CARRIES_NOTHING
            if len(self.carried_by) > MAX_CACHED_WORDS:
                self.carried_by.clear()
            self.carried_by[word] = found
        return found

    def _may_carry(self, word: str) -> bool:
        """False when no stem ``all_stems`` gives is a lexicon word (most words), told by a few set
        look-ups: the word, or what follows one of its prefixes, is a lexicon word of at least
        ``MIN_STEM`` letters with a short suffix or none (``_suffixed_forms``), or with one of the
        longer suffixes the word ends with cut off."""
        if word in self.words:
            return True
        if self.language == "en":  # -ing, -ed... may also drop a final e or y: the word is cut
            return self._may_carry_cut(word)
        forms = self._forms if self._forms is not None else self._suffixed_forms()
        long_tails = [
            length
            for length in range(FORM_SUFFIX_LETTERS + 1, min(self._longest_suffix, len(word)) + 1)
            if word[-length:] in self._suffixes
        ]
        prefixes = self._prefixes
        for cut in range(min(self._longest_prefix, len(word)) + 1):
            if cut and word[:cut] not in prefixes:
                continue
            rest = word[cut:]
            if rest in forms:
                return True
            for length in long_tails:
                if len(rest) - length >= MIN_STEM and rest[:-length] in self.words:
                    return True
        return False

    def _suffixed_forms(self) -> frozenset[str]:
        """Every lexicon word of at least ``MIN_STEM`` letters, bare and with each suffix of at most
        ``FORM_SUFFIX_LETTERS`` letters (all of them would take tens of MB for Arabic's endings with
        pronouns): the words whose stems ``all_stems`` cuts include one of them."""
        stems = [stem for stem in self.words if len(stem) >= MIN_STEM]
        short = [suffix for suffix in self._suffixes if len(suffix) <= FORM_SUFFIX_LETTERS]
        self._forms = frozenset(stem + suffix for suffix in ("", *short) for stem in stems)
        return self._forms

    def _may_carry_cut(self, word: str) -> bool:
        """``_may_carry`` for English, which has no prefixes: the stems cut as ``all_stems`` does,
        looked up as they are cut."""
        lexicon = self.words
        for length in range(1, min(self._longest_suffix, len(word)) + 1):
            suffix = word[-length:]
            if suffix not in self._suffixes:
                continue
            stem = word[:-length]
            if len(stem) < MIN_STEM:
                break
            if stem in lexicon:
                return True
            if suffix in ("ing", "ed", "es") and stem + "e" in lexicon:
                return True
            if suffix in ("ies", "ied") and stem + "y" in lexicon:
                return True
        return False


_CARRIES_NOTHING: dict[str, str] = {}
MAX_RECENT_SENTENCES = 128  # a long article's sentences; more would only keep more objects alive
FORM_SUFFIX_LETTERS = 2  # see ``LexiconWords._suffixed_forms``


@dataclass(slots=True)
class _Sentence:
    """A sentence's ``carried`` entries, the indices of its words that carry some lexicon word and,
    once a pattern of several words needs it, the set of its words and the lexicon words they carry."""

    carried: list[dict[str, str]]
    hits: list[int]
    present: set[str] | None = None


_LEXICON_WORDS: dict[str, LexiconWords] = {}

# What the cache gives for a word it has not seen: true, unlike the empty entry of most words.
_UNSEEN: dict[str, str] = {"": ""}

# A pattern's words after the first: (word, exact, how many words ahead it may stand).
_Rest = tuple[tuple[str, bool, int], ...]


# A pattern as an index keeps it for a word that may begin it: (the prefix glued before the word,
# the rest of the pattern, the words of that rest, item).
_Entry = tuple[str, _Rest, frozenset[str], T]


class WordIndex(Generic[T]):
    """Patterns indexed by their first word, for one language."""

    def __init__(self, items: Iterable[tuple[Pattern, T]], language: str) -> None:
        self.language = language
        # First word -> (the first word when it must match exactly, the rest of the pattern, the
        # words of that rest, item).
        self._by_first: dict[str, list[tuple[str | None, _Rest, frozenset[str], T]]] = {}
        for pattern, item in items:
            exact_first = pattern.words[0] if pattern.exact[0] else None
            rest = tuple(
                (word, exact, MAX_GAP_WORDS + 1 if gap else 1)
                for word, exact, gap in zip(
                    pattern.words[1:], pattern.exact[1:], pattern.gaps[1:], strict=True
                )
            )
            needed = frozenset(pattern.words[1:])
            self._by_first.setdefault(pattern.words[0], []).append((exact_first, rest, needed, item))
        self._first_words = frozenset(self._by_first)
        self._starts_cache: dict[str, tuple[_Entry[T], ...]] = {}
        self._lexicon = _LEXICON_WORDS.setdefault(language, LexiconWords(language))
        self._lexicon.add(
            word for first, patterns in self._by_first.items() for word in _pattern_words(first, patterns)
        )

    def starts(self, word: str, carried: dict[str, str]) -> tuple[_Entry[T], ...]:
        """The patterns ``word`` may begin, given the lexicon words it carries; cached for the words
        that carry some lexicon word (a small part of the vocabulary)."""
        found = self._starts_cache.get(word)
        if found is None:
            # Longest stem first (the most specific form), then alphabetical: the order must not
            # depend on set iteration, which changes from one process to the next.
            shared = [stem for stem in carried if stem in self._first_words]
            if len(shared) > 1:
                shared.sort(key=lambda stem: (-len(stem), stem))
            found = tuple(
                (carried[stem], rest, needed, item)
                for stem in shared
                for exact_first, rest, needed, item in self._by_first[stem]
                if exact_first is None or word == exact_first
            )
            if len(self._starts_cache) > MAX_CACHED_WORDS:
                self._starts_cache.clear()
            self._starts_cache[word] = found
        return found

    def find(self, words: Sequence[str]) -> list[WordMatch[T]]:
        """Every match in a sentence's words, in order of first word."""
        matches: list[WordMatch[T]] = []
        sentence = self._lexicon.sentence(words)
        carried = sentence.carried
        cached_starts = self._starts_cache
        for index in sentence.hits:  # the words that carry some lexicon word
            word = words[index]
            entries = cached_starts.get(word)
            if entries is None:
                entries = self.starts(word, carried[index])
            for prefix, rest, needed, item in entries:
                if not rest:
                    matches.append(WordMatch(item, index, index, prefix))
                    continue
                # A pattern whose second word must follow at once fails on the next word alone, as
                # most of those starting with a preposition do («به امضا رسید» on «به گزارش»).
                second, exact, reach = rest[0]
                if reach == 1:
                    following = index + 1
                    if following == len(words) or (
                        words[following] != second if exact else second not in carried[following]
                    ):
                        continue
                # A pattern whose further words the sentence lacks cannot match (Persian compound
                # verbs share their nouns: "حمله ... کرد", "حمله ... برد").
                if sentence.present is None:
                    sentence.present = _present(words, carried)
                if not needed <= sentence.present:
                    continue
                last = _rest(rest, words, carried, index)
                if last is not None:
                    matches.append(WordMatch(item, index, last, prefix))
        return matches


def _present(words: Sequence[str], carried: list[dict[str, str]]) -> set[str]:
    """The sentence's words and the lexicon words they carry."""
    present = set(words)
    for stems in carried:
        if stems:  # most words carry nothing
            present.update(stems)
    return present


def _rest(rest: _Rest, words: Sequence[str], carried: list[dict[str, str]], index: int) -> int | None:
    """Index of the last word when the ``rest`` of a pattern follows word ``index``."""
    position = index
    for word, exact, reach in rest:
        for candidate in range(position + 1, min(position + 1 + reach, len(words))):
            if exact:
                if words[candidate] != word:
                    continue
            elif word not in carried[candidate]:
                continue
            position = candidate
            break
        else:
            return None
    return position


def _pattern_words(first: str, patterns: list[tuple[str | None, _Rest, frozenset[str], T]]) -> Iterator[str]:
    """Every word of the patterns that begin with ``first``."""
    yield first
    for _, _, needed, _ in patterns:
        yield from needed
