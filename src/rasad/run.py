"""Coding a stream of documents: dedupe, the pipeline, and failures that never stop the run."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing.pool import AsyncResult

from rasad.document import RawDocument, ReadProblem
from rasad.ingest.dedupe import Deduplicator, Fingerprint, fingerprint
from rasad.pipeline import TimeBudgetExceeded, code_document, document_id, load_resources
from rasad.text.langid import load_whole_model, model_script, script_needing_model
from rasad.text.normalize import NormalizedText, normalize

BATCH_PER_WORKER = 16  # documents handed out per worker and round: bounded memory, input order kept
BATCHES_IN_FLIGHT = 3  # the pool codes the next batches while the parent writes one and reads another
# Documents read ahead before the pool starts, for the language models they need: loaded in the
# parent, a model is shared by all workers instead of loaded by each (English in an Arabic corpus).
MODEL_LOOKAHEAD = 250  # identified one after another before any worker starts: a serial cost
WHOLE_MODEL_TEXTS = 3  # of the MODEL_LOOKAHEAD first texts
# Up to this many workers the parent finds duplicates before the documents are coded (see ``_coded``).
PARENT_DEDUPES_UP_TO = 3
# Distinct texts the duplicate detector remembers (about 5 kB each): a bounded memory whatever the input.
DEDUPE_WINDOW = 50_000


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document a resumed run already coded: it is passed over (but still seen by the deduplicator)."""

    doc_id: str


@dataclass(frozen=True, slots=True)
class Undecided:
    """A document sent to a worker before the duplicate check: the worker computes its fingerprint
    (most of the check's work) and codes it as an original; the parent then decides in input order."""

    document: RawDocument


@dataclass(frozen=True, slots=True)
class Decided:
    """A document the parent has checked for duplicates, with what the check computed: its id and
    normalised text travel to the worker, which would otherwise compute both again (a tenth of its
    work on a news article)."""

    document: RawDocument
    duplicate_of: str | None
    key: str | None = None
    normalized: NormalizedText | None = None


# A record, or its JSON line (without the newline) when the caller writes JSON anyway: a worker
# then serialises it, and a string travels back to the parent faster than a nested dict.
Record = dict | str


@dataclass(frozen=True, slots=True)
class Fingerprinted:
    """A worker's answer to ``Undecided``: the document's id and fingerprint, and its record."""

    key: str
    fingerprint: Fingerprint
    result: Record | ReadProblem


Task = ReadProblem | Skipped | Undecided | Decided


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
    as_json: bool = False,
) -> Iterator[Record | ReadProblem | Skipped]:
    """Records for documents and problems passed through, in input order.

    Duplicates are decided here, in input order, so the result does not depend on ``workers``; with
    more than one worker the documents are coded in batches by a process pool, so memory stays
    bounded whatever the size of the input. A document over ``time_budget`` seconds is a problem.
    With ``as_json`` each record comes as its JSON line (``json.dumps(record, ensure_ascii=False)``).

    ``done`` counts the ids of documents a previous, interrupted run already wrote: that many
    documents with each id are yielded as ``Skipped`` instead of being coded again, and the
    deduplicator still sees their text, so later duplicates are found exactly as in one run.
    """
    skip = _already_done(done) if done else None
    for _document, result in _coded(items, dedupe, workers, skip, dedupe_window, time_budget, as_json):
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
    for document, result in _coded(items, dedupe, workers, skip, dedupe_window, time_budget):
        if isinstance(result, ReadProblem):
            yield result
        elif document is not None and isinstance(result, dict):
            yield document, result


def _coded(
    items: Iterable[RawDocument | ReadProblem],
    dedupe: bool,
    workers: int,
    skip: Callable[[str, RawDocument], bool] | None,
    dedupe_window: int | None,
    time_budget: float | None,
    as_json: bool = False,
) -> Iterator[tuple[RawDocument | None, Record | ReadProblem | Skipped]]:
    """Each document (None for a problem) with its result, in input order.

    A pool starts only when the input holds more than one batch: a handful of documents is coded
    sooner in this process than by workers that must first load the dictionaries. Without a pool
    each document is normalised once, for its id, its fingerprint and the pipeline.
    """
    deduplicator = Deduplicator(window=dedupe_window) if dedupe else None
    code = partial(code_task, time_budget=time_budget, as_json=as_json)
    items = iter(items)
    batch_size = max(1, workers) * BATCH_PER_WORKER
    lookahead = batch_size + 1 if workers <= 1 else max(batch_size + 1, MODEL_LOOKAHEAD)
    first = list(itertools.islice(items, lookahead))
    if workers <= 1 or len(first) <= batch_size:
        for item in itertools.chain(first, items):
            if isinstance(item, ReadProblem):
                yield None, item
                continue
            decided = _decide(item, deduplicator, skip)
            yield item, decided if isinstance(decided, Skipped) else code(decided)
        return
    # With a few workers the parent fingerprints each document and decides before it is coded, so no
    # worker codes a duplicate (a tenth of SaudiNewsNet). That is a fifth of a document's work, so
    # with more workers the parent would hold them back: they fingerprint and code every document,
    # and the parent only decides, afterwards. A resume needs each id before coding (to skip it),
    # so there the parent always decides first.
    remaining = itertools.chain(first, items)
    if deduplicator is not None and skip is None and workers > PARENT_DEDUPES_UP_TO:
        tasks: Iterator[Task] = (
            item if isinstance(item, ReadProblem) else Undecided(item) for item in remaining
        )
    else:
        tasks = _decided(remaining, deduplicator, skip)
    batches = iter(lambda: list(itertools.islice(tasks, batch_size)), [])
    # One chunk per worker and batch: a chunk is a message each way, which the parent's pool threads
    # pickle and unpickle; four per worker cost the parent 0.9 s more CPU on 4,000 articles.
    chunksize = BATCH_PER_WORKER
    # Loaded once here, the dictionaries reach the workers by fork (copy-on-write) instead of being
    # loaded again by each of them; so do the language models the first documents need (a model
    # first needed later is loaded by each worker that meets it).
    load_resources()
    texts = [item.text for item in first if isinstance(item, RawDocument)]
    for script in _whole_models_wanted(texts, long_run=len(first) >= lookahead):
        load_whole_model(script)
    with multiprocessing.Pool(workers) as pool:
        pending: deque[tuple[list[Task], AsyncResult]] = deque()
        for batch in batches:
            pending.append((batch, pool.map_async(code, batch, chunksize=chunksize)))
            if len(pending) >= BATCHES_IN_FLIGHT:
                yield from _finished(*pending.popleft(), deduplicator, code)
        while pending:
            yield from _finished(*pending.popleft(), deduplicator, code)


