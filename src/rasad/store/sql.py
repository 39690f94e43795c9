"""The store's queries, written once for SQLite and PostgreSQL.

Both schemas have the same tables and columns, so every query but full-text search is shared; a
backend supplies the connection, transactions, JSON handling and search. Queries are written with
``?`` placeholders (PostgreSQL's subclass turns them into ``%s``) and every value is a parameter.
"""

from __future__ import annotations

import threading
import time
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from rasad.document import RawDocument
from rasad.store import common
from rasad.store.base import (
    EventFilter,
    IngestCounts,
    IngestOutcome,
    Page,
    ResultPage,
    Store,
    StoredVersion,
)
from rasad.text.normalize import normalize_string


def run_statements(connection: Any, script: str) -> None:
    """Each statement of ``script`` on its own: ``executescript`` would commit the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            connection.execute(statement)


def apply_migrations(
    connection: Any, migrations: Sequence[Callable[[Any], None]], current: int, until: int | None, record: str
) -> int:
    """Apply the numbered steps above ``current`` (up to ``until``), recording each with ``record``
    (an INSERT of version and time in the backend's placeholder style). A database newer than
    these steps is refused rather than misread."""
    if current > len(migrations):
        raise ValueError(
            f"the database has schema version {current}, newer than this rasad knows ({len(migrations)})"
        )
    target = len(migrations) if until is None else until
    for version in range(current + 1, target + 1):
        migrations[version - 1](connection)
        connection.execute(record, (version, common.now()))
    return max(current, target)


# Schema step 1, written once for both backends; each fills in its own column types.
SCHEMA_1_TEMPLATE = """
CREATE TABLE documents (
    seq {key},
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    record {json} NOT NULL,
    title TEXT,
    language TEXT,
    published TEXT,
    outlet TEXT,
    url TEXT,
    coder_version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    record_hash TEXT NOT NULL,
    event_count INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_language ON documents (language);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE events (
    seq {key},
    document_seq {ref} NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    event_type TEXT,
    actor_code TEXT,
    actor_org TEXT,
    recipient_code TEXT,
    recipient_org TEXT,
    modality TEXT,
    date TEXT,
    date_start TEXT,
    date_end TEXT,
    language TEXT,
    outlet TEXT,
    location_name TEXT,
    location_country TEXT,
    latitude {real},
    longitude {real},
    event {json} NOT NULL
);
CREATE INDEX events_document ON events (document_seq);
CREATE INDEX events_document_id ON events (document_id);
CREATE INDEX events_actor_code ON events (actor_code);
CREATE INDEX events_actor_org ON events (actor_org);
CREATE INDEX events_recipient_code ON events (recipient_code);
CREATE INDEX events_recipient_org ON events (recipient_org);
CREATE INDEX events_type_date ON events (event_type, date_start);
CREATE INDEX events_date ON events (date_start, date_end);

CREATE TABLE event_contexts (
    event_seq {ref} NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    context TEXT NOT NULL
);
CREATE INDEX event_contexts_context ON event_contexts (context, event_seq);
CREATE INDEX event_contexts_event ON event_contexts (event_seq);

CREATE TABLE entities (
    seq {key},
    document_seq {ref} NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    kind TEXT,
    name TEXT,
    country TEXT,
    mention_count INTEGER NOT NULL,
    search_key TEXT NOT NULL
);
CREATE INDEX entities_document ON entities (document_seq);
CREATE INDEX entities_entity ON entities (entity_id);

CREATE TABLE mentions (
    entity_seq {ref} NOT NULL REFERENCES entities (seq) ON DELETE CASCADE,
    document_seq {ref} NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_seq);
"""

BATCH_DOCUMENTS = 64  # documents per transaction in save_many: fewer commits, little lost to a kill
BATCH_SECONDS = 1.0  # ...and no longer than this between commits on a slow stream

EVENT_COLUMNS = (
    "e.event, e.document_id, d.title, d.url, d.outlet, d.language"  # what an event row comes back with
)


class SQLStore(Store):
    """The shared part of both SQL backends; one connection, used by one thread at a time."""

    # What the database raises for values of one document it cannot store (the batch goes on).
    document_errors: tuple[type[Exception], ...] = ()

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # --- what a backend provides -------------------------------------------------------------

    @abstractmethod
    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]: ...

    @abstractmethod
    def _execute(self, sql: str, params: Iterable[Any] = ()) -> None: ...

    @abstractmethod
    def _insert(self, sql: str, params: Iterable[Any]) -> int:
        """Run an INSERT into a table with a ``seq`` key and return the new row's ``seq``."""

    @abstractmethod
    def _stream(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple]:
        """Rows fetched in chunks, for exports larger than memory."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Outermost transaction: committed on exit, rolled back on an exception."""

    @abstractmethod
    def _savepoint(self) -> AbstractContextManager[None]:
        """A nested transaction inside ``_transaction``: one document of a batch."""

    @abstractmethod
    def _json_param(self, value: dict) -> Any: ...

    @abstractmethod
    def _json_value(self, value: Any) -> dict: ...

    @abstractmethod
    def _index_text(self, seq: int, row: common.DocumentRow) -> None: ...

    @abstractmethod
    def _unindex_text(self, seq: int) -> None: ...

    @abstractmethod
    def _search_rows(
        self, terms: list[str], language: str | None, page: Page
    ) -> tuple[list[tuple[str, str | None, str | None, str | None, str]], int]:
        """(id, title, language, published, text) of a page of hits, best first, and the total."""

    # --- writing ----------------------------------------------------------------------------

    def save(self, document: RawDocument, record: dict, coder_version: str) -> IngestOutcome:
        with self._lock, self._transaction():
            return self._save(document, record, coder_version)

    def save_many(self, pairs: Iterable[tuple[RawDocument, dict]], coder_version: str) -> IngestCounts:
        counts = IngestCounts()
        iterator = iter(pairs)
        while True:
            with self._lock, self._transaction():
                started = time.monotonic()
                for saved, (document, record) in enumerate(iterator, start=1):
                    self._save_one_of_batch(document, record, coder_version, counts)
                    if saved >= BATCH_DOCUMENTS or time.monotonic() - started > BATCH_SECONDS:
                        break
                else:
                    return counts

    def _save_one_of_batch(
        self, document: RawDocument, record: dict, coder_version: str, counts: IngestCounts
    ) -> None:
        """A malformed record fails alone: its savepoint is rolled back, the batch goes on."""
        try:
            with self._savepoint():
                outcome = self._save(document, record, coder_version)
        except (KeyError, TypeError, ValueError, *self.document_errors) as error:
            counts.failed += 1
            where = document.path or (record.get("id") if isinstance(record, dict) else None) or "<document>"
            counts.problems.append(f"{where}: not stored: {type(error).__name__}: {error}")
            return
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def _save(self, document: RawDocument, record: dict, coder_version: str) -> IngestOutcome:
        row = common.document_row(record, document.text)
        text_digest = common.content_hash(document.text)
        record_digest = common.content_hash(common.record_json(record))
        found = self._rows(
            "SELECT seq, coder_version, content_hash, record_hash FROM documents WHERE id = ?", (row.id,)
        )
        stamp = common.now()
        values = (
            document.text,
            self._json_param(record),
            row.title,
            row.language,
            row.published,
            row.outlet,
            row.url,
            coder_version,
            text_digest,
            record_digest,
            row.event_count,
        )
        if found:
            seq, stored_version, stored_text, stored_record = found[0]
            if (stored_version, stored_text, stored_record) == (coder_version, text_digest, record_digest):
                return "unchanged"
            self._execute(
                "UPDATE documents SET text = ?, record = ?, title = ?, language = ?, published = ?, "
                "outlet = ?, url = ?, coder_version = ?, content_hash = ?, record_hash = ?, "
                "event_count = ?, updated_at = ? WHERE seq = ?",
                (*values, stamp, seq),
            )
            self._execute("DELETE FROM events WHERE document_seq = ?", (seq,))
            self._execute("DELETE FROM entities WHERE document_seq = ?", (seq,))
            self._unindex_text(seq)
            outcome: IngestOutcome = "updated"
        else:
            seq = self._insert(
                "INSERT INTO documents (text, record, title, language, published, outlet, url, "
                "coder_version, content_hash, record_hash, event_count, id, ingested_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, row.id, stamp, stamp),
            )
            outcome = "added"
        self._save_children(seq, row, record)
        self._index_text(seq, row)
        return outcome

    def _save_children(self, seq: int, row: common.DocumentRow, record: dict) -> None:
        for position, event in enumerate(common.event_rows(record)):
            event_seq = self._insert(
                "INSERT INTO events (document_seq, document_id, position, id, event_type, actor_code, "
                "actor_org, recipient_code, recipient_org, modality, date, date_start, date_end, "
                "language, outlet, location_name, location_country, latitude, longitude, event) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    seq,
                    row.id,
                    position,
                    event.id,
                    event.event_type,
                    event.actor_code,
                    event.actor_org,
                    event.recipient_code,
                    event.recipient_org,
                    event.modality,
                    event.date,
                    event.date_start,
                    event.date_end,
                    row.language,
                    row.outlet,
                    *event.location,
                    self._json_param(event.event),
                ),
            )
            for context in event.contexts:
                self._execute(
                    "INSERT INTO event_contexts (event_seq, context) VALUES (?, ?)", (event_seq, context)
                )
        for entity in common.entity_rows(record):
            search_key = " ".join(
                dict.fromkeys(
                    [normalize_string(entity.id), normalize_string(entity.name or "")]
                    + [m[3] for m in entity.mentions]
                )
            )
            entity_seq = self._insert(
                "INSERT INTO entities (document_seq, entity_id, kind, name, country, mention_count, "
                "search_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (seq, entity.id, entity.kind, entity.name, entity.country, len(entity.mentions), search_key),
            )
            for start, end, text, _normalised in entity.mentions:
                self._execute(
                    "INSERT INTO mentions (entity_seq, document_seq, start_offset, end_offset, text) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (entity_seq, seq, start, end, text),
                )

    # --- reading ----------------------------------------------------------------------------

    def stored_version(self, document_id: str) -> StoredVersion | None:
        with self._lock:
            rows = self._rows(
                "SELECT coder_version, content_hash FROM documents WHERE id = ?", (document_id,)
            )
        return StoredVersion(*rows[0]) if rows else None

    def document(self, document_id: str) -> dict | None:
        with self._lock:
            rows = self._rows(
                "SELECT record, text, coder_version, ingested_at, updated_at FROM documents WHERE id = ?",
                (document_id,),
            )
        if not rows:
            return None
        record, text, coder_version, ingested_at, updated_at = rows[0]
        return {
            "record": self._json_value(record),
            "text": text,
            "coder_version": coder_version,
            "ingested_at": str(ingested_at),
            "updated_at": str(updated_at),
        }

    def documents(self, page: Page, language: str | None = None, outlet: str | None = None) -> ResultPage:
        filters = EventFilter(language=language, outlet=outlet)
        common.check_filters(filters)
        where, params = _document_where(filters)
        with self._lock:
            total = self._rows(f"SELECT COUNT(*) FROM documents d {where}", params)[0][0]
            rows = self._rows(
                "SELECT id, title, language, published, outlet, url, event_count, coder_version "
                f"FROM documents d {where} ORDER BY published DESC NULLS LAST, seq DESC LIMIT ? OFFSET ?",
                (*params, page.limit, page.offset),
            )
        keys = ("id", "title", "language", "published", "outlet", "url", "event_count", "coder_version")
        return ResultPage([dict(zip(keys, row, strict=True)) for row in rows], total, page)

    def events(self, filters: EventFilter, page: Page) -> ResultPage:
        common.check_filters(filters)
        where, params = _event_where(filters)
        with self._lock:
            total = self._rows(f"SELECT COUNT(*) FROM events e {where}", params)[0][0]
            rows = self._rows(
                f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.seq = e.document_seq {where} "
                "ORDER BY e.date_start DESC NULLS LAST, e.seq LIMIT ? OFFSET ?",
                (*params, page.limit, page.offset),
            )
        return ResultPage([self._event_result(row, full=False) for row in rows], total, page)

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict]:
        filters = filters or EventFilter()
        common.check_filters(filters)
        where, params = _event_where(filters)
        for row in self._stream(
            f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.seq = e.document_seq {where} "
            "ORDER BY e.seq",
            params,
        ):
            yield self._event_result(row, full=True)

    def _event_result(self, row: tuple, full: bool) -> dict:
        event, document_id, title, url, outlet, language = row
        result = dict(self._json_value(event))
        result["document_id"] = document_id
        result["document_title"] = title
        if full:
            result["document_url"] = url
            result["document_outlet"] = outlet
            result["document_language"] = language
        return result

    def iter_records(self, filters: EventFilter | None = None) -> Iterator[dict]:
        filters = filters or EventFilter()
        common.check_filters(filters)
        where, params = _document_where(filters)
        if common.has_event_filters(filters):
            event_where, event_params = _event_where(filters)
            where += (
                f" {'AND' if where else 'WHERE'} d.seq IN (SELECT e.document_seq FROM events e {event_where})"
            )
            params = (*params, *event_params)
        for (record,) in self._stream(f"SELECT record FROM documents d {where} ORDER BY d.seq", params):
            yield self._json_value(record)

    def dyads(self, filters: EventFilter) -> list[dict]:
        common.check_filters(filters)
        where, params = _event_where(filters)
        where += f" {'AND' if where else 'WHERE'} " + (
            "COALESCE(e.actor_org, e.actor_code) IS NOT NULL "
            "AND COALESCE(e.recipient_org, e.recipient_code) IS NOT NULL"
        )
        month = "CASE WHEN LENGTH(e.date) >= 7 THEN SUBSTR(e.date, 1, 7) END"
        with self._lock:
            rows = self._rows(
                "SELECT COALESCE(e.actor_org, e.actor_code) AS actor, "
                "COALESCE(e.recipient_org, e.recipient_code) AS recipient, "
                f"{month} AS month, e.event_type, COUNT(*) FROM events e {where} "
                "GROUP BY 1, 2, 3, 4 ORDER BY 3 NULLS LAST, 1, 2, 4",
                params,
            )
        keys = ("actor", "recipient", "month", "event", "count")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def locations(self, filters: EventFilter) -> list[dict]:
        common.check_filters(filters)
        where, params = _event_where(filters)
        where += f" {'AND' if where else 'WHERE'} e.location_name IS NOT NULL"
        with self._lock:
            rows = self._rows(
                "SELECT e.location_name, e.location_country, e.latitude, e.longitude, COUNT(*) "
                f"FROM events e {where} GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1",
                params,
            )
        keys = ("name", "country", "lat", "lon", "count")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def entities(self, page: Page, kind: str | None = None, query: str | None = None) -> ResultPage:
        conditions: list[str] = []
        params: list[Any] = []
        if kind:
            conditions.append("kind = ?")
            params.append(kind)
        common.check_text("kind", kind)
        common.check_text("query", query)
        needle = normalize_string(query or "").strip()
        if needle:
            conditions.append(self._contains("search_key"))
            params.append(needle)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        with self._lock:
            total = self._rows(f"SELECT COUNT(DISTINCT entity_id) FROM entities {where}", params)[0][0]
            rows = self._rows(
                "SELECT entity_id, MAX(kind), MAX(name), MAX(country), COUNT(DISTINCT document_seq), "
                f"SUM(mention_count) FROM entities {where} GROUP BY entity_id "
                "ORDER BY 5 DESC, 6 DESC, 1 LIMIT ? OFFSET ?",
                (*params, page.limit, page.offset),
            )
        keys = ("id", "kind", "name", "country", "documents", "mentions")
        return ResultPage([dict(zip(keys, row, strict=True)) for row in rows], total, page)

    def _contains(self, column: str) -> str:
        """SQL that is true when ``column`` contains the next parameter as plain text (no wildcards)."""
        return f"INSTR({column}, ?) > 0"

    def search(self, query: str, page: Page, language: str | None = None) -> ResultPage:
        common.check_text("language", language)
        terms = common.query_terms(query)
        if not terms:
            return ResultPage([], 0, page)
        with self._lock:
            hits, total = self._search_rows(terms, language, page)
        rows = []
        for document_id, title, hit_language, published, text in hits:
            found = common.snippet(text, terms)
            rows.append(
                {
                    "id": document_id,
                    "title": title,
                    "language": hit_language,
                    "published": published,
                    "snippet": found["text"],
                    "highlight": found["highlight"],
                }
            )
        return ResultPage(rows, total, page)

    def count(self) -> dict:
        with self._lock:
            documents = self._rows("SELECT COUNT(*) FROM documents")[0][0]
            events = self._rows("SELECT COUNT(*) FROM events")[0][0]
            entities = self._rows("SELECT COUNT(DISTINCT entity_id) FROM entities")[0][0]
        return {"documents": documents, "events": events, "entities": entities}


