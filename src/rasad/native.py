"""The compiled build: the pipeline's hot modules compiled to C by mypyc when rasad is installed.

The modules listed in ``native_modules.txt`` are the same Python code, compiled: the pipeline runs
1.15-1.3x faster (BENCHMARKS.md) and codes the same records (``tests/test_native.py`` compares the two
builds on the samples and seeds).
The install writes the digest of each compiled source next to the package. A source that no longer
matches its digest (edited since the last ``make install``) would otherwise run the old compiled code
in silence: then every listed module is loaded from its source instead, with a warning, and the
compiled code is never mixed with the new. ``RASAD_PURE_PYTHON=1`` asks for the source code always.

Only the standard library is used here: ``setup.py`` runs this file before rasad is installed.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent
MODULES_FILE = "native_modules.txt"
DIGESTS_FILE = "native_build.json"
PURE_ENVIRONMENT = "RASAD_PURE_PYTHON"


def listed_sources(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The compiled modules' sources, relative to the package directory (``events/coder.py``)."""
    lines = (package_dir / MODULES_FILE).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def module_name(source: str) -> str:
    """``events/coder.py`` -> ``rasad.events.coder``."""
    return "rasad." + source.removesuffix(".py").replace("/", ".")


def source_digests(package_dir: Path, sources: Sequence[str]) -> dict[str, str]:
    """SHA-256 of each source, as the install records it and the import checks it."""
    return {source: hashlib.sha256((package_dir / source).read_bytes()).hexdigest() for source in sources}


def compiled_file(package_dir: Path, source: str) -> Path | None:
    """The extension module built from ``source``, if there is one."""
    stem = package_dir / source.removesuffix(".py")
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = stem.with_name(stem.name + suffix)
        if candidate.exists():
            return candidate
    return None


def stale_sources(package_dir: Path, sources: Sequence[str]) -> list[str] | None:
    """None when nothing is compiled; else the sources whose compiled code is missing or older than
    the source (its digest at build time differs), empty when the compiled build is whole and fresh."""
    built = [source for source in sources if compiled_file(package_dir, source) is not None]
    if not built:
        return None
    try:
        recorded = json.loads((package_dir / DIGESTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = {}
    current = source_digests(package_dir, sources)
    return [
        source
        for source in sources
        if source not in built or not isinstance(recorded, dict) or recorded.get(source) != current[source]
    ]


class _SourceFinder:
    """Loads the listed modules from their ``.py`` files, ahead of the compiled ones (a meta path
    finder: ``find_spec`` is all the import system asks of one)."""

    def __init__(self, package_dir: Path, sources: Sequence[str]) -> None:
        self._paths = {module_name(source): package_dir / source for source in sources}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self._paths.get(fullname)
        return None if source is None else importlib.util.spec_from_file_location(fullname, source)


def choose_build() -> None:
    """Run the compiled modules when they are whole and fresh, else their sources (with a warning
    when sources changed since the install). Called once, when ``rasad`` is imported."""
    sources = listed_sources()
    if os.environ.get(PURE_ENVIRONMENT, "") not in ("", "0"):
        sys.meta_path.insert(0, _SourceFinder(PACKAGE_DIR, sources))
        return
    stale = stale_sources(PACKAGE_DIR, sources)
    if stale:
        shown = ", ".join(stale[:3]) + (f" and {len(stale) - 3} more" if len(stale) > 3 else "")
        print(
            f"rasad: the compiled build is older than its sources ({shown}); running the sources, "
            "slower (`make install` compiles them again)",
            file=sys.stderr,
        )
        sys.meta_path.insert(0, _SourceFinder(PACKAGE_DIR, sources))


def running_build() -> str:
    """Which code this process runs: 'compiled' or 'pure Python' (for ``rasad check`` and tests)."""
    from rasad.events import coder

    suffix = Path(coder.__file__ or "").name
    return (
        "compiled"
        if any(suffix.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)
        else "pure Python"
    )
