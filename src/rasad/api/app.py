"""The HTTP API and the analyst's web app over one store.

``create_app(store)`` is all a server needs: JSON endpoints under ``/api``, HTML pages at the other
paths, vendored assets under ``/static`` and offline API docs at ``/docs``. Reads are open; the one
write (``POST /api/documents``) needs the bearer token, and without a configured token writes are
off. The store validates filter values (dates, types, modalities) and says what is wrong with a
``ValueError``; the API turns that into a 400 with the same message.
"""

from __future__ import annotations

import hmac
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from rasad import __version__
from rasad.api import DEFAULT_MAX_BODY_BYTES
from rasad.api.glossary import Glossary, packaged_glossary
from rasad.api.security import BodySizeLimit, SecurityHeaders
from rasad.document import RawDocument
from rasad.store import coder_version as current_coder_version
from rasad.store.base import MAX_PAGE_SIZE, EventFilter, Page, Store
from rasad.store.common import check_filters

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
MAX_TEXT_PARAM = 200
MAX_OFFSET = 1_000_000
DEFAULT_GRAPH_EDGES = 150
log = logging.getLogger("rasad.api")
T = TypeVar("T")


class RasadApp(FastAPI):
    """FastAPI with the body limit and the security headers outside every other layer.

    Outside Starlette's own error layer, so a 500 page gets the headers too and an oversized body
    is refused before any of the application runs.
    """

    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(BodySizeLimit(super().build_middleware_stack(), self.max_body_bytes))


class NewDocument(BaseModel):
    """The body of ``POST /api/documents``: an article to code and store."""

    text: str = Field(min_length=1, description="the article text, in any language rasad reads")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, max_length=100, description="publication date as given")
    id: str | None = Field(default=None, min_length=8, max_length=200, description="your own id")


def clean_text(name: str, value: str | None, max_chars: int = MAX_TEXT_PARAM) -> str | None:
    """A text parameter as given, or a 400 for what no store column can hold (control characters)."""
    if value is None:
        return None
    if len(value) > max_chars:
        raise HTTPException(400, f"{name} is too long: at most {max_chars} characters")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in value):
        raise HTTPException(400, f"{name} must not contain control characters")
    return value.strip() or None


def code_param(name: str, value: str | None) -> str | None:
    """An actor code: ISO3 (KAZ) or an IGO code (CSTO); letters and digits only, upper-cased."""
    value = clean_text(name, value, 16)
    if value is not None and not (value.isascii() and value.isalnum()):
        raise HTTPException(400, f"{name} must be a country or organisation code such as KAZ or CSTO")
    return value.upper() if value else None


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="rows per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


def event_filter(
    actor: Annotated[str | None, Query(description="ISO3 state or IGO code of the actor")] = None,
    recipient: Annotated[str | None, Query(description="ISO3 state or IGO code of the recipient")] = None,
    event_type: Annotated[list[str], Query(alias="type", description="PLOVER event type; repeatable")] = [],  # noqa: B006
    context: Annotated[str | None, Query(description="PLOVER context, e.g. military")] = None,
    modality: Annotated[list[str], Query(description="asserted, intended, denied, …; repeatable")] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code of the article: ar, fa, en")] = None,
    outlet: Annotated[str | None, Query()] = None,
    document: Annotated[str | None, Query(description="only the events of this document id")] = None,
    symmetric: Annotated[bool, Query(description="also the pair the other way round")] = False,
) -> EventFilter:
    if len(event_type) > 16 or len(modality) > 5:
        raise HTTPException(400, "too many type or modality values")
    filters = EventFilter(
        actor=code_param("actor", actor),
        recipient=code_param("recipient", recipient),
        event_types=tuple(t.upper() for t in (clean_text("type", v, 20) for v in event_type) if t),
        context=clean_text("context", context, 40),
        modalities=tuple(m.lower() for m in (clean_text("modality", v, 40) for v in modality) if m),
        date_from=clean_text("date_from", date_from, 10),
        date_to=clean_text("date_to", date_to, 10),
        language=clean_text("language", language, 8),
        outlet=clean_text("outlet", outlet),
        document_id=clean_text("document", document),
        dyad_symmetric=symmetric,
    )
    asked(lambda: check_filters(filters))
    return filters


