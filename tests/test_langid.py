"""Language identification: the function-word short-cuts must say what lingua says, or nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rasad.text import langid
from rasad.text.langid import identify_language, load_model_for, script_needing_model

# Written for these tests: clear French and Turkish news, with a few English-looking words.
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré jeudi son homologue russe à Moscou pour "
    "discuter de la situation en Syrie et des sanctions, a indiqué le porte-parole du ministère."
)
TURKISH = (
    "Dışişleri Bakanı perşembe günü Moskova'da Rus mevkidaşı ile bir araya geldi ve Suriye'deki "
    "durumu ve yaptırımları görüştü; bakanlık sözcüsü görüşmenin olumlu geçtiğini söyledi."
)


def _english_texts(root: Path) -> list[str]:
    """Every English text of the events corpora: PETR2 news passages and PLOVER examples."""
    petr2 = (root / "events-en" / "universalpetrarch" / "PETR2_GSR_validation.xml").read_text(
        encoding="utf-8", errors="replace"
    )
    texts = [text.strip() for text in re.findall(r"<Text>(.*?)</Text>", petr2, re.S)]
    plover = json.loads((root / "events-en" / "plover-gsr-cameo.json").read_text(encoding="utf-8"))
    texts += [item["eventText"] for item in plover if item.get("eventText")]
    return [text for text in texts if langid.dominant_script(text) == "latin"]


def _lingua(text: str) -> str | None:
    language = langid._detector("latin").detect_language_of(text[: langid.SAMPLE_CHARS])
    return language.iso_code_639_1.name.lower() if language else None


def test_english_short_cut_says_what_lingua_says_on_real_english(corpora_root: Path) -> None:
    texts = _english_texts(corpora_root)
    decided = [text for text in texts if langid._english_by_function_words(text)]
    # The longer news passages are decided; a one-line example is left to lingua.
    assert decided and all(len(text) > 150 for text in decided)
    assert [_lingua(text) for text in decided] == ["en"] * len(decided)


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (TURKISH, "tr")])
def test_english_short_cut_leaves_other_latin_languages_to_lingua(text: str, language: str) -> None:
    assert langid._english_by_function_words(text) is None
    assert identify_language(text) == language


def test_load_model_for_loads_no_model_where_a_short_cut_decides(corpora_root: Path) -> None:
    english = max(_english_texts(corpora_root), key=len)
    langid._detector.cache_clear()
    load_model_for(english)
    assert langid._detector.cache_info().currsize == 0
    assert identify_language(english) == "en"
    load_model_for(FRENCH)
    assert langid._detector.cache_info().currsize == 1


def test_a_script_needs_its_model_only_where_no_short_cut_decides() -> None:
    """The pool loads a whole model before forking only for texts that need one."""
    article = (
        "قال وزير الخارجية إن المملكة ستوقع اتفاقا مع إيران في الشهر المقبل، وإن الوفد الذي زار "
        "طهران بحث مع المسؤولين هناك التعاون في مجال الطاقة، وقد أكد أن هذه الخطوة كانت متوقعة."
    )
    assert script_needing_model(article) is None
    assert script_needing_model("وزير الخارجية") == "arabic"
    assert script_needing_model("The minister said it would sign the deal") == "latin"
    assert script_needing_model("12345") is None


def test_a_few_latin_letters_are_not_identified_and_load_no_model() -> None:
    """Debris in Arabic news ("Array", a credit line) must not make a worker load the Latin models
    (3 s) to guess a language; an Arabic-script name is still told, its model is the one news needs."""
    langid._detector.cache_clear()
    assert identify_language(" Array ") == "und"
    assert identify_language("AFP / Getty") == "und"
    assert langid._detector.cache_info().currsize == 0
    assert identify_language("The minister said it would sign the deal") == "en"
    assert langid._detector.cache_info().currsize == 1
    assert identify_language("لويس انريكي") == "ar"


def test_two_function_words_of_one_side_and_none_of_the_other_decide_a_short_text() -> None:
    """A caption or a brief rarely has five function words; two with none of the other language's
    settle it without lingua."""
    arabic = "وصل الوزير إلى الرياض في زيارة رسمية"  # إلى, في
    persian = "وزیر خارجه با همتای روسی خود دیدار کرد"  # با, کرد
    mixed = "وزير الخارجية في تهران با همتای خود"  # في against با: lingua decides
    assert (script_needing_model(arabic), identify_language(arabic)) == (None, "ar")
    assert (script_needing_model(persian), identify_language(persian)) == (None, "fa")
    assert script_needing_model(mixed) == "arabic"


def _news_sentences(root: Path) -> list[tuple[str, str]]:
    """(language, sentence) of the Arabic and Persian news NER test sets."""
    from rasad.eval.ner import read_anercorp, read_peyma

    arabic = read_anercorp(root / "ner-ar" / "anercorp" / "ANERCorp_CamelLab_test.txt")
    persian = read_peyma(root / "ner-fa" / "peyma" / "test.txt")
    return [("ar", " ".join(token for token, _ in sentence)) for sentence in arabic] + [
        ("fa", " ".join(token for token, _ in sentence)) for sentence in persian
    ]


def test_arabic_persian_short_cut_says_what_the_corpus_says(corpora_root: Path) -> None:
    sentences = _news_sentences(corpora_root)
    decided = [
        (language, found)
        for language, text in sentences
        if (found := langid._arabic_or_persian_by_function_words(text))
    ]
    # Most news sentences are decided, both languages among them, and every one rightly.
    assert len(decided) > len(sentences) / 2
    assert {language for language, _ in decided} == {"ar", "fa"}
    assert [found for _, found in decided] == [language for language, _ in decided]
