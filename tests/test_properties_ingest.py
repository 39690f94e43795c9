"""Every reader, on generated and damaged input of its format: documents or ReadProblems, never a raise.

Inputs are built the way the formats are really written (pages with navigation and an article, RSS
and Atom feeds, JSON Lines dumps, WARC crawls, gzip of any of them) from generated news text, then
damaged: cut short, bytes overwritten, re-encoded, compressed. Whatever comes out must be documents
within the size limit or problems that were foreseen (not the last-resort "unexpected" guard).
"""

from __future__ import annotations

import gzip
import html
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasad.document import RawDocument, ReadProblem
from rasad.ingest import ReadLimits, iter_documents
from strategies import any_news_text, news_text

LIMITS = st.builds(
    ReadLimits,
    max_document_bytes=st.sampled_from([300, 5_000, 20_000_000]),
    max_decompressed_bytes=st.sampled_from([1_000, 50_000, 200_000_000]),
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256", "latin-1"])


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes cut short, overwritten in a few places, or left whole; perhaps gzipped."""
    damage = draw(st.sampled_from(["none", "cut", "overwrite", "cut-compressed"]))
    if damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "overwrite" and data:
        buffer = bytearray(data)
        for _ in range(draw(st.integers(1, 5))):
            buffer[draw(st.integers(0, len(buffer) - 1))] = draw(st.integers(0, 255))
        data = bytes(buffer)
    if draw(st.booleans()):
        data = gzip.compress(data, mtime=0)  # no clock in the bytes: the same draw, the same input
        if damage == "cut-compressed":
            data = data[: draw(st.integers(0, len(data)))]
    return data


def check_reads(name: str, data: bytes, limits: ReadLimits) -> list[RawDocument | ReadProblem]:
    """Read one file and check what every reader promises."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(iter_documents([str(path)], limits))
    for item in items:
        assert isinstance(item, RawDocument | ReadProblem)
        if isinstance(item, ReadProblem):
            assert item.where.startswith(str(path))
            assert not item.message.startswith("unexpected"), item  # every failure was foreseen
            assert "\n" not in item.message  # one line
        else:
            assert item.path and item.path.startswith(str(path))
            assert item.text.strip(), item
            assert len(item.text) <= limits.max_document_bytes
    return items


# --- HTML ------------------------------------------------------------------------------------------


@st.composite
def html_page(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(any_news_text, max_size=6))
    navigation = draw(st.lists(news_text(max_tokens=3), max_size=5))
    meta = draw(
        st.sampled_from(
            [
                "",
                '<meta charset="utf-8">',
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
                '<meta property="article:published_time" content="2024-03-05T10:20:00+03:00">',
                '<meta name="date" content="۱۴۰۲/۱۲/۱۵">',
                '<script type="application/ld+json">{"datePublished": "2024-13-45"}</script>',
            ]
        )
    )
    escape = draw(st.booleans())
    body = "".join(f"<p>{html.escape(p) if escape else p}</p>" for p in paragraphs)
    nav = "".join(f"<li><a href='/{i}'>{html.escape(n)}</a></li>" for i, n in enumerate(navigation))
    title = html.escape(draw(news_text(max_tokens=6)))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head>"
        f"<body><nav><ul>{nav}</ul></nav><article><h1>{title}</h1>{body}</article><footer>©</footer></body></html>"
    )


@given(st.data(), html_page(), ENCODINGS, st.sampled_from(["page.html", "page", "page.htm.gz"]), LIMITS)
def test_html_pages_never_raise(data: st.DataObject, page: str, encoding: str, name: str, limits) -> None:
    check_reads(name, data.draw(damaged(encoded(page, encoding)), label="bytes"), limits)


# --- RSS and Atom feeds ----------------------------------------------------------------------------


