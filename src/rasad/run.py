"""Coding a stream of documents: dedupe, the pipeline, and failures that never stop the run."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing.pool import AsyncResult

from rasad.document import RawDocument, ReadProblem
from rasad.ingest.dedupe import Deduplicator
from rasad.pipeline import TimeBudgetExceeded, code_document, document_id, load_resources

BATCH_PER_WORKER = 16  # documents handed out per worker and round: bounded memory, input order kept
BATCHES_IN_FLIGHT = 3  # the pool codes the next batches while the parent writes one and reads another
# Distinct texts the duplicate detector remembers (about 8 kB each): a bounded memory whatever the input.
DEDUPE_WINDOW = 50_000


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document a resumed run already coded: it is passed over (but still seen by the deduplicator)."""

    doc_id: str


Task = ReadProblem | Skipped | tuple[RawDocument, str | None]


def available_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the machine)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def code_stream(
    items: Iterable[RawDocument | ReadProblem],
    dedupe: bool = True,
    workers: int = 1,
    done: Counter[str] | None = None,
    dedupe_window: int | None = DEDUPE_WINDOW,
    time_budget: float | None = None,
) -> Iterator[dict | ReadProblem | Skipped]:
    """Records for documents and problems passed through, in input order.

    Duplicates are found here, in input order, so the result does not depend on ``workers``; with
    more than one worker the documents are coded in batches by a process pool, so memory stays
    bounded whatever the size of the input. A document over ``time_budget`` seconds is a problem.

    ``done`` counts the ids of documents a previous, interrupted run already wrote: that many
    documents with each id are yielded as ``Skipped`` instead of being coded again, and the
    deduplicator still sees their text, so later duplicates are found exactly as in one run.
    """
    skip = _already_done(done) if done else None
    for _task, result in _coded(_tasks(items, dedupe, skip, dedupe_window), workers, time_budget):
        yield result


def _already_done(done: Counter[str]) -> Callable[[str, RawDocument], bool]:
    """A skip test that passes over as many documents with each id as ``done`` counts."""
    remaining = Counter(done)

    def skip(key: str, _document: RawDocument) -> bool:
        if remaining[key] > 0:
            remaining[key] -= 1
            return True
        return False

    return skip


def code_pairs(
    items: Iterable[RawDocument | ReadProblem],
    dedupe: bool = True,
    workers: int = 1,
    skip: Callable[[str, RawDocument], bool] | None = None,
    time_budget: float | None = None,
    dedupe_window: int | None = DEDUPE_WINDOW,
) -> Iterator[tuple[RawDocument, dict] | ReadProblem]:
    """Like ``code_stream`` but each record comes with its document: the store keeps the text.

    ``skip(document_id, document)`` true leaves a document out before it is coded (the store has it
    already); it still passes the duplicate detector, so a resumed run marks the same copies as
    duplicates as an uninterrupted one.
    """
    for task, result in _coded(_tasks(items, dedupe, skip, dedupe_window), workers, time_budget):
        if isinstance(result, ReadProblem):
            yield result
        elif isinstance(task, tuple) and isinstance(result, dict):
            yield task[0], result


def _coded(
    tasks: Iterator[Task], workers: int, time_budget: float | None = None
) -> Iterator[tuple[Task, dict | ReadProblem | Skipped]]:
    """Each task with its result, in input order; the documents never travel back from workers.

    A pool starts only when the input holds more than one batch: a handful of documents is coded
    sooner in this process than by workers that must first load the dictionaries.
    """
    code = partial(code_task, time_budget=time_budget)
    batch_size = max(1, workers) * BATCH_PER_WORKER
    first = list(itertools.islice(tasks, batch_size + 1))
    if workers <= 1 or len(first) <= batch_size:
        for task in itertools.chain(first, tasks):
            yield task, code(task)
        return
    batches = itertools.chain([first], iter(lambda: list(itertools.islice(tasks, batch_size)), []))
    chunksize = max(1, batch_size // (workers * 4))
    # Loaded once here, the models and dictionaries reach the workers by fork (copy-on-write)
    # instead of being loaded again by each of them.
    load_resources()
    with multiprocessing.Pool(workers) as pool:
        pending: deque[tuple[list[Task], AsyncResult]] = deque()
        for batch in batches:
            pending.append((batch, pool.map_async(code, batch, chunksize=chunksize)))
            if len(pending) >= BATCHES_IN_FLIGHT:
                yield from _finished(*pending.popleft())
        while pending:
            yield from _finished(*pending.popleft())


def _finished(batch: list[Task], results: AsyncResult) -> Iterator[tuple[Task, dict | ReadProblem | Skipped]]:
    yield from zip(batch, results.get(), strict=True)


def _tasks(
    items: Iterable[RawDocument | ReadProblem],
    dedupe: bool,
    skip: Callable[[str, RawDocument], bool] | None = None,
    dedupe_window: int | None = DEDUPE_WINDOW,
) -> Iterator[Task]:
    deduplicator = Deduplicator(window=dedupe_window) if dedupe else None
    for item in items:
        if isinstance(item, ReadProblem):
            yield item
            continue
        if deduplicator is None and skip is None:
            yield item, None
            continue
        key = document_id(item)
        duplicate_of = deduplicator.check(key, item.text) if deduplicator is not None else None
        yield Skipped(key) if skip is not None and skip(key, item) else (item, duplicate_of)


def code_task(task: Task, time_budget: float | None = None) -> dict | ReadProblem | Skipped:
    """One document through the pipeline; an exception becomes a problem for that document only.

    The pipeline is our code, so an exception there is a bug; it is still reported against the one
    document (with the exception type) rather than losing the rest of the run. A document over its
    time budget is reported the same way, with the budget in the message.
    """
    if isinstance(task, ReadProblem | Skipped):
        return task
    document, duplicate_of = task
    try:
        return code_document(document, duplicate_of=duplicate_of, time_budget=time_budget)
    except TimeBudgetExceeded as error:
        return ReadProblem(document.path or "<document>", str(error))
    except Exception as error:  # one document's failure must not end the run
        return ReadProblem(document.path or "<document>", f"internal error {type(error).__name__}: {error}")
