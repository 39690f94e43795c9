"""The word index's shortcuts must find exactly what the plain stem analysis finds."""

from __future__ import annotations

import pytest

from rasad.events.coder import _indexes
from rasad.events.words import (
    _LEXICON_WORDS,
    _WORD,
    AFFIXES,
    LexiconWords,
    all_stems,
    original_words,
    word_texts,
)
from rasad.text.normalize import normalize


def _expected(lexicon: LexiconWords, word: str) -> dict[str, str]:
    """What a word carries by the plain analysis: every stem, then only the lexicon's."""
    return {
        stem: prefix for stem, prefix in all_stems(word, lexicon.language).items() if stem in lexicon.words
    }


@pytest.mark.parametrize("language", ["ar", "fa", "en"])
def test_carried_agrees_with_all_stems_on_affixed_lexicon_words(language: str) -> None:
    _indexes(language)
    lexicon = _LEXICON_WORDS[language]
    prefixes, suffixes = AFFIXES[language]
    stems = sorted(lexicon.words)[::7]
    words = {
        prefix + stem + suffix
        for stem in stems
        for prefix in ("", *prefixes[::3])
        for suffix in ("", *suffixes[::5])
    }
    # Cut ones too: a stem's last letters, a lone prefix, an ending alone.
    words |= {stem[:-1] for stem in stems} | set(prefixes) | set(suffixes) | {"e" + s for s in suffixes}
    carrying = 0
    for word in sorted(words):
        expected = _expected(lexicon, word)
        assert lexicon.carried(word) == expected, word
        assert list(lexicon.carried(word)) == list(expected), word  # the same order
        carrying += bool(expected)
    assert carrying  # the sample does exercise words that carry something


def test_english_forms_that_drop_a_final_e_or_y_are_carried() -> None:
    lexicon = LexiconWords("en")
    lexicon.add(["accuse", "deny"])
    assert lexicon.carried("accusing") == {"accuse": ""}
    assert lexicon.carried("denied") == {"deny": ""}
    assert lexicon.carried("accord") == {}


def test_a_sentence_asked_again_is_not_analysed_again_but_a_new_list_is() -> None:
    _indexes("ar")
    lexicon = _LEXICON_WORDS["ar"]
    words = ["وقعت", "مصر", "اتفاقية"]
    first = lexicon.sentence(words)
    assert lexicon.sentence(words) is first
    assert lexicon.sentence(list(words)) is not first


def test_sentence_words_are_the_regex_words_with_their_offsets(seed_texts: dict[str, str]) -> None:
    """The fast split on white space gives exactly the words (and offsets) of ``[^\\W_]+``."""
    tricky = "«الرياض»، طهران-مسكو (2024) snake_case x_y و۱۲۳ U.S.A. ‌ نیم‌فاصله 3.5٪"
    for text in [*seed_texts.values(), tricky]:
        normalized = normalize(text)
        expected = list(_WORD.finditer(normalized.text))
        assert word_texts(normalized.text, 0, len(normalized.text)) == [m[0] for m in expected]
        words = original_words(normalized, 0, word_texts(normalized.text, 0, len(normalized.text)))
        assert [(w.text, normalized.to_normalized(w.start)) for w in words] == [
            (m[0], m.start()) for m in expected
        ]
        middle = len(normalized.text) // 2
        assert word_texts(normalized.text, middle, len(normalized.text)) == _WORD.findall(
            normalized.text, middle, len(normalized.text)
        )
        later = original_words(normalized, middle, word_texts(normalized.text, middle, len(normalized.text)))
        assert [(w.text, normalized.to_normalized(w.start)) for w in later] == [
            (m[0], m.start()) for m in _WORD.finditer(normalized.text, middle, len(normalized.text))
        ]
