"""The text layer on real sentences: normalisation with offsets, language, sentences, boilerplate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.text.boilerplate import find_boilerplate, load_patterns, validate_patterns
from rasad.text.langid import identify_language
from rasad.text.normalize import normalize, normalize_string
from rasad.text.segment import split_sentences

ARABIC_SCRIPT = st.text(
    alphabet=st.sampled_from(list("اأإآبتةثجحخدذرزسشصضطظعغفقكلمنهويىئؤءکیپچژگ ًٌٍَُِّْـ\u200c\u200d۱٢.،؟\n ﻛﺸﻔﺖﻻ")),
    max_size=200,
)


# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant_a", "variant_b"),
    [
        ("إسرائيل", "اسرائیل"),  # Arabic hamza/yeh vs Persian spelling
        ("كازاخستان", "کازاخستان"),  # Arabic kaf vs Persian keheh
        ("وقّعت", "وقعت"),  # shadda
        ("الاتفاقيـــة", "الاتفاقية"),  # tatweel
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("همکاری‌ها", "همکاری ها"),  # ZWNJ
        ("۲۰۲۲", "٢٠٢٢"),  # Persian vs Arabic-Indic digits
        ("٢٠٢٢", "2022"),
        ("NATO", "nato"),
        ("ﻛﺸﻔﺖ ﻣﺼﺎﺩﺭ", "كشفت مصادر"),  # presentation-form glyphs from old sites
    ],
)
def test_spelling_variants_fold_to_one_form(variant_a: str, variant_b: str) -> None:
    assert normalize_string(variant_a) == normalize_string(variant_b)


def test_match_on_normalised_text_slices_the_original() -> None:
    original = "وقّعت كازاخستانُ اتفاقيةً مع إسرائيل في ٢٠٢١"
    norm = normalize(original)
    at = norm.text.index("اسراييل")
    start, end = norm.span_to_original(at, at + len("اسراييل"))
    assert original[start:end] == "إسرائيل"
    at = norm.text.index("كازاخستان")
    start, end = norm.span_to_original(at, at + len("كازاخستان"))
    assert original[start:end] == "كازاخستانُ"  # the case ending belongs to the word
    at = norm.text.index("2021")
    assert original[slice(*norm.span_to_original(at, at + 4))] == "٢٠٢١"


@settings(max_examples=300, deadline=None)
@given(ARABIC_SCRIPT)
def test_normalisation_offsets_always_map_back_and_it_is_idempotent(text: str) -> None:
    norm = normalize(text)
    assert normalize_string(norm.text) == norm.text
    previous = -1
    for index, char in enumerate(norm.text):
        original_index = norm.to_original(index)
        assert original_index > previous
        previous = original_index
        assert normalize_string(text[original_index]) == char
    assert norm.to_original(len(norm.text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(ARABIC_SCRIPT)
def test_bulk_and_inverse_offset_maps_agree_with_the_one_at_a_time_map(text: str) -> None:
    norm = normalize(text)
    for original in range(len(text) + 2):
        # The inverse: the first normalised position at or after the original offset.
        expected = next((i for i in range(len(norm.text)) if norm.to_original(i) >= original), len(norm.text))
        assert norm.to_normalized(original) == expected
    words = [(i, i + 2) for i in range(0, len(norm.text) - 1, 3)] + [(len(norm.text), len(norm.text))]
    assert norm.spans_to_original(words) == [norm.span_to_original(*span) for span in words]
    # Normalisation is character by character: a slice's normal form is the normalised text between
    # its offsets, which is what lets the pipeline share one normalisation between stages.
    for start in range(0, len(text), 7):
        end = min(len(text), start + 11)
        assert (
            normalize_string(text[start:end])
            == norm.text[norm.to_normalized(start) : norm.to_normalized(end)]
        )
    assert find_boilerplate(text, norm) == find_boilerplate(text)


# --- language identification ----------------------------------------------------------------


def test_seed_languages(seed_texts: dict[str, str]) -> None:
    detected = [identify_language(seed_texts[key]) for key in sorted(seed_texts)]
    assert detected == ["fa", "ar", "ar", "fa", "ar"]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("وزارت دفاع قزاقستان اعلام کرد که با اسرائیل همکاری می‌کند.", "fa"),
        ("وزارت دفاع قزاقستان اعلام كرد كه با اسرائيل همكاري مي كند.", "fa"),  # typed with Arabic ي/ك
        ("أعلنت وزارة الدفاع الكازاخستانية أنها ستتعاون مع إسرائيل.", "ar"),
        ("Kazakhstan's defence ministry said it would cooperate with Israel.", "en"),
        ("Le ministère kazakh de la Défense coopérera avec Israël.", "fr"),
        ("Министерство обороны Казахстана заявило о сотрудничестве.", "ru"),
        ("Kazakistan Savunma Bakanlığı İsrail ile işbirliği yapacağını açıkladı.", "tr"),
        ("2022/01/20 — 12:28", "und"),
        ("ﻛﺸﻔﺖ ﻣﺼﺎﺩﺭ ﻣﻄﻠﻌﺔ ﻓﻲ ﺍﻟﻤﻘﺎﻭﻣﺔ ﺍﻟﺸﻌﺒﻴﺔ ﻋﻦ ﺗﻮﺍﺟﺪ ﻋﻨﺎﺻﺮ", "ar"),  # presentation forms
    ],
)
def test_language_of_short_news_sentences(sentence: str, language: str) -> None:
    assert identify_language(sentence) == language


# --- sentences ------------------------------------------------------------------------------


def test_persian_stop_without_space_and_arabic_clause_marks() -> None:
    text = "روسیه نگران است.برخی ناظران معتقدند که این قرارداد مهم است، اما؛ نه برای همه؟ بله"
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        "روسیه نگران است.",
        "برخی ناظران معتقدند که این قرارداد مهم است، اما؛ نه برای همه؟",
        "بله",
    ]


def test_english_abbreviations_numbers_and_arabic_two_dot_pause() -> None:
    text = "The U.S. envoy met Dr. Ahmadi on Jan. 5 and pledged 3.5 million. Talks went on.\nكازاخستان.. لا بديل لروسيا."
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        "The U.S. envoy met Dr. Ahmadi on Jan. 5 and pledged 3.5 million.",
        "Talks went on.",
        "كازاخستان.. لا بديل لروسيا.",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300) | ARABIC_SCRIPT)
def test_sentences_cover_every_visible_character_in_order(text: str) -> None:
    sentences = split_sentences(text)
    covered = set()
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == text[sentence.start : sentence.end].strip()
        covered.update(range(sentence.start, sentence.end))
        previous_end = sentence.end
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


# --- boilerplate ----------------------------------------------------------------------------


def test_related_links_share_prompts_and_comments_in_the_seeds(seed_texts: dict[str, str]) -> None:
    text = seed_texts["001"]
    marked = {text[s.start : s.end] for s in find_boilerplate(text) if s.kind == "related"}
    related_lines = {line.strip() for line in text.split("\n") if line.strip().startswith("اقرأ أيضاً")}
    assert len(related_lines) == 5
    assert marked == related_lines
    tail = {s.kind for s in find_boilerplate(seed_texts["004"])}
    assert tail == {"share"}
    assert [seed_texts["003"][s.start : s.end] for s in find_boilerplate(seed_texts["003"])] == ["Comments"]


def test_article_sentences_are_not_boilerplate(seed_texts: dict[str, str]) -> None:
    for key in ("000", "002"):
        assert find_boilerplate(seed_texts[key]) == []


def test_pull_quote_and_persian_english_prompts() -> None:
    text = (
        "وقال الوزير إن بلاده ستوقع الاتفاق مع تركيا قريباً جداً في أنقرة.\n"
        "بلاده ستوقع الاتفاق مع تركيا قريباً جداً\n"
        "بیشتر بخوانید: سفر وزیر خارجه به مسکو\n"
        "Read more: Ministers meet in Astana\n"
        "Share this article\n"
    )
    kinds = [(text[s.start : s.end], s.kind) for s in find_boilerplate(text)]
    assert kinds == [
        ("بلاده ستوقع الاتفاق مع تركيا قريباً جداً", "repeated"),
        ("بیشتر بخوانید: سفر وزیر خارجه به مسکو", "related"),
        ("Read more: Ministers meet in Astana", "related"),
        ("Share this article", "share"),
    ]


def test_packaged_table_loads_and_validator_rejects_broken_rows(tmp_path) -> None:
    assert load_patterns()
    problems = validate_patterns(
        {"patterns": [{"lang": "xx", "kind": "related", "pattern": "("}, {"lang": "ar", "kind": "odd"}]}
    )
    assert any("lang" in p for p in problems)
    assert any("bad regular expression" in p for p in problems)
    assert any("kind" in p for p in problems)
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "patterns:\n  - {lang: ar, kind: related, pattern: 'a'}\n  - {lang: ar, kind: related, pattern: 'a'}\n"
    )
    with pytest.raises(ValueError, match="duplicate pattern"):
        load_patterns(str(broken))
