"""What the API, browser and load tests share: the corpus they serve and the bench's server runner.

The corpus is the samples, the seeds and one hostile article. Coding it takes seconds, so it is
coded once per test session and saved into each fresh store. The hostile article is ours: markup
in the title and the text that must show as text and never run.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from rasad.document import RawDocument, ReadProblem
from rasad.ingest import ReadLimits, iter_documents
from rasad.run import code_pairs
from rasad.store import coder_version
from rasad.store.base import Store

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SEEDS = REPO.parent / "shared" / "seeds"

HOSTILE_ID = "hostile-article-0001"
HOSTILE_TITLE = 'Kazakhstan talks <script>window.__rasadPwned = "title"</script> end'
HOSTILE_TEXT = (
    "Kazakhstan and Russia signed a security agreement in Almaty on Monday, officials said.\n\n"
    '<script>window.__rasadPwned = "script"; alert("script ran")</script>\n'
    "The statement ended with <img src=x onerror=\"window.__rasadPwned = 'img'; alert(1)\"> and "
    "<b onmouseover=alert(2)>bold</b> markup that must stay text.\n"
)


@cache
def coded_corpus() -> tuple[tuple[RawDocument, dict], ...]:
    """(document, record) for every sample and seed article, plus the hostile article."""
    paths = [str(SAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    hostile = RawDocument(text=HOSTILE_TEXT, doc_id=HOSTILE_ID, title=HOSTILE_TITLE, outlet="Test <Desk>")
    items = [*iter_documents(paths, ReadLimits()), hostile]
    return tuple(pair for pair in code_pairs(items) if not isinstance(pair, ReadProblem))


def load_corpus(store: Store) -> int:
    """Save the coded corpus into ``store``; the number of documents saved."""
    counts = store.save_many(coded_corpus(), coder_version())
    return counts.added


@cache
def bench_load_module() -> ModuleType:
    """``bench/load.py`` (not a package): its ``running_server`` starts a real ``rasad serve``."""
    spec = importlib.util.spec_from_file_location("rasad_bench_load", REPO / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
