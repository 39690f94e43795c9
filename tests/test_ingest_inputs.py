"""Where documents come from (directories, stdin), and bad input: a ReadProblem for each, never a raise."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rasad.ingest.jsonl
from rasad.document import RawDocument, ReadProblem
from rasad.ingest import ReadLimits, iter_documents

ARABIC = "قالت الحكومة إن البرلمان سيصوت على مشروع قانون الانتخابات في جلسة يوم الخميس."
PERSIAN = "مجلس روز سه‌شنبه لایحه بودجه سال آینده را پس از دو هفته بحث تصویب کرد."
ENGLISH = "Parliament approved next year's budget on Tuesday after two weeks of debate."


def where(item: RawDocument | ReadProblem) -> str | None:
    return item.path if isinstance(item, RawDocument) else item.where


def read(*paths: Path | str, limits: ReadLimits | None = None) -> list[RawDocument | ReadProblem]:
    items = [str(path) for path in paths]
    return list(iter_documents(items) if limits is None else iter_documents(items, limits))


# --- directories and stdin -------------------------------------------------------------------


def test_directory_is_read_recursively_in_name_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b" / "inner").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "inner" / "z.txt").write_text(ENGLISH, "utf-8")
    (tmp_path / "b" / "a.txt").write_text(PERSIAN, "utf-8")
    (tmp_path / "a.txt").write_text(ARABIC, "utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": ENGLISH}) + "\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("never read", "utf-8")
    (tmp_path / ".git" / "config.txt").write_text("never read", "utf-8")
    items = read(tmp_path)
    assert [where(item) for item in items] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "a.txt"),
        str(tmp_path / "b" / "inner" / "z.txt"),
        f"{tmp_path / 'c.jsonl'}#L1",
    ]
    assert [item.text for item in items if isinstance(item, RawDocument)] == [
        ARABIC,
        PERSIAN,
        ENGLISH,
        ENGLISH,
    ]


def test_symlink_loop_is_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "one.txt").write_text(ENGLISH, "utf-8")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news")
    (tmp_path / "news" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    items = read(tmp_path)
    assert [item.text for item in items if isinstance(item, RawDocument)] == [ENGLISH]
    assert [item.where for item in items if isinstance(item, ReadProblem)] == [
        str(tmp_path / "news" / "dangling.txt")
    ]


class _Stdin:
    """What sys.stdin offers a reader of bytes: a binary buffer."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "paths", "texts"),
    [
        (PERSIAN.encode("utf-16"), ["-"], [PERSIAN]),
        (
            "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (ARABIC, ENGLISH)).encode(),
            ["-#L1", "-#L2"],
            [ARABIC, ENGLISH],
        ),
        (f"<html><body><p>{ARABIC}</p></body></html>".encode("cp1256"), ["-"], [ARABIC]),
        (gzip.compress(ENGLISH.encode()), ["-"], [ENGLISH]),
    ],
)
def test_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, paths: list[str], texts: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    items = read("-")
    assert [where(item) for item in items] == paths
    assert [item.text for item in items if isinstance(item, RawDocument)] == texts


def test_no_stdin_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    [problem] = read("-")
    assert isinstance(problem, ReadProblem) and problem.where == "-"


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode(), " \n".encode("utf-16")])
def test_empty_or_whitespace_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert read(path) == [ReadProblem(str(path), "empty document, skipped")]


@pytest.mark.parametrize("name", ["logo.txt", "logo.png", "logo.html", "logo.jsonl", "logo"])
def test_binary_file_is_skipped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(3_000))
    [problem] = read(path)
    assert isinstance(problem, ReadProblem)
    assert problem.message == "binary file (PNG image), skipped"


def test_binary_without_magic_number(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    [problem] = read(path)
    assert isinstance(problem, ReadProblem) and problem.message.startswith("binary file")


def test_file_over_the_size_limit_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    big = tmp_path / "a-big.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.truncate(50_000_000)
    after = tmp_path / "b-after.txt"
    after.write_text(ENGLISH, "utf-8")
    problem, document = read(big, after)
    assert isinstance(problem, ReadProblem) and problem.where == str(big)
    assert "50,000,000 bytes" in problem.message and "20,000,000" in problem.message
    assert isinstance(document, RawDocument) and document.text == ENGLISH


def test_compressed_document_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(ENGLISH.encode() * 100))
    [problem] = read(path, limits=ReadLimits(max_document_bytes=1_000))
    assert isinstance(problem, ReadProblem) and "1,000 bytes (max_document_bytes)" in problem.message


