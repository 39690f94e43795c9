"""What both backends share: turning a record into rows, checking filters, search terms, snippets.

Keeping this out of the SQL modules means SQLite and PostgreSQL index exactly the same values and
reject exactly the same bad input, so the API behaves the same whichever database is behind it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from rasad.events.lexicon import EVENT_TYPES, MODALITIES
from rasad.store.base import EventFilter
from rasad.text.normalize import normalize, normalize_string

MAX_QUERY_TERMS = 64  # a pasted paragraph still searches; thousands of AND-ed terms would only be slow
SNIPPET_CONTEXT_CHARS = 80
MAX_FILTER_CHARS = 1000  # longer than any code, outlet or document id
_DATE_FORMS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
_WORD_RE = re.compile(r"\w+")
# Arabic proclitics written joined to the next word (conjunction, preposition, article), longest
# first, in normalised spelling. A word that carries one is indexed a second time without it, so
# «إسرائيل» finds «وإسرائيل» and «لإسرائيل»; query words then match as prefixes («اسرائیلی»).
_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")
MIN_STEM_CHARS = 3

# Filters that look at events; the others (language, outlet, document) describe the document.
EVENT_LEVEL_FIELDS = ("actor", "recipient", "event_types", "context", "modalities", "date_from", "date_to")


def now() -> str:
    """UTC timestamp, second precision: when a document was ingested or updated."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def record_json(record: dict) -> str:
    """One canonical serialisation, so an identical record compares equal as text."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def content_hash(text: str) -> str:
    """Digest of the original text: tells a re-used id with new text from the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DocumentRow:
    """The columns of a document, pulled out of its record once for both backends."""

    id: str
    title: str | None
    language: str | None
    published: str | None
    outlet: str | None
    url: str | None
    event_count: int
    search_title: str
    search_text: str


@dataclass(frozen=True)
class EventRow:
    """One event's filter columns plus the event itself."""

    id: str
    event_type: str | None
    actor_code: str | None
    actor_org: str | None
    recipient_code: str | None
    recipient_org: str | None
    modality: str | None
    date: str | None
    date_start: str | None
    date_end: str | None
    contexts: tuple[str, ...]
    location: tuple[str | None, str | None, float | None, float | None]  # name, country, lat, lon
    event: dict


@dataclass(frozen=True)
class EntityRow:
    id: str
    kind: str | None
    name: str | None
    country: str | None
    mentions: tuple[tuple[int, int, str, str], ...]  # start, end, text, normalised text


def document_row(record: dict, text: str) -> DocumentRow:
    source = record.get("source") or {}
    published = record.get("published") or {}
    title = record.get("title")
    return DocumentRow(
        id=record["id"],
        title=title,
        language=record.get("language"),
        published=published.get("date"),
        outlet=source.get("outlet"),
        url=source.get("url"),
        event_count=len(record.get("events") or ()),
        search_title=normalize_string(title or ""),
        search_text=searchable(normalize_string(text)),
    )


def searchable(normalized: str) -> str:
    """The normalised text followed by its clitic-bearing words written without the clitic."""
    stems = dict.fromkeys(stem for word in _WORD_RE.findall(normalized) if (stem := _stem(word)))
    return normalized + "\n" + " ".join(stems) if stems else normalized


def _stem(word: str) -> str | None:
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM_CHARS:
            return word[len(clitic) :]
    return None


def event_rows(record: dict) -> Iterator[EventRow]:
    for event in record.get("events") or ():
        actor = event.get("actor") or {}
        recipient = event.get("recipient") or {}
        start, end = date_bounds(event.get("date"))
        place = event.get("event_loc") or {}
        yield EventRow(
            id=event["id"],
            event_type=event.get("event"),
            actor_code=actor.get("code"),
            actor_org=actor.get("org"),
            recipient_code=recipient.get("code"),
            recipient_org=recipient.get("org"),
            modality=event.get("modality"),
            date=event.get("date"),
            date_start=start,
            date_end=end,
            contexts=tuple(dict.fromkeys(event.get("context") or ())),
            location=(place.get("name"), place.get("country"), place.get("lat"), place.get("lon")),
            event=event,
        )


