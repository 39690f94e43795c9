"""rasad.dates on sentences written the way the Arabic, Persian and English press writes dates."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.dates import FoundDate, find_dates, publication_date, resolve_event_date


def only(text: str, language: str | None = None) -> FoundDate:
    """The single date found in ``text``, checked to slice the text exactly."""
    dates = find_dates(text, language)
    assert len(dates) == 1, dates
    found = dates[0]
    assert text[found.start : found.end] == found.text
    return found


def summary(found: FoundDate | None) -> tuple[str, str, str, str] | None:
    return None if found is None else (found.text, found.date, found.precision, found.calendar)


# --- Gregorian month names, every naming system, ASCII and Eastern digits ------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # English
        ("The talks opened on Monday, 3 March 2014 in Geneva.", ("3 March 2014", "2014-03-03", "day")),
        ("Signed March 3, 2014, by both ministers.", ("March 3, 2014", "2014-03-03", "day")),
        ("The deal dates from Jan. 5, 2020 and was renewed.", ("Jan. 5, 2020", "2020-01-05", "day")),
        ("on the 3rd of March 2014 the troops left", ("3rd of March 2014", "2014-03-03", "day")),
        ("Protests began in December 2019 across the country.", ("December 2019", "2019-12", "month")),
        # Egyptian / Gulf Arabic
        ("اجتمع الوزيران في 20 يناير 2022 بالقاهرة", ("20 يناير 2022", "2022-01-20", "day")),
        ("اجتمع الوزيران في ٢٠ يناير ٢٠٢٢ بالقاهرة", ("٢٠ يناير ٢٠٢٢", "2022-01-20", "day")),
        ("وصل الوفد في 5 إبريل 2021 إلى الرياض", ("5 إبريل 2021", "2021-04-05", "day")),
        ("وصل الوفد في 5 ابريل 2021 إلى الرياض", ("5 ابريل 2021", "2021-04-05", "day")),
        ("أجريت الانتخابات في يونيه 2020 بعد تأجيل", ("يونيه 2020", "2020-06", "month")),
        ("وقعت الاتفاقية في 9 أغسطس 2019", ("9 أغسطس 2019", "2019-08-09", "day")),
        # Levantine / Iraqi
        ("وقع الانفجار في 4 آب 2020 في المرفأ", ("4 آب 2020", "2020-08-04", "day")),
        ("انطلقت الاحتجاجات في ١٧ تشرين الأول ٢٠١٩ في بيروت", ("١٧ تشرين الأول ٢٠١٩", "2019-10-17", "day")),
        ("زار الرئيس موسكو في شباط 1993", ("شباط 1993", "1993-02", "month")),
        ("أعلنت الحكومة في 9 آذار 2021 إغلاقا عاما", ("9 آذار 2021", "2021-03-09", "day")),
        # Maghrebi (French-derived) and Moroccan
        ("تم التوقيع يوم 3 جويلية 2021 بالجزائر", ("3 جويلية 2021", "2021-07-03", "day")),
        ("احتفلت تونس في ١٥ أوت ٢٠٢٠ بعيد المرأة", ("١٥ أوت ٢٠٢٠", "2020-08-15", "day")),
        ("ارتفعت الأسعار في فيفري 2022", ("فيفري 2022", "2022-02", "month")),
        ("صادق البرلمان يوم 20 غشت 2019 على القانون", ("20 غشت 2019", "2019-08-20", "day")),
        ("أجريت الانتخابات في 6 نونبر 2021 بالرباط", ("6 نونبر 2021", "2021-11-06", "day")),
        ("ارتفع التضخم في يوليوز 2018", ("يوليوز 2018", "2018-07", "month")),
        # Persian transliterations
        ("وزیران روز ۱۲ ژانویه ۲۰۲۲ در ژنو دیدار کردند", ("۱۲ ژانویه ۲۰۲۲", "2022-01-12", "day")),
        ("این نشست در 3 مه 2019 برگزار شد", ("3 مه 2019", "2019-05-03", "day")),
        ("قرارداد در ۱۵ ژوئیه ۲۰۲۰ امضا شد", ("۱۵ ژوئیه ۲۰۲۰", "2020-07-15", "day")),
        ("قرارداد در ژوییه ۲۰۲۰ امضا شد", ("ژوییه ۲۰۲۰", "2020-07", "month")),
        ("انتخابات در ۳ نوامبر ۲۰۲۰ برگزار شد", ("۳ نوامبر ۲۰۲۰", "2020-11-03", "day")),
    ],
)
def test_gregorian_month_names(sentence: str, expected: tuple[str, str, str]) -> None:
    found = only(sentence)
    assert (found.text, found.date, found.precision, found.calendar) == (*expected, "gregorian")


# --- solar Hijri: Iranian and Afghan month names --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("این توافق در ۲۱ شهریور ۱۳۹۶ امضا شد", ("۲۱ شهریور ۱۳۹۶", "2017-09-12", "day")),
        ("این توافق در 21 شهریور 1396 امضا شد", ("21 شهریور 1396", "2017-09-12", "day")),
        ("جلسه روز ۱۷ دی‌ماه ۱۴۰۰ برگزار شد", ("۱۷ دی‌ماه ۱۴۰۰", "2022-01-07", "day")),
        ("نوروز، ۱ فروردین ۱۴۰۰ آغاز شد", ("۱ فروردین ۱۴۰۰", "2021-03-21", "day")),
        ("در ۹ آذر ۱۴۰۰ مذاکرات از سر گرفته شد", ("۹ آذر ۱۴۰۰", "2021-11-30", "day")),
        ("قیمت‌ها در فروردین ۱۴۰۱ بالا رفت", ("فروردین ۱۴۰۱", "2022-04", "month")),
        ("شهریورماه ۱۳۹۶ نشست دوم برگزار شد", ("شهریورماه ۱۳۹۶", "2017-09", "month")),
        ("آخرین روز سال، ۳۰ اسفند ۱۳۹۹ بود", ("۳۰ اسفند ۱۳۹۹", "2021-03-20", "day")),
        ("این قانون از سال ۱۳۹۵ اجرا می‌شود", ("سال ۱۳۹۵", "2016", "year")),
    ],
)
def test_solar_hijri_iranian(sentence: str, expected: tuple[str, str, str]) -> None:
    found = only(sentence)
    assert (found.text, found.date, found.precision, found.calendar) == (*expected, "solar_hijri")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("این دیدار به تاریخ 21 سنبله 1396 انجام شد", ("21 سنبله 1396", "2017-09-12", "day")),
        ("این دیدار به تاریخ ۲۱ سنبله ۱۳۹۶ انجام شد", ("۲۱ سنبله ۱۳۹۶", "2017-09-12", "day")),
        ("سال نو در ۱ حمل ۱۴۰۰ آغاز شد", ("۱ حمل ۱۴۰۰", "2021-03-21", "day")),
        ("نیروهای خارجی در ماه اسد ۱۴۰۰ خارج شدند", ("اسد ۱۴۰۰", "2021-08", "month")),
        ("جلسه لویه جرگه در 10 جوزا 1398 برگزار شد", ("10 جوزا 1398", "2019-05-31", "day")),
    ],
)
def test_solar_hijri_afghan(sentence: str, expected: tuple[str, str, str]) -> None:
    found = only(sentence)
    assert (found.text, found.date, found.precision, found.calendar) == (*expected, "solar_hijri_afghan")


# --- lunar Hijri (Umm al-Qura) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("صدر القرار في 15 رمضان 1443 هـ بالرياض", ("15 رمضان 1443 هـ", "2022-04-16", "day")),
        ("صدر القرار في ١٥ رمضان ١٤٤٣ هـ بالرياض", ("١٥ رمضان ١٤٤٣ هـ", "2022-04-16", "day")),
        ("يوافق العيد ١ شوال ١٤٤٣ه‍ هذا العام", ("١ شوال ١٤٤٣ه\u200d", "2022-05-02", "day")),
        ("مراسم عاشورا در ۱۰ محرم ۱۴۴۵ ه.ق برگزار شد", ("۱۰ محرم ۱۴۴۵ ه.ق", "2023-07-28", "day")),
        ("أدى الحجاج المناسك في ذو الحجة 1442 هـ", ("ذو الحجة 1442 هـ", "2021-07", "month")),
        ("وقع الاتفاق في 10 ذي القعدة 1443 هـ", ("10 ذي القعدة 1443 هـ", "2022-06-09", "day")),
        ("این مراسم در ۱۰ ذی‌القعده ۱۴۴۳ قمری بود", ("۱۰ ذی‌القعده ۱۴۴۳ قمری", "2022-06-09", "day")),
        ("ولادت در ۵ ربیع‌الثانی ۱۴۴۴ بود", ("۵ ربیع‌الثانی ۱۴۴۴", "2022-10-30", "day")),
        ("صدر في 5 ربيع الآخر 1444 هـ", ("5 ربيع الآخر 1444 هـ", "2022-10-30", "day")),
        ("میلاد پیامبر در ربیع‌الاول ۱۴۴۴ ه.ق بود", ("ربیع‌الاول ۱۴۴۴ ه.ق", "2022-10", "month")),
        ("صدر في 1 جمادى الأولى 1443 هـ", ("1 جمادى الأولى 1443 هـ", "2021-12-05", "day")),
    ],
)
def test_lunar_hijri(sentence: str, expected: tuple[str, str, str]) -> None:
    found = only(sentence)
    assert (found.text, found.date, found.precision, found.calendar) == (*expected, "lunar_hijri")


# --- numeric forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("20/01/2022", None, ("2022-01-20", "gregorian")),
        ("٢٠/٠١/٢٠٢٢", None, ("2022-01-20", "gregorian")),
        ("2022-01-20", None, ("2022-01-20", "gregorian")),
        ("20.01.2022", None, ("2022-01-20", "gregorian")),
        ("01/20/2022", "en", ("2022-01-20", "gregorian")),  # only the US order is a date
        ("2015-07-21T10:00:00+03:00", None, ("2015-07-21", "gregorian")),
        ("1396/06/21", "fa", ("2017-09-12", "solar_hijri")),
        ("تاریخ: ۱۳۹۶/۰۶/۲۱", None, ("2017-09-12", "solar_hijri")),  # Persian script, no hint
        ("1443/09/15", "ar", ("2022-04-16", "lunar_hijri")),
        ("١٤٤٣/٠٩/١٥ هـ", None, ("2022-04-16", "lunar_hijri")),
    ],
)
def test_numeric_dates(text: str, language: str | None, expected: tuple[str, str]) -> None:
    found = only(text, language)
    assert (found.date, found.calendar, found.precision) == (*expected, "day")


def test_numeric_hijri_year_needs_a_language() -> None:
    assert find_dates("1396/06/21") == []
    assert find_dates("The index was 1396/06/21", "en") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("أبرمت الشركة عام 2006 اتفاقا", ("عام 2006", "2006")),
        ("في سنة 2021، زودت تركيا كازاخستان بطائرات", ("سنة 2021", "2021")),
        ("في سنة ٢٠٢١ زودت تركيا كازاخستان بطائرات", ("سنة ٢٠٢١", "2021")),
        ("The agreement was signed in 2006 in Astana.", ("2006", "2006")),
        ("این طرح در سال ۲۰۲۱ میلادی اجرا شد", ("سال ۲۰۲۱ میلادی", "2021")),
    ],
)
def test_year_precision(sentence: str, expected: tuple[str, str]) -> None:
    found = only(sentence)
    assert (found.text, found.date, found.precision, found.calendar) == (*expected, "year", "gregorian")


# --- the doubled Levantine/Egyptian style: one date, not two ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ذكرت الصحيفة في 12 كانون الثاني (يناير) 2022؛ أن",
            ("12 كانون الثاني (يناير) 2022", "2022-01-12", "day"),
        ),
        ("وقعت في 22 كانون الأول/ ديسمبر 2021 اتفاقية", ("22 كانون الأول/ ديسمبر 2021", "2021-12-22", "day")),
        ("وقعت في ٢٢ كانون الأول/ديسمبر ٢٠٢١ اتفاقية", ("٢٢ كانون الأول/ديسمبر ٢٠٢١", "2021-12-22", "day")),
        ("عقد المؤتمر في آذار (مارس) 1992 في طشقند", ("آذار (مارس) 1992", "1992-03", "month")),
        (
            "بدأت العلاقة في كانون الأول (ديسمبر) من عام 1991",
            ("كانون الأول (ديسمبر) من عام 1991", "1991-12", "month"),
        ),
        ("صدر في يناير/كانون الثاني 2022 تقرير", ("يناير/كانون الثاني 2022", "2022-01", "month")),
        ("صدر في 12 كانون الثاني يناير 2022 تقرير", ("12 كانون الثاني يناير 2022", "2022-01-12", "day")),
    ],
)
def test_doubled_month_names_are_one_date(sentence: str, expected: tuple[str, str, str]) -> None:
    found = only(sentence)
    assert (found.text, found.date, found.precision) == expected


# --- spelling variants, weekdays, marks ---------------------------------------------------------


def test_weekday_before_date_is_tolerated() -> None:
    assert summary(only("الاثنين، ١٠ يناير ٢٠٢٢")) == ("١٠ يناير ٢٠٢٢", "2022-01-10", "day", "gregorian")
    assert summary(only("دوشنبه ۲۰ دی ۱۴۰۰")) == ("۲۰ دی ۱۴۰۰", "2022-01-10", "day", "solar_hijri")
    assert only("Monday, 10 January 2022").date == "2022-01-10"


def test_harakat_and_tatweel_fold_and_offsets_stay_exact() -> None:
    sentence = "وقّعت الدولتان في ١٢ يَنَايِر ٢٠٢٢ اتفاقيـــة"
    assert summary(only(sentence)) == ("١٢ يَنَايِر ٢٠٢٢", "2022-01-12", "day", "gregorian")
    kaf_yeh = "صدر في ۲۱ شهريور ۱۳۹۶ بيان"  # Arabic yeh in a Persian month name
    assert only(kaf_yeh).date == "2017-09-12"


def test_several_dates_in_order_without_overlap() -> None:
    text = "بين 20/01/2022 و 12 كانون الثاني (يناير) 2022 ثم عام 2023"
    dates = find_dates(text)
    assert [d.date for d in dates] == ["2022-01-20", "2022-01-12", "2023"]
    assert all(a.end <= b.start for a, b in pairwise(dates))


# --- ambiguity: names that are also words ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "مارس الجيش ضغوطا كبيرة على المعارضة",  # مارس = practised
        "سجلت الوزارة صفر إصابات جديدة",  # صفر = zero
        "التقى رمضان بالوزراء في القصر",  # a first name
        "سخنرانی بشار اسد در دمشق",  # Assad
        "میزان تورم بالا رفت",  # amount
        "The minister may resign soon.",
        "آذربایجان و ایران توافق کردند",
    ],
)
def test_ambiguous_names_alone_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence) == []
    assert resolve_event_date(sentence, "2022-01-20") is None


def test_adhar_is_levantine_march_and_azar_is_persian_solar() -> None:
    assert summary(only("في 9 آذار 2021")) == ("9 آذار 2021", "2021-03-09", "day", "gregorian")
    assert summary(only("در ۹ آذر ۱۴۰۰")) == ("۹ آذر ۱۴۰۰", "2021-11-30", "day", "solar_hijri")


@pytest.mark.parametrize(
    "text",
    ["31 حوت 1396", "۳۱ اسفند ۱۳۹۹", "30 February 2022", "30/02/2022", "31 صفر 1444 هـ", "1443/13/01 هـ"],
)
def test_invalid_dates_are_skipped(text: str) -> None:
    assert find_dates(text) == []


# --- publication date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ("2015-07-21T10:00:00+03:00", ("2015-07-21", "day", "gregorian")),
        ("Tue, 21 Jul 2015 10:00:00 +0300", ("2015-07-21", "day", "gregorian")),
        ("2015-07-21", ("2015-07-21", "day", "gregorian")),
        ("2015-07", ("2015-07", "month", "gregorian")),
        ("۲۱ شهریور ۱۳۹۶", ("2017-09-12", "day", "solar_hijri")),
    ],
)
def test_publication_date_metadata_wins(metadata: str, expected: tuple[str, str, str]) -> None:
    text = "عنوان الخبر\n01/02/2020\nنص الخبر"
    found = publication_date(text, metadata)
    assert found is not None
    assert (found.date, found.precision, found.calendar) == expected
    assert (found.start, found.end, found.text) == (0, len(metadata), metadata)


def test_unreadable_metadata_falls_back_to_the_text() -> None:
    text = "عنوان الخبر\n\n20/01/2022\n\nنص الخبر الطويل"
    found = publication_date(text, "not a date")
    assert summary(found) == ("20/01/2022", "2022-01-20", "day", "gregorian")
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("20/01/2022", "20/01/2022"),
        ("تاریخ انتشار: ۲۱ شهریور ۱۳۹۶ - ۱۲:۲۸", "۲۱ شهریور ۱۳۹۶"),
        ("Published: March 3, 2014 at 10:00 GMT", "March 3, 2014"),
        ("نشر في: الثلاثاء 21 يوليو 2015", "21 يوليو 2015"),
        ("تاريخ النشر ٢١/٠٧/٢٠١٥ ١٠:٣٠", "٢١/٠٧/٢٠١٥"),
        ("سه‌شنبه ۲۱ شهریور ۱۳۹۶, 12:28 تهران", "۲۱ شهریور ۱۳۹۶"),
        ("کابل - ۲۱ سنبله ۱۳۹۶", "۲۱ سنبله ۱۳۹۶"),
        ("الخميس 20 يناير 2022 - 10:30 م", "20 يناير 2022"),
        ("آخر تحديث: الخميس ٢٠ يناير ٢٠٢٢ | ١٠:٣٠ ص", "٢٠ يناير ٢٠٢٢"),
        ("Thursday, January 20, 2022 10:30 AM", "January 20, 2022"),
        ("Updated: 20.01.2022, 10:30 GMT+3", "20.01.2022"),
        ("۱۴۰۰/۱۰/۳۰ - 2022-01-20", "۱۴۰۰/۱۰/۳۰"),
    ],
)
def test_publication_date_on_a_line_of_its_own(line: str, expected: str) -> None:
    text = f"عنوان خبر درباره قزاقستان\n\n{line}\n\nمتن خبر در اینجا می‌آید و ادامه دارد."
    found = publication_date(text)
    assert found is not None and found.text == expected
    assert text[found.start : found.end] == expected


def test_dates_in_running_sentences_are_not_publication_dates() -> None:
    text = "عنوان\nوقعت الاتفاقية في 12 يناير 2022 بين البلدين.\nوفي عام 2006 أبرمت شركة عقدا."
    assert publication_date(text) is None
    assert publication_date("عنوان\n20 يناير 2022 قتلى في هجوم\nنص") is None
    assert publication_date("") is None


def test_publication_date_searches_only_the_head_and_tail() -> None:
    middle = "\n".join(f"سطر شماره {i} از متن خبر" for i in range(40))
    text = f"عنوان\n{middle[:400]}\n۲۱ شهریور ۱۳۹۶\n{middle}"
    assert publication_date(text) is None
    found = publication_date(f"{text}\n۲۱ شهریور ۱۳۹۶\nنظرات")
    assert found is not None and found.date == "2017-09-12"


# --- event dates: absolute, yearless and relative ------------------------------------------------

PUBLISHED = "2022-01-20"  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an absolute date wins, the most specific one
        ("ذكرت في 12 كانون الثاني (يناير) 2022 أن", ("12 كانون الثاني (يناير) 2022", "2022-01-12", "day")),
        ("أبرمت عام 2006 اتفاقا جدده الطرفان في 3 مارس 2019", ("3 مارس 2019", "2019-03-03", "day")),
        # yearless: the year comes from the publication date
        (
            "وقعت في 22 كانون الأول/ ديسمبر الماضي اتفاقية",
            ("22 كانون الأول/ ديسمبر الماضي", "2021-12-22", "day"),
        ),
        ("في اجتماع المنعقد في آذار/ مارس الماضي", ("آذار/ مارس الماضي", "2021-03", "month")),
        ("حتى 19 كانون الثاني (يناير) الجاري", ("19 كانون الثاني (يناير) الجاري", "2022-01-19", "day")),
        ("في يناير اندلعت الاحتجاجات", ("يناير", "2022-01", "month")),
        ("وفي 28 ديسمبر أعلن الرئيس", ("28 ديسمبر", "2021-12-28", "day")),  # the nearest December 28
        ("the talks resumed last March", ("last March", "2021-03", "month")),
        ("in March last year the army moved", ("March last year", "2021-03", "month")),
        ("این قرارداد ۲۱ شهریور گذشته امضا شد", ("۲۱ شهریور گذشته", "2021-09-12", "day")),
        ("در اسفند سال گذشته امضا شد", ("اسفند سال گذشته", "2021-03", "month")),
        ("في رمضان الماضي اشتدت المعارك", ("رمضان الماضي", "2021-04", "month")),
        # relative words
        ("قال الوزير أمس إن المحادثات ستستمر", ("أمس", "2022-01-19", "day")),
        ("أعلنت الوزارة أول أمس أن", ("أول أمس", "2022-01-18", "day")),
        ("يصل الوفد اليوم إلى الرياض", ("اليوم", "2022-01-20", "day")),
        ("تراجعت الأسعار الشهر الماضي", ("الشهر الماضي", "2021-12", "month")),
        ("وقعت الدولتان العام الماضي اتفاقا", ("العام الماضي", "2021", "year")),
        ("ارتفعت الصادرات في السنة الماضية", ("السنة الماضية", "2021", "year")),
        ("التقى الطرفان الأسبوع الماضي", ("الأسبوع الماضي", "2022-01", "month")),
        ("وزیر خارجه دیروز گفت", ("دیروز", "2022-01-19", "day")),
        ("رئیس جمهور امروز به مسکو رفت", ("امروز", "2022-01-20", "day")),
        ("سال گذشته روسای جمهور دیدار کردند", ("سال گذشته", "2021", "year")),
        ("پارسال این قرارداد امضا شد", ("پارسال", "2021", "year")),
        ("ماه گذشته تحریم‌ها تمدید شد", ("ماه گذشته", "2021-12", "month")),
        ("هفته گذشته مذاکرات آغاز شد", ("هفته گذشته", "2022-01", "month")),
        ("The minister said yesterday that", ("yesterday", "2022-01-19", "day")),
        ("Troops arrived today in the capital", ("today", "2022-01-20", "day")),
        ("Exports fell last year", ("last year", "2021", "year")),
        ("Prices rose last month", ("last month", "2021-12", "month")),
        ("The ministers met on Tuesday in Astana", ("Tuesday", "2022-01-18", "day")),
        ("The ministers met on Thursday in Astana", ("Thursday", "2022-01-20", "day")),
        ("They met last Thursday", ("last Thursday", "2022-01-13", "day")),
        ("أعلنت الوزارة، الاثنين، أن الحدود ستفتح", ("الاثنين", "2022-01-17", "day")),
        ("وصل الوفد يوم الثلاثاء الماضي", ("يوم الثلاثاء الماضي", "2022-01-18", "day")),
        ("روز شنبه نشست برگزار شد", ("روز شنبه", "2022-01-15", "day")),
    ],
)
def test_resolve_event_date(sentence: str, expected: tuple[str, str, str]) -> None:
    found = resolve_event_date(sentence, PUBLISHED)
    assert found is not None
    assert (found.text, found.date, found.precision) == expected
    assert sentence[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Relative words and weekdays are looked for only where their plain text occurs: what the
        # regular expressions match beyond it must still be found.
        ("TALKS RESUMED LAST WEEK", ("LAST WEEK", "2022-01", "month")),  # re.IGNORECASE
        ("Exports fell thıs year", ("thıs year", "2022", "year")),  # ı matches i under IGNORECASE
        ("روز يكشنبه نشست برگزار شد", ("روز يكشنبه", "2022-01-16", "day")),  # «يك شنبه» without a space
        ("روز یک‌شنبه نشست برگزار شد", ("روز یک\u200cشنبه", "2022-01-16", "day")),
        ("They met on SUNDAY", ("SUNDAY", "2022-01-16", "day")),
    ],
)
def test_relative_words_beyond_their_plain_spelling(sentence: str, expected: tuple[str, str, str]) -> None:
    found = resolve_event_date(sentence, PUBLISHED)
    assert found is not None and (found.text, found.date, found.precision) == expected


def test_yearless_dates_cross_the_new_year() -> None:
    assert resolve_event_date("في 3 يناير تعقد القمة", "2022-12-28").date == "2023-01-03"
    assert resolve_event_date("في 28 ديسمبر عقدت القمة", "2022-01-05").date == "2021-12-28"


def test_resolve_event_date_without_published() -> None:
    assert resolve_event_date("قال الوزير أمس إن", None) is None
    assert resolve_event_date("وقعت في 22 كانون الأول/ ديسمبر الماضي", None) is None
    found = resolve_event_date("وقعت في 22 كانون الأول/ ديسمبر 2021", None)
    assert found is not None and found.date == "2021-12-22"


def test_resolve_event_date_nothing_date_like() -> None:
    assert resolve_event_date("وأكد الوزير أهمية التعاون بين البلدين", PUBLISHED) is None
    assert resolve_event_date("بين الاثنين خلافات عميقة", PUBLISHED) is None  # «the two», not Monday
    assert resolve_event_date("در دو سال گذشته روابط گسترش یافت", PUBLISHED) is None  # past two years
    assert resolve_event_date("في اليوم التالي عاد الوفد", PUBLISHED) is None  # the next day


def test_published_precision_limits_relative_dates() -> None:
    assert resolve_event_date("قال أمس", "2022-01") is None  # the day is unknown
    assert resolve_event_date("تراجعت الأسعار الشهر الماضي", "2022-01").date == "2021-12"
    assert resolve_event_date("العام الماضي", "2022").date == "2021"
    assert resolve_event_date("قال أمس", "2022-01-20T23:10:00+03:00").date == "2022-01-19"
    assert resolve_event_date("قال أمس", "not a date") is None


@pytest.mark.parametrize(
    "published", ["0001-01-01", "9999-12-31", "1900-01-01", "2100-06-30", "", "2022-02-30"]
)
def test_extreme_or_broken_published_values_never_raise(published: str) -> None:
    for sentence in ("رمضان الماضي", "قال أمس", "وفي 28 ديسمبر", "شهریور گذشته", "last Tuesday", "next year"):
        found = resolve_event_date(sentence, published)
        assert found is None or sentence[found.start : found.end] == found.text


# --- robustness and speed -----------------------------------------------------------------------

# Pieces of date expressions in every script, shuffled: close enough to dates to reach every branch.
PIECES = [
    *"0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩/.-:,،() \n",
    *"ًٌٍَُِّْـ\u200c\u200dſİ",
    *["يناير", "كانون الثاني", "شهریور", "سنبله", "حوت", "رمضان", "ذو القعدة", "هـ", "ه.ق", "عام", "سال"],
    *["ماه", "آذر", "آذار", "أمس", "March", "May", "Jan.", "last", "Tuesday", "الماضي", "گذشته", "الاثنين"],
]
MIXED = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(MIXED, st.sampled_from([None, "ar", "fa", "en"]))
def test_find_dates_never_raises_and_offsets_slice(text: str, language: str | None) -> None:
    dates = find_dates(text, language)
    for found in dates:
        assert text[found.start : found.end] == found.text
        assert found.precision in ("day", "month", "year")
    assert all(a.end <= b.start for a, b in pairwise(dates))
    for found in (publication_date(text, None, language), resolve_event_date(text, "2022-01-20", language)):
        assert found is None or text[found.start : found.end] == found.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    for found in find_dates(text):
        assert text[found.start : found.end] == found.text
    publication_date(text, text)
    resolve_event_date(text, "2022-01-20")


def test_latest_date_is_the_end_of_the_latest_period_the_text_dates() -> None:
    from rasad.dates import latest_date

    assert latest_date("في سنة 2021 زوّدت تركيا كازاخستان بطائرات.", "ar") == "2021-12-31"
    assert latest_date("در آذر ۱۳۹۵ و در ۲۰ دی ۱۳۹۵ دیدار کردند.", "fa") == "2017-01-09"
    assert latest_date("No date here.", "en") is None
