"""Each input format, built in tmp_path from sentences written for these tests."""

from __future__ import annotations

import gzip
import io
import json
import socket
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasad.document import RawDocument, ReadProblem
from rasad.ingest import ReadLimits, iter_documents

ARABIC = "أعلنت وزارة الخارجية أن الوزير سيزور بغداد الأسبوع المقبل لبحث أمن الحدود مع نظيره العراقي."
ARABIC_2 = "وقال المتحدث باسم الوزارة إن الزيارة تأتي بعد أشهر من المحادثات بين البلدين حول تقاسم المياه."
PERSIAN = "سخنگوی دولت گفت که پیش از سفر رئیس‌جمهور به چین و ژاپن، گفتگوهای تجاری ادامه خواهد یافت."
ENGLISH = (
    "The foreign minister will visit Baghdad next week to discuss border security with his Iraqi counterpart."
)
ENGLISH_2 = "A spokesman said the visit follows months of talks between the two governments on sharing water."


def read(*paths: Path | str, limits: ReadLimits | None = None) -> list[RawDocument | ReadProblem]:
    items = [str(path) for path in paths]
    return list(iter_documents(items) if limits is None else iter_documents(items, limits))


def only_document(path: Path) -> RawDocument:
    [item] = read(path)
    assert isinstance(item, RawDocument), item
    return item


# --- plain text and encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", ARABIC),
        ("utf-8-sig", PERSIAN),
        ("utf-16", ARABIC),  # with BOM
        ("utf-16-le", PERSIAN),  # no BOM: found by the NUL/high-byte pattern
        ("utf-16-be", ENGLISH),  # no BOM
        ("cp1256", ARABIC),
        # windows-1256 has no Farsi yeh (U+06CC): Persian pages in it write Arabic yeh (U+064A).
        # پ چ ژ گ ک and ZWNJ are all in the code page.
        ("cp1256", PERSIAN.replace("ی", "ي")),
        ("cp1256", f"{ARABIC}\nUN {ENGLISH_2[:40]}"),  # some Latin letters, mostly Arabic
    ],
)
def test_text_encodings_decode_to_the_original_sentence(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(f"{text}\n\n{ARABIC_2}\n".encode(encoding))
    document = only_document(path)
    assert document.text == f"{text}\n\n{ARABIC_2}\n"
    assert document.path == str(path)
    assert (document.title, document.doc_id, document.url, document.outlet, document.published) == (None,) * 5


def test_crlf_becomes_lf_and_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + f"{ENGLISH}\r\n{ENGLISH_2}\r\n".encode())
    assert only_document(path).text == f"{ENGLISH}\n{ENGLISH_2}\n"


def test_utf8_with_a_cut_character_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(f"{ARABIC} {ARABIC_2}".encode()[:-2])  # the final stop, and the last letter cut in half
    text = only_document(path).text
    assert text.startswith(ARABIC)
    assert text.endswith("\ufffd")


def test_latin_legacy_text_is_not_forced_into_windows_1256(tmp_path: Path) -> None:
    french = "Le ministre a déclaré que les négociations reprendront à Genève après l'été."
    path = tmp_path / "french.txt"
    path.write_bytes(french.encode("cp1252"))
    assert only_document(path).text == french


def test_unknown_extension_that_sniffs_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.dat"
    path.write_text(ENGLISH, encoding="utf-8")
    assert only_document(path).text == ENGLISH


# --- HTML ------------------------------------------------------------------------------------

NAV = ["الرئيسية", "رياضة", "اقتصاد", "سياسة الخصوصية", "الأكثر قراءة"]


