"""`rasad spark` gives, field for field, the records `rasad code` gives on the same inputs."""

from __future__ import annotations

import gc
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.cli import main
from rasad.document import ReadProblem
from rasad.ingest import iter_documents
from rasad.ingest.corpora import saudinewsnet
from rasad.run import code_stream
from test_ingest_formats import build_warc

# A stretch of SaudiNewsNet in which several papers ran the same wire stories: the duplicate
# detector has work to do, and Spark must flag the same copies as the local runner.
CORPUS_SLICE = (1200, 1400)


def spark_missing() -> str | None:
    if shutil.which("java") is None:
        return "Java is not installed: Spark needs Java 17 or later"
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "rasad[spark] is not installed"
    return None


@pytest.mark.corpus
def test_spark_records_equal_local_records(
    tmp_path: Path, seed_paths: list[Path], samples_dir: Path, corpora_root: Path
) -> None:
    if reason := spark_missing():
        pytest.skip(reason)
    folder = tmp_path / "inputs"
    folder.mkdir()
    with (folder / "saudinewsnet.jsonl").open("w", encoding="utf-8") as handle:
        for item in itertools.islice(saudinewsnet(corpora_root), *CORPUS_SLICE):
            document = item.document
            fields = {"text": document.text, "title": document.title, "url": document.url}
            handle.write(
                json.dumps(fields | {"outlet": document.outlet, "published": document.published}) + "\n"
            )
        handle.write('{"text": broken\n')
    (folder / "crawl.warc.gz").write_bytes(build_warc(compress=True))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    inputs = [str(seed_paths[0].parent), str(samples_dir), str(folder), str(tmp_path / "missing")]

    local = list(code_stream(iter_documents(inputs)))
    output = tmp_path / "spark-out"
    run = subprocess.run(
        [sys.executable, "-m", "rasad.cli", "spark", "--input", *inputs, "--output", str(output),
         "--master", "local[2]", "--partitions", "4"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    from rasad.scale.spark import read_records

    expected = [item for item in local if isinstance(item, dict)]
    problems = [(item.where, item.message) for item in local if isinstance(item, ReadProblem)]
    assert run.returncode == 1, run.stderr  # the broken line, the empty file and the missing input
    events = sum(len(record["events"]) for record in expected)
    # The summary's counts are observed as the tables are written: they must match what was written.
    summary = f"rasad: {len(expected)} records (documents/), {events} events (events/), {len(problems)} "
    assert summary + "documents failed (problems/)" in run.stderr
    assert "Traceback" not in run.stderr

    records = read_records(output)
    assert [record["id"] for record in records] == [record["id"] for record in expected]
    for got, want in zip(records, expected, strict=True):
        for field in want.keys() | got.keys():
            assert got.get(field) == want.get(field), (want["id"], field)
    duplicates = [r for r in expected if any(w.startswith("duplicate of") for w in r.get("warnings", []))]
    assert len(duplicates) >= 5
    assert events > 100

    import pyarrow.parquet as pq

    found = sorted(pq.read_table(output / "problems").to_pylist(), key=lambda row: row["seq"])
    assert [(row["where"], row["message"]) for row in found] == problems
    planted = {str(folder / "empty.txt"), f"{folder / 'saudinewsnet.jsonl'}#L201", str(tmp_path / "missing")}
    assert planted <= {where for where, _ in problems}


def test_spark_run_without_failures_writes_an_empty_problems_table(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    """The seeds alone: nothing fails, so the problems table is written empty (with its columns)
    without going over the coded documents again, and the records are those of `rasad code`."""
    if reason := spark_missing():
        pytest.skip(reason)
    output = tmp_path / "spark-out"
    run = subprocess.run(
        [sys.executable, "-m", "rasad.cli", "spark", "--input", str(seed_paths[0].parent),
         "--output", str(output), "--master", "local[2]", "--partitions", "2"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "0 documents failed (problems/)" in run.stderr
    from rasad.scale.spark import read_records

    assert read_records(output) == list(code_stream(iter_documents([str(seed_paths[0].parent)])))
    import pyarrow.parquet as pq

    problems = pq.read_table(output / "problems")
    assert (problems.num_rows, problems.column_names) == (0, ["seq", "where", "message"])


def test_spark_says_what_is_wrong_before_starting(tmp_path: Path, capsys) -> None:
    command = ["spark", "--input", str(tmp_path), "--output", str(tmp_path / "out"), "--partitions", "0"]
    assert main(command) == 2
    assert capsys.readouterr().err.strip() == "rasad: --partitions must be at least 1"


def test_spark_joins_the_order_decisions_by_a_shuffle_past_the_broadcast_limit(
    tmp_path: Path, seed_paths: list[Path], samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ``BROADCAST_DECISIONS`` documents the order step's numbers and duplicate decisions reach
    the documents by a shuffle join instead of a broadcast: the records must not change."""
    if reason := spark_missing():
        pytest.skip(reason)
    from rasad.scale import spark as spark_job

    copies = tmp_path / "copies"
    copies.mkdir()
    shutil.copy(seed_paths[0], copies / "again.txt")  # a duplicate for the order step to flag
    inputs = [str(seed_paths[0].parent), str(samples_dir), str(copies)]
    monkeypatch.setattr(spark_job, "BROADCAST_DECISIONS", 0)
    session = spark_job.spark_session("local[2]", {"spark.ui.enabled": "false"})
    try:
        summary = spark_job.code_to_parquet(session, inputs, str(tmp_path / "out"), partitions=3)
    finally:
        session.stop()
        # The Java objects' finalizers run now, not inside a later test (one that times a signal).
        gc.collect()
    local = list(code_stream(iter_documents(inputs)))
    assert spark_job.read_records(tmp_path / "out") == local
    assert (summary.documents, summary.problems) == (len(local), 0)
    assert any("duplicate of" in warning for warning in local[-1].get("warnings", []))
