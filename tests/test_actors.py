"""Actors on the user's seeds and on sentences we wrote: who is who, with exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.actors.dictionary import load_dictionary, validate_dictionaries
from rasad.actors.resolve import find_actor_mentions
from rasad.document import RawDocument
from rasad.pipeline import analyse, code_document
from rasad.text.normalize import normalize

DATA = Path(__file__).resolve().parent.parent / "src" / "rasad" / "actors" / "data"


@pytest.fixture(scope="module")
def seed_records(seed_texts: dict[str, str]) -> dict[str, dict]:
    return {key: code_document(RawDocument(text)) for key, text in seed_texts.items()}


def _entity(record: dict, kind: str, key: str) -> dict:
    found = [e for e in record["entities"] if e["kind"] == kind and e["id"] == key]
    assert found, f"{kind} {key} not among {[e['id'] for e in record['entities']]}"
    return found[0]


def _texts(entity: dict) -> set[str]:
    return {mention["text"] for mention in entity["mentions"]}


def test_every_mention_slices_the_original_text(seed_records, seed_texts) -> None:
    for key, record in seed_records.items():
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert seed_texts[key][mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize(
    ("seed", "states", "igos"),
    [
        ("000", {"KAZ", "ISR", "GEO", "USA", "RUS", "TUR"}, {"NATO"}),
        ("001", {"ISR", "KAZ", "RUS", "TUR", "UZB", "USA", "IRN", "ARM", "KGZ", "TJK"}, {"CSTO", "UNSC"}),
        ("002", {"KAZ", "RUS", "USA", "CHN", "UKR", "TUR"}, {"NATO", "CSTO", "SCO"}),
        ("003", {"KAZ", "AFG", "IND", "RUS", "USA", "CHN"}, {"OIC", "SCO"}),
        ("004", {"KAZ", "TUR", "RUS", "FRA", "USA", "UKR", "CHN", "AFG"}, {"NATO", "CSTO", "OTS"}),
    ],
)
def test_states_and_organisations_each_seed_speaks_of(seed_records, seed, states, igos) -> None:
    record = seed_records[seed]
    assert states <= {e["id"] for e in record["entities"] if e["kind"] == "state"}
    assert igos <= {e["id"] for e in record["entities"] if e["kind"] == "igo"}
    assert all(e["country"] is None for e in record["entities"] if e["kind"] == "igo")


def test_israel_under_its_epithets_and_capital_and_kazakhstan_as_astana(seed_records) -> None:
    assert {"رژیم صهیونیستی", "این رژیم"} <= _texts(_entity(seed_records["000"], "state", "ISR"))
    assert "آستانه" in _texts(_entity(seed_records["000"], "state", "KAZ"))
    israel_001 = _texts(_entity(seed_records["001"], "state", "ISR"))
    assert {"تل أبيب", "دولة الاحتلال", "الكيان", "إسرائيل"} <= israel_001
    assert "أستانا" in _texts(_entity(seed_records["002"], "state", "KAZ"))


@pytest.mark.parametrize(
    ("seed", "person", "country"),
    [
        ("001", "Nursultan Nazarbayev", "KAZ"),
        ("001", "Kassym-Jomart Tokayev", "KAZ"),
        ("001", "Benjamin Netanyahu", "ISR"),
        ("003", "Ashraf Ghani", "AFG"),
        ("003", "Nursultan Nazarbayev", "KAZ"),
        ("002", "Ruslan Zhaksylykov", "KAZ"),
        ("002", "Daniel Rosenblum", "USA"),
        ("004", "Kassym-Jomart Tokayev", "KAZ"),
    ],
)
def test_people_resolve_with_their_country(seed_records, seed, person, country) -> None:
    assert _entity(seed_records[seed], "person", person)["country"] == country


def test_unknown_officials_take_country_and_sector_from_apposition(seed_texts) -> None:
    analysis = analyse(RawDocument(seed_texts["000"]))
    deputy = [m for m in analysis.actors if m.kind == "person" and m.text == "مراد مائیر مانوف"]
    assert [(m.country, m.sector, m.rule) for m in deputy] == [("KAZ", "MIL", "apposition")]
    ministry = [m for m in analysis.actors if m.text == "وزارت دفاع قزاقستان"]
    assert [(m.country, m.sector) for m in ministry] == [("KAZ", "MIL")]


def test_nothing_is_taken_from_boilerplate_lines(seed_texts) -> None:
    analysis = analyse(RawDocument(seed_texts["001"]))
    for mention in analysis.actors:
        assert not analysis.in_boilerplate(mention.start, mention.end), mention.text


def test_the_two_countries_and_this_country_resolve_to_the_states_named_before(seed_texts) -> None:
    analysis = analyse(RawDocument(seed_texts["003"]))
    pair = {m.country for m in analysis.actors if m.text == "دو کشور"}
    assert pair == {"KAZ", "AFG"}


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("وقالت وزارة الخارجية التركية إن الوزير سيزور أستانا.", "ar", ("TUR", "GOV")),
        ("أعلن الجيش الإسرائيلي أنه قصف مواقع في غزة.", "ar", ("ISR", "MIL")),
        ("سخنگوی وزارت امور خارجه ایران این خبر را تکذیب کرد.", "fa", ("IRN", "GOV")),
        ("Kazakhstan's defence ministry denied the report on Tuesday.", "en", ("KAZ", "MIL")),
        ("The Turkish foreign ministry summoned the ambassador.", "en", ("TUR", "GOV")),
    ],
)
def test_sector_actors_take_the_country_written_next_to_them(sentence, language, expected) -> None:
    composites = [
        (m.country, m.sector)
        for m in find_actor_mentions(normalize(sentence), language)
        if m.kind == "sector" and m.country
    ]
    assert expected in composites


def test_clitics_and_nisba_adjectives_are_recognised() -> None:
    sentence = "ووصل الوفد الكازاخستاني إلى موسكو، وبالتزامن التقى وزير الخارجية بنظيره لروسيا."
    mentions = find_actor_mentions(normalize(sentence), "ar")
    states = [(m.text, m.country) for m in mentions if m.kind == "state"]
    assert ("كازاخستاني", "KAZ") in states
    assert ("موسكو", "RUS") in states
    assert ("روسيا", "RUS") in states


def test_a_word_containing_a_name_is_not_that_name() -> None:
    # "مجريات" (the course of events) holds "مجري" (Hungarian); "دوماً" (always) is not the Duma.
    sentence = "تتابع إسرائيل مجريات الأحداث دوماً باهتمام."
    countries = {m.country for m in find_actor_mentions(normalize(sentence), "ar") if m.country}
    assert countries == {"ISR"}


def test_astana_is_not_the_persian_phrase_on_the_eve_of() -> None:
    eve = find_actor_mentions(normalize("ایران در آستانه نشست شانگهای قرار دارد."), "fa")
    assert "KAZ" not in {m.country for m in eve}
    capital = find_actor_mentions(normalize("واشنگتن با آستانه قرارداد بست."), "fa")
    assert "KAZ" in {m.country for m in capital}


def test_title_without_a_name_is_the_office_holder_on_the_article_date() -> None:
    text = "استقبل الرئيس الكازاخستاني وزير الخارجية التركي في العاصمة."
    in_2017 = find_actor_mentions(normalize(text), "ar", "2017-09-12")
    in_2022 = find_actor_mentions(normalize(text), "ar", "2022-01-20")
    assert "nursultan-nazarbayev" in {m.key for m in in_2017 if m.kind == "person"}
    assert "kassym-jomart-tokayev" in {m.key for m in in_2022 if m.kind == "person"}


def test_packaged_dictionaries_are_valid_and_complete() -> None:
    assert validate_dictionaries() == []
    dictionary = load_dictionary()
    states = {c.key for c in dictionary.concepts if c.kind == "state"}
    assert len(states) >= 195
    igos = {c.key for c in dictionary.concepts if c.kind == "igo"}
    assert {"NATO", "CSTO", "SCO", "OIC", "OTS", "UN", "EU", "ARL", "GCC", "CIS", "EAEU", "IAEA"} <= igos


def _copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for source in DATA.glob("*.tsv"):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_validator_rejects_duplicate_keys_unknown_codes_and_overlapping_terms(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    with (folder / "igos.tsv").open("a", encoding="utf-8") as handle:
        handle.write("NATO\tDuplicate alliance\tDup\t\t\n")
    with (folder / "capitals.tsv").open("a", encoding="utf-8") as handle:
        handle.write("XQZ\tcapital\tNowhere\t\t\n")
    with (folder / "people.tsv").open("a", encoding="utf-8") as handle:
        handle.write(
            "test-person\t\tTest Person\tKAZ\tPresident\tGOV\t2001-01-01\t2005-01-01\tTest Person\t\t\t\n"
        )
        handle.write(
            "test-person\t\tTest Person\tKAZ\tPresident\tGOV\t2004-06-01\t2008-01-01\tTest Person\t\t\t\n"
        )
        handle.write("other-person\t\tOther Person\tKAZ\tMinister\tXYZ\t2001\t\tOther Person\t\t\t\n")
    problems = validate_dictionaries(folder)
    assert any("duplicate key NATO" in p for p in problems)
    assert any("unknown country code 'XQZ'" in p for p in problems)
    assert any("test-person's term as President overlaps" in p for p in problems)
    assert any("unknown sector code 'XYZ'" in p for p in problems)


def test_office_terms_compare_at_the_coarser_precision() -> None:
    from rasad.actors.dictionary import Term

    term = Term("President", "GOV", "KAZ", None, "2019-03-20", "2025")
    assert term.covers("2025-05-01")  # an end written as a year includes that whole year
    assert term.covers("2019-03")
    assert not term.covers("2019-03-19")
    assert not term.covers("2026-01-01")


@pytest.mark.parametrize(
    ("sentence", "group", "country"),
    [
        ("هاجمت حركة طالبان قاعدة عسكرية في ولاية هلمند.", "Taliban", "AFG"),
        ("طالبان به پایگاه نظامی در هلمند حمله کرد.", "Taliban", "AFG"),
        ("أطلقت كتائب القسام صواريخ على إسرائيل.", "Izz ad-Din al-Qassam Brigades", "PSE"),
        ("Hezbollah fighters attacked an army post in southern Syria.", "Hezbollah", "LBN"),
    ],
)
def test_armed_groups_are_organisations_of_their_country_and_act_as_rebels(sentence, group, country) -> None:
    record = code_document(RawDocument(sentence, published="2021-08-01"))
    assert _entity(record, "organization", group)["country"] == country
    assaults = [e for e in record["events"] if e["event"] == "ASSAULT"]
    assert [(e["actor"]["code"], e["actor"]["sector"]) for e in assaults] == [(country, "REB")]
