"""The analyst's web pages: server-rendered Jinja templates over the same store as the API.

Article text and every other value from the data reach the page only through Jinja's autoescape
(and, in the scripts, through ``textContent``), so a hostile article shows its markup as text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from rasad.api.glossary import QUADS, Glossary
from rasad.api.params import asked, clean_text, event_filter, paging
from rasad.events.lexicon import EVENT_TYPES, MODALITIES
from rasad.store.base import EventFilter, Page, Store

TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates"
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "ku", "he"})
# Autoescape on for every template, whatever its file name: data is always text, never markup.
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True))


@dataclass
class Piece:
    """A run of article text with the same highlights: entity kind, trigger of which events."""

    text: str
    entity: dict | None = None
    events: tuple[str, ...] = ()


@dataclass
class Block:
    """Consecutive pieces inside one coded sentence (``sentence`` is its index) or between sentences."""

    sentence: int | None
    pieces: list[Piece]


def reader_blocks(text: str, record: dict) -> list[Block]:
    """Cut the original text at every mention, trigger and event-sentence boundary.

    Offsets in the record index the original text, so the pieces, concatenated, are the text itself.
    Sentences that carry an event become anchors the event list links to.
    """
    size = len(text)
    mentions = [
        (m["start"], m["end"], entity)
        for entity in record.get("entities") or ()
        for m in entity.get("mentions") or ()
        if 0 <= m["start"] < m["end"] <= size
    ]
    triggers = [
        (e["trigger"]["start"], e["trigger"]["end"], e["id"])
        for e in record.get("events") or ()
        if e.get("trigger") and 0 <= e["trigger"]["start"] < e["trigger"]["end"] <= size
    ]
    sentences: dict[int, tuple[int, int]] = {}
    for event in record.get("events") or ():
        info = event.get("text_info") or {}
        if 0 <= info.get("start", -1) < info.get("end", -1) <= size:
            sentences.setdefault(info["sequence"], (info["start"], info["end"]))
    ordered: list[tuple[int, int, int]] = []
    for sequence, (start, end) in sorted(sentences.items(), key=lambda item: item[1]):
        if not ordered or start >= ordered[-1][2]:
            ordered.append((sequence, start, end))
    spans = [(s, e) for s, e, _ in mentions + triggers] + [(s, e) for _, s, e in ordered]
    cuts = sorted({0, size, *itertools.chain.from_iterable(spans)})
    blocks: list[Block] = []
    for start, end in itertools.pairwise(cuts):
        entity = next((ent for s, e, ent in mentions if s <= start and end <= e), None)
        events = tuple(event_id for s, e, event_id in triggers if s <= start and end <= e)
        sentence = next((seq for seq, s, e in ordered if s <= start and end <= e), None)
        piece = Piece(text[start:end], entity, events)
        if blocks and blocks[-1].sentence == sentence:
            blocks[-1].pieces.append(piece)
        else:
            blocks.append(Block(sentence, [piece]))
    return blocks


def text_direction(language: str | None) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def query_without(request: Request, *names: str, **changes: object) -> str:
    """The current query string with some parameters dropped or replaced (pagination links)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in names and k not in changes]
    items += [(k, str(v)) for k, v in changes.items() if v is not None]
    return urlencode(items)


def error_page(request: Request, status: int, message: str) -> Response:
    context = {"status": status, "reason": HTTPStatus(status).phrase, "message": message}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


def add_pages(app: FastAPI, store: Store, glossary: Glossary) -> None:
    """Register the HTML pages on ``app``."""

    def render(request: Request, name: str, **context: object) -> HTMLResponse:
        base = {
            "glossary": glossary,
            "event_types": EVENT_TYPES,
            "quads": QUADS,
            "modalities": MODALITIES,
            "direction": text_direction,
            "query_without": lambda *names, **changes: query_without(request, *names, **changes),
        }
        return templates.TemplateResponse(request, name, {**base, **context})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def relations_page(request: Request, filters: Annotated[EventFilter, Depends(event_filter)]) -> Response:
        return render(request, "relations.html", filters=filters, counts=store.count())

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(
        request: Request,
        filters: Annotated[EventFilter, Depends(event_filter)],
        page: Annotated[Page, Depends(paging)],
    ) -> Response:
        events = asked(lambda: store.events(filters, page)) if filters.actor or filters.recipient else None
        return render(request, "timeline.html", filters=filters, events=events)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, filters: Annotated[EventFilter, Depends(event_filter)]) -> Response:
        return render(request, "map.html", filters=filters)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request,
        filters: Annotated[EventFilter, Depends(event_filter)],
        page: Annotated[Page, Depends(paging)],
    ) -> Response:
        return render(
            request, "events.html", filters=filters, events=asked(lambda: store.events(filters, page))
        )

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(
        request: Request, page: Annotated[Page, Depends(paging)], language: str | None = None
    ) -> Response:
        language = clean_text("language", language, 8)
        documents = asked(lambda: store.documents(page, language=language))
        return render(request, "documents.html", documents=documents, language=language)

    @app.get("/documents/{document_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def reader_page(request: Request, document_id: str) -> Response:
        found = store.document(clean_text("id", document_id) or "")
        if found is None:
            raise HTTPException(404, "no document with this id")
        record = found["record"]
        return render(
            request,
            "document.html",
            record=record,
            stored=found,
            blocks=reader_blocks(found["text"], record),
            entities=sorted(record.get("entities") or (), key=lambda e: (-len(e["mentions"]), e["name"])),
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        page: Annotated[Page, Depends(paging)],
        q: str | None = None,
        language: str | None = None,
    ) -> Response:
        query = clean_text("q", q, 500)
        language = clean_text("language", language, 8)
        results = asked(lambda: store.search(query, page, language=language)) if query else None
        return render(request, "search.html", query=query or "", results=results, language=language)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> Response:
        return templates.TemplateResponse(request, "docs.html", {})