def asked(call: Callable[[], T]) -> T:
    """Run a store call; a ValueError is the store rejecting a value, so the client gets a 400."""
    try:
        return call()
    except ValueError as error:
        raise HTTPException(400, str(error)) from None


def page_json(result: Any) -> dict:
    return {
        "total": result.total,
        "limit": result.page.limit,
        "offset": result.page.offset,
        "rows": result.rows,
    }


def relations_graph(rows: list[dict], glossary: Glossary, max_edges: int) -> dict:
    """States and IGOs as nodes, (actor, recipient) pairs as edges, cooperative/conflictual split.

    Events with no recipient, or a state acting on itself (protests against one's own government),
    are not relations between two parties and are left out. Only the ``max_edges`` busiest pairs are
    kept so a big store still draws a readable graph.
    """
    edges: dict[tuple[str, str], dict] = {}
    for row in rows:
        actor, recipient = row.get("actor"), row.get("recipient")
        kind = glossary.events.get(row.get("event") or "")
        if not actor or not recipient or actor == recipient or kind is None:
            continue
        edge = edges.setdefault(
            (actor, recipient),
            {
                "source": actor,
                "target": recipient,
                "cooperative": 0,
                "conflictual": 0,
                "events": 0,
                "types": {},
            },
        )
        edge[kind.tone] += row["count"]
        edge["events"] += row["count"]
        edge["types"][row["event"]] = edge["types"].get(row["event"], 0) + row["count"]
    kept = sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"]))[:max_edges]
    nodes: dict[str, dict] = {}
    for edge in kept:
        for end in (edge["source"], edge["target"]):
            node = nodes.setdefault(
                end,
                {
                    "id": end,
                    "name": glossary.name(end),
                    "kind": glossary.kinds.get(end, "other"),
                    "events": 0,
                },
            )
            node["events"] += edge["events"]
    return {"nodes": sorted(nodes.values(), key=lambda n: -n["events"]), "edges": kept}


def dyad_timeline(rows: list[dict]) -> list[dict]:
    """Counts by month, each with its counts by event type, oldest month first."""
    months: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        month = row.get("month") or "undated"
        months[month][row["event"]] = months[month].get(row["event"], 0) + row["count"]
    return [
        {"month": month, "total": sum(types.values()), "types": types}
        for month, types in sorted(months.items(), key=lambda item: (item[0] == "undated", item[0]))
    ]


