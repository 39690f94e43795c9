"""Reading news into RawDocuments: files, directories and stdin, in the formats news dumps come in.

``iter_documents`` streams one document at a time and never raises for bad input: whatever
cannot be read becomes a ReadProblem naming where, and the run goes on with the next input.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from functools import partial

from rasad.document import RawDocument, ReadProblem
from rasad.ingest._common import (
    InputError,
    ReadLimits,
    guarded,
    gunzip,
    peek,
    read_document,
    too_large,
    unexpected,
)
from rasad.ingest.jsonl import iter_jsonl
from rasad.ingest.text import binary_kind, read_text

# The HTML, feed and WARC readers are imported when an input of their kind comes: trafilatura,
# feedparser and warcio take 0.15 s to import, paid by every run and every worker start otherwise.

__all__ = ["DEFAULT_LIMITS", "ReadLimits", "iter_documents", "read_bytes"]

_SNIFF_BYTES = 4096
_GZIP_MAGIC = b"\x1f\x8b"
_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:rdf)\b")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b")


DEFAULT_LIMITS = ReadLimits()


def iter_documents(
    paths: Iterable[str], limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | ReadProblem]:
    """Every document in ``paths``: files, directories (recursive, name order) and ``-`` for stdin.

    In directories, files of other kinds (``.md``, ``.png``, ``.py``...) are passed over.

    The format comes from the extension (``.gz`` of any of them too), else from the first bytes.
    """
    for path in [paths] if isinstance(paths, str) else paths:
        if path == "-":
            yield from _read_stdin(limits)
        else:
            yield from _read_path(os.fspath(path), limits)  # a pathlib.Path works too


def read_bytes(
    data: bytes, where: str, limits: ReadLimits = DEFAULT_LIMITS, name: str | None = None
) -> Iterator[RawDocument | ReadProblem]:
    """The documents in one file's bytes, read exactly as ``iter_documents`` reads that file.

    For runners that get files as bytes (Spark's ``binaryFile``). The format comes from ``name``
    (default: the last part of ``where``) as it would from a file's name.
    """
    name = os.path.basename(where) if name is None else name
    yield from _read_stream(io.BytesIO(data), where, name, len(data), limits)


def _os_reason(err: OSError) -> str:
    return err.strerror or str(err)


def _read_stdin(limits: ReadLimits) -> Iterator[RawDocument | ReadProblem]:
    stdin = getattr(sys.stdin, "buffer", None)
    if stdin is None:
        yield ReadProblem("-", "no standard input to read")
        return
    yield from _read_stream(stdin, "-", "", None, limits)


def _read_path(path: str, limits: ReadLimits) -> Iterator[RawDocument | ReadProblem]:
    try:
        info = os.stat(path)
    except OSError as err:
        yield ReadProblem(path, f"cannot read: {_os_reason(err)}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(path, limits, set())
    else:
        yield from _read_file(path, limits)


def _read_directory(
    path: str, limits: ReadLimits, visited: set[tuple[int, int]]
) -> Iterator[RawDocument | ReadProblem]:
    """Files under ``path``, depth first in name order; hidden entries skipped, symlink loops cut."""
    try:
        info = os.stat(path)
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:
        yield ReadProblem(path, f"cannot list directory: {_os_reason(err)}")
        return
    if (info.st_dev, info.st_ino) in visited:
        return
    visited.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _read_directory(entry.path, limits, visited)
        elif entry.is_file():
            if _readable_in_directory(entry.name):
                yield from _read_file(entry.path, limits)
        elif entry.is_symlink():
            yield ReadProblem(entry.path, "broken symbolic link, skipped")


def _readable_in_directory(name: str) -> bool:
    """In a folder only known formats (or extension-less files) are read: a README, an image or a
    script beside the articles is not news. A file named on the command line is always read."""
    extension = os.path.splitext(name.lower().removesuffix(".gz"))[1]
    return not extension or extension in _FORMATS


def _read_file(path: str, limits: ReadLimits) -> Iterator[RawDocument | ReadProblem]:
    try:
        file = open(path, "rb")  # noqa: SIM115 — a generator: the with below closes it
    except OSError as err:
        yield ReadProblem(path, f"cannot open: {_os_reason(err)}")
        return
    with file:
        info = os.fstat(file.fileno())
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        yield from _read_stream(file, path, os.path.basename(path), size, limits)


def _read_stream(
    stream: io.BufferedReader, where: str, name: str, size: int | None, limits: ReadLimits
) -> Iterator[RawDocument | ReadProblem]:
    """Read one input; a broken stream under it (I/O error, bad gzip) ends it with one problem.

    Documents inside a container each have their own guard; the last-resort catch here is for a
    container library failing in a way nobody foresaw, which would otherwise end the whole run.
    """
    where = _writable(where)
    try:
        yield from _dispatch(stream, where, name.lower(), size, limits)
    except InputError as err:
        yield ReadProblem(where, str(err))
    except OSError as err:
        yield ReadProblem(where, f"read error: {_os_reason(err)}")
    except Exception as err:
        yield unexpected(where, err)


def _writable(path: str) -> str:
    """A path as text the records can carry: the bytes of a file name that are not UTF-8, which
    Python keeps as lone surrogates that cannot be written out, become ``\\xNN`` escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _sniff(head: bytes) -> str:
    """The format of an input without a known extension, from its first bytes."""
    sample = head.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xfe\xff \t\r\n").lower()
    if sample.startswith(b"warc/"):
        return "warc"
    feed, page = _FEED_START.search(sample), _HTML_START.search(sample)
    if feed and (page is None or feed.start() < page.start()):
        return "feed"
    if page:
        return "html"
    return "jsonl" if sample.startswith(b"{") else "text"


def _dispatch(
    stream: io.BufferedReader, where: str, name: str, size: int | None, limits: ReadLimits
) -> Iterator[RawDocument | ReadProblem]:
    head, stream = peek(stream, _SNIFF_BYTES)
    if head.startswith(_GZIP_MAGIC):
        stream = gunzip(stream, limits.max_decompressed_bytes)
        head, stream = peek(stream, _SNIFF_BYTES)
        name, size = name.removesuffix(".gz"), None
    if not head.strip() and len(head) < _SNIFF_BYTES:
        yield ReadProblem(where, "empty document, skipped")
        return
    kind = _FORMATS.get(os.path.splitext(name)[1]) or _sniff(head)
    if kind == "warc":
        from rasad.ingest.warc import iter_warc

        yield from iter_warc(stream, where, limits)
        return
    if kind == "jsonl":
        binary = binary_kind(head)
        if binary:
            yield ReadProblem(where, f"binary file ({binary}), skipped")
        else:
            yield from iter_jsonl(stream, where, limits)
        return
    limit = limits.max_document_bytes
    data = None if size is not None and size > limit else read_document(stream, limit)
    if data is None:
        yield ReadProblem(where, too_large(size, limit))
    elif kind == "feed":
        from rasad.ingest.feeds import iter_feed

        yield from iter_feed(data, where)
    elif kind == "html":
        from rasad.ingest.html import read_html

        yield guarded(where, partial(read_html, data, where))
    else:
        yield guarded(where, partial(read_text, data, where))
