"""Resource limits: document size inside containers, decompression bombs, XML entities, time budget.

Each limit is configurable, reported in one line naming the setting, and the run goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasad.document import RawDocument, ReadProblem
from rasad.ingest import ReadLimits, iter_documents
from rasad.pipeline import TimeBudgetExceeded, code_document
from rasad.run import code_stream

ARABIC = "قال وزير الخارجية العراقي إن بغداد ستستضيف محادثات بين طهران والرياض الشهر المقبل."
PERSIAN = "وزیر امور خارجه ایران روز دوشنبه در مسکو با همتای روس خود درباره توافق هسته‌ای گفتگو کرد."
ENGLISH = "Jordan's foreign minister said Amman would host talks between the two delegations next week."


def read(path: Path, limits: ReadLimits | None = None) -> list[RawDocument | ReadProblem]:
    return list(iter_documents([str(path)], limits or ReadLimits()))


def warc_bytes(bodies: list[bytes], compress: bool) -> bytes:
    """A WARC of text/plain responses, one per body (gzip per record when ``compress``)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for number, body in enumerate(bodies, start=1):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/plain; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://news.example/{number}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


# --- maximum document size inside containers ---------------------------------------------------


def test_max_document_bytes_applies_to_each_warc_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes([ENGLISH.encode() * 40, PERSIAN.encode()], compress=False))
    big, small = read(path, ReadLimits(max_document_bytes=1_000))
    assert isinstance(big, ReadProblem) and big.where == f"{path}#1"
    assert "over the limit of 1,000 bytes (max_document_bytes)" in big.message
    assert isinstance(small, RawDocument) and small.text == PERSIAN


def test_max_document_bytes_applies_to_a_feed(tmp_path: Path) -> None:
    items = "".join(f"<item><title>n{i}</title><description>{ARABIC}</description></item>" for i in range(30))
    path = tmp_path / "feed.rss"
    path.write_text(f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>', "utf-8")
    assert len(read(path)) == 30
    [problem] = read(path, ReadLimits(max_document_bytes=2_000))
    assert isinstance(problem, ReadProblem) and "(max_document_bytes)" in problem.message


# --- decompression bombs -----------------------------------------------------------------------


def test_gzip_bomb_inside_a_warc_stops_and_the_next_file_is_read(tmp_path: Path) -> None:
    bomb = tmp_path / "a-crawl.warc.gz"
    bomb.write_bytes(warc_bytes([ARABIC.encode(), b"A" * 30_000_000], compress=True))
    assert bomb.stat().st_size < 200_000  # 30 MB of payload in a small file
    after = tmp_path / "b-next.txt"
    after.write_text(ENGLISH, "utf-8")
    limits = ReadLimits(max_decompressed_bytes=2_000_000)
    items = list(iter_documents([str(bomb), str(after)], limits))
    first, problem, document = items
    assert isinstance(first, RawDocument) and first.text == ARABIC
    assert isinstance(problem, ReadProblem) and problem.where == str(bomb)
    assert problem.message == (
        "decompressed data exceeds the limit of 2,000,000 bytes (max_decompressed_bytes), stopped"
    )
    assert isinstance(document, RawDocument) and document.text == ENGLISH


# --- XML entities --------------------------------------------------------------------------------


def test_external_entity_feed_is_refused_and_nothing_is_read_from_disk(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("launch codes", "utf-8")
    feed = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>\n'
        '<rss version="2.0"><channel><title>t</title>'
        f"<item><title>x</title><description>{ENGLISH} &leak;</description></item></channel></rss>"
    )
    path = tmp_path / "evil.xml"
    path.write_text(feed, "utf-8")
    [problem] = read(path)
    assert problem == ReadProblem(
        str(path), "feed declares XML entities (possible entity-expansion attack), skipped"
    )


def test_billion_laughs_in_a_gzipped_feed_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    feed = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [{entities}]>\n<rss version="2.0"><channel><title>t</title>'
        "<item><title>x</title><description>&l9;</description></item></channel></rss>"
    )
    path = tmp_path / "laughs.rss.gz"
    path.write_bytes(gzip.compress(feed.encode()))
    [problem] = read(path)
    assert isinstance(problem, ReadProblem) and "entities" in problem.message


# --- per-document time budget ------------------------------------------------------------------


def test_a_tiny_budget_interrupts_coding_in_the_main_thread() -> None:
    with pytest.raises(TimeBudgetExceeded, match=r"time budget of 1e-06 s"):
        code_document(RawDocument(ARABIC * 200), time_budget=1e-6)
    # the timer is gone: coding without a budget afterwards is not interrupted
    assert code_document(RawDocument(ARABIC))["language"] == "ar"


