"""Coding a stream of documents: dedupe, the pipeline, and failures that never stop the run."""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from rasad.document import RawDocument, ReadProblem
from rasad.ingest.dedupe import Deduplicator
from rasad.pipeline import TimeBudgetExceeded, code_document, document_id

Task = ReadProblem | tuple[RawDocument, str | None]
BATCH_PER_WORKER = 16  # documents handed out per worker and round: bounded memory, input order kept


def code_stream(
    items: Iterable[RawDocument | ReadProblem],
    dedupe: bool = True,
    workers: int = 1,
    time_budget: float | None = None,
) -> Iterator[dict | ReadProblem]:
    """Records for documents and problems passed through, in input order.

    Duplicates are found here, in input order, so the result does not depend on ``workers``; with
    more than one worker the documents are coded in batches by a process pool, so memory stays
    bounded whatever the size of the input. A document over ``time_budget`` seconds is a problem.
    """
    for _task, result in _coded(_tasks(items, dedupe), workers, time_budget):
        yield result


def code_pairs(
    items: Iterable[RawDocument | ReadProblem],
    dedupe: bool = True,
    workers: int = 1,
    skip: Callable[[str, RawDocument], bool] | None = None,
    time_budget: float | None = None,
) -> Iterator[tuple[RawDocument, dict] | ReadProblem]:
    """Like ``code_stream`` but each record comes with its document: the store keeps the text.

    ``skip(document_id, document)`` true leaves a document out before it is coded (the store has it
    already); it still passes the duplicate detector, so a resumed run marks the same copies as
    duplicates as an uninterrupted one.
    """
    for task, result in _coded(_tasks(items, dedupe, skip), workers, time_budget):
        yield result if isinstance(result, ReadProblem) else (task[0], result)


def _coded(
    tasks: Iterator[Task], workers: int, time_budget: float | None
) -> Iterator[tuple[Task, dict | ReadProblem]]:
    """Each task with its result, in input order; the documents never travel back from workers."""
    code = partial(code_task, time_budget=time_budget)
    if workers <= 1:
        for task in tasks:
            yield task, code(task)
        return
    with multiprocessing.Pool(workers) as pool:
        while batch := list(itertools.islice(tasks, workers * BATCH_PER_WORKER)):
            results = pool.map(code, batch, chunksize=max(1, len(batch) // (workers * 4)))
            yield from zip(batch, results, strict=True)


def _tasks(
    items: Iterable[RawDocument | ReadProblem],
    dedupe: bool,
    skip: Callable[[str, RawDocument], bool] | None = None,
) -> Iterator[Task]:
    deduplicator = Deduplicator() if dedupe else None
    for item in items:
        if isinstance(item, ReadProblem) or (deduplicator is None and skip is None):
            yield item if isinstance(item, ReadProblem) else (item, None)
            continue
        key = document_id(item)
        duplicate_of = deduplicator.check(key, item.text) if deduplicator is not None else None
        if skip is None or not skip(key, item):
            yield item, duplicate_of


def code_task(task: Task, time_budget: float | None = None) -> dict | ReadProblem:
    """One document through the pipeline; an exception becomes a problem for that document only.

    The pipeline is our code, so an exception there is a bug; it is still reported against the one
    document (with the exception type) rather than losing the rest of the run. A document over its
    time budget is reported the same way, with the budget in the message.
    """
    if isinstance(task, ReadProblem):
        return task
    document, duplicate_of = task
    try:
        return code_document(document, duplicate_of=duplicate_of, time_budget=time_budget)
    except TimeBudgetExceeded as error:
        return ReadProblem(document.path or "<document>", str(error))
    except Exception as error:  # one document's failure must not end the run
        return ReadProblem(document.path or "<document>", f"internal error {type(error).__name__}: {error}")
