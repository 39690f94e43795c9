"""Language identification: script first, then a statistical model inside the script.

Arabic and Persian share a script, and a general-purpose detector over dozens of languages
confuses them on short text. Asking lingua to choose only among the languages of the
dominant script separates them reliably (also Persian typed with Arabic ي/ك).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

UNDETERMINED = "und"
SAMPLE_CHARS = 2000
SCRIPT_SAMPLE_CHARS = 600  # the script is clear long before the language is
# A Latin or Cyrillic text with fewer letters than this is not identified: in the Arabic-script
# news rasad reads it is debris ("Array", a credit line), and the first short text of a script makes
# lingua load every model of it (3 s for the Latin script), which stalled the pool's worker that met
# one. Arabic script is always asked: its model is the one the news needs, and it tells Arabic from
# Persian on a name or two.
MIN_MODEL_LETTERS = 20

# Each script's letters, matched in runs: counting a text's letters then takes one string per word
# rather than one per letter (a third of the time).
_SCRIPTS: dict[str, re.Pattern[str]] = {
    "arabic": re.compile(
        r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+"
    ),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]+"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]+"),
    "hebrew": re.compile(r"[\u05d0-\u05ea]+"),
    "greek": re.compile(r"[\u0370-\u03ff]+"),
    "armenian": re.compile(r"[\u0531-\u0587]+"),
    "georgian": re.compile(r"[\u10a0-\u10ff]+"),
    "devanagari": re.compile(r"[\u0900-\u097f]+"),
    "thai": re.compile(r"[\u0e00-\u0e7f]+"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]+"),
    "kana": re.compile(r"[\u3040-\u30ff]+"),
    "han": re.compile(r"[\u4e00-\u9fff]+"),
}


def _letters(script: str, text: str) -> int:
    """How many letters of ``script`` the text has."""
    return sum(map(len, _SCRIPTS[script].findall(text)))


# Scripts that (for news) name one language outright.
_SINGLE_LANGUAGE_SCRIPTS = {
    "hebrew": "he",
    "greek": "el",
    "armenian": "hy",
    "georgian": "ka",
    "devanagari": "hi",
    "thai": "th",
    "hangul": "ko",
    "kana": "ja",
    "han": "zh",
}

# Candidate languages inside a shared script, for the statistical model.
_CANDIDATES: dict[str, tuple[Language, ...]] = {
    "arabic": (Language.ARABIC, Language.PERSIAN, Language.URDU),
    "latin": (
        Language.ENGLISH,
        Language.FRENCH,
        Language.GERMAN,
        Language.SPANISH,
        Language.ITALIAN,
        Language.PORTUGUESE,
        Language.TURKISH,
        Language.DUTCH,
        Language.INDONESIAN,
        Language.AZERBAIJANI,
        Language.POLISH,
        Language.SWEDISH,
    ),
    "cyrillic": (
        Language.RUSSIAN,
        Language.UKRAINIAN,
        Language.KAZAKH,
        Language.BULGARIAN,
        Language.SERBIAN,
        Language.MONGOLIAN,
        Language.BELARUSIAN,
    ),
}


# Function words that only one of Arabic and Persian uses. On a news article they settle the
# question in microseconds; lingua (milliseconds) decides the short and the mixed cases.
# Both lists in one pass: a match is a whole word, so each word counts for at most one of them.
_FUNCTION_WORDS = re.compile(
    r"(?<!\w)(?:(?P<ar>في|على|إلى|الى|التي|الذي|الذين|هذه|هذا|كان|كانت|عن|أن|إن|قد|لم|مع|ذلك)"
    r"|(?P<fa>است|را|این|که|كه|با|برای|براي|های|هاي|می|مي|شد|کرد|كرد|بود|آن|نیز|نيز|اند|شده|کند|كند))(?!\w)"
)
_DECISIVE_COUNT = 5
_DECISIVE_RATIO = 6
# Two function words of one side and none of the other also settle it: a short Arabic text (a
# caption, a brief) rarely has five, and lingua took about a millisecond for each of them. On
# 47,851 Arabic-script texts of the news and NER corpora this rule decides 6,276 of those lingua
# was asked about, all of them as their corpus's language (lingua erred on one).
_UNOPPOSED_COUNT = 2


def _function_word_counts(pattern: re.Pattern[str], sample: str) -> tuple[int, int]:
    """How many words of the pattern's first group and of its second the sample has."""
    found = pattern.findall(sample)
    second = sum(1 for _, second_word in found if second_word)
    return len(found) - second, second


