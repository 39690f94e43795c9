"""Plain-English words for events: PLOVER quad classes, verbs, sector and actor names.

The words live in ``data/glossary.yaml`` so an analyst can reword a gloss without touching Python;
the relations graph colours its edges by the quad class found there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from rasad.actors.dictionary import packaged_dictionary
from rasad.events.lexicon import EVENT_TYPES

GLOSSARY_PATH = Path(__file__).parent / "data" / "glossary.yaml"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
COOPERATIVE_QUADS = frozenset(QUADS[:2])


class GlossaryError(ValueError):
    """The glossary file is incomplete or malformed; the message lists every problem."""


@dataclass(frozen=True, slots=True)
class EventClass:
    quad: str
    verb: str
    alone: str

    @property
    def tone(self) -> str:
        """``cooperative`` or ``conflictual``: the two colours of the relations graph."""
        return "cooperative" if self.quad in COOPERATIVE_QUADS else "conflictual"


@dataclass(frozen=True)
class Glossary:
    events: dict[str, EventClass]
    sectors: dict[str, str]
    names: dict[str, str]  # state ISO3 / IGO code -> English name
    kinds: dict[str, str]  # state ISO3 / IGO code -> "state" or "igo"

    def name(self, code: str | None) -> str:
        return self.names.get(code or "", code or "?")

    def party(self, side: dict | None) -> str:
        """``Kazakhstan (government)`` for an actor or recipient object of a record."""
        if side is None:
            return ""
        name = self.name(side.get("org") or side.get("code"))
        sector = side.get("sector")
        return f"{name} ({self.sectors.get(sector, sector)})" if sector else name

    def gloss(self, event: dict) -> str:
        """One English sentence: who did what to whom (date and modality are shown beside it)."""
        kind = self.events.get(event.get("event", ""))
        actor = self.party(event.get("actor")) or "Someone"
        if kind is None:
            return f"{actor}: {event.get('event')}"
        recipient = self.party(event.get("recipient"))
        return f"{actor} {kind.verb} {recipient}" if recipient else f"{actor} {kind.alone}"


def validate_glossary(path: Path = GLOSSARY_PATH) -> list[str]:
    """Every problem with the file, one line each; empty when it is usable."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        return [f"{path.name}: cannot read: {error}"]
    if not isinstance(data, dict):
        return [f"{path.name}: expected a mapping with 'events' and 'sectors'"]
    problems: list[str] = []
    events = data.get("events") or {}
    for missing in sorted(set(EVENT_TYPES) - set(events)):
        problems.append(f"{path.name}: event type {missing} has no entry")
    for unknown in sorted(set(events) - set(EVENT_TYPES)):
        problems.append(f"{path.name}: {unknown} is not a PLOVER event type")
    for event, entry in events.items():
        if not isinstance(entry, dict) or entry.get("quad") not in QUADS:
            problems.append(f"{path.name}: {event}: quad must be one of {', '.join(QUADS)}")
        elif not all(isinstance(entry.get(key), str) and entry[key].strip() for key in ("verb", "alone")):
            problems.append(f"{path.name}: {event}: 'verb' and 'alone' must be non-empty text")
    sectors = data.get("sectors")
    if not isinstance(sectors, dict) or not all(isinstance(v, str) for v in sectors.values()):
        problems.append(f"{path.name}: 'sectors' must map sector codes to English names")
    return problems


def load_glossary(path: Path = GLOSSARY_PATH) -> Glossary:
    problems = validate_glossary(path)
    if problems:
        raise GlossaryError("; ".join(problems))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    events = {name: EventClass(e["quad"], e["verb"], e["alone"]) for name, e in data["events"].items()}
    actors = [c for c in packaged_dictionary().concepts if c.kind in ("state", "igo")]
    names = {c.key: c.name for c in actors}
    kinds = {c.key: c.kind for c in actors}
    return Glossary(events, dict(data["sectors"]), names, kinds)


@cache
def packaged_glossary() -> Glossary:
    return load_glossary()
