"""Pieces every format reader shares: the size limits, bounded streams and the last-resort guard."""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, TypeVar

from rasad.document import ReadProblem

logger = logging.getLogger("rasad.ingest")

T = TypeVar("T")


@dataclass(frozen=True)
class ReadLimits:
    """Caps that keep one hostile or oversized input from exhausting memory or time."""

    max_document_bytes: int = 20_000_000
    max_decompressed_bytes: int = 200_000_000


class InputError(Exception):
    """A stream below a reader went bad (cut-off gzip, decompression cap): ends that input with a problem."""


def too_large(size: int | None, limit: int) -> str:
    """The message for a document over ``max_document_bytes``, naming both numbers."""
    actual = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return f"document is {actual}, over the limit of {limit:,} bytes (max_document_bytes), skipped"


def read_document(stream: BinaryIO, limit: int) -> bytes | None:
    """Read one whole document, or None when it is over ``limit`` (reads at most ``limit + 1`` bytes)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, before the text becomes the original every offset indexes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guarded(where: str, make: Callable[[], T]) -> T | ReadProblem:
    """Build one document; an error nobody foresaw becomes a problem for that document, not the run.

    Expected bad input is handled inside the readers. What reaches here is a bug or a library
    failing in a new way, so it is logged with its traceback rather than hidden. An InputError
    passes through: the stream under the whole input is broken and the dispatcher says so once.
    """
    try:
        return make()
    except InputError:
        raise
    except Exception as err:
        return unexpected(where, err)


def unexpected(where: str, err: Exception) -> ReadProblem:
    """Log an error nobody foresaw with its traceback, and turn it into a problem for ``where``."""
    logger.error("unexpected error while reading %s", where, exc_info=err)
    return ReadProblem(where, f"unexpected {type(err).__name__} while reading: {err}")


class _Rewound(io.RawIOBase):
    """A stream whose first bytes were already read for sniffing, handed back in front of the rest.

    ``error`` is what reading past the head raised (a gzip stream cut short inside the sniffed
    bytes): it is raised again once the head has been read, so the reader gets what came before.
    """

    def __init__(self, head: bytes, rest: BinaryIO, error: InputError | None) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._error:
            raise self._error
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _CappedGzip(io.RawIOBase):
    """Decompresses a gzip stream and stops past ``cap`` bytes, so a small bomb cannot fill memory."""

    def __init__(self, compressed: BinaryIO, cap: int) -> None:
        self._gzip = gzip.GzipFile(fileobj=compressed, mode="rb")
        self._cap = cap
        self._total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        try:
            data = self._gzip.read1(len(buffer))  # one member chunk: what precedes a break is kept
        except (EOFError, zlib.error, gzip.BadGzipFile) as err:
            raise InputError(f"corrupt or truncated gzip data ({err})") from err
        self._total += len(data)
        if self._total > self._cap:
            raise InputError(
                f"decompressed data exceeds the limit of {self._cap:,} bytes"
                " (max_decompressed_bytes), stopped"
            )
        buffer[: len(data)] = data
        return len(data)


def peek(stream: io.BufferedReader, size: int) -> tuple[bytes, io.BufferedReader]:
    """Read the first ``size`` bytes for sniffing and return them with a stream that still starts at 0.

    Reads with ``read1`` so that bytes before a failure are kept, not lost with a half-full buffer.
    """
    head = bytearray()
    error = None
    try:
        while len(head) < size and (chunk := stream.read1(size - len(head))):
            head += chunk
    except InputError as err:
        if not head.strip():
            raise  # nothing before the break worth handing on
        error = err
    return bytes(head), io.BufferedReader(_Rewound(bytes(head), stream, error))


def gunzip(stream: BinaryIO, cap: int) -> io.BufferedReader:
    """A streaming, capped view of the decompressed bytes of a gzip stream."""
    return io.BufferedReader(_CappedGzip(stream, cap))
