"""The soak on a sample of every public text: no exception, every record valid, offsets slice the text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import SCHEMA
from rasad.document import RawDocument
from rasad.eval.soak import SOURCES, available, record_problems, run_soak
from rasad.pipeline import code_document

ARABIC = "قال وزير الخارجية الأردني إن عمّان ترفض أي تهديد لأمن السعودية."


@pytest.fixture(scope="module")
def schema() -> dict:
    if not SCHEMA.is_file():
        pytest.skip(f"output contract not found at {SCHEMA}")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.mark.corpus
def test_a_sample_of_every_public_text_soaks_without_failure(corpora_root: Path, schema: dict) -> None:
    reports = list(run_soak(corpora_root, schema, every=61, limit=60))
    assert [report.source for report in reports] == [source.name for source in SOURCES]
    assert sum(report.documents for report in reports) > 300
    assert all(report.documents > 0 for report in reports)
    assert [line for report in reports for line in report.failures] == []


def test_record_problems_names_an_offset_that_slices_other_words(schema: dict) -> None:
    record = code_document(RawDocument(ARABIC))
    assert record["entities"], "the sentence names states"
    assert record_problems(record, ARABIC, Draft202012Validator(schema)) == []
    mention = record["entities"][0]["mentions"][0]
    mention["start"] += 1
    [problem] = record_problems(record, ARABIC, Draft202012Validator(schema))
    assert (
        problem.startswith(f"entity {record['entities'][0]['id']}: mention") and "does not slice" in problem
    )
    record["language"] = 7
    assert record_problems(record, ARABIC, Draft202012Validator(schema))[0].startswith("schema: 7 is not")


def test_cli_soak_without_corpora_or_contract_says_so(tmp_path: Path) -> None:
    def soak(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "rasad.cli", "eval", "soak", "--root", str(tmp_path), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)

    result = soak()
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"rasad: output contract not found at {tmp_path.parent / 'spec' / 'document.schema.json'} (give it with --schema)"
    )
    result = soak("--schema", str(SCHEMA))
    assert result.returncode == 2 and result.stderr.strip() == f"rasad: no corpora found under {tmp_path}"
    assert available(tmp_path) == []
