"""Records written to a file that takes its name only when complete, and resumed after a stop."""

from __future__ import annotations

import fcntl
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


class ResumeError(Exception):
    """A partial output that cannot be continued: the message says why and what to do."""


@contextmanager
def records_output(path: str | None, resume: bool) -> Iterator[tuple[IO[str], Counter[str]]]:
    """Where records go, and the ids of records an interrupted run already wrote there.

    With a file, records go to ``FILE.part`` as they are coded, a line at a time, and the file
    takes its final name only once complete; an interrupted run leaves the ``.part`` behind for
    ``--resume``, which keeps its complete lines and drops a line torn by the interruption.
    """
    if path is None or path == "-":
        if resume:
            raise ResumeError("--resume needs an output file (-o FILE)")
        yield sys.stdout, Counter()
        return
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(partial, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ResumeError(f"another rasad run is writing {partial}") from None
        if resume:
            done = _done_records(handle, partial)
        else:
            if handle.tell():
                print(
                    f"rasad: starting again, replacing {partial} (--resume would continue it)",
                    file=sys.stderr,
                )
            handle.truncate(0)
            done = Counter()
        out = io.TextIOWrapper(handle, encoding="utf-8", write_through=True)
        yield out, done
        out.flush()
        os.replace(partial, target)
        out.detach()


def _done_records(handle: IO[bytes], partial: Path) -> Counter[str]:
    """Ids of the complete records in a ``.part``; a torn last line is cut off so appending continues it."""
    handle.seek(0)
    done: Counter[str] = Counter()
    kept = 0
    for number, line in enumerate(handle, start=1):
        if not line.endswith(b"\n"):
            break
        try:
            done[json.loads(line)["id"]] += 1
        except (ValueError, KeyError, TypeError):
            raise ResumeError(
                f"{partial} line {number} is not a document record; delete the file to start again"
            ) from None
        kept += len(line)
    handle.truncate(kept)
    handle.seek(kept)
    return done
