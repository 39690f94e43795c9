"""Pipeline throughput on the public news corpora, stage by stage, against the I/O floor.

The floor reads and decodes the same articles and does nothing else. Each stage of the pipeline
is then timed on every article (one process, one core) in CPU time, which other processes on a
shared machine do not inflate the way they do wall time; the whole pipeline is reported as
articles/s and MB/s of CPU time, and by the wall clock with its ratio to the floor, plus the peak
resident memory. The duplicate check that ``rasad code`` runs on each document before the pipeline
is timed apart and shown beside it.

    .venv/bin/python bench/throughput.py --root ../shared/corpora [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

from host import describe as describe_host
from rasad.ingest.corpora import CORPORA
from rasad.ingest.dedupe import Deduplicator, fingerprint
from rasad.pipeline import STAGES, Analysis, load_resources, to_record
from rasad.run import DEDUPE_WINDOW


def read_floor(name: str, root: Path, limit: int | None) -> tuple[int, int, float]:
    """Articles, UTF-8 bytes and seconds to read and decode the corpus."""
    documents = size = 0
    started = time.perf_counter()
    for item in itertools.islice(CORPORA[name](root), limit):
        documents += 1
        size += len(item.document.text.encode("utf-8"))
    return documents, size, time.perf_counter() - started


def run_stages(name: str, root: Path, limit: int | None) -> tuple[dict[str, float], float, float]:
    """CPU seconds spent in each stage, wall seconds for the whole pass (reading included), and CPU
    seconds of the duplicate check (``rasad code`` and ``rasad ingest`` run it before the pipeline)."""
    spent: dict[str, float] = defaultdict(float)
    deduplicator = Deduplicator(window=DEDUPE_WINDOW)
    checking = 0.0
    clock = time.process_time
    started = time.perf_counter()
    for item in itertools.islice(CORPORA[name](root), limit):
        analysis = Analysis(item.document)
        for stage in STAGES:
            before = clock()
            stage(analysis)
            spent[stage.__name__] += clock() - before
        before = clock()
        to_record(analysis)
        spent["to_record"] += clock() - before
        assert analysis.normalized is not None
        before = clock()
        deduplicator.decide(analysis.identifier(), fingerprint(analysis.normalized.text))
        checking += clock() - before
    return spent, time.perf_counter() - started, checking


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
    print(f"machine: {machine}, Python {platform.python_version()}, one process on one core")
    print(f"load average at start: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print(describe_host())
    # Load every model and dictionary once, outside the timing: one article of a corpus does not
    # (lingua's Arabic-script model loads on the first text the script alone cannot tell, seconds).
    load_resources(language_models=True)
    for name in CORPORA:
        documents, size, floor = read_floor(name, root, args.limit)
        spent, wall, checking = run_stages(name, root, args.limit)
        work = sum(spent.values())
        megabytes = size / 1e6
        print(f"\n{name}: {documents} articles, {megabytes:.1f} MB")
        print(f"  I/O floor            {documents / floor:>9,.0f} articles/s  {megabytes / floor:7.2f} MB/s")
        for stage, seconds in spent.items():
            print(f"  {stage:20} {documents / seconds:>9,.0f} articles/s  {megabytes / seconds:7.2f} MB/s")
        print(f"  full pipeline        {documents / work:>9,.0f} articles/s  {megabytes / work:7.2f} MB/s")
        print(f"  duplicate check      {documents / checking:>9,.0f} articles/s  (not part of the pipeline)")
        with_check = documents / (work + checking)
        print(f"  rasad code per core  {with_check:>9,.0f} articles/s  (pipeline + duplicate check)")
        print(f"  pipeline + reading   {documents / wall:>9,.0f} articles/s by the wall clock")
        print(f"  pipeline + reading is {wall / floor:.1f}x the I/O floor")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak:.0f} MB")
    print(f"at the end, {describe_host()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
