"""Properties of the text stages on generated news text: normalisation, language id, sentences, boilerplate."""

from __future__ import annotations

import pickle
import re

from hypothesis import given
from hypothesis import strategies as st

from rasad.events.words import _WORD, original_words, word_texts
from rasad.text.boilerplate import find_boilerplate
from rasad.text.langid import identify_language
from rasad.text.normalize import normalize, normalize_string
from rasad.text.segment import split_sentences
from strategies import any_news_text


@given(any_news_text, st.data())
def test_every_normalised_span_maps_back_to_the_original_words(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    assert norm.original == text
    assert len(norm.text) <= len(text)  # characters are replaced or removed, never inserted
    start = data.draw(st.integers(0, len(norm.text)), label="start")
    end = data.draw(st.integers(start, len(norm.text)), label="end")
    orig_start, orig_end = norm.span_to_original(start, end)
    assert 0 <= orig_start <= orig_end <= len(text)
    # the original words of a match normalise to exactly the matched text
    assert normalize_string(text[orig_start:orig_end]) == norm.text[start:end]


@given(any_news_text)
def test_each_normalised_character_comes_from_its_original_position(text: str) -> None:
    norm = normalize(text)
    positions = [norm.to_original(i) for i in range(len(norm.text))]
    assert positions == sorted(set(positions))  # strictly increasing: order kept, nothing doubled
    assert all(normalize_string(text[p]) == norm.text[i] for i, p in enumerate(positions))


@given(any_news_text, st.data())
def test_many_offsets_map_back_as_each_one_alone(text: str, data: st.DataObject) -> None:
    """The one-pass mapping the actor matcher uses gives what ``to_original`` gives offset by offset."""
    norm = normalize(text)
    offsets = sorted(data.draw(st.lists(st.integers(0, len(norm.text)), max_size=20), label="offsets"))
    assert norm.offsets_to_original(offsets) == [norm.to_original(offset) for offset in offsets]


@given(any_news_text)
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once
    assert normalize_string(once) == once == normalize_string(text)


@given(any_news_text)
def test_language_identification_always_answers_a_code(text: str) -> None:
    language = identify_language(text)
    assert re.fullmatch(r"[a-z]{2}|und", language)
    assert identify_language(text) == language  # the same text, the same answer


@given(any_news_text)
def test_sentences_cover_every_visible_character_in_order_without_overlap(text: str) -> None:
    """What ``split_sentences`` promises: spans in order, trimmed, within one line, covering all."""
    sentences = split_sentences(text)
    covered = 0
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        piece = text[sentence.start : sentence.end]
        assert piece == piece.strip() and "\n" not in piece
        covered += sum(not char.isspace() for char in piece)
        previous_end = sentence.end
    assert covered == sum(not char.isspace() for char in text)


@given(any_news_text)
def test_boilerplate_spans_are_lines_of_the_text_in_order(text: str) -> None:
    previous_end = 0
    for span in find_boilerplate(text):
        assert previous_end <= span.start < span.end <= len(text)
        assert "\n" not in text[span.start : span.end]
        previous_end = span.end


@given(any_news_text, st.data())
def test_the_fast_word_split_finds_the_regex_words_with_their_offsets(text: str, data: st.DataObject) -> None:
    """``word_texts`` (white space, then punctuation at the ends, then the regex) and
    ``original_words`` give exactly the words of ``[^\\W_]+`` and where they stand."""
    norm = normalize(text)
    start = data.draw(st.integers(0, len(norm.text)), label="start")
    found = word_texts(norm.text, start, len(norm.text))
    expected = list(_WORD.finditer(norm.text, start))
    assert found == [m[0] for m in expected]
    located = original_words(norm, start, found)
    assert [norm.to_normalized(w.start) for w in located] == [m.start() for m in expected]


@given(any_news_text, st.data())
def test_a_normalised_text_sent_to_a_worker_maps_offsets_as_the_original(
    text: str, data: st.DataObject
) -> None:
    """The pool's parent pickles the normalised text for the worker (``rasad.run.Decided``): the copy
    must be the same text and map every span back the same way."""
    normalized = normalize(text)
    copy = pickle.loads(pickle.dumps(normalized))
    assert copy == normalized
    end = data.draw(st.integers(0, len(normalized.text)))
    start = data.draw(st.integers(0, end))
    assert copy.span_to_original(start, end) == normalized.span_to_original(start, end)