def news_page(head: str = "", article_extra: str = "") -> str:
    nav_links = "".join(f'<li><a href="/s{i}">{word}</a></li>' for i, word in enumerate(NAV[:3]))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وكالة الرافدين | الوزير يزور بغداد</title>
{head}
</head><body>
<nav><ul>{nav_links}</ul></nav>
<article>
<h1>الوزير يزور بغداد لبحث أمن الحدود</h1>
{article_extra}
<p>{ARABIC} {ARABIC_2}</p>
<p>{ARABIC_2} {ARABIC}</p>
</article>
<aside><h3>{NAV[4]}</h3><ul><li><a href="/x">خبر</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة 2024</p><a href="/privacy">{NAV[3]}</a></footer>
</body></html>"""


FULL_HEAD = """
<meta property="og:title" content="الوزير يزور بغداد لبحث أمن الحدود">
<meta property="og:site_name" content="وكالة الرافدين">
<meta property="og:url" content="https://rafidain.example/og/visit">
<meta property="article:published_time" content="2024-03-05T10:20:00+03:00">
<link rel="canonical" href="https://rafidain.example/news/visit">
"""


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: reading must never touch the network."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.usefixtures("offline")
def test_html_article_text_without_boilerplate_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "visit.html"
    path.write_text(news_page(FULL_HEAD), encoding="utf-8")
    document = only_document(path)
    lines = document.text.split("\n")
    assert f"{ARABIC} {ARABIC_2}" in lines
    assert f"{ARABIC_2} {ARABIC}" in lines
    for word in NAV:
        assert word not in document.text
    assert "جميع الحقوق" not in document.text
    assert document.title == "الوزير يزور بغداد لبحث أمن الحدود"
    assert document.url == "https://rafidain.example/news/visit"  # canonical before og:url
    assert document.outlet == "وكالة الرافدين"
    assert document.published == "2024-03-05T10:20:00+03:00"  # raw, as the page wrote it
    assert document.path == str(path)


@pytest.mark.usefixtures("offline")
@pytest.mark.parametrize(
    ("head", "extra", "expected"),
    [
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "NewsArticle", "headline": "x", "datePublished": "2023-11-02T08:00:00Z"}]}</script>',
            "",
            "2023-11-02T08:00:00Z",
        ),
        ("", '<p>نشر في <time datetime="2022-07-14">١٤ تموز</time></p>', "2022-07-14"),
        ('<link rel="canonical" href="https://rafidain.example/2021/06/30/visit">', "", "2021-06-30"),
        ('<link rel="canonical" href="https://rafidain.example/news/visit">', "", None),
    ],
)
def test_html_date_from_markup_else_url_else_none(
    tmp_path: Path, head: str, extra: str, expected: str
) -> None:
    path = tmp_path / "page.htm"
    # The article quotes a date: that is not the publication date and must not become one.
    path.write_text(news_page(head, extra + "<p>وكان الاتفاق قد وقع في 2019-05-01 في عمّان.</p>"), "utf-8")
    assert only_document(path).published == expected


def test_html_in_windows_1256_declared_by_meta(tmp_path: Path) -> None:
    page = news_page().replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1256"))
    assert ARABIC in only_document(path).text


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(news_page(FULL_HEAD), encoding="utf-8")
    assert only_document(path).title == "الوزير يزور بغداد لبحث أمن الحدود"


def test_truncated_html_still_yields_text(tmp_path: Path) -> None:
    page = news_page(FULL_HEAD)
    cut = page.index(f"<p>{ARABIC_2} {ARABIC}") + 10  # inside the second paragraph's text
    path = tmp_path / "cut.html"
    path.write_text(page[:cut] + "<a hre", encoding="utf-8")  # ends mid-tag
    document = only_document(path)
    assert ARABIC in document.text
    assert document.title == "الوزير يزور بغداد لبحث أمن الحدود"


def test_truncated_html_without_body_is_a_clear_problem(tmp_path: Path) -> None:
    page = news_page(FULL_HEAD)
    path = tmp_path / "head-only.html"
    path.write_text(page[: page.index("<body>") + 3], encoding="utf-8")
    [problem] = read(path)
    assert isinstance(problem, ReadProblem)
    assert problem.where == str(path)
    assert "no article text" in problem.message


def test_html_falls_back_to_visible_body_text(tmp_path: Path) -> None:
    path = tmp_path / "tiny.html"
    path.write_text(f"<html><body><div>{ENGLISH}</div><script>var x = 1;</script></body></html>", "utf-8")
    assert only_document(path).text == ENGLISH


# --- feeds -----------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Rafidain Wire</title>
<link>https://rafidain.example/</link>
<description>News</description>
<item>
  <title>Minister to visit Baghdad</title>
  <link>https://rafidain.example/news/1</link>
  <guid isPermaLink="false">rafidain-0001</guid>
  <pubDate>Tue, 05 Mar 2024 10:20:00 +0300</pubDate>
  <description><![CDATA[<p>{ENGLISH}</p><p>{ENGLISH_2} &amp; more</p>]]></description>
</item>
<item>
  <title>الوزير يزور بغداد</title>
  <link>https://rafidain.example/news/2</link>
  <guid>https://rafidain.example/news/2</guid>
  <pubDate>Wed, 06 Mar 2024 08:00:00 +0300</pubDate>
  <description>short teaser</description>
  <content:encoded><![CDATA[<div><p>{ARABIC}</p><script>track()</script><p>{ARABIC_2}</p></div>]]></content:encoded>
</item>
</channel>
</rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>خبرگزاری نمونه</title>
  <id>urn:example:feed</id>
  <updated>2024-03-06T09:00:00Z</updated>
  <entry>
    <title>سفر به چین</title>
    <id>urn:example:entry:1</id>
    <link href="https://news.example/fa/1"/>
    <published>2024-03-06T08:30:00+03:30</published>
    <updated>2024-03-06T09:00:00+03:30</updated>
    <content type="html">&lt;p&gt;{PERSIAN}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="text">Second entry</title>
    <id>urn:example:entry:2</id>
    <link href="https://news.example/en/2"/>
    <updated>2024-03-05T07:00:00Z</updated>
    <summary type="text">{ENGLISH}</summary>
  </entry>
</feed>"""


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.text == f"{ENGLISH}\n{ENGLISH_2} & more"
    assert (first.title, first.url, first.doc_id) == (
        "Minister to visit Baghdad",
        "https://rafidain.example/news/1",
        "rafidain-0001",
    )
    assert first.published == "Tue, 05 Mar 2024 10:20:00 +0300"
    assert first.outlet == "Rafidain Wire"
    assert first.path == f"{path}#1"
    assert second.text == f"{ARABIC}\n{ARABIC_2}"  # full content wins over the teaser, no script
    assert second.path == f"{path}#2"
    assert second.doc_id == "https://rafidain.example/news/2"


