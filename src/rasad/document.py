"""The raw document: what a reader hands to the pipeline, before any analysis."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as a reader found it.

    ``text`` is the original text; every offset in the output record indexes it.
    Metadata fields are whatever the container gave (an HTML ``<meta>``, a feed item,
    a JSON Lines field) and stay ``None`` when it gave nothing.
    """

    text: str
    path: str | None = None
    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A document that could not be read. The run reports it and goes on."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
