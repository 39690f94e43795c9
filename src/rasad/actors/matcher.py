"""Finding dictionary forms in text: one Aho-Corasick pass over the normalised text.

Forms are searched inside the normalised text (alef, yeh, kaf and teh marbuta forms folded,
diacritics gone, ZWNJ as a space), then each hit must stand on word boundaries. Arabic and Persian
attach clitics and suffixes to names, so a hit may have a known prefix (و ب ل ك ف ال and their
combinations) glued before it and a known suffix (the nisba ي/ية/يون/يين, Persian ی/ها) after it:
"وبالكازاخستانية" is "و+ب+ال" + "كازاخستان" + "ية". Overlapping hits resolve to the longest.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from rasad import deadline
from rasad.actors.dictionary import ActorDictionary, Form, packaged_dictionary
from rasad.text.normalize import NormalizedText

# Normalised clitic prefixes (conjunction, prepositions, article) and suffixes (nisba, plural).
ARABIC_PREFIXES = frozenset("و ف ب ل ك ال وال فال بال كال لل ولل فلل وب فب ول فل وك س".split())
# No plural "ات" or "يا": "مجريات" (the course of events) is not Hungarian, "روسيا" has its own form.
ARABIC_SUFFIXES = frozenset("ي يه يون يين يان يتين ه ها هم ين ون".split())
PERSIAN_PREFIXES = frozenset("ب".split())
PERSIAN_SUFFIXES = frozenset("ي ها هاي ان اي يان".split())
ENGLISH_SUFFIXES = frozenset({"s"})
LIL_PREFIXES = frozenset({"لل", "ولل", "فلل"})
_PERSIAN_OR_ARABIC_PREFIXES = PERSIAN_PREFIXES | ARABIC_PREFIXES
# No affix is longer: a longer run of letters glued to a hit makes it part of another word.
_LONGEST_PREFIX = max(map(len, _PERSIAN_OR_ARABIC_PREFIXES))
_LONGEST_SUFFIX = max(map(len, ARABIC_SUFFIXES | PERSIAN_SUFFIXES | ENGLISH_SUFFIXES))


@dataclass(slots=True, unsafe_hash=True)  # see CONTRIBUTING, "Compiled modules"
class Hit:
    """A dictionary form found in the text, in original offsets.

    ``start``/``end`` span the name itself; ``word_start``/``word_end`` add the clitics and
    suffixes glued to it ("ال" + "كازاخستان" + "ية"), which is what adjacency is measured on.
    """

    start: int
    end: int
    word_start: int
    word_end: int
    forms: tuple[Form, ...]  # every concept spelled this way (usually one)


class ActorMatcher:
    """An automaton over every form of a dictionary and over the ``guarded`` forms (the surnames),
    kept apart: one pass over the text finds both, instead of a second automaton and pass."""

    def __init__(self, dictionary: ActorDictionary, guarded: Iterable[Form] = ()) -> None:
        forms, guarded_forms = _spellings(dictionary.forms), _spellings(guarded)
        blockers: dict[str, dict[str, frozenset[str]]] = {}
        for (language, form_text), words in dictionary.not_after.items():
            blockers.setdefault(form_text, {})[language] = words
        self._automaton = ahocorasick.Automaton()
        for text in forms.keys() | guarded_forms.keys():
            # Everything a hit needs that depends on the spelling alone, computed here once
            # instead of at each of its hits.
            self._automaton.add_word(
                text,
                (
                    len(text),
                    text[0].isascii(),
                    text.endswith("ي"),
                    blockers.get(text),
                    *forms.get(text, _NO_FORMS),
                    *guarded_forms.get(text, _NO_FORMS),
                ),
            )
        self._automaton.make_automaton()

    def find(self, normalized: NormalizedText, language: str) -> list[Hit]:
        """Non-overlapping hits, longest first, in text order; affix rules of the document's language."""
        return self.find_with_guarded(normalized, language)[0]

    def find_with_guarded(self, normalized: NormalizedText, language: str) -> tuple[list[Hit], list[Hit]]:
        """The dictionary's hits and, resolved apart from them, the guarded forms' hits."""
        text = normalized.text
        size = len(text)
        script = language if language in SCRIPT_LANGUAGES else None
        candidates: list[_Candidate] = []
        guarded: list[_Candidate] = []
        for seen, (last, spelling) in enumerate(self._automaton.iter(text)):
            if not seen & _HITS_PER_CHECK_MASK:
                deadline.check()
            length, ascii_start, nisba, blockers, forms, lil_forms, guarded_forms, guarded_lil = spelling
            start, end = last - length + 1, last + 1
            # Most hits stand alone between non-letters: no affix to read or check.
            if (start and text[start - 1].isalpha()) or (end < size and text[end].isalpha()):
                affixes = _attachments(text, start, end, ascii_start, nisba, language)
                if affixes is None:
                    continue
            else:
                affixes = _BARE
            if forms and not (blockers and _blocked(text, start, blockers.get(language))):
                _add_candidate(candidates, normalized, start, end, affixes, forms, lil_forms, script)
            if guarded_forms:
                _add_candidate(guarded, normalized, start, end, affixes, guarded_forms, guarded_lil, script)
        return _hits(normalized, candidates), _hits(normalized, guarded)