def test_atom_entries(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.text == PERSIAN
    assert (first.title, first.url, first.doc_id) == (
        "سفر به چین",
        "https://news.example/fa/1",
        "urn:example:entry:1",
    )
    assert first.published == "2024-03-06T08:30:00+03:30"  # published before updated
    assert first.outlet == "خبرگزاری نمونه"
    assert second.text == ENGLISH
    assert second.published == "2024-03-05T07:00:00Z"  # only updated given


def test_feed_sniffed_from_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "feed-download"
    path.write_text(ATOM, encoding="utf-8")
    assert [item.path for item in read(path)] == [f"{path}#1", f"{path}#2"]


def test_feed_item_without_body_is_reported_and_others_still_come(tmp_path: Path) -> None:
    feed = RSS.replace(
        f"<description><![CDATA[<p>{ENGLISH}</p><p>{ENGLISH_2} &amp; more</p>]]></description>", ""
    )
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    problem, document = read(path)
    assert isinstance(problem, ReadProblem) and problem.where == f"{path}#1"
    assert isinstance(document, RawDocument) and ARABIC in document.text


def test_feed_with_a_reference_to_half_an_emoji_still_gives_its_items(tmp_path: Path) -> None:
    """``&#xD83D;`` (or ``&#55357;``) refers to a lone surrogate: feedparser gave up on the whole feed.
    Each such reference now reads as U+FFFD, and a reference to a real character is left alone."""
    feed = RSS.replace("<title>Minister to visit Baghdad</title>", "<title>Minister &#xD83D; &#233;</title>")
    feed = feed.replace(
        "<description>short teaser</description>", "<description>teaser &#55357;</description>"
    )
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.title == "Minister \ufffd \u00e9"
    assert ENGLISH in first.text and ARABIC in second.text


@pytest.mark.parametrize(
    "dtd",
    [
        # billion laughs: nested entities
        '<!ENTITY a "lol">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)),
        # quadratic blow-up: one flat entity used many times (feedparser keeps these)
        '<!ENTITY big "' + "A" * 20_000 + '">',
    ],
)
def test_entity_expansion_payload_is_refused(tmp_path: Path, dtd: str) -> None:
    body = "&big;" * 5_000 if "big" in dtd else "&i;"
    feed = f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{dtd}\n]>\n<rss version="2.0"><channel><title>t</title>'
    feed += f"<item><title>x</title><description>{body}</description></item></channel></rss>"
    path = tmp_path / "evil.rss"
    path.write_text(feed, encoding="utf-8")
    [problem] = read(path)
    assert isinstance(problem, ReadProblem)
    assert "entities" in problem.message


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><a>1</a></settings>', encoding="utf-8")
    [problem] = read(path)
    assert isinstance(problem, ReadProblem) and "no feed items" in problem.message


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_lines_bad_lines_and_blank_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "t",
                "text": ARABIC,
                "url": "https://x.example/1",
                "outlet": "X",
                "published": "2024-03-05",
            },
            ensure_ascii=False,
        ),
        "{not json",
        "",
        json.dumps({"id": 7, "title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": 12}),
        "   ",
        json.dumps({"id": 8, "text": f"{PERSIAN}\r\n{ENGLISH}", "published": 1709625600}, ensure_ascii=False),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [item.path if isinstance(item, RawDocument) else item.where for item in items] == [
        f"{path}#L{n}" for n in (1, 2, 4, 5, 6, 8)
    ]
    first, bad_json, no_text, a_list, number_text, last = items
    assert first == RawDocument(ARABIC, f"{path}#L1", "a1", "t", "https://x.example/1", "X", "2024-03-05")
    assert isinstance(bad_json, ReadProblem) and "not valid JSON" in bad_json.message
    assert isinstance(no_text, ReadProblem) and '"text"' in no_text.message
    assert isinstance(a_list, ReadProblem) and "not an object" in a_list.message
    assert isinstance(number_text, ReadProblem) and '"text"' in number_text.message
    assert isinstance(last, RawDocument)
    assert last.text == f"{PERSIAN}\r\n{ENGLISH}"  # exactly as given: offsets made on it stay valid
    assert (last.doc_id, last.published) == ("8", "1709625600")


