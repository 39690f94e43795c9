"""Query parameters shared by the API and the pages: one place that decides what a valid value is.

The store validates filter values too (event types, modalities, dates) and says what is wrong with
a ``ValueError``; ``asked`` turns that into a 400 with the same message, so the API and the pages
answer bad input the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import HTTPException, Query

from rasad.store.base import MAX_PAGE_SIZE, EventFilter, Page
from rasad.store.common import check_filters

MAX_TEXT_PARAM = 200
MAX_OFFSET = 1_000_000
T = TypeVar("T")


def asked(call: Callable[[], T]) -> T:
    """Run a store call; a ValueError is the store rejecting a value, so the client gets a 400."""
    try:
        return call()
    except ValueError as error:
        raise HTTPException(400, str(error)) from None


def clean_text(name: str, value: str | None, max_chars: int = MAX_TEXT_PARAM) -> str | None:
    """A text parameter as given, or a 400 for what no store column can hold (control characters)."""
    if value is None:
        return None
    if len(value) > max_chars:
        raise HTTPException(400, f"{name} is too long: at most {max_chars} characters")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in value):
        raise HTTPException(400, f"{name} must not contain control characters")
    return value.strip() or None


def code_param(name: str, value: str | None) -> str | None:
    """An actor code: ISO3 (KAZ) or an IGO code (CSTO); letters and digits only, upper-cased."""
    value = clean_text(name, value, 16)
    if value is not None and not (value.isascii() and value.isalnum()):
        raise HTTPException(400, f"{name} must be a country or organisation code such as KAZ or CSTO")
    return value.upper() if value else None


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="rows per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


def event_filter(
    actor: Annotated[str | None, Query(description="ISO3 state or IGO code of the actor")] = None,
    recipient: Annotated[str | None, Query(description="ISO3 state or IGO code of the recipient")] = None,
    event_type: Annotated[list[str], Query(alias="type", description="PLOVER event type; repeatable")] = [],  # noqa: B006
    context: Annotated[str | None, Query(description="PLOVER context, e.g. military")] = None,
    modality: Annotated[list[str], Query(description="asserted, intended, denied, …; repeatable")] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code of the article: ar, fa, en")] = None,
    outlet: Annotated[str | None, Query()] = None,
    document: Annotated[str | None, Query(description="only the events of this document id")] = None,
    symmetric: Annotated[bool, Query(description="also the pair the other way round")] = False,
) -> EventFilter:
    if len(event_type) > 16 or len(modality) > 5:
        raise HTTPException(400, "too many type or modality values")
    filters = EventFilter(
        actor=code_param("actor", actor),
        recipient=code_param("recipient", recipient),
        event_types=tuple(t.upper() for t in (clean_text("type", v, 20) for v in event_type) if t),
        context=clean_text("context", context, 40),
        modalities=tuple(m.lower() for m in (clean_text("modality", v, 40) for v in modality) if m),
        date_from=clean_text("date_from", date_from, 10),
        date_to=clean_text("date_to", date_to, 10),
        language=clean_text("language", language, 8),
        outlet=clean_text("outlet", outlet),
        document_id=clean_text("document", document),
        dyad_symmetric=symmetric,
    )
    asked(lambda: check_filters(filters))
    return filters
