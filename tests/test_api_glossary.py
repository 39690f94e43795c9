"""The glossary data file: complete, valid, and what the graph colours and glosses are made of."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.api.glossary import (
    GLOSSARY_PATH,
    GlossaryError,
    load_glossary,
    packaged_glossary,
    validate_glossary,
)
from rasad.events.lexicon import EVENT_TYPES


def test_packaged_glossary_covers_every_plover_type() -> None:
    assert validate_glossary() == []
    glossary = packaged_glossary()
    assert set(glossary.events) == set(EVENT_TYPES)
    assert glossary.events["AGREE"].tone == "cooperative"
    assert glossary.events["RETREAT"].tone == "cooperative"
    assert glossary.events["THREATEN"].tone == "conflictual"
    assert glossary.events["ASSAULT"].tone == "conflictual"


def test_a_broken_glossary_says_every_problem(tmp_path: Path) -> None:
    broken = tmp_path / "glossary.yaml"
    text = GLOSSARY_PATH.read_text(encoding="utf-8")
    text = text.replace("  ASSAULT: {quad: material_conflict", "  ATTACK: {quad: material_conflict")
    text = text.replace("AID: {quad: material_cooperation", "AID: {quad: friendly")
    broken.write_text(text, encoding="utf-8")
    problems = validate_glossary(broken)
    assert any("ASSAULT has no entry" in p for p in problems)
    assert any("ATTACK is not a PLOVER event type" in p for p in problems)
    assert any(p.startswith("glossary.yaml: AID: quad must be") for p in problems)
    with pytest.raises(GlossaryError):
        load_glossary(broken)


def test_glosses_read_as_english_sentences() -> None:
    glossary = packaged_glossary()
    event = {
        "event": "REQUEST",
        "actor": {"code": "KAZ", "sector": "GOV", "org": None},
        "recipient": {"code": None, "sector": None, "org": "CSTO"},
    }
    assert (
        glossary.gloss(event)
        == "Kazakhstan (government) made a request to Collective Security Treaty Organization"
    )
    alone = {"event": "PROTEST", "actor": {"code": "IRN", "sector": "CVL", "org": None}, "recipient": None}
    assert glossary.gloss(alone) == "Iran (civilians) protested"
