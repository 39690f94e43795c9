"""Shared fixtures: the user's seed articles, the public corpora and the output contract."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from postgres_server import empty_store_url
from rasad.store import open_store
from rasad.store.base import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"
SCHEMA = SHARED / "spec" / "document.schema.json"
SAMPLES = REPO / "samples"

# Property tests: a small budget for every test run (the whole property suite well under a minute on
# two cores), a large one for ``make fuzz`` (RASAD_FUZZ_EXAMPLES inputs per property). No deadline:
# the machines are shared, and speed is measured in bench/, not here.
CI_EXAMPLES = 25
settings.register_profile(
    "rasad",
    max_examples=int(os.environ.get("RASAD_FUZZ_EXAMPLES") or CI_EXAMPLES),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("rasad")
_PHASE_COUNTS = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """With --hypothesis-show-statistics, one line per property: how many inputs it tried."""
    if not terminalreporter.config.getoption("--hypothesis-show-statistics", default=False):
        return
    rows = []
    for report in (report for reports in terminalreporter.stats.values() for report in reports):
        statistics = getattr(report, "__dict__", {}).get("_hypothesis_stats")  # hypothesis's plugin sets it
        if statistics:
            counts = [sum(int(n) for n in phase) for phase in _PHASE_COUNTS.findall(statistics)]
            rows.append((report.nodeid, sum(counts)))
    if rows:
        terminalreporter.section("inputs tried per property")
        for nodeid, tried in rows:
            terminalreporter.write_line(f"{tried:>8}  {nodeid}")
        terminalreporter.write_line(f"{sum(tried for _, tried in rows):>8}  in all, {len(rows)} properties")


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if len(paths) != 5:
        pytest.skip(f"the five seed articles are not in {SEEDS}")
    return paths


@pytest.fixture(scope="session")
def seed_texts(seed_paths: list[Path]) -> dict[str, str]:
    """Seed texts keyed by their three-digit number ('000'...'004')."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in seed_paths}


@pytest.fixture(scope="session")
def corpora_root() -> Path:
    if not (CORPORA / "news-ar" / "saudinewsnet").is_dir():
        pytest.skip(f"public corpora not found in {CORPORA}")
    return CORPORA


@pytest.fixture(scope="session")
def record_validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"output contract not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


# --- the store, over both backends (see tests/postgres_server.py) -----------------------------


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Base URL of a throw-away PostgreSQL server for the session (append a database name)."""
    from postgres_server import MISSING, find_binaries, running_server

    pytest.importorskip("psycopg")
    if find_binaries() is None:
        pytest.skip(MISSING)
    with running_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty store, new for each test: a SQLite file, or a PostgreSQL database."""
    with empty_store_url(request, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store on each backend; closed after the test."""
    opened = open_store(store_url)
    yield opened
    opened.close()