@st.composite
def feed(draw: st.DrawFn) -> str:
    items = draw(
        st.lists(st.tuples(news_text(max_tokens=6), any_news_text, st.text(max_size=30)), max_size=5)
    )
    atom = draw(st.booleans())
    cdata = draw(st.booleans())

    def body(text: str) -> str:
        return f"<![CDATA[<p>{text.replace(']]>', '')}</p>]]>" if cdata else html.escape(text)

    dtd = draw(
        st.sampled_from(
            [
                "",
                '<!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>',
                '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
                "<!DOCTYPE html>",
            ]
        )
    )
    if atom:
        entries = "".join(
            f"<entry><title>{html.escape(t)}</title><id>urn:x:{i}</id><updated>{html.escape(d)}</updated>"
            f'<content type="html">{body(text)}</content></entry>'
            for i, (t, text, d) in enumerate(items)
        )
        return f'<?xml version="1.0"?>{dtd}<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{entries}</feed>'
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><guid>{i}</guid><pubDate>{html.escape(d)}</pubDate>"
        f"<description>{body(text)}</description>{'&b;' if 'ENTITY b' in dtd else ''}</item>"
        for i, (t, text, d) in enumerate(items)
    )
    return f'<?xml version="1.0" encoding="utf-8"?>{dtd}<rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'


@given(st.data(), feed(), st.sampled_from(["feed.xml", "feed.rss", "feed", "feed.atom.gz"]), LIMITS)
def test_feeds_never_raise(data: st.DataObject, text: str, name: str, limits: ReadLimits) -> None:
    items = check_reads(name, data.draw(damaged(text.encode()), label="bytes"), limits)
    expanded = [item for item in items if isinstance(item, RawDocument) and "hahahaha" in item.text]
    assert not expanded  # entities are never expanded


# --- JSON Lines ------------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
ARTICLE = st.fixed_dictionaries(
    {"text": any_news_text | JSON_VALUES},
    optional={
        key: st.one_of(news_text(max_tokens=3), JSON_VALUES)
        for key in ("id", "title", "url", "outlet", "published")
    },
)


@given(
    st.data(),
    st.lists(ARTICLE.map(lambda a: json.dumps(a, ensure_ascii=False)) | st.text(max_size=30), max_size=6),
    st.sampled_from(["dump.jsonl", "dump.ndjson", "dump", "dump.jsonl.gz"]),
    st.sampled_from(["\n", "\r\n"]),
    LIMITS,
)
def test_json_lines_never_raise(
    data: st.DataObject, lines: list[str], name: str, newline: str, limits
) -> None:
    raw = ("{" if name == "dump" else "") + newline.join(lines)  # an extension-less dump sniffs as JSON
    check_reads(name, data.draw(damaged(raw.encode("utf-8", errors="replace")), label="bytes"), limits)


# --- WARC ------------------------------------------------------------------------------------------

CONTENT_TYPES = st.sampled_from(
    [
        "text/html; charset=utf-8",
        "text/html; charset=windows-1256",
        "text/plain",
        "text/plain; charset=bogus",
        "image/png",
        "",
    ]
)


@st.composite
def warc(draw: st.DrawFn) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=draw(st.booleans()))
    for number in range(draw(st.integers(0, 4))):
        content_type = draw(CONTENT_TYPES)
        page = draw(html_page()) if content_type.startswith("text/html") else draw(any_news_text)
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved"]))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record_type = draw(st.sampled_from(["response", "resource", "metadata"]))
        payload = io.BytesIO(encoded(page, draw(ENCODINGS)))
        http = headers if record_type == "response" else None
        fixed = {  # warcio would stamp the clock and a random id: the same draw must give the same bytes
            "WARC-Date": "2024-03-05T10:20:00Z",
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
        }
        record = writer.create_warc_record(
            f"https://news.example/{number}",
            record_type,
            payload=payload,
            http_headers=http,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return buffer.getvalue()


@given(st.data(), warc(), st.sampled_from(["crawl.warc", "crawl", "crawl.warc.gz"]), LIMITS)
def test_warc_never_raises(data: st.DataObject, archive: bytes, name: str, limits: ReadLimits) -> None:
    check_reads(name, data.draw(damaged(archive), label="bytes"), limits)


# --- anything at all -------------------------------------------------------------------------------

PREFIXES = [
    b"",
    b"WARC/1.1\r\n",
    b"<rss>",
    b"<feed>",
    b"<html>",
    b'{"text": "',
    b"\x1f\x8b\x08\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


@given(
    st.sampled_from(PREFIXES),
    st.binary(max_size=2_000) | any_news_text.map(lambda t: t.encode("utf-8", errors="replace")),
    st.sampled_from(["x.txt", "x.html", "x.xml", "x.jsonl", "x.warc", "x.gz", "x"]),
    LIMITS,
)
def test_random_bytes_never_raise(prefix: bytes, data: bytes, name: str, limits: ReadLimits) -> None:
    check_reads(name, prefix + data, limits)
