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
from collections import defaultdict
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from rasad import __version__
from rasad.api import DEFAULT_MAX_BODY_BYTES
from rasad.api.glossary import Glossary, packaged_glossary
from rasad.api.pages import add_pages, error_page
from rasad.api.params import asked, clean_text, event_filter, paging
from rasad.api.security import BodySizeLimit, SecurityHeaders
from rasad.document import RawDocument
from rasad.pipeline import code_document
from rasad.store import coder_version as current_coder_version
from rasad.store import database_errors
from rasad.store.base import EventFilter, Page, ResultPage, Store

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
DEFAULT_GRAPH_EDGES = 150
NO_MONTH = "no month"
log = logging.getLogger("rasad.api")


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

    @field_validator("*")
    @classmethod
    def no_nul_characters(cls, value: str | None) -> str | None:
        """PostgreSQL cannot store NUL in text; refuse it here with a clear 400 on every backend."""
        if value is not None and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value


def page_json(result: ResultPage) -> dict:
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
    """Counts by month, each with its counts by event type, oldest month first.

    Events dated only to a year, or not at all, have no month: they are counted in one last entry
    whose ``month`` is ``"no month"`` so the totals still add up.
    """
    months: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        month = row.get("month") or NO_MONTH
        months[month][row["event"]] = months[month].get(row["event"], 0) + row["count"]
    return [
        {"month": month, "total": sum(types.values()), "types": types}
        for month, types in sorted(months.items(), key=lambda item: (item[0] == NO_MONTH, item[0]))
    ]


def create_app(
    store: Store,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    cors_origins: tuple[str, ...] = (),
    coder_version: str | None = None,
    allowed_hosts: tuple[str, ...] = (),
) -> FastAPI:
    """The whole web application over ``store``.

    ``token``: the bearer token that allows ``POST /api/documents``; None refuses every write.
    ``cors_origins``: other origins allowed to call the API from a browser; none by default.
    ``allowed_hosts``: the Host header values answered (all when empty). A server on the loopback
    address names its loopback names here, so a web page whose domain was re-pointed at 127.0.0.1
    (DNS rebinding) cannot read the store through the analyst's browser.
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
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
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

    add_pages(app, store, glossary)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    """Errors as one clear line: JSON under /api, a small page elsewhere, never a stack trace."""

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

    async def database_failed(request: Request, error: Exception) -> Response:
        log.error("database error on %s %s: %s", request.method, request.url.path, error)
        return reply(request, 503, "the database failed to answer (locked, unreachable or full); try again")

    for kind in database_errors():
        app.add_exception_handler(kind, database_failed)

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception) -> Response:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=error)
        return reply(request, 500, "internal error: the server log has the details")
