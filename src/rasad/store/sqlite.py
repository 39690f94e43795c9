"""The embedded store: one SQLite file in WAL mode, full-text search with FTS5.

WAL lets the web app read while ``rasad ingest`` writes, and makes every commit atomic on disk: a
killed ingest leaves the documents of its last committed batch, each whole, and nothing else.
FTS5's unicode61 tokenizer does not fold Arabic letter forms, so the index holds the *normalised*
title and text (``rasad.text.normalize``) and queries are normalised the same way.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasad.store import common
from rasad.store.base import Page
from rasad.store.sql import SCHEMA_1_TEMPLATE, SQLStore, apply_migrations, run_statements
from rasad.text.normalize import normalize_string

Migration = Callable[[sqlite3.Connection], None]
STREAM_CHUNK = 256  # rows fetched at a time when exporting

SCHEMA_1 = SCHEMA_1_TEMPLATE.format(key="INTEGER PRIMARY KEY", ref="INTEGER", json="TEXT", real="REAL")


def _create_tables(connection: sqlite3.Connection) -> None:
    run_statements(connection, SCHEMA_1)


def _add_search_index(connection: sqlite3.Connection) -> None:
    """Full-text index over normalised title and text, filled from the documents already stored."""
    connection.execute(
        "CREATE VIRTUAL TABLE documents_search USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for seq, title, text in connection.execute("SELECT seq, title, text FROM documents").fetchall():
        connection.execute(
            "INSERT INTO documents_search (rowid, title, body) VALUES (?, ?, ?)",
            (seq, normalize_string(title or ""), normalize_string(text)),
        )


def _index_clitic_stems(connection: sqlite3.Connection) -> None:
    """Index words that carry an Arabic proclitic a second time without it (``common.searchable``)."""
    for seq, text in connection.execute("SELECT seq, text FROM documents").fetchall():
        connection.execute(
            "UPDATE documents_search SET body = ? WHERE rowid = ?",
            (common.searchable(normalize_string(text)), seq),
        )


# Numbered by position (1, 2, ...). Append new steps; never edit or reorder a released one.
MIGRATIONS: tuple[Migration, ...] = (_create_tables, _add_search_index, _index_clitic_stems)


def schema_version(connection: sqlite3.Connection) -> int:
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(connection: sqlite3.Connection, until: int | None = None) -> int:
    """Bring the schema to the latest version (or ``until``), each step in its own transaction."""
    connection.execute("BEGIN IMMEDIATE")  # one migrating process at a time
    try:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"
        )
        version = apply_migrations(
            connection,
            MIGRATIONS,
            schema_version(connection),
            until,
            "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return version


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable commits, no corruption
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


class SQLiteStore(SQLStore):
    """The default store: a single file, nothing to install or run."""

    document_errors = (sqlite3.IntegrityError, sqlite3.DataError, OverflowError)

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connection = connect(path)
            migrate(self._connection)
        except sqlite3.DatabaseError as error:
            raise ValueError(f"cannot open the SQLite store {path}: {error}") from None

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return self._connection.execute(sql, tuple(params)).fetchall()

    def _execute(self, sql: str, params: Iterable[Any] = ()) -> None:
        self._connection.execute(sql, tuple(params))

    def _insert(self, sql: str, params: Iterable[Any]) -> int:
        cursor = self._connection.execute(sql, tuple(params))
        return int(cursor.lastrowid or 0)

    def _stream(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple]:
        """Rows in chunks inside one read transaction: a consistent snapshot while ingest writes."""
        with self._lock:
            cursor = self._connection.cursor()
            cursor.execute("BEGIN")
            try:
                cursor.execute(sql, tuple(params))
                while chunk := cursor.fetchmany(STREAM_CHUNK):
                    yield from chunk
            finally:
                cursor.execute("COMMIT")
                cursor.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        self._connection.execute("COMMIT")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        self._connection.execute("SAVEPOINT document")
        try:
            yield
        except BaseException:
            self._connection.execute("ROLLBACK TO document")
            self._connection.execute("RELEASE document")
            raise
        self._connection.execute("RELEASE document")

    def _json_param(self, value: dict) -> str:
        return common.record_json(value)

    def _json_value(self, value: str) -> dict:
        return json.loads(value)

    def _index_text(self, seq: int, row: common.DocumentRow) -> None:
        self._execute(
            "INSERT INTO documents_search (rowid, title, body) VALUES (?, ?, ?)",
            (seq, row.search_title, row.search_text),
        )

    def _unindex_text(self, seq: int) -> None:
        self._execute("DELETE FROM documents_search WHERE rowid = ?", (seq,))

    def _search_rows(
        self, terms: list[str], language: str | None, page: Page
    ) -> tuple[list[tuple[str, str | None, str | None, str | None, str]], int]:
        # Each word becomes a quoted prefix: FTS5 then reads it as text, never as an operator.
        match = " ".join('"' + term.replace('"', '""') + '"*' for term in terms)
        where = "documents_search MATCH ?"
        params: list[Any] = [match]
        if language:
            where += " AND d.language = ?"
            params.append(language)
        join = "FROM documents_search JOIN documents d ON d.seq = documents_search.rowid"
        total = self._rows(f"SELECT COUNT(*) {join} WHERE {where}", params)[0][0]
        rows = self._rows(
            f"SELECT d.id, d.title, d.language, d.published, d.text {join} WHERE {where} "
            "ORDER BY bm25(documents_search, 3.0, 1.0), d.seq LIMIT ? OFFSET ?",
            (*params, page.limit, page.offset),
        )
        return rows, total