def _whole_models_wanted(texts: list[str], long_run: bool) -> list[str]:
    """The scripts whose whole language model the parent loads before forking, for the workers to
    share: loaded by a worker, it costs that worker 0.65 s (Arabic script) to 2.6 s (Latin) while the
    ordered output waits for it, and each worker that meets such a text pays it again.

    Identifying each text loads what its language needs. A script many of the first texts need a
    model for will be needed by every worker. So will the script most of a long run is written in,
    even where function words decide its first texts: some of its short texts (titles, captions) only
    the model tells, 30 of the first 4,000 SaudiNewsNet articles, and every worker meets some. A
    script only a few texts need (a stray English caption) is left to the worker that meets it,
    rather than holding every worker back for seconds.
    """
    needing = Counter(script_needing_model(text) for text in texts)
    wanted = [script for script, count in needing.items() if script and count >= WHOLE_MODEL_TEXTS]
    if long_run and texts:
        script, count = Counter(model_script(text) for text in texts).most_common(1)[0]
        if script and 2 * count >= len(texts) and script not in wanted:
            wanted.append(script)
    return wanted


def _finished(
    batch: list[Task],
    results: AsyncResult,
    deduplicator: Deduplicator | None,
    code: Callable[[Task], Record | ReadProblem | Skipped | Fingerprinted],
) -> Iterator[tuple[RawDocument | None, Record | ReadProblem | Skipped]]:
    """A batch's results in input order, the duplicate decisions taken here for ``Undecided`` ones.

    A worker coded every ``Undecided`` document as an original; one that turns out to be a duplicate
    is described again here (the duplicate's record is shorter), as rare as syndicated copies.
    """
    for task, result in zip(batch, results.get(), strict=True):
        if isinstance(task, Undecided) and isinstance(result, Fingerprinted) and deduplicator is not None:
            duplicate_of = deduplicator.decide(result.key, result.fingerprint)
            if duplicate_of is None:
                yield task.document, result.result
            else:
                yield task.document, code(Decided(task.document, duplicate_of, result.key))
        elif isinstance(task, Decided):
            yield task.document, result
        else:
            yield None, result


def _decide(
    document: RawDocument, deduplicator: Deduplicator | None, skip: Callable[[str, RawDocument], bool] | None
) -> Skipped | Decided:
    """Skipped, or the document with the original it duplicates, its id and its normalised text."""
    if deduplicator is None and skip is None:
        return Decided(document, None)
    normalized = normalize(document.text)
    key = document_id(document, normalized)
    duplicate_of = (
        deduplicator.decide(key, fingerprint(normalized.text)) if deduplicator is not None else None
    )
    if skip is not None and skip(key, document):
        return Skipped(key)
    return Decided(document, duplicate_of, key, normalized)


def _decided(
    items: Iterable[RawDocument | ReadProblem],
    deduplicator: Deduplicator | None,
    skip: Callable[[str, RawDocument], bool] | None,
) -> Iterator[Task]:
    """Tasks with the duplicate check and the skip test done here, in input order."""
    for item in items:
        yield item if isinstance(item, ReadProblem) else _decide(item, deduplicator, skip)


def code_task(
    task: Task, time_budget: float | None = None, as_json: bool = False
) -> Record | ReadProblem | Skipped | Fingerprinted:
    """One task in a worker (or this process): problems and skips pass through, documents are coded.

    An ``Undecided`` document is normalised once, for its id, its fingerprint and the pipeline.
    """
    if isinstance(task, ReadProblem | Skipped):
        return task
    if isinstance(task, Undecided):
        document = task.document
        normalized = normalize(document.text)
        key = document_id(document, normalized)
        found = fingerprint(normalized.text)
        return Fingerprinted(key, found, _code(document, None, time_budget, as_json, normalized, key))
    return _code(task.document, task.duplicate_of, time_budget, as_json, task.normalized, task.key)


def _code(
    document: RawDocument,
    duplicate_of: str | None,
    time_budget: float | None,
    as_json: bool,
    normalized: NormalizedText | None = None,
    key: str | None = None,
) -> Record | ReadProblem:
    """One document through the pipeline; an exception becomes a problem for that document only.

    The pipeline is our code, so an exception there is a bug; it is still reported against the one
    document (with the exception type) rather than losing the rest of the run. A document over its
    time budget is reported the same way, with the budget in the message.
    """
    try:
        record = code_document(document, duplicate_of, time_budget, normalized, key)
    except TimeBudgetExceeded as error:
        return ReadProblem(document.path or "<document>", str(error))
    except Exception as error:  # one document's failure must not end the run
        return ReadProblem(document.path or "<document>", f"internal error {type(error).__name__}: {error}")
    return json.dumps(record, ensure_ascii=False) if as_json else record