def _blocked(text: str, start: int, blockers: frozenset[str] | None) -> bool:
    """True when the word before the hit says the form is not a name here ("در آستانه")."""
    if not blockers:
        return False
    before = text[max(0, start - 40) : start].split()
    return bool(before) and before[-1] in blockers


# The time budget is checked once every 64 automaton hits (a hit costs about a microsecond).
_HITS_PER_CHECK_MASK = 63
# Languages whose documents use only their own forms of the shared script (see ``_usable_in``).
SCRIPT_LANGUAGES = ("ar", "fa")
# The forms usable in a document of each script language (None: any other language), and whether
# one of them is an acronym that must be checked against the original case.
_UsableForms = dict[str | None, tuple[tuple[Form, ...], bool]]


# A candidate hit: its sort key (minus its length with affixes, suffix and prefix length), then word
# start, name start, name end, word end (the affixes around the name) and the usable forms.
_Candidate = tuple[int, int, int, int, int, int, int, tuple[Form, ...]]
_WORD_START = operator.itemgetter(3)
# The affixes of a hit that stands alone.
_BARE = ("", "")
# No forms of a spelling on one side (the dictionary or the guarded forms): neither set nor "لل" set.
_NO_FORMS: tuple[None, None] = (None, None)


def _spellings(forms: Iterable[Form]) -> dict[str, tuple[_UsableForms | None, _UsableForms | None]]:
    """Normalised spelling -> its forms and the forms it stands for after "لل", by document language."""
    grouped: dict[str, list[Form]] = {}
    # Arabic "ل" + "ال" is written "لل": "للعراق" holds "العراق" without its alef.
    after_lil: dict[str, list[Form]] = {}
    for form in forms:
        grouped.setdefault(form.text, []).append(form)
        if form.language == "ar" and form.text.startswith("ال") and len(form.text) > 4:
            after_lil.setdefault(form.text[2:], []).append(form)
    return {
        text: (
            _by_document_language(grouped.get(text, [])),
            _by_document_language(after_lil[text]) if text in after_lil else None,
        )
        for text in grouped.keys() | after_lil.keys()
    }


def _add_candidate(
    candidates: list[_Candidate],
    normalized: NormalizedText,
    start: int,
    end: int,
    affixes: tuple[str, str],
    forms: _UsableForms,
    lil_forms: _UsableForms | None,
    script: str | None,
) -> None:
    """Append the hit at ``start``-``end`` when some of its forms are usable in the document."""
    prefix, suffix = affixes
    if prefix in LIL_PREFIXES and lil_forms:
        forms = lil_forms
    usable, acronyms = forms[script]
    if acronyms:
        usable = tuple(f for f in usable if f.case_sensitive is None or _exact(normalized, start, end, f))
    if usable:
        word_start, word_end = start - len(prefix), end + len(suffix)
        candidates.append(
            (word_start - word_end, len(suffix), len(prefix), word_start, start, end, word_end, usable)
        )


