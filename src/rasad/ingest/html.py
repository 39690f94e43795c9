"""HTML pages: the article text without navigation and footer, and the page's own metadata."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import chain
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from rasad.document import RawDocument, ReadProblem
from rasad.ingest.text import NotText, decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)

# Publication-date keys of <meta property|name|itemprop>, best first.
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")

# trafilatura's metadata step always runs htmldate; its answer is not used (see _published),
# so keep it on the quick path that skips the free-text search.
_DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}

_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"}
)
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})  # fmt: skip
_SPACES = re.compile(r"[^\S\n]+")
_NO_TEXT = "no article text found, skipped"


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def tidy(text: str) -> str:
    """Collapse runs of spaces, trim every line and drop empty lines: one line per block."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def visible_text(root: HtmlElement) -> str:
    """All the text a reader sees under ``root``, one line per block element.

    Used where trafilatura has nothing to work with: feed item bodies (fragments too small for
    its article heuristics) and pages where it finds no main text. Walks the tree without
    changing it (lxml refuses to store text with control characters, which pages do contain).
    """
    parts: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else None  # None: comment, PI, entity
        if not closing and tag is not None and tag not in _HIDDEN:
            parts.append("\n" if tag in _BLOCKS else "")
            parts.append(element.text or "")
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue
        if closing and tag in _BLOCKS:
            parts.append("\n")
        if element is not root:
            parts.append(element.tail or "")
    return tidy("".join(parts))


def fragment_text(markup: str) -> str:
    """The visible text of an HTML fragment such as a feed item body."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):  # nothing parseable left, or an XML encoding declaration
        return ""
    return visible_text(root)


def _article_text(tree: HtmlElement, url: str | None) -> str:
    result = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=False)
    return tidy(result.text) if result is not None and result.text else ""


def _meta_dates(tree: HtmlElement) -> Iterator[str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in _DATE_KEYS and content:
            found.setdefault(key, content)
    return (found[key] for key in _DATE_KEYS if key in found)


def _json_ld_dates(tree: HtmlElement) -> Iterator[str]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):  # invalid or absurdly nested JSON in someone's page
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str) and value.strip():
                    yield value.strip()
                stack.extend(reversed([v for v in item.values() if isinstance(v, list | dict)]))


def _time_dates(tree: HtmlElement) -> Iterator[str]:
    # Not the first <time> of the page: news sites print today's date in the header.
    for xpath in ('//time[@pubdate or @itemprop="datePublished"]/@datetime', "//article//time/@datetime"):
        yield from (value.strip() for value in tree.xpath(xpath) if value.strip())


def _published(tree: HtmlElement, url: str | None) -> str | None:
    """The publication date as the page writes it, from markup only; the URL's date as a last resort.

    The raw string is kept (dates are parsed later), so htmldate's normalised guess is not used:
    besides the markup it also searches the page text and would pick any date an article quotes.
    """
    marked = next(chain(_meta_dates(tree), _json_ld_dates(tree), _time_dates(tree)), None)
    if marked:
        return marked
    found = _URL_DATE.search(url or "")
    return "-".join(found.groups()) if found else None


def _page_url(tree: HtmlElement) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            if value.strip():
                return value.strip()
    return None


def read_html(
    data: bytes,
    where: str,
    *,
    charset: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
) -> RawDocument | ReadProblem:
    """One HTML page as a document: trafilatura's main text, else the visible body text.

    ``charset`` and ``url`` come from the container when there is one (a WARC record's HTTP
    headers and target URI); they win over what the page says about itself.
    """
    try:
        markup = decode(data, charset or meta_charset(data))
    except NotText as err:
        return ReadProblem(where, str(err))
    tree = trafilatura.load_html(markup)
    if tree is None:  # trafilatura turns down text with little or no markup: keep what is visible
        text = fragment_text(markup)
        return RawDocument(text, where, doc_id, url=url) if text else ReadProblem(where, _NO_TEXT)
    text = _article_text(tree, url)
    if not text:
        body = tree.find(".//body")
        text = visible_text(body if body is not None else tree)
    if not text:
        return ReadProblem(where, _NO_TEXT)
    page_url = url or _page_url(tree)
    published = _published(tree, page_url)
    meta = trafilatura.extract_metadata(tree, default_url=page_url, date_config=_DATE_PARAMS)
    return RawDocument(
        text=text,
        path=where,
        doc_id=doc_id,
        title=meta.title or None,
        url=page_url or meta.url or None,
        outlet=meta.sitename or None,
        published=published,
    )
