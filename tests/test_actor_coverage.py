"""Actor coverage: office holders of 2014-2021, guarded family names and self-references.

The sentences are ours, written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.actors.dictionary import data_folder, validate_dictionaries
from rasad.actors.resolve import find_actor_mentions
from rasad.document import RawDocument
from rasad.pipeline import code_document
from rasad.text.normalize import normalize


def _key(side: dict | None) -> str | None:
    """A side as the dev scorer reads it: its organisation, else its country."""
    return None if side is None else side["org"] or side["code"]


def _tuples(text: str, published: str) -> set[tuple[str | None, str | None, str]]:
    record = code_document(RawDocument(text, published=published))
    return {(_key(e["actor"]), _key(e["recipient"]), e["event"]) for e in record["events"]}


def _mentions(text: str, language: str, published: str) -> list:
    return find_actor_mentions(normalize(text), language, published)


def test_a_defence_minister_of_2016_is_known_by_name() -> None:
    mentions = _mentions("استقبل خالد العطية وفدا عسكريا في الدوحة.", "ar", "2016-05-01")
    assert [(m.key, m.country, m.sector) for m in mentions if m.kind == "person"] == [
        ("khalid-al-attiyah", "QAT", "MIL")
    ]


def test_a_guarded_surname_names_the_person_after_the_full_name() -> None:
    text = "وصل محمد جواد ظريف إلى مسقط. والتقى ظريف نظيره العماني يوسف بن علوي."
    assert ("IRN", "OMN", "CONSULT") in _tuples(text, "2019-06-01")


def test_a_guarded_surname_alone_is_a_word() -> None:
    mentions = _mentions("كان الحديث ظريف والجو لطيفا في الأسد الجريح.", "ar", "2019-06-01")
    assert not [m for m in mentions if m.kind == "person"]


def test_a_guarded_surname_after_a_title_names_the_person() -> None:
    mentions = _mentions("وقال رئيس الحكومة الصيد إن الوضع مستقر.", "ar", "2015-07-20")
    assert [m.key for m in mentions if m.kind == "person"] == ["habib-essid"]


def test_the_eu_foreign_policy_chief_codes_as_the_eu() -> None:
    text = "التقى جوزيب بوريل وزير الخارجية الأردني أيمن الصفدي في بروكسل."
    assert ("EU", "JOR", "CONSULT") in _tuples(text, "2020-02-01")


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("ظریف گفت کشورمان آماده همکاری با همسایگان است.", "fa", "IRN"),
        ("وأكد عادل الجبير أن بلاده لن تقبل التدخل في شؤونها.", "ar", "SAU"),
        ("قال مسؤول سوداني إن إيران أوقفت مشروعات في بلاده.", "ar", "SDN"),
    ],
)
def test_our_country_is_the_speakers_country(text: str, language: str, country: str) -> None:
    text = ("محمد جواد ظریف وارد مسقط شد. " if language == "fa" else "") + text
    mentions = _mentions(text, language, "2016-01-10")
    assert [m.country for m in mentions if m.form_role == "self"] == [country]


def test_our_country_without_a_speaker_is_left_alone() -> None:
    mentions = _mentions("کشورمان در این زمینه پیشرفت کرده است.", "fa", "2020-01-10")
    assert not [m for m in mentions if m.form_role == "self"]


def test_our_country_after_a_title_without_a_country_is_left_alone() -> None:
    text = "وزیر خارجه از کمک‌های آذربایجان به مبارزه کشورمان با ویروس قدردانی کرد."
    mentions = _mentions(text, "fa", "2020-03-10")
    assert not [m for m in mentions if m.form_role == "self"]


def test_a_guarded_name_after_a_title_but_followed_by_more_name_is_someone_else() -> None:
    mentions = _mentions("وقال الوزير سعيد النقيب إن الوضع مستقر.", "ar", "2020-01-10")
    assert not [m for m in mentions if m.kind == "person"]


def test_the_checker_rejects_a_surname_row_without_a_known_person(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for source in Path(data_folder()).glob("*.tsv"):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    with (folder / "surnames.tsv").open("a", encoding="utf-8") as handle:
        handle.write("nobody-at-all\tar\tفلان\ta test row\n")
    assert any(p.startswith("surnames.tsv:") for p in validate_dictionaries(folder))


# Round 3 (branch actors3): names found by ranking the unresolved names of the news corpora.


@pytest.mark.parametrize(
    ("text", "language", "published", "org"),
    [
        ("صندوق پول درخواست وام ایران را بررسی می‌کند.", "fa", "2020-04-10", "IMF"),
        ("وتوقع صندوق النقد تباطؤ النمو في المنطقة.", "ar", "2015-07-20", "IMF"),
        ("موسی فکی محمد از دو طرف خواست آتش‌بس را رعایت کنند.", "fa", "2020-06-01", "AU"),
    ],
)
def test_organisation_short_forms_and_officials_code_as_the_organisation(
    text: str, language: str, published: str, org: str
) -> None:
    mentions = _mentions(text, language, published)
    assert [m.org for m in mentions if m.org] == [org]


@pytest.mark.parametrize(
    ("text", "language", "published", "key", "country", "sector"),
    [
        (
            "قال رئيس الوزراء أليكسيس تسيبراس إن المفاوضات صعبة.",
            "ar",
            "2015-07-20",
            "alexis-tsipras",
            "GRC",
            "GOV",
        ),
        (
            "زار الأمير متعب بن عبدالله المصابين في المستشفى.",
            "ar",
            "2015-08-01",
            "mutaib-bin-abdullah",
            "SAU",
            "MIL",
        ),
        ("آویو کوخاوی درباره جبهه شمالی هشدار داد.", "fa", "2020-02-10", "aviv-kochavi", "ISR", "MIL"),
        ("نانسی پلوسی از تصمیم دولت انتقاد کرد.", "fa", "2020-01-08", "nancy-pelosi", "USA", "LEG"),
        (
            "وقال سليم الجبوري إن البرلمان سيناقش القانون.",
            "ar",
            "2015-08-01",
            "salim-al-jabouri",
            "IRQ",
            "LEG",
        ),
        ("عباس کامل با هیئت سودانی دیدار کرد.", "fa", "2020-03-01", "abbas-kamel", "EGY", "SPY"),
    ],
)
def test_frequent_office_holders_of_the_corpora_are_known(
    text: str, language: str, published: str, key: str, country: str, sector: str
) -> None:
    people = [m for m in _mentions(text, language, published) if m.kind == "person"]
    assert [(m.key, m.country, m.sector) for m in people] == [(key, country, sector)]


def test_saudi_ministers_of_2014_and_2015_are_known_by_name() -> None:
    text = "صرح خالد الفالح بأن الوزارة ستواصل العمل."
    assert [m.sector for m in _mentions(text, "ar", "2015-09-01") if m.kind == "person"] == ["GOV"]
    mentions = _mentions("قال خالد الفيصل إن الوزارة ستطور المناهج.", "ar", "2014-06-01")
    assert [(m.key, m.country) for m in mentions if m.kind == "person"] == [("khalid-al-faisal", "SAU")]


def test_a_saudi_region_governor_title_names_saudi_arabia() -> None:
    mentions = _mentions("استقبل أمير منطقة عسير السفير الفرنسي.", "ar", "2015-07-20")
    assert [(m.country, m.sector) for m in mentions if m.text == "أمير منطقة"] == [("SAU", "GOV")]


def test_the_un_yemen_envoys_short_name_needs_the_full_name_first() -> None:
    alone = _mentions("وقال ولد الشيخ إن الحوار مستمر.", "ar", "2015-07-20")
    assert not [m for m in alone if m.kind == "person"]
    text = "وصل إسماعيل ولد الشيخ أحمد إلى صنعاء. وقال ولد الشيخ إن الحوار مستمر."
    people = [m for m in _mentions(text, "ar", "2015-07-20") if m.kind == "person"]
    assert [(m.key, m.org) for m in people] == [("ismail-ould-cheikh-ahmed", "UN")] * 2


def test_a_word_that_is_also_a_princes_name_needs_the_full_name_first() -> None:
    assert not [m for m in _mentions("كان الطريق متعب جدا.", "ar", "2015-07-20") if m.kind == "person"]
    text = "زار الأمير متعب بن عبدالله الجرحى. وحرص الأمير متعب على لقاء الأطباء."
    people = [m for m in _mentions(text, "ar", "2015-07-20") if m.kind == "person"]
    assert [m.key for m in people] == ["mutaib-bin-abdullah"] * 2


@pytest.mark.parametrize(
    ("text", "published", "key", "country"),
    [
        ("نیکلاس مادورو از کمک‌های ایران قدردانی کرد.", "2020-05-25", "nicolas-maduro", "VEN"),
        ("بشار الجعفری در نشست شورای امنیت سخنرانی کرد.", "2019-12-20", "bashar-al-jaafari", "SYR"),
        ("میخائیل اولیانوف درباره گزارش آژانس توضیح داد.", "2020-03-05", "mikhail-ulyanov", "RUS"),
        ("ماهاتیر محمد از سمت خود استعفا داد.", "2020-02-24", "mahathir-mohamad", "MYS"),
    ],
)
def test_foreign_officials_named_before_their_title_in_persian_are_known(
    text: str, published: str, key: str, country: str
) -> None:
    people = [m for m in _mentions(text, "fa", published) if m.kind == "person"]
    assert [(m.key, m.country) for m in people] == [(key, country)]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("پیتر استانو از تصمیم واشنگتن ابراز تأسف کرد.", "EU"),
        ("جنین هنیس پلاسخارت از معترضان بغداد خواست آرام باشند.", "UN"),
        ("رزماری دیکارلو به شورای امنیت گزارش داد.", "UN"),
    ],
)
def test_international_civil_servants_code_as_their_organisation(text: str, org: str) -> None:
    people = [m for m in _mentions(text, "fa", "2020-01-15") if m.kind == "person"]
    assert [(m.org, m.country) for m in people] == [(org, None)]
