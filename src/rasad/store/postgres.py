"""The store over PostgreSQL (psycopg 3): for a team sharing one database, or more data than a file.

Same tables and columns as the SQLite store; records and events are JSONB. Full-text search uses a
``tsvector`` of the *normalised* title (weight A) and text (weight B) with the ``simple``
configuration: no stemming and no stop words, which suits three languages at once, and the
normalisation already folds the Arabic-script letter forms that ``simple`` would keep apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.types.json import Jsonb

from rasad.store import common
from rasad.store.base import Page
from rasad.store.sql import SCHEMA_1_TEMPLATE, SQLStore, apply_migrations, run_statements
from rasad.text.normalize import normalize_string

MAX_INDEXED_CHARS = 300_000  # a tsvector holds at most 1 MB; no news article comes near this
STREAM_CHUNK = 256
MIGRATION_LOCK = 7_261_001  # advisory lock id: one migrating process at a time

SCHEMA_1 = SCHEMA_1_TEMPLATE.format(
    key="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", ref="BIGINT", json="JSONB", real="DOUBLE PRECISION"
)

SEARCH_VECTOR = (
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', LEFT(%s, %s)), 'B')"
)


def _create_tables(connection: psycopg.Connection) -> None:
    run_statements(connection, SCHEMA_1)


def _add_search_index(connection: psycopg.Connection) -> None:
    """Full-text index over normalised title and text, filled from the documents already stored."""
    connection.execute(
        "CREATE TABLE documents_search (seq BIGINT PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE, "
        "vector TSVECTOR NOT NULL)"
    )
    connection.execute("CREATE INDEX documents_search_vector ON documents_search USING GIN (vector)")
    for seq, title, text in connection.execute("SELECT seq, title, text FROM documents").fetchall():
        connection.execute(
            f"INSERT INTO documents_search (seq, vector) VALUES (%s, {SEARCH_VECTOR})",
            (seq, normalize_string(title or ""), normalize_string(text), MAX_INDEXED_CHARS),
        )


def _index_clitic_stems(connection: psycopg.Connection) -> None:
    """Index words that carry an Arabic proclitic a second time without it (``common.searchable``)."""
    for seq, title, text in connection.execute("SELECT seq, title, text FROM documents").fetchall():
        connection.execute(
            f"UPDATE documents_search SET vector = {SEARCH_VECTOR} WHERE seq = %s",
            (
                normalize_string(title or ""),
                common.searchable(normalize_string(text)),
                MAX_INDEXED_CHARS,
                seq,
            ),
        )


Migration = Callable[[psycopg.Connection], None]

# Numbered by position (1, 2, ...), the same steps as the SQLite store. Append; never edit a released one.
MIGRATIONS: tuple[Migration, ...] = (_create_tables, _add_search_index, _index_clitic_stems)


def migrate(connection: psycopg.Connection, until: int | None = None) -> int:
    """Bring the schema to the latest version (or ``until``) in one transaction."""
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"
        )
        current = connection.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
        return apply_migrations(
            connection,
            MIGRATIONS,
            current,
            until,
            "INSERT INTO schema_version (version, applied_at) VALUES (%s, %s)",
        )


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)


def _storable(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL; U+FFFD keeps the length, so offsets into the text stay right."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _dumps(value: dict) -> str:
    return common.record_json(value).replace("\\u0000", "\\ufffd")


class PostgresStore(SQLStore):
    """``RASAD_DB=postgresql://user@host/db``: the schema is created or migrated on first use."""

    document_errors = (psycopg.DataError, psycopg.IntegrityError, psycopg.errors.ProgramLimitExceeded)

    def __init__(self, url: str) -> None:
        super().__init__()
        try:
            self._connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
            raise ValueError(f"cannot connect to PostgreSQL at {_without_password(url)}: {reason}") from None
        migrate(self._connection)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return self._connection.execute(self._sql(sql), [_storable(p) for p in params]).fetchall()

    def _execute(self, sql: str, params: Iterable[Any] = ()) -> None:
        self._connection.execute(self._sql(sql), [_storable(p) for p in params])

    def _insert(self, sql: str, params: Iterable[Any]) -> int:
        row = self._connection.execute(self._sql(sql) + " RETURNING seq", [_storable(p) for p in params])
        return int(row.fetchone()[0])

    def _stream(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple]:
        """A server-side cursor in a read-only transaction: constant memory, one consistent snapshot."""
        with (
            self._lock,
            self._connection.transaction(),
            self._connection.cursor(name="rasad_export") as cursor,
        ):
            cursor.itersize = STREAM_CHUNK
            cursor.execute(self._sql(sql), [_storable(p) for p in params])
            yield from cursor

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._connection.transaction():
            yield

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        with self._connection.transaction():  # nested: psycopg makes it a savepoint
            yield

    def _json_param(self, value: dict) -> Jsonb:
        return Jsonb(value, dumps=_dumps)

    def _json_value(self, value: Any) -> dict:
        return json.loads(value) if isinstance(value, str) else value

    def _index_text(self, seq: int, row: common.DocumentRow) -> None:
        self._execute(
            f"INSERT INTO documents_search (seq, vector) VALUES (?, {SEARCH_VECTOR.replace('%s', '?')})",
            (seq, row.search_title, row.search_text, MAX_INDEXED_CHARS),
        )

    def _unindex_text(self, seq: int) -> None:
        self._execute("DELETE FROM documents_search WHERE seq = ?", (seq,))

    def _contains(self, column: str) -> str:
        return f"STRPOS({column}, ?) > 0"

    def _search_rows(
        self, terms: list[str], language: str | None, page: Page
    ) -> tuple[list[tuple[str, str | None, str | None, str | None, str]], int]:
        # Terms are runs of word characters (common.query_terms), so none of to_tsquery's operators
        # can get in; each is matched as a prefix, ANDed, like the SQLite backend.
        where = "s.vector @@ to_tsquery('simple', ?)"
        params: list[Any] = [" & ".join(f"{term}:*" for term in terms)]
        if language:
            where += " AND d.language = ?"
            params.append(language)
        join = "FROM documents_search s JOIN documents d ON d.seq = s.seq"
        total = self._rows(f"SELECT COUNT(*) {join} WHERE {where}", params)[0][0]
        rows = self._rows(
            f"SELECT d.id, d.title, d.language, d.published, d.text {join} WHERE {where} "
            "ORDER BY ts_rank(s.vector, to_tsquery('simple', ?)) DESC, d.seq LIMIT ? OFFSET ?",
            (*params, params[0], page.limit, page.offset),
        )
        return rows, total