def _hits(normalized: NormalizedText, candidates: list[_Candidate]) -> list[Hit]:
    """Non-overlapping candidates, longest first, in text order, in original offsets."""
    chosen: list[_Candidate] = []
    # The characters taken so far, one byte each: a candidate overlaps a chosen one when a byte of
    # its span is set (a test in C, and linear in the text where sorted spans would be quadratic in
    # a document with tens of thousands of hits).
    taken = bytearray(len(normalized.text))
    # Longest first; on a tie the shorter suffix, then prefix: "ترکیه" over "ترکی" + "ه", and
    # "ال" + "صيني" + "ه" (the adjective) over "الصين" + "يه".
    # The key leads each candidate and ties never reach its forms: two candidates with the same
    # offsets are the same spelling at the same place, which the automaton reports once.
    candidates.sort()
    for candidate in candidates:
        start, end = candidate[3], candidate[6]
        if taken.find(1, start, end) >= 0:
            continue
        chosen.append(candidate)
        taken[start:end] = b"\x01" * (end - start)
    chosen.sort(key=_WORD_START)
    # Each hit's four offsets in text order (word start, name start, name end, word end), mapped
    # to the original in one pass.
    offsets = normalized.offsets_to_original([offset for candidate in chosen for offset in candidate[3:7]])
    return [
        Hit(offsets[i + 1], offsets[i + 2], offsets[i], offsets[i + 3], candidate[7])
        for i, candidate in zip(range(0, len(offsets), 4), chosen, strict=True)
    ]


def _by_document_language(forms: list[Form]) -> _UsableForms:
    """A spelling's forms sorted out once per document language, not at every hit."""
    usable: _UsableForms = {}
    for language in (*SCRIPT_LANGUAGES, None):
        kept = tuple(f for f in forms if _usable_in(f.language, language or ""))
        usable[language] = (kept, any(f.case_sensitive is not None for f in kept))
    return usable


def _usable_in(form_language: str, document_language: str) -> bool:
    """Arabic forms in Arabic text, Persian forms in Persian text (a Persian word can be a piece of an
    Arabic one: "دولت" in "الدولتين"); English forms anywhere; anything in other languages."""
    return (
        form_language == "en" or document_language not in ("ar", "fa") or form_language == document_language
    )


def _exact(normalized: NormalizedText, start: int, end: int, form: Form) -> bool:
    """Acronyms match only in their own case: "US" is the United States, "us" is not."""
    original_start, original_end = normalized.span_to_original(start, end)
    return normalized.original[original_start:original_end] == form.case_sensitive


def _attachments(
    text: str, start: int, end: int, ascii_start: bool, nisba: bool, language: str
) -> tuple[str, str] | None:
    """(prefix, suffix) glued to the hit, or None when the hit is inside another word. The letters
    around the hit are read only as far as the longest affix: more of them make another word.
    ``ascii_start``: the spelling starts with an ASCII character; ``nisba``: it ends with "ي"."""
    # One letter more than the longest affix on either side: inside a longer word.
    if start > _LONGEST_PREFIX and text[start - _LONGEST_PREFIX - 1 : start].isalpha():
        return None
    if end + _LONGEST_SUFFIX < len(text) and text[end : end + _LONGEST_SUFFIX + 1].isalpha():
        return None
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word_end = end
    while word_end < len(text) and text[word_end].isalpha():
        word_end += 1
    prefix, suffix = text[word_start:start], text[end:word_end]
    if ascii_start:
        ok = not prefix and (not suffix or suffix in ENGLISH_SUFFIXES)
    elif language == "fa":
        ok = (not prefix or prefix in _PERSIAN_OR_ARABIC_PREFIXES) and (
            not suffix or suffix in PERSIAN_SUFFIXES
        )
    else:
        ok = (not prefix or prefix in ARABIC_PREFIXES) and (not suffix or suffix in ARABIC_SUFFIXES)
        # A lone "ه" is the feminine of a nisba ("كازاخستاني" + "ة"), not a teh marbuta glued to any
        # name: "القمة" is no "قم" (Qom).
        ok = ok and (suffix != "ه" or nisba)
    return (prefix, suffix) if ok else None


@cache
def packaged_matcher() -> ActorMatcher:
    """The matcher over the packaged dictionaries and their guarded family names (``surnames.tsv``),
    built once per process."""
    dictionary = packaged_dictionary()
    return ActorMatcher(dictionary, guarded=dictionary.surnames)
