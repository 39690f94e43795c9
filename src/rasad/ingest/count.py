"""A cheap count of the documents in some inputs, for a progress bar's total and its ETA.

It walks files and folders with the same rules as ``iter_documents`` but parses nothing: a text or
HTML file is one document, a JSON Lines file one per non-blank line. Where the number cannot be
known without parsing (feeds, WARC, gzip, stdin) there is no total, and the bar shows a rate only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from rasad.ingest import _FORMATS, _GZIP_MAGIC, _SNIFF_BYTES, _readable_in_directory, _sniff

_ONE_DOCUMENT = frozenset({"text", "html"})


class _Uncountable(Exception):
    """An input whose number of documents is only known by reading it."""


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents (and read problems) ``iter_documents(paths)`` will yield, or None."""
    try:
        return sum(_count_path(os.fspath(path)) for path in paths)
    except _Uncountable:
        return None


def _count_path(path: str) -> int:
    if path == "-":
        raise _Uncountable
    if not os.path.isdir(path):
        return _count_file(path)
    total = 0
    for folder, subfolders, files in os.walk(path):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and _readable_in_directory(name):
                total += _count_file(os.path.join(folder, name))
    return total


def _count_file(path: str) -> int:
    """Documents in one file; a file that cannot be opened counts once (it becomes one problem)."""
    try:
        with open(path, "rb") as file:
            head = file.read(_SNIFF_BYTES)
            if head.startswith(_GZIP_MAGIC):
                raise _Uncountable
            kind = _FORMATS.get(os.path.splitext(path.lower())[1]) or _sniff(head)
            if kind in _ONE_DOCUMENT:
                return 1
            if kind != "jsonl":
                raise _Uncountable
            file.seek(0)
            return max(1, sum(1 for line in file if line.strip()))
    except OSError:
        return 1
