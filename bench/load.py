"""Load test of ``rasad serve``: many concurrent clients mixing search, event and article requests.

The store (IR-News plus a SaudiNewsNet slice, 5k+ articles) is built once into ``out/`` and reused.
The server runs as its own process on 127.0.0.1 only; 20 clients send a fixed, seeded mix of
requests, bounded in number and in time, and the run reports errors and latency percentiles.

    .venv/bin/python bench/load.py --root ../shared/corpora

``run_load`` and ``running_server`` are also used by the test suite's short version.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / "out" / "load.sqlite3"
SAUDINEWSNET_SLICE = 1_500
# Words an analyst looks up, in the three scripts the store holds; some hit thousands of articles.
SEARCH_TERMS = [
    "ایران",
    "السعودية",
    "روسيا",
    "اسرائیل",
    "نفت",
    "آمریکا",
    "الرياض",
    "مذاکرات",
    "الأمم المتحدة",
    "Kazakhstan",
    "عراق",
    "اقتصاد",
    "سوريا",
    "الحوثي",
    "وزير الخارجية",
    "تحریم",
]
EVENT_TYPES = [
    "CONSULT",
    "AGREE",
    "SUPPORT",
    "COOPERATE",
    "REQUEST",
    "ACCUSE",
    "THREATEN",
    "ASSAULT",
    "COERCE",
]


@dataclass
class LoadReport:
    """What a run measured: counts, latencies in seconds, server CPU time."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    wall_seconds: float = 0.0
    server_cpu_seconds: float | None = None

    def all_latencies(self) -> list[float]:
        return sorted(itertools.chain.from_iterable(self.latencies.values()))

    def summary(self) -> str:
        lines = [f"{self.requests} requests, {len(self.errors)} errors, {self.wall_seconds:.1f} s wall"]
        for kind, values in [*sorted(self.latencies.items()), ("all", self.all_latencies())]:
            if values:
                lines.append(
                    f"  {kind:9} n={len(values):5}  p50 {percentile(values, 50) * 1000:7.1f} ms  "
                    f"p99 {percentile(values, 99) * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms"
                )
        if self.server_cpu_seconds is not None and self.requests:
            per_request = self.server_cpu_seconds / self.requests * 1000
            lines.append(f"  server CPU {self.server_cpu_seconds:.1f} s = {per_request:.1f} ms a request")
        lines += [f"  error: {error}" for error in self.errors[:10]]
        return "\n".join(lines)


