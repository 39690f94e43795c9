"""The compiled build: the same records as the sources, and never stale code after an edit."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.native import (
    DIGESTS_FILE,
    MODULES_FILE,
    PACKAGE_DIR,
    PURE_ENVIRONMENT,
    listed_sources,
    module_name,
    running_build,
    source_digests,
    stale_sources,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def _package(tmp_path: Path) -> Path:
    """A package with two listed modules, both compiled from their current sources."""
    (tmp_path / MODULES_FILE).write_text("# hot modules\na.py\nb/c.py\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    for source in ("a.py", "b/c.py"):
        (tmp_path / source).write_text(f"NAME = {source!r}\n", encoding="utf-8")
        compiled = source.removesuffix(".py") + importlib.machinery.EXTENSION_SUFFIXES[0]
        (tmp_path / compiled).write_bytes(b"\x7fELF")
    digests = source_digests(tmp_path, listed_sources(tmp_path))
    (tmp_path / DIGESTS_FILE).write_text(json.dumps(digests), encoding="utf-8")
    return tmp_path


def test_a_fresh_compiled_build_is_used(tmp_path: Path) -> None:
    package = _package(tmp_path)
    assert listed_sources(package) == ["a.py", "b/c.py"]
    assert stale_sources(package, listed_sources(package)) == []


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    package = _package(tmp_path)
    (package / "b" / "c.py").write_text("NAME = 'edited'\n", encoding="utf-8")
    assert stale_sources(package, listed_sources(package)) == ["b/c.py"]


def test_a_missing_compiled_module_or_digest_makes_the_build_stale(tmp_path: Path) -> None:
    package = _package(tmp_path)
    (package / ("a" + importlib.machinery.EXTENSION_SUFFIXES[0])).unlink()
    assert stale_sources(package, listed_sources(package)) == ["a.py"]
    (package / DIGESTS_FILE).unlink()
    assert stale_sources(package, listed_sources(package)) == ["a.py", "b/c.py"]


def test_no_compiled_module_means_a_pure_install(tmp_path: Path) -> None:
    package = _package(tmp_path)
    for compiled in package.rglob("*" + importlib.machinery.EXTENSION_SUFFIXES[0]):
        compiled.unlink()
    assert stale_sources(package, listed_sources(package)) is None


def test_every_listed_module_is_a_module_of_the_pipeline() -> None:
    for source in listed_sources():
        assert (PACKAGE_DIR / source).is_file(), source
        module = importlib.import_module(module_name(source))
        assert Path(module.__file__ or "").name.startswith(Path(source).stem + "."), source


def test_the_pure_environment_runs_the_sources() -> None:
    code = "import rasad.events.words as w, rasad.native as n; print(n.running_build(), w.__file__, sep='|')"
    environment = {**os.environ, PURE_ENVIRONMENT: "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    build, path = done.stdout.strip().split("|")
    assert build == "pure Python"
    assert path.endswith("words.py")


@pytest.mark.skipif(running_build() != "compiled", reason="rasad was installed without its compiled modules")
def test_compiled_and_pure_builds_code_the_same_records(tmp_path: Path) -> None:
    inputs = [str(ROOT / "samples"), *map(str, sorted(SEEDS.glob("*.txt")))]
    outputs = {}
    for pure in (False, True):
        target = tmp_path / f"pure-{pure}.jsonl"
        environment = {**os.environ, PURE_ENVIRONMENT: "1" if pure else ""}
        subprocess.run(
            [sys.executable, "-m", "rasad.cli", "code", *inputs, "-o", str(target), "--workers", "1"],
            capture_output=True, env=environment, check=True,
        )  # fmt: skip
        outputs[pure] = target.read_text(encoding="utf-8").splitlines()
    assert len(outputs[False]) >= 17
    assert sum(len(json.loads(line)["events"]) for line in outputs[False]) > 10
    assert outputs[False] == outputs[True]
