"""``rasad ingest``, ``rasad search`` and ``rasad export`` run in-process on the bundled samples."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import rasad.run
import rasad.store.commands
from rasad.cli import main
from rasad.store import open_store
from rasad.store.base import MAX_PAGE_SIZE, EventFilter, Page, Store
from rasad.store.export import GDELT_COLUMNS, QUAD_CLASS_BY_ROOT, export


def ingest(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str]:
    code = main(["ingest", "--no-progress", *args])
    return code, capsys.readouterr().err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


@pytest.fixture
def ingested(db: str, samples_dir: Path, capsys: pytest.CaptureFixture) -> str:
    code, err = ingest(capsys, str(samples_dir), "--db", db)
    assert code == 0, err
    return db


def test_ingest_then_ingest_again_codes_nothing(
    ingested: str, samples_dir: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(ingested) as store:
        stored = store.count()["documents"]
    assert stored >= 15

    def must_not_code(*args: object, **kwargs: object) -> dict:
        raise AssertionError("a stored document was coded again")

    monkeypatch.setattr(rasad.run, "code_document", must_not_code)
    code, err = ingest(capsys, str(samples_dir), "--db", ingested)
    assert code == 0, err
    assert f"0 added, 0 updated, {stored} unchanged, 0 failed" in err


def test_a_new_coder_version_updates_every_document(
    ingested: str, samples_dir: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(ingested) as store:
        stored = store.count()["documents"]
    monkeypatch.setattr(rasad.store.commands, "coder_version", lambda: "next-coder")
    code, err = ingest(capsys, str(samples_dir), "--db", ingested)
    assert code == 0, err
    assert f"0 added, {stored} updated, 0 unchanged, 0 failed" in err
    with open_store(ingested) as store:
        assert {r["coder_version"] for r in store.documents(Page(limit=MAX_PAGE_SIZE)).rows} == {"next-coder"}


def test_ingest_names_documents_it_cannot_read_and_exits_1(
    tmp_path: Path, samples_dir: Path, db: str, capsys: pytest.CaptureFixture
) -> None:
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copy(samples_dir / "articles" / "ar-01-kazakhstan-csto-request.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, err = ingest(capsys, str(folder), "--db", db)
    assert code == 1
    assert "empty.txt" in err
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_file_given_twice_is_stored_once_with_its_events(
    samples_dir: Path, db: str, capsys: pytest.CaptureFixture, workers: str
) -> None:
    article = str(samples_dir / "articles" / "ar-01-kazakhstan-csto-request.txt")
    code, err = ingest(capsys, article, article, "--db", db, "--workers", workers)
    assert code == 0, err
    assert "1 added, 0 updated, 1 unchanged, 0 failed" in err
    with open_store(db) as store:
        (record,) = store.iter_records()
    assert record["events"]
    assert "warnings" not in record


def test_ingest_with_workers_stores_the_same_records(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    one, two = str(tmp_path / "one.sqlite3"), str(tmp_path / "two.sqlite3")
    assert ingest(capsys, str(samples_dir), "--db", one)[0] == 0
    assert ingest(capsys, str(samples_dir), "--db", two, "--workers", "2")[0] == 0
    with open_store(one) as first, open_store(two) as second:
        assert list(first.iter_records()) == list(second.iter_records())


def test_ingest_and_export_give_the_records_of_rasad_code_on_both_backends(
    store_url: str, samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["code", str(samples_dir), "-o", str(tmp_path / "coded.jsonl"), "--no-progress"]) == 0
    assert ingest(capsys, str(samples_dir), "--db", store_url)[0] == 0
    exported = tmp_path / "exported.jsonl"
    assert main(["export", "--db", store_url, "--format", "plover-jsonl", "-o", str(exported)]) == 0
    coded = [json.loads(line) for line in (tmp_path / "coded.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()] == coded


def test_ingest_refuses_an_unknown_database_url(samples_dir: Path, capsys: pytest.CaptureFixture) -> None:
    code, err = ingest(capsys, str(samples_dir), "--db", "mysql://somewhere/db")
    assert code == 2
    assert err.startswith("rasad: unknown database URL mysql://somewhere/db")
    assert "Traceback" not in err


def test_search_prints_id_date_title_and_snippet(ingested: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["search", "کازاخستان", "--db", ingested, "--limit", "2"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 4
    document_id, date, title = lines[0].split("\t")
    with open_store(ingested) as store:
        stored = store.document(document_id)
    assert stored is not None
    assert title == stored["record"]["title"]
    assert date == stored["record"]["published"]["date"]
    assert "كازاخستان" in lines[1]
    assert "2 of" in err


@pytest.mark.parametrize("query", ["'; DROP TABLE documents; --", 'NEAR("', "*", "-x"])
def test_search_takes_any_query(ingested: str, capsys: pytest.CaptureFixture, query: str) -> None:
    assert main(["search", "--db", ingested, "--", query]) == 0  # "--": a query may start with "-"
    assert "Traceback" not in capsys.readouterr().err


def test_a_database_failure_is_one_line_not_a_traceback(ingested: str, capsys: pytest.CaptureFixture) -> None:
    connection = sqlite3.connect(ingested)
    connection.execute("DROP TABLE documents_search")  # a damaged database
    connection.close()
    assert main(["search", "كازاخستان", "--db", ingested]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"rasad: database error ({ingested}): no such table: documents_search")
    assert "Traceback" not in err


def test_search_rejects_a_bad_limit(ingested: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["search", "x", "--db", ingested, "--limit", "0"]) == 2
    assert "--limit: limit must be between 1 and 500" in capsys.readouterr().err


# --- export ---------------------------------------------------------------------------------


def test_export_plover_jsonl_is_the_stored_records(ingested: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out" / "records.jsonl"
    assert main(["export", "--db", ingested, "--format", "plover-jsonl", "-o", str(target)]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    with open_store(ingested) as store:
        assert records == list(store.iter_records())
        assert len(records) == store.count()["documents"]
    assert f"{len(records)} documents written" in capsys.readouterr().err


def test_export_csv_and_parquet_have_one_row_per_event(ingested: str, tmp_path: Path) -> None:
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    with open_store(ingested) as store:
        events = list(store.iter_events())
    assert main(["export", "--db", ingested, "--format", "csv", "-o", str(tmp_path / "e.csv")]) == 0
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["event_id"] for r in rows] == [e["id"] for e in events]
    first = events[0]
    assert rows[0]["event"] == first["event"]
    assert rows[0]["event_text"] == " ".join(first["event_text"].split())
    assert rows[0]["context"] == ";".join(first["context"])
    assert main(["export", "--db", ingested, "--format", "parquet", "-o", str(tmp_path / "e.parquet")]) == 0
    table = pyarrow_parquet.read_table(tmp_path / "e.parquet")
    assert table.num_rows == len(events)
    assert table.column("event_id").to_pylist() == [e["id"] for e in events]
    assert table.column("latitude").to_pylist() == [(e.get("event_loc") or {}).get("lat") for e in events]


def test_export_gdelt_tsv_columns(ingested: str, tmp_path: Path) -> None:
    target = tmp_path / "events.tsv"
    assert (
        main(["export", "--db", ingested, "--format", "gdelt-tsv", "-o", str(target), "--actor", "KAZ"]) == 0
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == [name for name, _ in GDELT_COLUMNS]
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    with open_store(ingested) as store:
        events = {e["id"]: e for e in store.iter_events(EventFilter(actor="KAZ"))}
    assert [r["GlobalEventID"] for r in rows] == list(events)
    for row in rows:
        event = events[row["GlobalEventID"]]
        assert "KAZ" in (row["Actor1CountryCode"], row["Actor1KnownGroupCode"])
        assert row["Day"] == event["date"].replace("-", "").ljust(8, "0")
        assert row["EventRootCode"] == (event.get("cameo") or "")
        assert row["QuadClass"] == str(QUAD_CLASS_BY_ROOT.get(event.get("cameo") or "", ""))
        assert row["PloverEvent"] == event["event"]
    assert any(r["QuadClass"] for r in rows)


def test_export_filters_and_bad_values(ingested: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "fa.jsonl"
    assert (
        main(["export", "--db", ingested, "--format", "plover-jsonl", "-o", str(target), "--language", "fa"])
        == 0
    )
    languages = {json.loads(line)["language"] for line in target.read_text(encoding="utf-8").splitlines()}
    assert languages == {"fa"}
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    assert main(["export", "--db", ingested, "--format", "csv", "-o", str(bad), "--from", "last week"]) == 2
    assert "date_from must be an ISO date" in capsys.readouterr().err
    assert main(["export", "--db", ingested, "--format", "csv", "-o", str(bad), "--event", "BOMB"]) == 2
    assert "unknown event type 'BOMB'" in capsys.readouterr().err
    assert not bad.exists()
    assert list(tmp_path.glob(".bad.csv.*")) == []


class InterruptedStore:
    """Yields a few records, then the user presses Ctrl-C."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def iter_records(self, filters: EventFilter):
        for number, record in enumerate(self.store.iter_records(filters)):
            if number == 3:
                raise KeyboardInterrupt
            yield record


def test_an_interrupted_export_leaves_no_file(ingested: str, tmp_path: Path) -> None:
    target = tmp_path / "exports" / "records.jsonl"
    target.parent.mkdir()
    target.write_text("the previous export\n", encoding="utf-8")
    with open_store(ingested) as store, pytest.raises(KeyboardInterrupt):
        export(InterruptedStore(store), "plover-jsonl", target)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in target.parent.iterdir()] == ["records.jsonl"]