def percentile(values: list[float], point: float) -> float:
    """Nearest-rank percentile: the value below which ``point`` % of the requests finished."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, math.ceil(point / 100 * len(ordered)) - 1))
    return ordered[rank]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(database: Path, startup_seconds: float = 60) -> Iterator[tuple[str, int]]:
    """``rasad serve`` over ``database`` on a free 127.0.0.1 port: (base URL, process id).

    The server's output goes to a file (a pipe nobody reads would block it once full) and is shown
    if the server does not come up.
    """
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if key != "RASAD_TOKEN"}
    command = [sys.executable, "-m", "rasad.cli", "serve", "--db", str(database), "--host", "127.0.0.1",
               "--port", str(port)]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
        try:
            deadline = time.monotonic() + startup_seconds
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/api/stats", timeout=2) as answer:
                        json.load(answer)
                    break
                except OSError as error:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(
                            f"rasad serve did not start: {log.read()[-2000:] or error}"
                        ) from None
                    time.sleep(0.2)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.seek(0)
            server_log = log.read().strip()
            if server_log:
                print(f"load: server output:\n{server_log[-3000:]}", file=sys.stderr)


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux), to compare runs on a busy machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def request_plan(base: str, count: int, seed: int = 7) -> list[tuple[str, str]]:
    """``count`` (kind, url) pairs: a third searches, a third event lists, a third articles.

    Document ids, actors and types come from the server itself, so the plan fits whatever store
    is behind it; the seed makes two runs send the same requests.
    """
    chooser = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        ids = [row["id"] for row in client.get("/api/documents", params={"limit": 500}).json()["rows"]]
        graph = client.get("/api/relations", params={"edges": 60}).json()
    actors = [node["id"] for node in graph["nodes"]] or ["IRN"]
    pairs = [(edge["source"], edge["target"]) for edge in graph["edges"]] or [("IRN", "USA")]
    plan: list[tuple[str, str]] = []
    for number in range(count):
        lane = number % 3
        if lane == 0:
            term = chooser.choice(SEARCH_TERMS)
            page = chooser.choice(["/api/search", "/search"])
            plan.append(("search", f"{page}?{urlencode({'q': term, 'limit': 20})}"))
        elif lane == 1:
            params: dict[str, str] = {"actor": chooser.choice(actors), "limit": "50"}
            if chooser.random() < 0.5:
                params["type"] = chooser.choice(EVENT_TYPES)
            roll = chooser.random()
            if roll < 0.15:
                actor, recipient = chooser.choice(pairs)
                plan.append(("events", f"/api/dyads?{urlencode({'actor': actor, 'recipient': recipient})}"))
            elif roll < 0.25:
                plan.append(("events", f"/api/relations?{urlencode({'type': chooser.choice(EVENT_TYPES)})}"))
            else:
                page = chooser.choice(["/api/events", "/events"])
                plan.append(("events", f"{page}?{urlencode(params)}"))
        else:
            page = chooser.choice(["/api/documents/", "/documents/"])
            plan.append(("article", page + quote(chooser.choice(ids), safe="")))
    return plan


async def _send_all(base: str, plan: list[tuple[str, str]], clients: int, timeout: float,
                    deadline: float, report: LoadReport) -> None:  # fmt: skip
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)

    async def client_loop(client: httpx.AsyncClient) -> None:
        while not queue.empty() and time.monotonic() < deadline:
            kind, url = queue.get_nowait()
            started = time.perf_counter()
            try:
                response = await client.get(url)
                await response.aread()
                if response.status_code != 200:
                    report.errors.append(f"{response.status_code} {url}")
            except httpx.HTTPError as error:
                report.errors.append(f"{type(error).__name__} {url}")
            report.latencies.setdefault(kind, []).append(time.perf_counter() - started)
            report.requests += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))


def run_load(base: str, plan: list[tuple[str, str]], clients: int = 20, timeout: float = 30,
             max_seconds: float = 600, server_pid: int | None = None) -> LoadReport:  # fmt: skip
    """Send the plan with ``clients`` concurrent connections; stop early at ``max_seconds``."""
    report = LoadReport()
    cpu_before = process_cpu_seconds(server_pid) if server_pid else None
    started = time.perf_counter()
    asyncio.run(_send_all(base, plan, clients, timeout, time.monotonic() + max_seconds, report))
    report.wall_seconds = time.perf_counter() - started
    cpu_after = process_cpu_seconds(server_pid) if server_pid else None
    if cpu_before is not None and cpu_after is not None:
        report.server_cpu_seconds = cpu_after - cpu_before
    if report.requests < len(plan):
        report.errors.append(
            f"time limit: {len(plan) - report.requests} requests not sent in {max_seconds} s"
        )
    return report


def build_store(database: Path, root: Path, minimum: int, workers: int) -> dict:
    """IR-News and a SaudiNewsNet slice coded into ``database`` once; reused while it holds enough."""
    from rasad.ingest.corpora import ir_news, saudinewsnet
    from rasad.run import code_pairs
    from rasad.store import coder_version, open_store

    with open_store(str(database)) as store:
        counts = store.count()
        if counts["documents"] >= minimum:
            return counts
        documents = itertools.chain(
            (item.document for item in ir_news(root)),
            (item.document for item in itertools.islice(saudinewsnet(root), SAUDINEWSNET_SLICE)),
        )
        started = time.perf_counter()
        pairs = (pair for pair in code_pairs(documents, workers=workers) if isinstance(pair, tuple))
        added = store.save_many(pairs, coder_version())
        print(f"load: coded and stored {added.added} articles in {time.perf_counter() - started:.0f} s")
        return store.count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="cached store (default: %(default)s)")
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--max-seconds", type=float, default=600, help="stop sending after this long")
    parser.add_argument("--minimum-articles", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="coding processes")
    args = parser.parse_args()
    if not (args.root / "news-fa" / "ir-news").is_dir():
        print(f"load: corpora not found under {args.root}", file=sys.stderr)
        return 2
    args.db.parent.mkdir(parents=True, exist_ok=True)
    counts = build_store(args.db, args.root, args.minimum_articles, args.workers)
    print(f"load: store {args.db}: {counts['documents']} articles, {counts['events']} events")
    with running_server(args.db) as (base, pid):
        plan = request_plan(base, args.requests)
        report = run_load(base, plan, clients=args.clients, max_seconds=args.max_seconds, server_pid=pid)
    print(f"load: {args.clients} clients against {base}")
    print(report.summary())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
