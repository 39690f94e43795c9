"""RSS and Atom feeds: one document per item, the feed's title as the outlet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

from rasad.document import RawDocument, ReadProblem
from rasad.ingest._common import guarded, normalise_newlines
from rasad.ingest.html import fragment_text, tidy

_ENTITY_DECLARATION = b"<!ENTITY"
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_REPLACEMENT_REFERENCE = b"&#xFFFD;"
_MARKUP_TYPES = ("text/html", "application/xhtml+xml")


def _declares_entities(data: bytes) -> bool:
    """True for a feed that declares XML entities or external references.

    feedparser drops nested entity declarations but keeps flat ones and expands them in its
    fallback parser, so one 50 kB entity referenced 20 000 times becomes a gigabyte.
    News feeds never need their own entities: refuse them before feedparser sees the bytes.
    """
    try:
        defusedxml.ElementTree.fromstring(data)
    except DefusedXmlException:
        return True
    except (ParseError, LookupError):  # malformed, or an unknown encoding: feedparser may still read it
        return _ENTITY_DECLARATION in data
    return False


def _surrogate_free(data: bytes) -> bytes:
    """The feed with each character reference to a surrogate (``&#xD83D;``, half of an emoji cut in
    two) made a reference to U+FFFD: feedparser turns it into a string it cannot encode and gives up
    on the whole feed."""

    def replaced(match: re.Match[bytes]) -> bytes:
        code = int(match[1], 16) if match[1] else int(match[2])
        return _REPLACEMENT_REFERENCE if 0xD800 <= code <= 0xDFFF else match[0]

    return _CHARACTER_REFERENCE.sub(replaced, data)


def _detail_text(detail: Any) -> str:
    """Plain text of a feedparser text construct (title, summary or one content entry)."""
    if not detail or not detail.get("value"):
        return ""
    value = detail["value"]
    if detail.get("type") in _MARKUP_TYPES:
        return fragment_text(value)
    return tidy(normalise_newlines(value))


def _item(entry: Any, where: str, outlet: str | None) -> RawDocument | ReadProblem:
    bodies = [_detail_text(content) for content in entry.get("content", [])]
    text = max(bodies, key=len, default="") or _detail_text(entry.get("summary_detail"))
    if not text:
        return ReadProblem(where, "feed item has no content or summary, skipped")
    return RawDocument(
        text=text,
        path=where,
        doc_id=entry.get("id") or None,
        title=_detail_text(entry.get("title_detail")) or None,
        url=entry.get("link") or None,
        outlet=outlet,
        published=entry.get("published") or entry.get("updated") or None,
    )


def iter_feed(data: bytes, where: str) -> Iterator[RawDocument | ReadProblem]:
    """The items of one RSS 1.0/2.0 or Atom feed, each at ``where#n`` (1-based)."""
    if _declares_entities(data):
        yield ReadProblem(where, "feed declares XML entities (possible entity-expansion attack), skipped")
        return
    try:
        # Bytes, never a URL or file name: nothing is fetched.
        parsed = feedparser.parse(_surrogate_free(data))
    except (ValueError, LookupError) as err:
        # feedparser is meant to report problems in ``bozo``, yet on some damaged bytes its encoding
        # guess (UnicodeDecodeError, LookupError) or its namespace handling (ValueError) raises.
        yield ReadProblem(where, f"feed could not be parsed ({type(err).__name__}: {err}), skipped")
        return
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        yield ReadProblem(where, f"no feed items found{detail}, skipped")
        return
    outlet = _detail_text(parsed.feed.get("title_detail")) or None
    for number, entry in enumerate(parsed.entries, start=1):
        item_where = f"{where}#{number}"
        yield guarded(item_where, partial(_item, entry, item_where, outlet))
