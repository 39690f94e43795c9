"""The whole pipeline and the CLI on the user's seed articles and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.cli import main
from rasad.document import RawDocument
from rasad.pipeline import analyse, code_document


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rasad.cli", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def seed_records(seed_paths: list[Path], tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    result = run_cli("code", *map(str, seed_paths), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_seeds_give_five_schema_valid_records(seed_records: list[dict], record_validator) -> None:
    assert len(seed_records) == 5
    for record in seed_records:
        errors = [error.message for error in record_validator.iter_errors(record)]
        assert errors == [], record["source"]["path"]


def test_seed_languages_and_publication_dates(seed_records: list[dict]) -> None:
    assert [r["language"] for r in seed_records] == ["fa", "ar", "ar", "fa", "ar"]
    published = [r["published"] for r in seed_records]
    assert published[1] == {"date": "2022-01-20", "text": "20/01/2022", "calendar": "gregorian"}
    assert published[3] == {"date": "2017-09-12", "text": "21 سنبله 1396", "calendar": "solar_hijri_afghan"}
    assert published[0] is None and published[2] is None and published[4] is None


def test_seed_titles_and_stable_ids(seed_records: list[dict], seed_texts: dict[str, str]) -> None:
    assert seed_records[3]["title"] == "موافقت قزاقستان با تجهیز و نوسازی تجهیزات رزمی افغانستان"
    assert seed_records[1]["title"] == "لماذا تشعر إسرائيل بالقلق مما يحدث في كازاخستان؟"
    again = code_document(RawDocument(seed_texts["003"]))
    assert again["id"] == seed_records[3]["id"]
    assert len({r["id"] for r in seed_records}) == 5


def test_related_article_lines_of_001_are_boilerplate_and_not_coded(seed_texts: dict[str, str]) -> None:
    analysis = analyse(RawDocument(seed_texts["001"]))
    coded = {analysis.doc.text[s.start : s.end] for _, s in analysis.article_sentences()}
    related = [line.strip() for line in seed_texts["001"].split("\n") if line.strip().startswith("اقرأ أيضاً")]
    assert len(related) == 5
    for line in related:
        assert analysis.in_boilerplate(*_span_of(seed_texts["001"], line))
        assert not any(sentence in line for sentence in coded)


def _span_of(text: str, line: str) -> tuple[int, int]:
    start = text.index(line)
    return start, start + len(line)


def test_other_languages_get_a_record_with_a_warning() -> None:
    record = code_document(RawDocument("Le ministre kazakh a rencontré son homologue russe à Moscou mardi."))
    assert record["language"] == "fr"
    assert record["events"] == [] and record["entities"] == []
    assert any("not coded" in warning for warning in record["warnings"])


def test_bad_inputs_are_reported_by_name_and_the_run_goes_on(tmp_path: Path, record_validator) -> None:
    good = tmp_path / "a-good.txt"
    good.write_text("وقّعت كازاخستان وروسيا اتفاقية للتعاون الأمني في موسكو.\n", encoding="utf-8")
    cp1256 = tmp_path / "b-cp1256.txt"
    cp1256.write_bytes(
        "استقبل الرئيس الكازاخستاني وزير الخارجية التركي في أستانا لبحث التعاون.".encode("cp1256")
    )
    empty = tmp_path / "c-empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "d-binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    truncated = tmp_path / "e-truncated.html"
    truncated.write_text(
        "<html><head><title>Talks in Astana</title></head><body><article><p>The foreign ministers of "
        "Kazakhstan and Turkey met in Astana on Monday to discuss defence cooperation and trade.</p><p>They",
        encoding="utf-8",
    )
    lines = tmp_path / "f-wire.jsonl"
    lines.write_text(
        '{"id": "wire-0001", "text": "Russia and Kazakhstan signed a security agreement.", "published": "2021-12-22"}\n'
        "{not json\n"
        '{"id": "w3", "text": "Turkey delivered drones to Kazakhstan, officials said on Tuesday."}\n',
        encoding="utf-8",
    )
    huge = tmp_path / "g-huge.txt"
    with huge.open("wb") as handle:
        handle.write(("خبر " * 1000 + "\n").encode("utf-8") * 7000)  # about 50 MB
    out = tmp_path / "out.jsonl"

    result = run_cli("code", str(tmp_path), "-o", str(out), "--max-doc-bytes", "20000000")

    assert result.returncode == 1
    for name in ("c-empty.txt", "d-binary.txt", "f-wire.jsonl#L2", "g-huge.txt"):
        assert name in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = {r["id"] for r in records}
    assert "wire-0001" in ids
    assert any(i.startswith("w3-") and len(i) == 11 for i in ids)  # short input ids are extended
    by_path = {Path(r["source"]["path"]).name: r for r in records}
    assert by_path["b-cp1256.txt"]["language"] == "ar"
    assert by_path["a-good.txt"]["language"] == "ar"
    assert by_path["e-truncated.html"]["language"] == "en"
    assert len(records) == 5
    assert not list(tmp_path.glob(".out.jsonl*"))
    for record in records:
        assert not list(record_validator.iter_errors(record))


def test_exit_code_zero_when_everything_is_read(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("سفر وزیر خارجه ایران به مسکو\nوزیر خارجه ایران امروز با همتای روسی خود دیدار کرد.\n")
    assert main(["code", str(article), "-o", str(tmp_path / "out.jsonl")]) == 0


def test_standard_input(tmp_path: Path) -> None:
    result = run_cli("code", "-", stdin=b"The Kazakh president asked the CSTO for help on Wednesday.")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["language"] == "en" and record["source"]["path"] == "-"


def test_syndicated_copy_is_flagged_not_coded_twice(tmp_path: Path) -> None:
    story = (
        "Kazakhstan's president asked the Collective Security Treaty Organization for help after "
        "protests over fuel prices turned violent in Almaty and several other cities, and the alliance "
        "agreed to send peacekeeping troops led by Russia within hours of the request, officials in "
        "Moscow and Astana said on Thursday. The first units landed at an airfield near the capital the "
        "same night, the defence ministry in Moscow said, and were tasked with guarding government "
        "buildings and strategic sites. The president said the country faced an attack by terrorist "
        "groups trained abroad and ordered security forces to restore order. Armenia, Belarus, "
        "Kyrgyzstan and Tajikistan also contributed soldiers to the mission, which the alliance said "
        "would be temporary and limited in time. Washington said it was watching the deployment closely "
        "and called for restraint on all sides, while Beijing expressed support for the government."
    )
    (tmp_path / "a.txt").write_text("Kazakhstan asks CSTO for help\n" + story)
    (tmp_path / "b.txt").write_text(
        "CSTO to send troops to Kazakhstan\n" + story.replace("Thursday", "Friday")
    )
    result = run_cli("code", str(tmp_path))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    assert "warnings" not in records[0]
    assert records[1]["warnings"] == [f"duplicate of document {records[0]['id']}: not coded again"]


def test_show_lists_documents_and_event_glosses(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("وقّعت كازاخستان وروسيا اتفاقية للتعاون الأمني في موسكو يوم 22 ديسمبر 2021.\n")
    out = tmp_path / "out.jsonl"
    assert main(["code", str(article), "-o", str(out)]) == 0
    shown = run_cli("show", "--events", str(out))
    assert shown.returncode == 0
    assert "KAZ GOV AGREE" in shown.stdout and "RUS GOV" in shown.stdout and "2021-12-22" in shown.stdout
    assert "1 documents" in shown.stdout


def test_parallel_workers_give_the_same_records_in_the_same_order(samples_dir) -> None:
    from rasad.ingest import iter_documents
    from rasad.run import code_stream

    one = list(code_stream(iter_documents([str(samples_dir)]), workers=1))
    two = list(code_stream(iter_documents([str(samples_dir)]), workers=2))
    assert len(one) == 17
    assert one == two


def test_records_do_not_depend_on_the_process_hash_seed(samples_dir, seed_paths, tmp_path: Path) -> None:
    import os

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "rasad.cli", "code", str(samples_dir), *map(str, seed_paths), "-o", str(out)],
            env=env, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
