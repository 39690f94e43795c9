"""The record's ``entities``: resolved mentions grouped by who they are."""

from __future__ import annotations

from rasad.actors.resolve import ActorMention

ENTITY_KINDS = ("state", "igo", "person", "organization", "place")


def entities_from_mentions(mentions: list[ActorMention]) -> list[dict]:
    """One entity per state, organisation, person and place, with every mention's exact span.

    Sector words on their own ("the ministry") are not entities; they give events their sector.
    Ids follow the contract: ISO3 for states, the IGO code for organisations of states, and for the
    others (people, groups, places) the dictionary's canonical name, or the name as written when no
    dictionary knows it.
    """
    entities: dict[tuple[str, str], dict] = {}
    for mention in mentions:
        if mention.kind not in ENTITY_KINDS or mention.key is None:
            continue
        identity = mention.key if mention.kind in ("state", "igo") else (mention.name or mention.key)
        entity = entities.setdefault(
            (mention.kind, identity),
            {
                "id": identity,
                "kind": mention.kind,
                "name": mention.name or identity,
                "country": None if mention.kind == "igo" else mention.country,
                "mentions": [],
            },
        )
        span = {"start": mention.start, "end": mention.end, "text": mention.text}
        if span not in entity["mentions"]:
            entity["mentions"].append(span)
    ordered = sorted(entities.values(), key=lambda e: e["mentions"][0]["start"])
    for entity in ordered:
        entity["mentions"].sort(key=lambda span: (span["start"], span["end"]))
    return ordered
