"""JSON Lines: one article per line, read line by line so a big dump never sits in memory."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from rasad.document import RawDocument, ReadProblem
from rasad.ingest._common import ReadLimits, guarded

_SKIP_CHUNK = 1 << 20
_OPTIONAL = {"id": "doc_id", "title": "title", "url": "url", "outlet": "outlet", "published": "published"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, one character for one, so that offsets
    made on it stay valid. A JSON escape can carry one ("\\ud83d", half of an emoji cut in two), and
    a string holding it can be neither hashed for an id nor written as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _field(value: Any) -> str | None:
    """A metadata value as a string: numeric ids and timestamps are common, other types are dropped."""
    if isinstance(value, str):
        return _valid_unicode(value) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _document(line: bytes, where: str) -> RawDocument | ReadProblem:
    """One line as a document; ``text`` is kept as given (but for lone surrogates, each replaced by one
    character), so offsets made on it stay valid."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return ReadProblem(where, "line is not valid UTF-8, skipped")
    except (ValueError, RecursionError) as err:
        return ReadProblem(where, f"not valid JSON ({err}), skipped")
    if not isinstance(record, dict):
        return ReadProblem(where, f"line is a JSON {type(record).__name__}, not an object, skipped")
    text = record.get("text")
    if not isinstance(text, str):
        return ReadProblem(where, 'no string "text" field, skipped')
    if not text.strip():
        return ReadProblem(where, "empty document, skipped")
    fields = {name: _field(record.get(key)) for key, name in _OPTIONAL.items()}
    return RawDocument(text=_valid_unicode(text), path=where, **fields)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while chunk := stream.readline(_SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            return


def iter_jsonl(stream: BinaryIO, where: str, limits: ReadLimits) -> Iterator[RawDocument | ReadProblem]:
    """One document per non-blank line, at ``where#L<n>``; a bad line is reported and skipped."""
    number = 0
    while line := stream.readline(limits.max_document_bytes + 1):
        number += 1
        line_where = f"{where}#L{number}"
        if len(line) > limits.max_document_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield ReadProblem(
                line_where,
                f"line is longer than the limit of {limits.max_document_bytes:,} bytes"
                " (max_document_bytes), skipped",
            )
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            yield guarded(line_where, partial(_document, line, line_where))
