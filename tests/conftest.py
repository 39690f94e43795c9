"""Shared fixtures: the user's seed articles, the public corpora and the output contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"
SCHEMA = SHARED / "spec" / "document.schema.json"
SAMPLES = REPO / "samples"


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