def _document_where(filters: EventFilter) -> tuple[str, tuple]:
    """Conditions on the document columns (language, outlet, id)."""
    conditions = []
    params: list[Any] = []
    for column, value in (
        ("language", filters.language),
        ("outlet", filters.outlet),
        ("id", filters.document_id),
    ):
        if value:  # None or "" (an empty form field): no condition
            conditions.append(f"d.{column} = ?")
            params.append(value)
    if not conditions:
        return "", ()
    return f"WHERE {' AND '.join(conditions)}", tuple(params)


def _side(role: str, code: str) -> tuple[str, list[str]]:
    """An actor or recipient given as a country code or an organisation code."""
    return f"(e.{role}_code = ? OR e.{role}_org = ?)", [code, code]


def _pair(actor: str | None, recipient: str | None) -> tuple[str, list[str]]:
    parts = [_side(role, code) for role, code in (("actor", actor), ("recipient", recipient)) if code]
    return " AND ".join(sql for sql, _ in parts), [p for _, params in parts for p in params]


def _event_where(filters: EventFilter) -> tuple[str, tuple]:
    conditions: list[str] = []
    params: list[Any] = []
    if filters.actor or filters.recipient:
        sql, values = _pair(filters.actor, filters.recipient)
        if filters.dyad_symmetric:
            swapped_sql, swapped = _pair(filters.recipient, filters.actor)
            sql, values = f"(({sql}) OR ({swapped_sql}))", values + swapped
        conditions.append(sql)
        params += values
    for column, values in (("event_type", filters.event_types), ("modality", filters.modalities)):
        if values:
            conditions.append(f"e.{column} IN ({', '.join('?' for _ in values)})")
            params += list(values)
    if filters.context:
        conditions.append(
            "EXISTS (SELECT 1 FROM event_contexts c WHERE c.event_seq = e.seq AND c.context = ?)"
        )
        params.append(filters.context)
    start, end = common.filter_bounds(filters)
    if start:
        conditions.append("e.date_end >= ?")
        params.append(start)
    if end:
        conditions.append("e.date_start <= ?")
        params.append(end)
    for column, value in (
        ("language", filters.language),
        ("outlet", filters.outlet),
        ("document_id", filters.document_id),
    ):
        if value:
            conditions.append(f"e.{column} = ?")
            params.append(value)
    if not conditions:
        return "", ()
    return f"WHERE {' AND '.join(conditions)}", tuple(params)
