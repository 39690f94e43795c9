"""An event's confidence is how often its recipient rule was right on articles never tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.document import RawDocument
from rasad.eval.confidence import calibration, judged_events, recipient_rule
from rasad.events.coder import event_confidence
from rasad.events.lexicon import packaged_lexicon, validate_lexicon
from rasad.pipeline import code_document

TABLE = {"*": (30, 100), "preposition before it": (18, 20), "object after the source": (1, 20)}


def test_a_rule_right_more_often_than_the_rest_is_more_confident() -> None:
    marked = event_confidence(TABLE, "preposition before it (مع)", "subject at the head of the clause")
    positional = event_confidence(TABLE, "object after the source", "subject at the head of the clause")
    unjudged = event_confidence(TABLE, "a rule nobody judged", "subject at the head of the clause")
    assert marked > unjudged == 0.3 > positional
    # Drawn towards the prior: 18 of 20 right gives less than 0.9, 1 of 20 more than 0.05.
    assert marked == round((18 + 4 * 0.3) / 24, 2) and positional == round((1 + 4 * 0.3) / 24, 2)


def test_an_event_without_a_named_actor_takes_the_lowest_figure() -> None:
    unnamed = event_confidence(TABLE, "preposition before it", "not named: the attackers")
    assert unnamed == event_confidence(TABLE, "object after the source", "subject")


def test_the_validator_wants_counts_and_a_prior(tmp_path: Path) -> None:
    (tmp_path / "confidence.tsv").write_text(
        "recipient_rule\tright\tjudged\tnote\ngenitive\t5\t3\t\nnone\tmany\t4\t\n", encoding="utf-8"
    )
    problems = validate_lexicon(tmp_path)
    assert any("more events right (5) than judged (3)" in p for p in problems)
    assert any("whole numbers" in p for p in problems)
    assert any("'*' row" in p for p in problems)


def test_seed_events_carry_the_confidence_of_their_recipient_rule(seed_texts: dict[str, str]) -> None:
    table = packaged_lexicon().confidence
    records = [code_document(RawDocument(text)) for text in seed_texts.values()]
    events = [event for record in records for event in record["events"]]
    assert events
    for event in events:
        if not event["explanation"].split("; ")[1].startswith("actor by not named"):
            assert event["confidence"] == event_confidence(table, recipient_rule(event), "")


def test_packaged_confidence_is_calibrated_on_the_judged_events(corpora_root: Path) -> None:
    """The mean confidence is the share of judged events that were right, and the table scores
    better than guessing that share for every event (the old fixed 0.55-0.85 scored worse)."""
    events, _ = judged_events(corpora_root)
    assert len(events) > 100
    found = calibration(events, lambda event: event.confidence)
    assert found.mean_confidence == pytest.approx(found.share_right, abs=0.05)
    assert found.brier < found.brier_constant
