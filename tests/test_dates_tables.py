"""The month-name table an analyst edits: the shipped one is sound; broken ones are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad.dates import load_month_tables, validate_month_tables
from rasad.dates.tables import MONTHS_FILE


def shipped() -> dict:
    return yaml.safe_load(MONTHS_FILE.read_text(encoding="utf-8"))


def test_shipped_table_is_valid() -> None:
    assert validate_month_tables() == []
    assert validate_month_tables(MONTHS_FILE) == []
    tables = load_month_tables()
    assert tables.months["سنبله"] == ("solar_hijri_afghan", 6)
    assert tables.months["اذار"] == ("gregorian", 3)  # folded آذار
    assert tables.months["اذر"] == ("solar_hijri", 9)  # folded آذر
    assert tables.months["ربيعالاول"] == ("lunar_hijri", 3)


def test_validator_reads_a_broken_file(tmp_path: Path) -> None:
    data = shipped()
    del data["calendars"]["solar_hijri"][7]  # مهر forgotten
    data["calendars"]["gregorian"][2].append("يناير")  # January listed under February too
    path = tmp_path / "months.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = validate_month_tables(path)
    assert any("solar_hijri" in p and "missing" in p and "7" in p for p in problems), problems
    assert any("'يناير'" in p and "gregorian 1" in p and "gregorian 2" in p for p in problems), problems
    with pytest.raises(ValueError, match="month table problems"):
        load_month_tables(path)


def test_variants_that_fold_together_count_as_duplicates() -> None:
    data = shipped()
    data["calendars"]["gregorian"][5].append("ابريل")  # folds to أبريل, which is April
    problems = validate_month_tables(data)
    assert len(problems) == 1 and "ابريل" in problems[0], problems


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda d: d["calendars"].pop("lunar_hijri"), "lunar_hijri is missing"),
        (lambda d: d["calendars"].__setitem__("julian", {}), "unknown calendar 'julian'"),
        (lambda d: d["calendars"]["gregorian"].__setitem__(13, ["Undecimber"]), "13 is not a number 1..12"),
        (lambda d: d["calendars"]["gregorian"].__setitem__(4, []), "non-empty list"),
        (lambda d: d["calendars"]["solar_hijri"][1].append(""), "empty or non-text spelling"),
        (
            lambda d: d["calendars"]["lunar_hijri"][9].append("آذار"),
            "means gregorian 3 and also lunar_hijri 9",
        ),
        (lambda d: d["ambiguous"].append("Smarch"), "'Smarch' is not a spelling listed above"),
        (lambda d: d["weekdays"].pop(6), "weekdays: missing number(s) 6"),
        (lambda d: d.pop("version"), "version"),
    ],
)
def test_validator_reports_each_kind_of_problem(breakage, expected: str) -> None:
    data = shipped()
    breakage(data)
    problems = validate_month_tables(data)
    assert any(expected in p for p in problems), problems


def test_validator_on_unreadable_input(tmp_path: Path) -> None:
    assert validate_month_tables(tmp_path / "absent.yaml")[0].startswith("cannot read")
    broken = tmp_path / "broken.yaml"
    broken.write_text("calendars: [unclosed", encoding="utf-8")
    assert validate_month_tables(broken)[0].startswith("cannot read")
    assert validate_month_tables({"version": 1}) == ["calendars: missing or not a mapping"]
