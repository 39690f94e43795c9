"""Coding a stream of documents: dedupe, the pipeline, and failures that never stop the run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasad.document import RawDocument, ReadProblem
from rasad.ingest.dedupe import Deduplicator
from rasad.pipeline import code_document, document_id


def code_stream(
    items: Iterable[RawDocument | ReadProblem], dedupe: bool = True
) -> Iterator[dict | ReadProblem]:
    """Records for documents, problems passed through; a document the pipeline fails on becomes a problem.

    The pipeline is our code, so an exception there is a bug; it is still reported against
    the one document (with the exception type) rather than losing the rest of the run.
    """
    deduplicator = Deduplicator() if dedupe else None
    for item in items:
        if isinstance(item, ReadProblem):
            yield item
            continue
        try:
            duplicate_of = None
            if deduplicator is not None:
                duplicate_of = deduplicator.check(document_id(item), item.text)
            yield code_document(item, duplicate_of=duplicate_of)
        except Exception as error:
            yield ReadProblem(item.path or "<document>", f"internal error {type(error).__name__}: {error}")