def entity_rows(record: dict) -> Iterator[EntityRow]:
    for entity in record.get("entities") or ():
        mentions = tuple(
            (m["start"], m["end"], m["text"], normalize_string(m["text"]))
            for m in entity.get("mentions") or ()
        )
        yield EntityRow(entity["id"], entity.get("kind"), entity.get("name"), entity.get("country"), mentions)


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last day an ISO date of any precision can mean ("2022-01" -> 01-01 .. 01-31).

    Range filters test overlap with these bounds, so a month-precision event is found by a filter
    on one of its days. The end day is 31 for every month: the bounds are only compared as text.
    """
    if not value:
        return None, None
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"
    return value, value


def check_text(name: str, value: str | None) -> None:
    """A text filter value must be storable text: no NUL (PostgreSQL refuses it), not absurdly long."""
    if value is None:
        return
    if "\x00" in value:
        raise ValueError(f"{name} must not contain a NUL character")
    if len(value) > MAX_FILTER_CHARS:
        raise ValueError(f"{name} is longer than {MAX_FILTER_CHARS} characters")


def check_filters(filters: EventFilter) -> None:
    """Raise ValueError, with a message a user can act on, for values no event can ever match."""
    for name in ("actor", "recipient", "context", "language", "outlet", "document_id"):
        check_text(name, getattr(filters, name))
    unknown = [t for t in filters.event_types if t not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]!r}; expected one of {', '.join(EVENT_TYPES)}")
    unknown = [m for m in filters.modalities if m not in MODALITIES]
    if unknown:
        raise ValueError(f"unknown modality {unknown[0]!r}; expected one of {', '.join(MODALITIES)}")
    start = _check_date("date_from", filters.date_from)
    end = _check_date("date_to", filters.date_to)
    if start and end and start > end:
        raise ValueError(f"date_from {filters.date_from} is after date_to {filters.date_to}")


def filter_bounds(filters: EventFilter) -> tuple[str | None, str | None]:
    """The filter's date range as day bounds: a month or a year covers all its days."""
    return date_bounds(filters.date_from)[0], date_bounds(filters.date_to)[1]


def _check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    form = _DATE_FORMS.get(len(value))
    try:
        if form is None:
            raise ValueError
        datetime.strptime(value, form)
    except ValueError:
        raise ValueError(
            f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value[:40]!r}"
        ) from None
    return date_bounds(value)[0]


def has_event_filters(filters: EventFilter) -> bool:
    defaults = {f.name: f.default for f in fields(EventFilter)}
    return any(getattr(filters, name) != defaults[name] for name in EVENT_LEVEL_FIELDS)


def query_terms(query: str) -> list[str]:
    """The words of a search query, normalised as the index is: operators and quotes become text."""
    return _WORD_RE.findall(normalize_string(query))[:MAX_QUERY_TERMS]


def snippet(text: str, terms: list[str]) -> dict:
    """Original text around the first hit: ``{"text", "highlight": [start, end]}`` (offsets in it).

    The hit is found in the normalised text and mapped back, so a search for a Persian spelling
    shows the Arabic spelling the article actually used.
    """
    normalized = normalize(text)
    haystack = normalized.text
    hit = None
    for term in terms:
        for found in re.finditer(re.escape(term), haystack):
            if _is_word_start(haystack, found.start()):
                hit = normalized.span_to_original(found.start(), found.end())
                break
        if hit:
            break
    if hit is None:
        start, end = 0, 0
    else:
        start, end = hit
    left = max(0, start - SNIPPET_CONTEXT_CHARS)
    right = min(len(text), end + SNIPPET_CONTEXT_CHARS)
    left = _word_boundary(text, left, forward=True) if left > 0 else 0
    right = _word_boundary(text, right, forward=False) if right < len(text) else len(text)
    raw = text[left:right].replace("\n", " ")  # same length: offsets into it stay valid
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    offset = len(prefix) - left - lead
    highlight = [start + offset, end + offset] if hit else None
    return {"text": prefix + body + suffix, "highlight": highlight}


def _is_word_start(text: str, index: int) -> bool:
    """At the start of a word, or right after a proclitic that starts one («و|إسرائيل»)."""
    if index == 0 or not text[index - 1].isalnum():
        return True
    return any(
        text.endswith(clitic, 0, index)
        and (index == len(clitic) or not text[index - len(clitic) - 1].isalnum())
        for clitic in _PROCLITICS
    )


def _word_boundary(text: str, index: int, forward: bool) -> int:
    """Move ``index`` to the nearest space so a snippet does not start or end mid-word."""
    step = 1 if forward else -1
    limit = 20
    probe = index
    while 0 < probe < len(text) and limit and not text[probe].isspace():
        probe += step
        limit -= 1
    return probe if limit else index
