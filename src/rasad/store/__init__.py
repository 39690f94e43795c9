"""Where coded documents live: ``open_store`` picks SQLite or PostgreSQL from a URL.

The URL is the argument, else the ``RASAD_DB`` environment variable, else ``rasad.sqlite3`` in the
current directory: an analyst who runs ``rasad ingest`` and then ``rasad serve`` in one project
folder gets the same database without configuring anything.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import resources
from pathlib import Path

from rasad import __version__
from rasad.store.base import Store

DEFAULT_PATH = "rasad.sqlite3"
ENVIRONMENT_VARIABLE = "RASAD_DB"
DATA_SUFFIXES = (".tsv", ".yaml", ".json")
# The packages whose data files change what is coded; the web app's glossary and map are not among them.
CODING_PACKAGES = ("actors", "dates", "events", "text")

__all__ = [
    "DEFAULT_PATH",
    "ENVIRONMENT_VARIABLE",
    "Store",
    "coder_version",
    "data_digest",
    "open_store",
    "store_url",
]


def database_errors() -> tuple[type[Exception], ...]:
    """What a database raises when it fails (locked, unreachable, disk full), for a one-line message."""
    import sqlite3

    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


def store_url(url: str | None = None) -> str:
    """The URL actually used: the argument, else ``$RASAD_DB``, else the default file."""
    return url or os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_PATH


def open_store(url: str | None = None) -> Store:
    """``sqlite:///path``, a plain path, or ``postgresql://…``; ValueError with a clear message otherwise."""
    target = store_url(url)
    if target.startswith(("postgresql://", "postgres://")):
        from rasad.store.postgres import PostgresStore

        return PostgresStore(target)
    if target.startswith("sqlite:"):
        path = target.removeprefix("sqlite://")
        if not path.startswith("/"):
            raise ValueError(
                f"a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path, got {target}"
            )
        path = path[1:]
    elif "://" in target:
        raise ValueError(f"unknown database URL {target}: use a path, sqlite:///path or postgresql://…")
    else:
        path = target
    if not path:
        raise ValueError("the SQLite URL names no file")
    from rasad.store.sqlite import SQLiteStore

    return SQLiteStore(path)


@cache
def coder_version() -> str:
    """``rasad.__version__`` plus a digest of the packaged data files (lexicons, dictionaries, months).

    An analyst's edit to a dictionary changes what rasad codes, so it must count as a new coder:
    ``rasad ingest`` then re-codes the stored documents instead of skipping them.
    """
    return f"{__version__}+{data_digest(Path(str(resources.files('rasad'))))}"


def data_digest(root: Path) -> str:
    """Ten hex digits over the name and bytes of every data file of the coding packages under ``root``.

    Code is versioned by ``__version__``; presentation data (glossary, map outline) is left out so
    rewording a gloss does not make ``rasad ingest`` re-code every stored document.
    """
    digest = hashlib.sha256()
    files = [
        p
        for package in CODING_PACKAGES
        for p in (root / package).rglob("*")
        if p.suffix in DATA_SUFFIXES and p.is_file()
    ]
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