def test_gzip_bomb_stops_at_the_decompression_cap(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"A" * 20_000_000, compresslevel=9))
    assert bomb.stat().st_size < 100_000
    after = tmp_path / "next.txt"
    after.write_text(PERSIAN, "utf-8")
    problem, document = read(bomb, after, limits=ReadLimits(max_decompressed_bytes=1_000_000))
    assert isinstance(problem, ReadProblem) and problem.where == str(bomb)
    assert "1,000,000 bytes (max_decompressed_bytes)" in problem.message
    assert isinstance(document, RawDocument) and document.text == PERSIAN


def test_gzip_bomb_in_jsonl_stops_after_the_lines_before_it(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    lines = json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": "A" * 5_000_000}) + "\n"
    path.write_bytes(gzip.compress(lines.encode()))
    first, problem = read(path, limits=ReadLimits(max_decompressed_bytes=1_000_000))
    assert isinstance(first, RawDocument) and first.text == ENGLISH
    assert isinstance(problem, ReadProblem) and "max_decompressed_bytes" in problem.message


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(ARABIC.encode() * 50)[:40])
    [problem] = read(path)
    assert isinstance(problem, ReadProblem) and "gzip" in problem.message


def test_missing_path_and_the_run_goes_on(tmp_path: Path) -> None:
    present = tmp_path / "present.txt"
    present.write_text(ENGLISH, "utf-8")
    missing, document = read(tmp_path / "missing.txt", present)
    assert missing == ReadProblem(str(tmp_path / "missing.txt"), "cannot read: No such file or directory")
    assert isinstance(document, RawDocument)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH, "utf-8")
    path.chmod(0)
    [problem] = read(path)
    assert isinstance(problem, ReadProblem) and "Permission denied" in problem.message


def test_a_single_path_string_is_one_path(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ENGLISH, "utf-8")
    assert [item.text for item in iter_documents(str(path)) if isinstance(item, RawDocument)] == [ENGLISH]


# --- nothing raises ----------------------------------------------------------------------------

PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"<rss version='2.0'><channel><item>",
    b"<html><body><p>",
    b'{"text": "',
    b"\x1f\x8b",
]
NAMES = ["x.txt", "x.html", "x.xml", "x.jsonl", "x.warc", "x.gz", "x.jsonl.gz", "x"]


@settings(max_examples=100, deadline=None)
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=3_000), name=st.sampled_from(NAMES))
def test_random_bytes_never_raise(prefix: bytes, data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(prefix + data)
        items = list(iter_documents([str(path)]))
    for item in items:
        assert isinstance(item, RawDocument | ReadProblem)
        if isinstance(item, ReadProblem):
            # the last-resort guard was not needed: every failure was foreseen
            assert not item.message.startswith("unexpected"), item


def test_text_without_markup_in_an_html_file(tmp_path: Path) -> None:
    path = tmp_path / "mislabelled.html"
    path.write_text(PERSIAN, "utf-8")
    [document] = read(path)
    assert isinstance(document, RawDocument) and document.text == PERSIAN


def test_an_unforeseen_error_is_one_problem_naming_its_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("rasad.ingest.html.trafilatura.bare_extraction", broken)
    page = tmp_path / "a.html"
    page.write_text(f"<html><body><p>{ARABIC}</p></body></html>", "utf-8")
    after = tmp_path / "b.txt"
    after.write_text(ENGLISH, "utf-8")
    problem, document = read(page, after)
    assert problem == ReadProblem(str(page), "unexpected RuntimeError while reading: boom")
    assert isinstance(document, RawDocument)
    assert "RuntimeError: boom" in caplog.text  # logged with its traceback, not hidden


def test_an_unforeseen_error_inside_a_container_costs_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_field = rasad.ingest.jsonl._field

    def field(value: object) -> str | None:
        if value == "boom":
            raise RuntimeError("boom")
        return real_field(value)

    monkeypatch.setattr(rasad.ingest.jsonl, "_field", field)
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps({"text": t, "id": t}) for t in ("one", "boom", "three")), "utf-8")
    first, problem, third = read(path)
    assert isinstance(first, RawDocument) and isinstance(third, RawDocument)
    assert problem == ReadProblem(f"{path}#L2", "unexpected RuntimeError while reading: boom")
