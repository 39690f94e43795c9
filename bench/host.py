"""How fast this host runs plain Python right now, to read the benchmarks' rates against.

The development machines are shared virtual machines: the same code has measured twice as fast in
one session as in another. A fixed workload of the interpreter's own (splitting, counting and
sorting words; no rasad code, so it does not change when rasad does) is timed before each benchmark;
a rate is comparable across sessions only together with this figure.
"""

from __future__ import annotations

import time
from collections import Counter

_WORDS = [f"w{(i * 7919) % 5003}" for i in range(20_000)]
_TEXT = " ".join(_WORDS)


def _workload() -> int:
    counts: Counter[str] = Counter()
    for _ in range(30):
        counts.update(_TEXT.split())
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return sum(len(word) for word, _ in ranked)


def reference_ms(repeats: int = 7) -> float:
    """Milliseconds of CPU time for the fixed workload, the best of ``repeats`` (lower: faster host)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        _workload()
        best = min(best, time.process_time() - started)
    return best * 1000


def describe() -> str:
    """One line for a benchmark's header."""
    return f"host reference workload: {reference_ms():.1f} ms of CPU (bench/host.py; lower is a faster host)"
