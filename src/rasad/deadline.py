"""The time budget of the document being coded, checked inside the loops that grow with a document.

A timer signal stops Python code anywhere, but Python delivers it only between bytecodes: the
compiled modules (``rasad/native.py``) run none, and threads other than the main one get no signal.
So the loops over a document's sentences and actor hits call ``check()``: one attribute look-up
when no budget is set, and a clock read when one is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class TimeBudgetExceeded(Exception):
    """Coding one document took longer than its time budget; the message is the one-line report."""

    def __init__(self, budget: float, where: str) -> None:
        super().__init__(f"coding took longer than the time budget of {budget:g} s ({where}), skipped")


class _Budget(threading.local):
    """Each thread's budget (the API server codes on several): ``(end, seconds)``, or None.

    None is a class default, so a thread that never had a budget reads it without the attribute
    error ``getattr(local, name, None)`` raises and swallows inside: that error's message was
    formatted at every check, a tenth of actor matching's instructions.
    """

    deadline: tuple[float, float] | None = None


_current = _Budget()


@contextmanager
def budget(seconds: float) -> Iterator[float]:
    """Within the block, ``check()`` raises once ``seconds`` have passed; yields the monotonic end."""
    end = time.monotonic() + seconds
    _current.deadline = (end, seconds)
    try:
        yield end
    finally:
        _current.deadline = None


def check() -> None:
    """Raise ``TimeBudgetExceeded`` when the current thread's budget has run out."""
    deadline = _current.deadline
    if deadline is not None and time.monotonic() > deadline[0]:
        raise TimeBudgetExceeded(deadline[1], "interrupted")
