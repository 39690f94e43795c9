"""Scaling: 1 against 2 workers, Spark local[2] against the process pool, growth with input size.

The input is the first N SaudiNewsNet articles written to a JSON Lines file, so every run reads
the same bytes. Local runs are whole ``rasad code`` commands (wall time, and the CPU time of the
command and its worker pool); Spark runs are timed after start-up: the session is started and
every Python worker has loaded the dictionaries and the language model (a first job on 20 other
articles and their titles) before the clock starts, and the pool's figure is taken the same way,
from its first record to its last.

    .venv/bin/python bench/scale.py --root ../shared/corpora [--sizes 1000 4000 16000] [--compare 2000]
        [--repeat 3]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from host import describe as describe_host
from rasad.ingest.corpora import saudinewsnet


@dataclass
class Timing:
    """A local run: wall seconds for the command, from its first record, and CPU seconds."""

    wall: float
    after_start: float
    cpu: float
    records: int


def write_articles(root: Path, count: int, folder: Path, skip: int = 0) -> Path:
    """SaudiNewsNet articles with text, as JSON Lines: ``count`` of them after the first ``skip``."""
    path = folder / f"saudinewsnet-{skip}-{count}.jsonl"
    articles = (item.document for item in saudinewsnet(root) if item.document.text.strip())
    with path.open("w", encoding="utf-8") as handle:
        for document in itertools.islice(articles, skip, skip + count):
            fields = {"text": document.text, "title": document.title, "url": document.url}
            fields |= {"outlet": document.outlet, "published": document.published}
            handle.write(json.dumps(fields, ensure_ascii=False) + "\n")
    return path


WARM_UP_ARTICLES = 20


def write_warm_up(root: Path, folder: Path, skip: int) -> Path:
    """Articles other than the measured ones, and their titles alone, for Spark's start-up.

    A job on them before the clock starts makes each Python worker load the dictionaries and the
    whole Arabic-script model (the titles are short texts only the model tells apart), as the pool's
    parent does before its first record. A few articles only: a longer warm-up would also warm the
    workers' word caches, which the pool's workers warm inside the clock (500 articles measured
    7.0-7.4 s, these 7.0-7.2 s: the same within the host's noise).
    """
    path = write_articles(root, WARM_UP_ARTICLES, folder, skip)
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with path.open("a", encoding="utf-8") as handle:
        for article in articles:
            if article["title"]:
                handle.write(
                    json.dumps({"text": article["title"], "url": article["url"]}, ensure_ascii=False) + "\n"
                )
    return path


def code_locally(source: Path, workers: int, folder: Path) -> Timing:
    """``rasad code`` as a user runs it; the first record's arrival marks the end of start-up."""
    output = folder / f"out-{workers}.jsonl"
    partial = folder / f"out-{workers}.jsonl.part"
    command = [sys.executable, "-m", "rasad.cli", "code", str(source), "-o", str(output)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen([*command, "--workers", str(workers)], stderr=subprocess.DEVNULL)
    first = None
    while process.poll() is None:
        if first is None and partial.exists() and partial.stat().st_size:
            first = time.perf_counter()
        time.sleep(0.01)
    ended = time.perf_counter()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"rasad code failed on {source}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    records = sum(1 for _ in output.open(encoding="utf-8"))
    return Timing(ended - started, ended - (first or started), cpu, records)


def code_on_spark(source: Path, warm_up: Path, folder: Path) -> float:
    """Seconds for ``code_to_parquet`` on ``source`` in a started, warmed-up local[2] session."""
    from rasad.scale.spark import code_to_parquet, spark_session

    spark = spark_session("local[2]", {"spark.ui.enabled": "false"})
    outputs = Path(tempfile.mkdtemp(prefix="spark-", dir=folder))  # a new one each run
    try:
        code_to_parquet(spark, [str(warm_up)], str(outputs / "warm-up"))
        started = time.perf_counter()
        code_to_parquet(spark, [str(source)], str(outputs / "out"))  # the default partitions
        return time.perf_counter() - started
    finally:
        spark.stop()


def compare_workers(source: Path, folder: Path) -> dict[int, Timing]:
    """``rasad code`` with one worker, then two, on the same input; prints both and their ratios."""
    timings = {workers: code_locally(source, workers, folder) for workers in (1, 2)}
    for workers, timing in timings.items():
        rate = timing.records / timing.wall
        print(f"  {workers} worker(s): {timing.wall:6.1f} s wall, {rate:6.1f} art/s, "
              f"{timing.wall - timing.after_start:5.1f} s before the first record, "
              f"{timing.after_start:6.1f} s after it, CPU {timing.cpu:6.1f} s")  # fmt: skip
    one, two = (folder / "out-1.jsonl").read_bytes(), (folder / "out-2.jsonl").read_bytes()
    print(f"  speed-up 2/1: {timings[1].wall / timings[2].wall:.2f} (outputs identical: {one == two})")
    # Wall time depends on what else the machine runs; CPU time does not: the pool's overhead.
    overhead = timings[2].cpu / timings[1].cpu
    print(f"  CPU 2 workers / 1 worker: {overhead:.2f}, so at most {2 / overhead:.2f}x on two idle cores")
    return timings


def summary(values: list[float]) -> str:
    """Median and range: on a shared host one run is not a figure."""
    return f"median {statistics.median(values):.2f} (range {min(values):.2f}-{max(values):.2f})"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", default="../shared/corpora")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000], help="growth sizes")
    parser.add_argument("--compare", type=int, default=2000, help="articles for the worker and Spark runs")
    parser.add_argument("--no-spark", action="store_true", help="leave out the Spark comparison")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of the worker and Spark comparisons (median and range)"
    )
    args = parser.parse_args()
    root = Path(args.root)
    if not (root / "news-ar" / "saudinewsnet").is_dir():
        print(f"no SaudiNewsNet under {root}", file=sys.stderr)
        return 2
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {load()} at the start")  # fmt: skip
    print(describe_host())
    with tempfile.TemporaryDirectory(prefix="rasad-bench-") as temporary:
        folder = Path(temporary)
        source = write_articles(root, args.compare, folder)
        speed_ups: list[float] = []
        spark_ratios: list[float] = []
        warm_up = None if args.no_spark else write_warm_up(root, folder, skip=args.compare)
        for run in range(1, args.repeat + 1):
            print(
                f"\n## workers ({args.compare} SaudiNewsNet articles, rasad code), run {run} of {args.repeat}"
            )
            timings = compare_workers(source, folder)
            speed_ups.append(timings[1].wall / timings[2].wall)
            if warm_up is not None:
                spark = code_on_spark(source, warm_up, folder)
                pool = timings[2].after_start
                print(f"\n## Spark local[2] against the pool of 2 workers ({args.compare} articles, "
                      f"after start-up), run {run} of {args.repeat}")  # fmt: skip
                print(f"  Spark: {spark:6.1f} s ({args.compare / spark:6.1f} art/s); "
                      f"pool: {pool:6.1f} s ({args.compare / pool:6.1f} art/s)")  # fmt: skip
                print(f"  Spark time / pool time: {spark / pool:.2f}")
                spark_ratios.append(spark / pool)
        if args.repeat > 1:
            print(f"\n## over {args.repeat} runs: speed-up 2/1 {summary(speed_ups)}", end="")
            print(f"; Spark / pool {summary(spark_ratios)}" if spark_ratios else "")

        print("\n## growth (rasad code, 2 workers)")
        for size in args.sizes:
            timing = code_locally(write_articles(root, size, folder), 2, folder)
            rate, cpu_rate = timing.records / timing.wall, timing.records / timing.cpu
            print(f"  {size:>6} articles: {timing.wall:7.1f} s wall, {rate:6.1f} art/s, "
                  f"CPU {timing.cpu:7.1f} s ({cpu_rate:6.1f} art/CPU-s)")  # fmt: skip
    print(f"\n{load()} at the end; {describe_host()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
