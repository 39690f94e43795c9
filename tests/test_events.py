"""The event coder on the user's seeds and on sentences we wrote."""

from __future__ import annotations

import pytest

from rasad.document import RawDocument
from rasad.events.lexicon import load_lexicon, validate_lexicon
from rasad.pipeline import analyse, code_document


@pytest.fixture(scope="module")
def seed_records(seed_texts: dict[str, str]) -> dict[str, dict]:
    return {key: code_document(RawDocument(text)) for key, text in seed_texts.items()}


def _has(record: dict, actor: str, event: str, recipient: str | None, **fields) -> list[dict]:
    def key(side: dict | None) -> str | None:
        return None if side is None else side["code"] or side["org"]

    found = [
        e
        for e in record["events"]
        if key(e["actor"]) == actor
        and e["event"] == event
        and (recipient is None or key(e["recipient"]) == recipient)
        and all(e.get(name) == value for name, value in fields.items())
    ]
    assert found, f"no {actor} {event} {recipient} {fields} among " + "; ".join(
        f"{key(e['actor'])} {e['event']} {key(e['recipient'])} {e['modality']}" for e in record["events"]
    )
    return found


def test_events_are_schema_valid_and_slice_the_text(seed_records, seed_texts, record_validator) -> None:
    for key, record in seed_records.items():
        assert not [e.message for e in record_validator.iter_errors(record)]
        text = seed_texts[key]
        for event in record["events"]:
            info = event["text_info"]
            assert text[info["start"] : info["end"]] == event["event_text"]
            trigger = event["trigger"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
            assert info["start"] <= trigger["start"] < trigger["end"] <= info["end"]
            assert event["id"].startswith(record["id"] + "-")
            assert event["cameo"] and event["cameo"].isdigit()
            assert event["explanation"].startswith(record["language"] + " trigger")


def test_seed_003_afghanistan_requests_and_kazakhstan_aids(seed_records) -> None:
    record = seed_records["003"]
    _has(record, "AFG", "REQUEST", "KAZ")
    _has(record, "KAZ", "AID", "AFG")


def test_seed_004_agreement_with_russia_is_dated_and_russia_accuses(seed_records) -> None:
    record = seed_records["004"]
    agreements = _has(record, "KAZ", "AGREE", "RUS")
    assert any(e["date"] == "2021-12-22" and e["date_precision"] == "day" for e in agreements)
    _has(record, "RUS", "ACCUSE", "KAZ")


def test_seed_002_the_denied_report_is_marked_denied(seed_records) -> None:
    denied = [e for e in seed_records["002"]["events"] if e["modality"] == "denied"]
    assert denied, "the defence ministry's denial marks the reported opening as denied"
    assert all("denied" in e["explanation"] for e in denied)


def test_seed_000_intention_is_intended(seed_records) -> None:
    intended = [e for e in seed_records["000"]["events"] if e["modality"] == "intended"]
    assert any(e["actor"]["code"] == "KAZ" for e in intended)


def test_nothing_is_coded_from_boilerplate(seed_texts, seed_records) -> None:
    analysis = analyse(RawDocument(seed_texts["001"]))
    for event in seed_records["001"]["events"]:
        info = event["text_info"]
        assert not analysis.in_boilerplate(info["start"], info["end"]), event["event_text"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "وقّعت كازاخستان وروسيا اتفاقية للتعاون العسكري في موسكو.",
            "ar",
            ("KAZ", "AGREE", "RUS", "asserted"),
        ),
        ("لم توقع تركيا أي اتفاق مع أرمينيا.", "ar", ("TUR", "AGREE", "ARM", "denied")),
        ("تسعى إسرائيل إلى توقيع اتفاقية أمنية مع كازاخستان.", "ar", ("ISR", "AGREE", "KAZ", "intended")),
        ("ایران و روسیه قرارداد همکاری نظامی امضا کردند.", "fa", ("IRN", "AGREE", "RUS", "asserted")),
        (
            "وزیر خارجه ایران با همتای ترکیه خود در آنکارا دیدار کرد.",
            "fa",
            ("IRN", "CONSULT", "TUR", "asserted"),
        ),
        ("Russia accused Ukraine of shelling the plant.", "en", ("RUS", "ACCUSE", "UKR", "asserted")),
        (
            "Kazakhstan plans to sign a defence agreement with Turkey.",
            "en",
            ("KAZ", "AGREE", "TUR", "intended"),
        ),
    ],
)
def test_sentences_code_to_the_event_an_analyst_would_write(text, language, expected) -> None:
    record = code_document(RawDocument(text, published="2022-03-01"))
    assert record["language"] == language
    actor, event, recipient, modality = expected
    _has(record, actor, event, recipient, modality=modality)


def test_the_same_event_reported_twice_is_one_event() -> None:
    text = (
        "وقّعت كازاخستان وروسيا اتفاقية أمنية يوم الأربعاء.\n"
        "وكانت كازاخستان قد وقّعت مع روسيا الاتفاقية الأمنية يوم الأربعاء في موسكو."
    )
    record = code_document(RawDocument(text, published="2021-12-23"))
    agreements = [e for e in record["events"] if e["event"] == "AGREE"]
    assert len(agreements) == 1


def test_packaged_lexicons_are_valid_and_cover_every_type_in_every_language() -> None:
    assert validate_lexicon() == []
    lexicon = load_lexicon()
    for language in ("ar", "fa", "en"):
        types = {t.event for t in lexicon.triggers if t.language == language}
        assert len(types) == 16, (language, sorted(types))


def test_lexicon_validator_names_the_problem(tmp_path) -> None:
    (tmp_path / "triggers.tsv").write_text(
        "lang\tevent\tmode\tcontext\tforms\tnote\n"
        "ar\tAGREE\t\t\tوقع ... اتفاق\t\n"
        "ar\tREJECT\t\t\tوقع ... اتفاق\t\n"
        "xx\tFIGHT\t\t\t... بدأ\t\n",
        encoding="utf-8",
    )
    problems = validate_lexicon(tmp_path)
    assert any("also a AGREE trigger" in p for p in problems)
    assert any("unknown event type 'FIGHT'" in p for p in problems)
    assert any("lang must be" in p for p in problems)
    assert any("must not start or end" in p for p in problems)
