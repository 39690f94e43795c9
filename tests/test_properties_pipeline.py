"""Properties of the whole pipeline on generated Arabic, Persian and English news text.

Whatever the text, ``code_document`` returns a record that validates against the output contract,
and every offset in it slices the original text: mentions, triggers, event sentences.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasad.document import RawDocument
from rasad.pipeline import code_document
from strategies import any_news_text, news_text

METADATA = st.one_of(st.none(), st.text(max_size=12), news_text(max_tokens=4))
DOCUMENTS = st.builds(
    RawDocument,
    text=any_news_text | st.lists(any_news_text, min_size=2, max_size=5).map("\n".join),
    path=st.none() | st.just("generated.txt"),
    doc_id=METADATA,
    title=METADATA,
    url=METADATA,
    outlet=METADATA,
    published=st.one_of(METADATA, st.dates().map(str), st.just("2024-03-05T10:20:00+03:30")),
)


def slices(text: str, start: int, end: int, words: str) -> bool:
    return 0 <= start <= end <= len(text) and text[start:end] == words


@given(doc=DOCUMENTS)
def test_every_record_is_valid_and_every_offset_slices_the_text(doc: RawDocument, record_validator) -> None:
    record = code_document(doc)
    assert [error.message for error in record_validator.iter_errors(record)] == []
    text = doc.text
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert slices(text, mention["start"], mention["end"], mention["text"]), mention
    for event in record["events"]:
        info, trigger = event["text_info"], event["trigger"]
        assert slices(text, info["start"], info["end"], event["event_text"]), event
        assert slices(text, trigger["start"], trigger["end"], trigger["text"]), event
        assert info["start"] <= trigger["start"] < trigger["end"] <= info["end"]
        assert event["id"].startswith(record["id"] + "-")
    if record["published"] and record["published"]["calendar"] != "metadata":
        assert record["published"]["text"] in text
    assert code_document(doc) == record  # the same document, the same record


@given(text=st.sampled_from(["ar", "fa", "en"]).flatmap(lambda language: news_text(language, max_tokens=120)))
def test_news_in_each_coded_language_is_coded_validly(text: str, record_validator) -> None:
    record = code_document(RawDocument(text))
    assert [error.message for error in record_validator.iter_errors(record)] == []
    for event in record["events"]:
        assert text[event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]
        assert text[event["text_info"]["start"] : event["text_info"]["end"]] == event["event_text"]