def create_app(
    store: Store,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    cors_origins: tuple[str, ...] = (),
    coder_version: str | None = None,
) -> FastAPI:
    """The whole web application over ``store``.

    ``token``: the bearer token that allows ``POST /api/documents``; None refuses every write.
    ``cors_origins``: other origins allowed to call the API from a browser; none by default.
    """
    glossary = packaged_glossary()
    app = RasadApp(
        title="rasad",
        version=__version__,
        description="PLOVER political event data from Arabic, Persian and English news.",
        docs_url=None,
        redoc_url=None,
    )
    app.max_body_bytes = max_body_bytes
    app.state.store = store
    if cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )  # fmt: skip
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def writer(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(
                403, "writes are disabled: start the server with RASAD_TOKEN set to allow them"
            )
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer <RASAD_TOKEN>'")

    @app.get("/api/documents", tags=["documents"])
    def list_documents(
        page: Annotated[Page, Depends(paging)],
        language: str | None = None,
        outlet: str | None = None,
    ) -> dict:
        """Document summaries, newest first."""
        language, outlet = clean_text("language", language, 8), clean_text("outlet", outlet)
        return page_json(asked(lambda: store.documents(page, language=language, outlet=outlet)))

    @app.get("/api/documents/{document_id:path}", tags=["documents"])
    def get_document(document_id: str) -> dict:
        """The document record and the original text its offsets index."""
        found = store.document(clean_text("id", document_id) or "")
        if found is None:
            raise HTTPException(404, "no document with this id")
        return found

    @app.post("/api/documents", status_code=201, tags=["documents"], dependencies=[Depends(writer)])
    def add_document(body: NewDocument) -> dict:
        """Code an article with the rasad pipeline and store it (needs the bearer token)."""
        from rasad.pipeline import code_document

        document = RawDocument(
            text=body.text, doc_id=body.id, title=body.title, url=body.url, outlet=body.outlet,
            published=body.published, path=None,
        )  # fmt: skip
        record = code_document(document)
        outcome = asked(lambda: store.save(document, record, coder_version or current_coder_version()))
        return {"id": record["id"], "outcome": outcome, "record": record}

    @app.get("/api/events", tags=["events"])
    def list_events(
        filters: Annotated[EventFilter, Depends(event_filter)], page: Annotated[Page, Depends(paging)]
    ) -> dict:
        """Events matching every filter given, each with its document id and title and an English gloss."""
        result = asked(lambda: store.events(filters, page))
        for event in result.rows:
            event["gloss"] = glossary.gloss(event)
            event["tone"] = (
                glossary.events[event["event"]].tone if event.get("event") in glossary.events else None
            )
        return page_json(result)

    @app.get("/api/dyads", tags=["events"])
    def dyads(filters: Annotated[EventFilter, Depends(event_filter)]) -> dict:
        """Events of an actor–recipient pair by month and type: the timeline."""
        rows = asked(lambda: store.dyads(filters))
        return {
            "actor": filters.actor,
            "recipient": filters.recipient,
            "symmetric": filters.dyad_symmetric,
            "months": dyad_timeline(rows),
            "rows": rows,
        }

    @app.get("/api/relations", tags=["events"])
    def relations(
        filters: Annotated[EventFilter, Depends(event_filter)],
        edges: Annotated[
            int, Query(ge=1, le=1000, description="keep the busiest pairs")
        ] = DEFAULT_GRAPH_EDGES,
    ) -> dict:
        """The relations graph: states and IGOs, and the cooperative and conflictual events between them."""
        return relations_graph(asked(lambda: store.dyads(filters)), glossary, edges)

    @app.get("/api/locations", tags=["events"])
    def locations(filters: Annotated[EventFilter, Depends(event_filter)]) -> dict:
        """Places named as event locations, with coordinates and event counts: the map."""
        return {"places": asked(lambda: store.locations(filters))}

    @app.get("/api/entities", tags=["entities"])
    def entities(
        page: Annotated[Page, Depends(paging)],
        kind: str | None = None,
        q: str | None = None,
    ) -> dict:
        """Entities named in the documents, with how many documents and mentions."""
        kind, q = clean_text("kind", kind, 20), clean_text("q", q)
        return page_json(asked(lambda: store.entities(page, kind=kind, query=q)))

    @app.get("/api/search", tags=["documents"])
    def search(
        q: Annotated[str, Query(description="words to find; Arabic and Persian spellings match each other")],
        page: Annotated[Page, Depends(paging)],
        language: str | None = None,
    ) -> dict:
        """Full-text search over the original texts."""
        query = clean_text("q", q, 500)
        if query is None:
            raise HTTPException(400, "q must not be empty")
        language = clean_text("language", language, 8)
        return page_json(asked(lambda: store.search(query, page, language=language)))

    @app.get("/api/stats", tags=["documents"])
    def stats() -> dict:
        """How many documents, events and entities the store holds."""
        return store.count()

    from rasad.api.pages import add_pages

    add_pages(app, store, glossary)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    """Errors as one clear line: JSON under /api, a small page elsewhere, never a stack trace."""
    from rasad.api.pages import error_page

    def reply(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        return error_page(request, status, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = str(error.detail)
        if error.status_code == 404 and message == "Not Found":
            message = "not found"
        headers = {"WWW-Authenticate": "Bearer"} if error.status_code == 401 else None
        return reply(request, error.status_code, message, headers)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ())[1:]) or "request"
        return reply(request, 400, f"{where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception) -> Response:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=error)
        return reply(request, 500, "internal error: the server log has the details")
