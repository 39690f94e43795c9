"""Importing PETRARCH dictionaries: invented snippets for each rule, then the real UniversalPetrarch files."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest

from rasad.actors.dictionary import data_folder, load_dictionary, read_rows, validate_dictionaries
from rasad.actors.matcher import ActorMatcher
from rasad.actors.petrarch import (
    HEADERS,
    ImportReport,
    ParseProblem,
    add_parser,
    map_sector,
    parse_actor_dictionary,
    parse_agent_dictionary,
    parse_date,
    slug,
    to_rasad_rows,
    write_import,
)
from rasad.text.normalize import normalize

REPO = Path(__file__).resolve().parent.parent
UNIVERSAL = REPO.parent / "shared" / "corpora" / "events-ar" / "universalpetrarch"

# Invented people and organisations; real country codes so that rasad knows the states.
ACTORS = """# invented actor dictionary for the tests
QARAVIA_REPUBLIC_  [KAZ]
+QARAVIAN_
TOMAS_VELDRIN_  # an invented minister
+VELDRIN_
\t[KAZGOV 910101-190320]
\t[KAZELI >190320]

ANNA_BREKOVA_
\t[RUSMIL 050101-050601]
\t[RUSMIL 050301-071231]
HELGA_OSTRUM_  [IGOUNO 120101-161231]
BOGUS_DATES_
\t[KAZGOV 991399-]
ARMY_OF_TESTS_  [MIL]
GLOBEX_DAILY_  [KAZMED]
\t[ 19950518-19970602]
LOST_ISLANDER_  [XQZGOV 010101-020202]
"""

AGENTS = """# invented agent dictionary for the tests
!FUNCT! = CLERK, CLERKS
TAX_!FUNCT! [~GOV]
!MINIST! OF_WIDGETS [~GOVBUS]
BORDER_RANGER {BORDER_RANGERS} [~COP]
WIDGET_BUYER {} [~BUS]  # buyers of widgets
SMUGGLER [~CRM]
A LINE WITHOUT ANY CODE
TRUCE_WATCHER [IGO~]
"""

# A translated agent file: PETRARCH's English key, the code, then the Arabic (our own phrases).
TRANSLATED = """HARBOUR_GUARD [~MIL]حرس الميناء / خفر الميناء
WIDGET_INSPECTOR [~GOV] مفتش الأدوات # checked
STAMP_COLLECTOR [~CVL] # translator note جامع الطوابع
AD!MINIST!RATIVE_BOARD [~GOV]مجلس الإدارة
"""


@pytest.fixture
def snippets(tmp_path: Path) -> tuple[Path, Path, Path]:
    paths = tmp_path / "actors.txt", tmp_path / "agents.txt", tmp_path / "agents.ar.txt"
    for path, text in zip(paths, (ACTORS, AGENTS, TRANSLATED), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def _rows(rows: dict, name: str, **wanted: str) -> list[dict]:
    return [row for row in rows[name] if all(row.get(k) == v for k, v in wanted.items())]


def test_dates_two_digit_years_and_placeholders() -> None:
    assert parse_date("910101") == "1991-01-01"
    assert parse_date("290101") == "2029-01-01"
    assert parse_date("300101") == "1930-01-01"
    assert parse_date("20140908") == "2014-09-08"
    for placeholder in ("18000101", "19700101", "22000101", "991399"):
        assert parse_date(placeholder) is None


def test_sector_mapping_prefers_the_specific_sector() -> None:
    assert map_sector(["GOV", "LEG"]) == "LEG"
    assert map_sector(["GOV", "MIL"]) == "MIL"
    assert map_sector(["GOV", "AGR"]) == "GOV"
    assert map_sector(["INS"]) == "REB"
    assert map_sector(["UAF"]) == "UAF"
    assert map_sector(["CRM"]) is None


def test_actor_entries_synonyms_dates_and_bad_lines(snippets) -> None:
    problems: list[ParseProblem] = []
    actors = {a.name: a for a in parse_actor_dictionary(snippets[0], problems)}
    veldrin = actors["TOMAS_VELDRIN_"]
    assert veldrin.synonyms == ["VELDRIN_"]
    assert [(c.code, c.start, c.end) for c in veldrin.codes] == [
        ("KAZGOV", "1991-01-01", "2019-03-20"),
        ("KAZELI", "2019-03-20", None),
    ]
    assert actors["QARAVIA_REPUBLIC_"].synonyms == ["QARAVIAN_"]
    assert "BOGUS_DATES_" not in actors  # its only code line is malformed
    assert {(p.line, p.message.split(":")[0]) for p in problems} == {
        (14, "not a date restriction"),
        (13, "entry without a usable code"),
    }


def test_agent_lines_substitutions_plurals_and_translations(snippets) -> None:
    problems: list[ParseProblem] = []
    agents = {a.phrases[0]: a for a in parse_agent_dictionary(snippets[1], problems)}
    assert agents["TAX_CLERK"].phrases == ["TAX_CLERK", "TAX_CLERKS"]
    assert agents["MINISTER_OF_WIDGETS"].phrases[2] == "MINISTRY_OF_WIDGETS"
    assert agents["BORDER_RANGER"].plurals == ["BORDER_RANGERS"]
    assert agents["WIDGET_BUYER"].plurals == []
    assert agents["TRUCE_WATCHER"].code == "IGO"
    assert [(p.line, p.message) for p in problems] == [(8, "no [code]")]
    translated = {a.phrases[0]: a for a in parse_agent_dictionary(snippets[2])}
    assert translated["HARBOUR_GUARD"].translations == ["حرس الميناء", "خفر الميناء"]
    assert translated["WIDGET_INSPECTOR"].translations == ["مفتش الأدوات"]
    assert translated["STAMP_COLLECTOR"].translations == ["جامع الطوابع"]  # written after the note
    assert translated["ADMINISTRATIVE_BOARD"].code == "GOV"  # AD!MINIST!RATIVE is a replace accident


def test_conversion_to_rasad_rows(snippets) -> None:
    report = ImportReport()
    actors = parse_actor_dictionary(snippets[0], report.problems)
    agents = parse_agent_dictionary(snippets[1], report.problems)
    rows = to_rasad_rows(actors, agents, "en", report)
    veldrin = _rows(rows, "people.tsv", id="tomas-veldrin")
    assert [(r["country"], r["sector"], r["role"], r["start"], r["end"]) for r in veldrin] == [
        ("KAZ", "ELI", "ELI official", "2019-03-20", ""),
        ("KAZ", "GOV", "GOV official", "1991-01-01", "2019-03-20"),
    ]
    assert veldrin[0]["name"] == "Tomas Veldrin"
    assert veldrin[0]["en"] == "Tomas Veldrin | Veldrin"
    brekova = _rows(rows, "people.tsv", id="anna-brekova")  # two overlapping terms, merged
    assert [(r["start"], r["end"]) for r in brekova] == [("2005-01-01", "2007-12-31")]
    assert report.notes["people: overlapping terms merged"] == 1
    ostrum = _rows(rows, "people.tsv", id="helga-ostrum")[0]
    assert (ostrum["org"], ostrum["country"], ostrum["sector"]) == ("UN", "", "GOV")
    kaz = _rows(rows, "states_press.tsv", iso3="KAZ")[0]
    assert kaz["kind"] == "state"
    assert kaz["en"] == "Qaravia Republic | Qaravian"
    assert _rows(rows, "sectors.tsv", sector="MIL", kind="body", iso3="")[0]["en"] == "Army Of Tests"
    assert _rows(rows, "sectors.tsv", sector="MED", iso3="KAZ")[0]["en"] == "Globex Daily"
    assert _rows(rows, "sectors.tsv", sector="GOV", kind="role")[0]["en"] == "tax clerk | tax clerks"
    widgets = {r["kind"]: r["en"] for r in _rows(rows, "sectors.tsv", sector="GOV") if "widgets" in r["en"]}
    assert widgets == {
        "role": "minister of widgets | ministers of widgets",
        "body": "ministry of widgets | ministries of widgets",
    }
    assert _rows(rows, "sectors.tsv", sector="COP")[0]["en"] == "border ranger | border rangers"
    assert _rows(rows, "sectors.tsv", sector="IGO")[0]["en"] == "truce watcher"
    assert report.skipped["agent: no rasad sector"] == 1  # SMUGGLER, CRM
    assert report.skipped["code: empty code"] == 1
    assert report.details["code: country not in rasad's states"] == {"XQZ": 1}


def test_translated_agents_give_arabic_rows(snippets) -> None:
    rows = to_rasad_rows([], parse_agent_dictionary(snippets[2]), "ar")
    assert _rows(rows, "sectors.tsv", sector="MIL")[0] | {"kind": ""} == {
        "sector": "MIL",
        "kind": "",
        "iso3": "",
        "ar": "حرس الميناء | خفر الميناء",
    }
    assert _rows(rows, "sectors.tsv", sector="GOV", kind="body")[0]["ar"] == "مجلس الإدارة"
    english = to_rasad_rows([], parse_agent_dictionary(snippets[2]), "en")  # the key is the spelling
    assert "stamp collector" in [r["en"] for r in english["sectors.tsv"]]


def test_written_folder_validates_loads_and_matches(snippets, tmp_path: Path) -> None:
    rows = to_rasad_rows(
        parse_actor_dictionary(snippets[0], []), parse_agent_dictionary(snippets[1], []), "en"
    )
    out = tmp_path / "out"
    paths = write_import(rows, out, snippets[:2], today=dt.date(2024, 5, 6))
    assert sorted(p.name for p in paths) == sorted(HEADERS)
    first = (out / "people.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# people.tsv: imported from PETRARCH (actors.txt, agents.txt) on 2024-05-06")
    assert validate_dictionaries(out) == []
    hits = ActorMatcher(load_dictionary(out)).find(normalize("Minister Tomas Veldrin met the press."), "en")
    assert [f.concept.key for hit in hits for f in hit.forms if f.concept.kind == "person"] == [
        "tomas-veldrin"
    ]
    with pytest.raises(ValueError):
        write_import(rows, data_folder())


def test_headers_are_the_packaged_ones() -> None:
    for name, header in HEADERS.items():
        with (data_folder() / name).open(encoding="utf-8") as handle:
            first = next(line for line in handle if line.strip() and not line.startswith("#"))
        assert first.rstrip("\n") == header


def test_slugs_are_stable_ascii() -> None:
    assert slug("TOMAS_VELDRIN_") == "tomas-veldrin"
    arabic = slug("سمير_الواحي_")
    assert arabic.isascii() and arabic == slug("سمير الواحي") and arabic.startswith("smyr-alwahy-")


def test_command_line(snippets, tmp_path: Path, capsys) -> None:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    out = tmp_path / "cli"
    args = parser.parse_args(
        [
            "import-petrarch",
            "--actors",
            str(snippets[0]),
            "--agents",
            str(snippets[1]),
            "--language",
            "en",
            "-o",
            str(out),
        ]
    )
    assert args.func(args) == 0
    printed = capsys.readouterr().out
    assert "actor entries: 7" in printed and "unparseable lines: 3" in printed
    assert str(out / "people.tsv") in printed
    args = parser.parse_args(
        ["import-petrarch", "--actors", str(tmp_path / "missing.txt"), "--language", "ar", "-o", str(out)]
    )
    assert args.func(args) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.corpus
def test_real_universalpetrarch_files(tmp_path: Path) -> None:
    actors_path, agents_path = UNIVERSAL / "actor_dict_ar_v4.txt", UNIVERSAL / "agents.all.ar.txt"
    if not (actors_path.exists() and agents_path.exists()):
        pytest.skip(f"the UniversalPetrarch dictionaries are not in {UNIVERSAL}")
    report = ImportReport()
    actors = parse_actor_dictionary(actors_path, report.problems)
    agents = parse_agent_dictionary(agents_path, report.problems)
    rows = to_rasad_rows(actors, agents, "ar", report)
    write_import(rows, tmp_path, [actors_path, agents_path])
    # floors a little under what was measured (5966 entries, 2010 agent lines, 1117 people, ...)
    assert len(actors) > 5900 and len(agents) > 2000
    assert len(report.problems) < 10
    assert len({r["id"] for r in rows["people.tsv"]}) > 1050 and len(rows["people.tsv"]) > 1800
    assert sum(1 for r in rows["states_press.tsv"] if r.get("ar")) > 150
    assert len(rows["sectors.tsv"]) > 3300
    assert report.skipped["code: IGO without an organisation rasad knows"] > 250  # bare "IGO" codes
    # Bashar al-Assad: SYRGOV from 2000-07-17, still open in the dictionary
    assad = [r for r in rows["people.tsv"] if r["name"] == "بشار الأسد" and r["sector"] == "GOV"]
    assert [(r["id"], r["country"], r["start"], r["end"]) for r in assad] == [
        (slug("بشار_الأسد_"), "SYR", "2000-07-17", "")
    ]
    # Barack Obama's presidency, with a start and an end
    obama = [r for r in rows["people.tsv"] if r["name"] == "باراك اوباما" and r["sector"] == "GOV"]
    assert [(r["country"], r["start"], r["end"]) for r in obama] == [("USA", "2009-01-20", "2017-01-20")]
    assert validate_dictionaries(tmp_path) == []
    assert [row["iso3"] for _, row in read_rows(tmp_path / "states_press.tsv")].count("SYR") == 1
    text = "قال الرئيس السوري بشار الأسد خلال لقائه وفدا برلمانيا في دمشق إن الحوار مستمر."
    hits = ActorMatcher(load_dictionary(tmp_path)).find(normalize(text), "ar")
    people = [
        (text[h.start : h.end], f.concept.key) for h in hits for f in h.forms if f.concept.kind == "person"
    ]
    assert people == [("بشار الأسد", slug("بشار_الأسد_"))]
