"""What every store offers: the contract between the database and its users (CLI, API, web app).

Two implementations share it: SQLite (embedded, the default) and PostgreSQL (``RASAD_DB=postgresql://…``).
Callers never write SQL; they pass filters, and the store binds every value as a parameter.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from rasad.document import RawDocument

IngestOutcome = Literal["added", "updated", "unchanged"]

MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class Page:
    """Which slice of a result list: ``limit`` rows after skipping ``offset``."""

    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE_SIZE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE_SIZE}, got {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must not be negative, got {self.offset}")


@dataclass(frozen=True)
class EventFilter:
    """Every field is optional; the filters combine with AND.

    ``actor`` / ``recipient`` match an ISO3 country code or an IGO code (``org``); ``date_from`` and
    ``date_to`` are inclusive ISO dates compared with the event date; ``dyad_symmetric`` also matches
    the pair the other way round (for a KAZ–ISR timeline).
    """

    actor: str | None = None
    recipient: str | None = None
    event_types: tuple[str, ...] = ()
    context: str | None = None
    modalities: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    language: str | None = None
    outlet: str | None = None
    document_id: str | None = None
    dyad_symmetric: bool = False


@dataclass
class ResultPage:
    """One page of rows and the total number of rows matching the filters."""

    rows: list[dict]
    total: int
    page: Page


@dataclass
class IngestCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoredVersion:
    """The coder version and text digest a document was stored with."""

    coder_version: str
    content_hash: str


class Store(ABC):
    """A database of coded documents: the record, the original text and the coder version."""

    @abstractmethod
    def save(self, document: RawDocument, record: dict, coder_version: str) -> IngestOutcome:
        """Store one document and its record in one transaction: all of it or nothing.

        The same id with the same record and coder version is ``unchanged``; a new record for a
        stored id (the coder changed) replaces the old one and is ``updated``.
        """

    @abstractmethod
    def save_many(self, pairs: Iterable[tuple[RawDocument, dict]], coder_version: str) -> IngestCounts:
        """``save`` for a stream, committed in batches; a document is never half stored."""

    @abstractmethod
    def document(self, document_id: str) -> dict | None:
        """``{"record": …, "text": …, "coder_version": …, "ingested_at": …}`` or None."""

    @abstractmethod
    def documents(self, page: Page, language: str | None = None, outlet: str | None = None) -> ResultPage:
        """Document summaries (id, title, language, published date, outlet, event count), newest first."""

    @abstractmethod
    def events(self, filters: EventFilter, page: Page) -> ResultPage:
        """Event objects as in the record, each with ``document_id`` and ``document_title`` added."""

    @abstractmethod
    def dyads(self, filters: EventFilter) -> list[dict]:
        """Counts per (actor, recipient, month, event type): ``{actor, recipient, month, event, count}``."""

    @abstractmethod
    def locations(self, filters: EventFilter) -> list[dict]:
        """Counts per event place (for a map): ``{name, country, lat, lon, count}``, most events first.

        Events without a place are left out.
        """

    @abstractmethod
    def entities(self, page: Page, kind: str | None = None, query: str | None = None) -> ResultPage:
        """Entities with the number of documents and mentions they appear in."""

    @abstractmethod
    def search(self, query: str, page: Page, language: str | None = None) -> ResultPage:
        """Documents whose normalised text matches ``query``: ``{id, title, language, published, snippet}``.

        Any string is a valid query: FTS syntax characters are treated as text, never as operators
        the user did not mean, and never an error.
        """

    @abstractmethod
    def stored_version(self, document_id: str) -> StoredVersion | None:
        """What is stored under an id, so ingest can skip a document before coding it again."""

    @abstractmethod
    def iter_records(self, filters: EventFilter | None = None) -> Iterator[dict]:
        """Every stored record in ingest order (for export): constant memory.

        Document filters (language, outlet, document id) select documents; event filters select
        the documents with at least one matching event, each exported whole.
        """

    @abstractmethod
    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict]:
        """Every matching event in ingest order, with ``document_id``, ``document_title``,
        ``document_url``, ``document_outlet`` and ``document_language`` added: constant memory."""

    @abstractmethod
    def count(self) -> dict:
        """``{"documents": n, "events": n, "entities": n}``."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
