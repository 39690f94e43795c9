"""Crash safety (#7): ``rasad ingest`` and ``rasad export`` killed with SIGKILL at random points.

A killed ingest must leave a sound database (every stored document whole, with all its rows) and a
re-run must finish the job: the final store equals one from an uninterrupted run. A killed export
must never leave a partial file under the final name.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasad.document import RawDocument
from rasad.ingest import iter_documents

SEEDS = (1, 2, 3)
COPIES = 12  # each article under twelve ids: the later copies are near-duplicates, as syndication makes
EXPORT_COPIES = 25  # rows multiplied for the export test, so that an export takes long enough to kill


def rasad(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "rasad.cli", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> None:
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path, seed_paths: list[Path]) -> Path:
    """A JSON Lines input of about 260 articles: the samples and seeds, each under several ids."""
    documents = [
        d for d in iter_documents([str(samples_dir), *map(str, seed_paths)]) if isinstance(d, RawDocument)
    ]
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(COPIES):
            for number, document in enumerate(documents):
                line = {"id": f"crash-{copy}-{number:02d}", "title": document.title, "url": document.url,
                        "outlet": document.outlet, "published": document.published,
                        "text": f"{document.text}\n\n({copy})"}  # fmt: skip
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def committed(database: Path) -> int:
    """Documents a reader sees in the store now (WAL: readers do not block the writer)."""
    if not database.exists():
        return 0
    connection = sqlite3.connect(database, timeout=10)
    try:
        return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is still being created
        return 0
    finally:
        connection.close()


def wait_until(database: Path, documents: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while committed(database) < documents and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path) -> tuple[Path, str]:
    """The database of an ingest that ran to the end and its plover-jsonl export."""
    folder = corpus.parent
    finish(rasad("ingest", str(corpus), "--db", "whole.sqlite3", "--no-progress", cwd=folder))
    finish(
        rasad("export", "--db", "whole.sqlite3", "--format", "plover-jsonl", "-o", "whole.jsonl", cwd=folder)
    )
    return folder / "whole.sqlite3", (folder / "whole.jsonl").read_text(encoding="utf-8")


def check_sound(database: Path) -> int:
    """Every stored document has exactly the rows its record calls for; nothing is orphaned."""
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        documents = connection.execute("SELECT seq, record, event_count FROM documents").fetchall()
        for seq, stored, event_count in documents:
            record = json.loads(stored)
            events = [i for (i,) in connection.execute("SELECT id FROM events WHERE document_seq = ? ORDER BY position", (seq,))]  # fmt: skip
            assert events == [event["id"] for event in record["events"]]
            assert event_count == len(record["events"])
            contexts = connection.execute(
                "SELECT COUNT(*) FROM event_contexts JOIN events ON events.seq = event_seq WHERE document_seq = ?",
                (seq,),
            ).fetchone()[0]
            assert contexts == sum(len(set(e.get("context") or ())) for e in record["events"])
            entities = connection.execute(
                "SELECT COUNT(*) FROM entities WHERE document_seq = ?", (seq,)
            ).fetchone()
            assert entities[0] == len(record["entities"])
            mentions = connection.execute(
                "SELECT COUNT(*) FROM mentions WHERE document_seq = ?", (seq,)
            ).fetchone()
            assert mentions[0] == sum(len(e["mentions"]) for e in record["entities"])
        searchable = connection.execute("SELECT COUNT(*) FROM documents_search").fetchone()[0]
        assert searchable == len(documents)
        for orphans in (
            "SELECT COUNT(*) FROM events WHERE document_seq NOT IN (SELECT seq FROM documents)",
            "SELECT COUNT(*) FROM entities WHERE document_seq NOT IN (SELECT seq FROM documents)",
            "SELECT COUNT(*) FROM mentions WHERE entity_seq NOT IN (SELECT seq FROM entities)",
            "SELECT COUNT(*) FROM event_contexts WHERE event_seq NOT IN (SELECT seq FROM events)",
        ):
            assert connection.execute(orphans).fetchone()[0] == 0, orphans
        return len(documents)
    finally:
        connection.close()


def test_a_killed_ingest_leaves_whole_documents_and_resumes_to_the_same_store(
    corpus: Path, uninterrupted: tuple[Path, str], tmp_path: Path
) -> None:
    """Each seed kills at its own point: after a random number of committed documents, plus a random
    delay that lands the kill anywhere in the coding or the writing of the next batch."""
    _, expected = uninterrupted
    total = expected.count("\n")
    stored_at_kill = []
    for seed in SEEDS:
        database = tmp_path / f"killed-{seed}.sqlite3"
        # With one worker records arrive one by one; a pool delivers whole batches at once, and
        # a run this small could end before the kill lands.
        process = rasad(
            "ingest", str(corpus), "--db", str(database), "--no-progress", "--workers", "1", cwd=tmp_path
        )
        chance = random.Random(seed)
        wait_until(database, chance.randint(1, total // 3), process)
        time.sleep(chance.uniform(0.0, 0.05))  # coding is fast: a longer delay could outlast the run
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        stored = check_sound(database) if database.exists() else 0
        stored_at_kill.append(stored)
        finish(rasad("ingest", str(corpus), "--db", str(database), "--no-progress", cwd=tmp_path))
        assert check_sound(database) == total
        export = tmp_path / f"resumed-{seed}.jsonl"
        finish(
            rasad(
                "export", "--db", str(database), "--format", "plover-jsonl", "-o", str(export), cwd=tmp_path
            )
        )
        assert export.read_text(encoding="utf-8") == expected
    # the random points fell inside the run: some kills came after a commit, none at the very end
    assert any(0 < stored < total for stored in stored_at_kill), stored_at_kill


@pytest.fixture(scope="module")
def big_store(uninterrupted: tuple[Path, str]) -> Path:
    """The uninterrupted store with its documents repeated under new ids: an export of a few seconds."""
    database = uninterrupted[0].parent / "big.sqlite3"
    source = sqlite3.connect(uninterrupted[0])
    target = sqlite3.connect(database)
    source.backup(target)
    source.close()
    columns = "text, record, title, language, published, outlet, url, coder_version, content_hash, record_hash, event_count, ingested_at, updated_at"  # fmt: skip
    for copy in range(EXPORT_COPIES):
        target.execute(
            f"INSERT INTO documents (id, {columns}) SELECT id || ?, {columns} FROM documents WHERE id NOT LIKE '%+%'",
            (f"+{copy}",),
        )
    target.commit()
    target.close()
    return database


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_export_leaves_no_file_under_the_final_name(
    big_store: Path, tmp_path: Path, how: int
) -> None:
    rows = sqlite3.connect(big_store).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    stopped_mid_write = 0
    for attempt, seed in enumerate(SEEDS[:2]):
        target = tmp_path / f"export-{seed}.jsonl"
        process = rasad(
            "export", "--db", str(big_store), "--format", "plover-jsonl", "-o", str(target), cwd=tmp_path
        )
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(f".{target.name}.*.part")) and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        # The first signal lands as soon as the partial file exists; the next at a random moment.
        time.sleep(random.Random(seed).uniform(0.0, 0.3) if attempt else 0.0)
        process.send_signal(how)
        process.communicate(timeout=60)
        # The signal may land before, during or after the rename: whatever the moment, a file under
        # the final name is a whole export, and a stopped export leaves nothing under it.
        if target.exists():
            lines = target.read_text(encoding="utf-8").splitlines()
            assert len(lines) == rows, "a killed export left a partial file under the final name"
            assert all(json.loads(line)["id"] for line in lines)
        else:
            assert process.returncode in (-signal.SIGKILL, 130), process.returncode
            stopped_mid_write += 1
        if how == signal.SIGTERM and process.returncode == 130:
            assert not list(tmp_path.glob(f".{target.name}.*")), "SIGTERM must remove the partial file"
    assert stopped_mid_write, "no signal landed while the export was writing: the test proved nothing"
