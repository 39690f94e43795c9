"""WARC web archives: the HTML and plain-text responses in them, record by record."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from functools import partial

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from rasad.document import RawDocument, ReadProblem
from rasad.ingest._common import ReadLimits, guarded, too_large
from rasad.ingest.html import read_html
from rasad.ingest.text import NotText, decode

_DOCUMENT_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
# warcio on a header block cut short: ArchiveLoadFailed or a parser exception, or an
# AttributeError when the cut removed WARC-Target-URI (it calls .startswith on None).
_DAMAGED = (ArchiveLoadFailed, StatusAndHeadersParserException, AttributeError)
_MAX_REASON = 200  # warcio quotes the damaged header line, which may be anything


class _Counting:
    """Counts the bytes warcio reads, to tell a complete archive from one cut inside a record header.

    Reads with ``read1``: when a gzip stream under it breaks, the records before the break
    still come through instead of going down with a half-filled read.
    """

    def __init__(self, stream: io.BufferedReader) -> None:
        self._stream = stream
        self._count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read1(size)
        self._count += len(data)
        return data

    def tell(self) -> int:
        return self._count


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """``text/html; charset=UTF-8`` as ``("text/html", "UTF-8")``."""
    media, _, params = (content_type or "").partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'")
    return media.strip().lower(), charset


def _document(record: ArcWarcRecord, where: str, limits: ReadLimits) -> RawDocument | ReadProblem | None:
    """The article in one record, or None for records that hold none (requests, images, redirects)."""
    if record.rec_type not in _DOCUMENT_RECORDS:
        return None
    if record.http_headers:
        if not record.http_headers.get_statuscode().startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    media, charset = _media_type(content_type)
    if media not in _HTML_TYPES + _TEXT_TYPES:
        return None
    payload = record.content_stream().read(limits.max_document_bytes + 1)
    if len(payload) > limits.max_document_bytes:
        return ReadProblem(where, too_large(None, limits.max_document_bytes))
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc_id = record.rec_headers.get_header("WARC-Record-ID")
    if media in _HTML_TYPES:
        document = read_html(payload, where, charset=charset, url=url, doc_id=doc_id)
    else:
        try:
            document = RawDocument(text=decode(payload, charset), path=where, doc_id=doc_id, url=url)
        except NotText as err:
            return ReadProblem(where, str(err))
    if isinstance(document, RawDocument) and document.published is None:
        # The crawl date, a poor stand-in for the publication date: used only when the page has none.
        document = dataclasses.replace(document, published=record.rec_headers.get_header("WARC-Date"))
    return document


def _cut_short(record: ArcWarcRecord) -> bool:
    """True when the record's block ended before its Content-Length (warcio does not say so)."""
    return getattr(record.raw_stream, "limit", 0) > 0


def iter_warc(
    stream: io.BufferedReader, where: str, limits: ReadLimits
) -> Iterator[RawDocument | ReadProblem]:
    """Documents from the response and resource records, each at ``where#n`` (n counts all records).

    A truncated archive gives the documents before the cut, then one problem.
    """
    counted = _Counting(stream)
    records = ArchiveIterator(counted)
    number = 0
    last: ArcWarcRecord | None = None
    while True:
        try:
            record = next(records, None)
        except _DAMAGED as err:
            reason = f"{type(err).__name__}: {' '.join(str(err).split())}"[:_MAX_REASON]  # one line
            yield ReadProblem(where, f"damaged WARC after record {number} ({reason}), stopped")
            return
        if record is None:
            break
        number += 1
        record_where = f"{where}#{number}"
        if record.rec_type is None:
            yield ReadProblem(record_where, "WARC record header is damaged or cut off, stopped")
            return
        last = record
        document = guarded(record_where, partial(_document, record, record_where, limits))
        if document is not None:
            yield document
    if last is not None and _cut_short(last):
        yield ReadProblem(where, f"WARC file is truncated inside record {number}")
    elif records.offset < counted.tell():  # warcio stops silently at a header cut short
        yield ReadProblem(where, f"WARC file is truncated after record {number}")