def test_jsonl_gz_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    payload = "\ufeff" + "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (ARABIC, PERSIAN))
    path.write_bytes(gzip.compress(payload.encode()))
    assert [item.text for item in read(path) if isinstance(item, RawDocument)] == [ARABIC, PERSIAN]


def test_jsonl_line_over_the_limit_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "big.ndjson"
    path.write_text(
        json.dumps({"text": "x" * 5_000}) + "\n" + json.dumps({"text": ENGLISH}) + "\n", encoding="utf-8"
    )
    problem, document = read(path, limits=ReadLimits(max_document_bytes=1_000))
    assert isinstance(problem, ReadProblem) and problem.where == f"{path}#L1" and "1,000" in problem.message
    assert isinstance(document, RawDocument) and document.text == ENGLISH and document.path == f"{path}#L2"


# --- WARC ------------------------------------------------------------------------------------


def http_response(
    writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    writer.write_record(record)


def build_warc(compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    request = StatusAndHeaders(
        "GET /news/visit HTTP/1.1", [("Host", "rafidain.example")], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record("https://rafidain.example/news/visit", "request", http_headers=request)
    )
    http_response(
        writer,
        "https://rafidain.example/news/visit",
        news_page(FULL_HEAD).encode("cp1256"),
        "text/html; charset=windows-1256",
    )
    http_response(writer, "https://rafidain.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png")
    http_response(
        writer,
        "https://rafidain.example/gone",
        b"<html><body>Not found</body></html>",
        "text/html",
        "404 Not Found",
    )
    http_response(writer, "https://rafidain.example/plain", PERSIAN.encode(), "text/plain; charset=utf-8")
    http_response(writer, "https://rafidain.example/undated", news_page().encode(), "text/html")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_response_records(tmp_path: Path, name: str, compress: bool) -> None:
    path = tmp_path / name
    path.write_bytes(build_warc(compress))
    html, plain, undated = read(path)
    assert (
        isinstance(html, RawDocument) and isinstance(plain, RawDocument) and isinstance(undated, RawDocument)
    )
    assert ARABIC in html.text and NAV[0] not in html.text
    assert html.path == f"{path}#3"  # records counted from 1, warcinfo and request included
    assert html.url == "https://rafidain.example/news/visit"
    assert html.doc_id is not None and html.doc_id.startswith("<urn:uuid:")
    assert html.published == "2024-03-05T10:20:00+03:00"  # the page's date, not the crawl date
    assert html.outlet == "وكالة الرافدين"
    assert plain.text == PERSIAN and plain.path == f"{path}#6"
    assert undated.published is not None and undated.published.endswith("Z")  # WARC-Date stands in


def test_warc_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    path.write_bytes(build_warc(False))
    assert len([item for item in read(path) if isinstance(item, RawDocument)]) == 3


@pytest.mark.parametrize("where_cut", ["payload", "header"])
def test_truncated_warc_yields_what_it_can_then_one_problem(tmp_path: Path, where_cut: str) -> None:
    data = build_warc(False)
    last_record = data.rindex(b"WARC/1.")
    cut = len(data) - 200 if where_cut == "payload" else last_record + 150
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    items = read(path)
    documents = [item for item in items if isinstance(item, RawDocument)]
    problems = [item for item in items if isinstance(item, ReadProblem)]
    assert [document.path for document in documents][:2] == [f"{path}#3", f"{path}#6"]
    assert len(problems) == 1 and problems[0].where == str(path) and "truncated" in problems[0].message
    assert items[-1] == problems[0]


def test_truncated_warc_gz_yields_what_it_can_then_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(build_warc(True)[:-100])
    items = read(path)
    assert [item.path for item in items[:-1]] == [f"{path}#3", f"{path}#6"]
    assert isinstance(items[-1], ReadProblem) and "gzip" in items[-1].message


# --- gzip of any format ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [("story.txt.gz", PERSIAN), ("page.html.gz", news_page(FULL_HEAD)), ("noext.gz", PERSIAN)],
)
def test_gzip_of_single_documents(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode()))
    document = only_document(path)
    assert PERSIAN in document.text or ARABIC in document.text
    assert document.path == str(path)


