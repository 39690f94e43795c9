"""A throw-away PostgreSQL server for the store tests: initdb in a temporary folder, a free port.

PostgreSQL refuses to run as root, so under root the server runs as the ``postgres`` system user
(which the Debian package creates) and owns its folder. Durability settings are off: the data is
deleted at the end of the session anyway, and the tests run several times faster.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SUPERUSER = "rasad"
MISSING = "PostgreSQL server binaries not found (initdb, pg_ctl): run `make system` to install them"


def find_binaries() -> Path | None:
    """The newest installed ``bin`` folder holding initdb and pg_ctl, else one on PATH."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for folder in reversed(candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user() -> list[str]:
    """Prefix that runs a command as a non-root user when we are root."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def running_server() -> Iterator[str]:
    """Start a server, yield ``postgresql://rasad@127.0.0.1:PORT/``, stop it and delete its files."""
    binaries = find_binaries()
    if binaries is None:
        raise FileNotFoundError(MISSING)
    root = Path(tempfile.mkdtemp(prefix="rasad-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (root, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    port = _free_port()
    prefix = _as_server_user()
    run = {"check": True, "capture_output": True, "text": True}
    try:
        subprocess.run(
            [*prefix, str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8", "--no-sync"],
            **run,
        )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={sockets} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w",
             "start"],
            **run,
        )  # fmt: skip
        try:
            yield f"postgresql://{SUPERUSER}@127.0.0.1:{port}/"
        finally:
            subprocess.run(
                [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


_DATABASE_NUMBERS = itertools.count()


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server for one test (or module), dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"rasad_test_{os.getpid()}_{next(_DATABASE_NUMBERS)}"
    with psycopg.connect(server_url + "postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server_url + name
    finally:
        with psycopg.connect(server_url + "postgres", autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def empty_store_url(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """The URL of an empty store for a fixture of any scope parametrised with "sqlite" / "postgres"."""
    if request.param == "sqlite":
        yield f"sqlite:///{folder / 'store.sqlite3'}"
        return
    with fresh_database(request.getfixturevalue("postgres_url")) as url:
        yield url
