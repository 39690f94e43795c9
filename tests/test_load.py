"""The short version of bench/load.py: a few hundred mixed requests, concurrent, and not one error.

No timing is asserted (the machine is shared); the full run and its latency figures are in
BENCHMARKS.md.
"""

from __future__ import annotations

from pathlib import Path

from rasad.store import open_store
from web_corpus import bench_load_module, coded_corpus, load_corpus


def test_concurrent_mixed_requests_all_succeed(tmp_path: Path) -> None:
    bench = bench_load_module()
    database = tmp_path / "load.sqlite3"
    with open_store(str(database)) as store:
        assert load_corpus(store) == len(coded_corpus())
    with bench.running_server(database) as (base, pid):
        plan = bench.request_plan(base, 300)
        report = bench.run_load(base, plan, clients=10, max_seconds=300, server_pid=pid)
    assert {kind for kind, _ in plan} == {"search", "events", "article"}
    assert report.requests == 300, report.summary()
    assert report.errors == [], report.summary()
    assert sum(len(values) for values in report.latencies.values()) == 300


def test_percentile_is_nearest_rank() -> None:
    bench = bench_load_module()
    values = [float(n) for n in range(1, 101)]
    assert bench.percentile(values, 50) == 50.0
    assert bench.percentile(values, 99) == 99.0
    assert bench.percentile([3.0], 99) == 3.0
    assert bench.percentile([], 50) == 0.0
