"""Text-stage throughput on the public news corpora, against the I/O floor.

The floor reads and decodes the same articles and does nothing else; the text stage adds
normalisation, language identification, sentence segmentation, boilerplate marking and the
publication date (the pipeline before actors and events). One process, one core.

    .venv/bin/python bench/text_stage.py --root ../shared/corpora [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import platform
import sys
import time
from pathlib import Path

from rasad.ingest.corpora import CORPORA
from rasad.pipeline import analyse


def measure(name: str, root: Path, limit: int | None, work: bool) -> tuple[int, int, float]:
    """Documents, UTF-8 bytes and seconds for one pass over a corpus."""
    documents = 0
    size = 0
    started = time.perf_counter()
    for item in itertools.islice(CORPORA[name](root), limit):
        documents += 1
        size += len(item.document.text.encode("utf-8"))
        if work:
            analyse(item.document)
    return documents, size, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", default="../shared/corpora")
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus (default: all)")
    args = parser.parse_args()
    root = Path(args.root)
    if not (root / "news-ar").is_dir():
        print(f"no corpora under {root}", file=sys.stderr)
        return 2
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, Python {platform.python_version()}, 1 process")
    analyse(next(CORPORA["ir-news"](root)).document)  # load models once, outside the timing
    for name in CORPORA:
        docs, size, floor = measure(name, root, args.limit, work=False)
        _, _, full = measure(name, root, args.limit, work=True)
        stage = full - floor
        print(
            f"{name}: {docs} articles, {size / 1e6:.1f} MB | I/O floor {docs / floor:,.0f} articles/s "
            f"({size / 1e6 / floor:.1f} MB/s) | text stage {docs / stage:,.0f} articles/s "
            f"({size / 1e6 / stage:.2f} MB/s) | floor+stage is {full / floor:.1f}x the floor"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