def _decisive(count: int, against: int, at_least: int) -> bool:
    return count >= at_least and count >= _DECISIVE_RATIO * against


def _unopposed(count: int, against: int) -> bool:
    return count >= _UNOPPOSED_COUNT and against == 0


def _arabic_or_persian_by_function_words(sample: str) -> str | None:
    arabic, persian = _function_word_counts(_FUNCTION_WORDS, sample)
    if _decisive(arabic, persian, _DECISIVE_COUNT) or _unopposed(arabic, persian):
        return "ar"
    if _decisive(persian, arabic, _DECISIVE_COUNT) or _unopposed(persian, arabic):
        return "fa"
    return None


# Function words of English, and of the other Latin-script candidates, that are not words of the
# other side: "the" and "which" are English only, "de", "und", "och", "yang" are not English. Words
# both sides use ("in", "a", "to", "of" (Dutch), "is", "was", "on", "by", "die") are in neither list.
# A clear English article has dozens of the first and few of the second; lingua (and its 2.6 s model)
# decides everything else: short texts, lists of names, other languages, mixed text.
_LATIN_FUNCTION_WORDS = re.compile(
    r"(?<!\w)(?:(?P<en>the|and|that|with|said|which|from|have|has|had|were|this|would|their|they|its"
    r"|after|who|for|are|it|be|but|about|into|than|there|these|what|when|against|between|should"
    r"|could|while|where|other|during)"
    r"|(?P<other>le|la|les|des|du|et|est|une|dans|pour|que|qui|sur|au|aux|avec|pas|ce|il|sont|par"
    r"|el|los|las|del|en|por|con|una|para|es|se|lo|como|su|der|das|und|ist|mit|den|von|zu|sich"
    r"|nicht|auf|ein|eine|dem|di|che|della|per|non|sono|gli|un|nel|alla|os|da|do|em|não|uma|com"
    r"|dos|ao|ve|bir|bu|ile|için|olarak|olan|çok|daha|de|het|een|van|op|te|met|niet|zijn|voor"
    r"|dat|yang|dan|ini|itu|dengan|untuk|dari|dalam|tidak|akan|pada|və|ilə|üçün|na|się|nie|że"
    r"|jest|och|att|det|som|på|är|av|för|med|till|om))(?!\w)",
    re.IGNORECASE,
)
_ENGLISH_DECISIVE_COUNT = 8


def _english_by_function_words(sample: str) -> str | None:
    english, other = _function_word_counts(_LATIN_FUNCTION_WORDS, sample)
    return "en" if _decisive(english, other, _ENGLISH_DECISIVE_COUNT) else None


# The short-cut of each script that has one: a language, or None for lingua to decide.
_SHORT_CUTS = {"arabic": _arabic_or_persian_by_function_words, "latin": _english_by_function_words}


# A short sentence per script: detecting it loads all the script's models (every n-gram length for
# a text this short), for a caller that wants every model loaded at once.
_WARM_UP = {
    "arabic": "قال وزير الخارجية إن المملكة ستوقع اتفاقا مع إيران.",
    "latin": "The foreign minister of Kazakhstan met his Russian counterpart in Moscow on Monday.",
    "cyrillic": "Министр иностранных дел встретился с послом в Москве.",
}