def test_a_pathologically_long_document_is_stopped_by_the_timer() -> None:
    """20 000 sentences naming states: every stage takes longer than the budget, so coding stops in
    the first stages — inside one (by the timer, or by the checks in the loops over hits and
    sentences), or at the latest when one of them returns (on a busy machine the timer's signal can
    arrive just as a stage ends) — never after the whole pipeline."""
    text = " ".join(f"{ARABIC} {PERSIAN}" for _ in range(10_000))
    with pytest.raises(
        TimeBudgetExceeded, match=r"interrupted|after (normalise_text|detect_language|segment_sentences)"
    ):
        code_document(RawDocument(text), time_budget=0.2)


def test_outside_the_main_thread_a_long_stage_is_stopped_inside() -> None:
    """No timer signal reaches another thread (the API server's): the loops over hits and sentences
    check the budget, so a stage that runs long is stopped in the middle, not at its end."""
    text = " ".join(f"{ARABIC} {PERSIAN}" for _ in range(10_000))
    assert "(interrupted)" in _budget_error_in_a_thread(text, 0.5)


def test_outside_the_main_thread_the_budget_is_checked_between_stages() -> None:
    assert "after normalise_text" in _budget_error_in_a_thread(ARABIC, 1e-9)


def _budget_error_in_a_thread(text: str, budget: float) -> str:
    """The message of the ``TimeBudgetExceeded`` that coding ``text`` raises in another thread."""
    raised: list[BaseException] = []

    def code() -> None:
        try:
            code_document(RawDocument(text), time_budget=budget)
        except TimeBudgetExceeded as error:
            raised.append(error)

    thread = threading.Thread(target=code)
    thread.start()
    thread.join()
    [error] = raised
    return str(error)


@pytest.mark.parametrize("workers", [1, 2])
def test_over_budget_documents_are_problems_and_the_run_goes_on(workers: int) -> None:
    documents = [RawDocument(text, path=f"doc{n}") for n, text in enumerate((ARABIC, PERSIAN, ENGLISH))]
    results = list(code_stream(documents, workers=workers, time_budget=1e-9))
    assert [type(result) for result in results] == [ReadProblem] * 3
    assert [result.where for result in results] == ["doc0", "doc1", "doc2"]
    assert all("time budget of 1e-09 s" in result.message for result in results)
    records = list(code_stream(documents, workers=workers, time_budget=30))
    assert [record["language"] for record in records] == ["ar", "fa", "en"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rasad.cli", *args], capture_output=True, text=True, check=False, timeout=300
    )


def test_cli_time_budget_reports_and_goes_on(tmp_path: Path) -> None:
    dump = tmp_path / "news.jsonl"
    dump.write_text(
        "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (ARABIC, ENGLISH)), "utf-8"
    )
    result = run_cli("code", str(dump), "--time-budget", "0.000000001")
    assert result.returncode == 1 and result.stdout == ""
    assert f"rasad: skipped {dump}#L1: coding took longer than the time budget of 1e-09 s" in result.stderr
    assert "0 records written, 2 documents failed" in result.stderr
    assert "Traceback" not in result.stderr
    arabic = tmp_path / "arabic.txt"
    arabic.write_text(ARABIC, "utf-8")
    result = run_cli("code", str(arabic), "--time-budget", "0")  # no budget at all
    assert result.returncode == 0 and json.loads(result.stdout)["language"] == "ar"


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--time-budget", "-1"),
        ("--time-budget", "soon"),
        ("--max-decompressed-bytes", "0"),
        ("--max-doc-bytes", "x"),
    ],
)
def test_cli_rejects_bad_limits_in_one_line(tmp_path: Path, flag: str, value: str) -> None:
    result = run_cli("code", str(tmp_path), flag, value)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith(f"rasad code: error: argument {flag}")
    assert "Traceback" not in result.stderr


def test_cli_decompression_limit(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    lines = [json.dumps({"text": ARABIC}), json.dumps({"text": "A" * 3_000_000})]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    result = run_cli("code", str(path), "--max-decompressed-bytes", "1000000", "--time-budget", "0")
    assert result.returncode == 1 and len(result.stdout.splitlines()) == 1
    assert "(max_decompressed_bytes), stopped" in result.stderr


def test_a_budget_belongs_to_the_thread_that_set_it() -> None:
    """A thread that never set a budget reads none (the class default), even while another thread's
    budget has run out."""
    from rasad import deadline

    outcome: list[str] = []

    def spent() -> None:
        with deadline.budget(1e-9):
            time.sleep(0.001)
            try:
                deadline.check()
            except TimeBudgetExceeded:
                outcome.append("stopped")
            fresh = threading.Thread(target=lambda: outcome.append(repr(deadline.check())))
            fresh.start()
            fresh.join()

    thread = threading.Thread(target=spent)
    thread.start()
    thread.join()
    deadline.check()  # the main thread has no budget
    assert outcome == ["stopped", "None"]
