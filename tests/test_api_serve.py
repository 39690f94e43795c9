"""``rasad serve`` refuses what it cannot do with one line, before starting anything."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from rasad.cli import main


def test_port_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert capsys.readouterr().err.strip() == "rasad: --port must be between 1 and 65535, got 70000"


def test_port_already_in_use(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "s.sqlite3"), "--port", str(port)]) == 2
    error = capsys.readouterr().err
    assert error.strip() == f"rasad: cannot listen on 127.0.0.1:{port}: the port is already in use"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unknown_database_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", "mysql://somewhere/db", "--port", str(free_port())]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("rasad: cannot open the database: unknown database URL mysql://somewhere/db")
    assert "\n" not in error