@cache
def _detector(script: str) -> LanguageDetector:
    """The detector for one script, built when a text first needs it (a run of Arabic and Persian
    news never needs the Latin and Cyrillic ones).

    Building it loads nothing: lingua loads n-gram models when a text first needs them, in the
    calling thread, the trigrams only for a text of 120 letters or more and every length (1 to 5)
    for a shorter one (for the Latin script 0.4 s against 2.6 s). lingua's own preloading would load
    them on a pool of threads, and a process forked after that hangs.
    """
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES[script]).build()


# The last text asked about, its language and the script whose model told it: ``load_model_for``,
# ``script_needing_model`` and ``identify_language`` ask about the same text. One tuple, replaced
# whole, so threads never mix two.
_last: tuple[str | None, str, str | None] = (None, UNDETERMINED, None)


def load_model_for(text: str | None = None) -> None:
    """Load the models ``identify_language(text)`` needs and no more (every model of every script
    without ``text``), so that a caller can load them before timing the text, or before forking
    workers that then share them."""
    if text is None:
        for script, sentence in _WARM_UP.items():
            _detector(script).detect_language_of(sentence)
        return
    identify_language(text)  # lingua loads what this very text needs


def load_whole_model(script: str) -> None:
    """Every n-gram length of one script's model, for a pool about to fork when many of its texts
    need that model: its workers then share one copy instead of each loading, later and at its own
    cost, the lengths a short text needs (two workers spent 15-25% more CPU than one process on
    4,000 SaudiNewsNet articles before)."""
    _detector(script).detect_language_of(_WARM_UP[script])


def model_script(text: str) -> str | None:
    """The script of ``text`` when that script has a statistical model (several languages share it):
    the model some of a corpus's texts in that script will need, whether or not this one does."""
    script = dominant_script(unicodedata.normalize("NFKC", text[:SCRIPT_SAMPLE_CHARS]))
    return script if script in _CANDIDATES else None


def script_needing_model(text: str) -> str | None:
    """The script whose statistical model ``identify_language(text)`` asks (None where a short-cut or
    the script alone decides); identifying the text, so the same text costs nothing more after it."""
    return _identified(text)[1]


def _decided_by_short_cut(sample: str, script: str) -> str | None:
    """The language function words settle without lingua, or None."""
    short_cut = _SHORT_CUTS.get(script)
    return short_cut(sample) if short_cut else None


def dominant_script(text: str) -> str | None:
    """The script with the most letters in ``text`` (None when it has no letters)."""
    counts: dict[str, int] = {}
    unclaimed = len(text)  # characters no script counted so far: the most a later script can have
    for name in _SCRIPTS:
        counts[name] = _letters(name, text)
        unclaimed -= counts[name]
        # The scripts share no letter, and a tie goes to the earlier script: once the leader has
        # as many letters as are left, no later script can take the lead (news: after one or two).
        if max(counts.values()) >= unclaimed:
            break
    script, count = max(counts.items(), key=lambda item: item[1])
    if count == 0:
        return None
    # Japanese mixes kana and Han: any kana at all means Japanese.
    if script == "han" and counts["kana"]:
        return "kana"
    return script


def identify_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``und`` when it cannot be told."""
    return _identified(text)[0]


def _identified(text: str) -> tuple[str, str | None]:
    global _last
    if _last[0] is not text:
        _last = (text, *_identify(text))
    return _last[1], _last[2]


def _identify(text: str) -> tuple[str, str | None]:
    """The language, and the script whose model was asked (None when none was)."""
    sample = unicodedata.normalize("NFKC", text[:SAMPLE_CHARS])  # presentation-form glyphs to letters
    script = dominant_script(sample[:SCRIPT_SAMPLE_CHARS])
    if script is None:
        return UNDETERMINED, None
    if script in _SINGLE_LANGUAGE_SCRIPTS:
        return _SINGLE_LANGUAGE_SCRIPTS[script], None
    if decided := _decided_by_short_cut(sample, script):
        return decided, None
    if script != "arabic" and _letters(script, sample) < MIN_MODEL_LETTERS:
        return UNDETERMINED, None
    language = _detector(script).detect_language_of(sample)
    if language is None:
        return UNDETERMINED, script
    return language.iso_code_639_1.name.lower(), script