def test_jsonl_lone_surrogate_becomes_a_replacement_character(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    """A JSON escape of half an emoji ("\\ud83d") in the text and the title: the document is coded and
    written, the character replaced by U+FFFD at the same offset, so every offset still holds."""
    from rasad.cli import main

    persian = seed_texts["000"]
    cut = persian.index(" ", 200)
    line = json.dumps({"text": persian[:cut] + "\ud83d" + persian[cut:], "title": "خبر \ud83d"})
    assert "\\ud83d" in line  # as a crawler writes it: an escape, valid JSON and valid UTF-8
    source = tmp_path / "news.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    [document] = iter_documents([str(source)])
    assert isinstance(document, RawDocument)
    assert document.text == persian[:cut] + "\ufffd" + persian[cut:]
    assert document.title == "خبر \ufffd"
    output = tmp_path / "records.jsonl"
    assert main(["code", str(source), "-o", str(output)]) == 0
    [record] = [json.loads(row) for row in output.read_text(encoding="utf-8").splitlines()]
    assert record["language"] == "fa" and record["events"]
    for event in record["events"]:
        span = event["text_info"]
        assert document.text[span["start"] : span["end"]] == event["event_text"]


def test_file_name_that_is_not_utf8_is_written_with_escapes(tmp_path: Path) -> None:
    """Linux file names are bytes; one that is not UTF-8 reaches Python with lone surrogates, which
    stopped `rasad code` with a traceback when it wrote the record's path. The byte is now written
    as an escape, and the article coded."""
    import os

    from rasad.cli import main

    folder = tmp_path / "articles"
    folder.mkdir()
    try:
        with open(os.fsencode(folder) + b"/news-\xff.txt", "wb") as handle:
            handle.write(ENGLISH.encode())
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    output = tmp_path / "records.jsonl"
    assert main(["code", str(folder), "-o", str(output)]) == 0
    [record] = [json.loads(row) for row in output.read_text(encoding="utf-8").splitlines()]
    assert record["source"]["path"] == f"{folder}/news-\\xff.txt"
    assert record["entities"]
