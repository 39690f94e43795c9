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

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "arabic": re.compile(
        r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"
    ),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "hebrew": re.compile(r"[\u05d0-\u05ea]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "armenian": re.compile(r"[\u0531-\u0587]"),
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "han": re.compile(r"[\u4e00-\u9fff]"),
}

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


def _arabic_or_persian_by_function_words(sample: str) -> str | None:
    found = _FUNCTION_WORDS.findall(sample)
    persian = sum(1 for _, persian_word in found if persian_word)
    arabic = len(found) - persian
    if arabic >= _DECISIVE_COUNT and arabic >= _DECISIVE_RATIO * persian:
        return "ar"
    if persian >= _DECISIVE_COUNT and persian >= _DECISIVE_RATIO * arabic:
        return "fa"
    return None


# A short sentence per script: detecting it loads the script's models (lingua loads them lazily, all
# n-gram lengths for a text this short), so that the texts after it load nothing.
_WARM_UP = {
    "arabic": "قال وزير الخارجية إن المملكة ستوقع اتفاقا مع إيران.",
    "latin": "The foreign minister of Kazakhstan met his Russian counterpart in Moscow on Monday.",
    "cyrillic": "Министр иностранных дел встретился с послом в Москве.",
}


@cache
def _detector(script: str) -> LanguageDetector:
    """The model for one script, built when a text first needs it: a second or more each (the Latin
    one three), and a run of Arabic and Persian news never needs the Latin and Cyrillic ones.

    Loaded here, in the calling thread, so that it is loaded before a time budget starts and once,
    before the pool's workers inherit it. (lingua's own preloading loads on a pool of threads, and a
    process forked after that hangs.)
    """
    detector = LanguageDetectorBuilder.from_languages(*_CANDIDATES[script]).build()
    detector.detect_language_of(_WARM_UP[script])
    return detector


# The last text asked about, with its sample and script: ``load_model_for`` and then
# ``identify_language`` ask about the same text. One tuple, replaced whole, so threads never mix two.
_last: tuple[str | None, tuple[str, str | None]] = (None, ("", None))


def _sample_and_script(text: str) -> tuple[str, str | None]:
    global _last
    last_text, found = _last
    if last_text is not text:
        sample = unicodedata.normalize("NFKC", text[:SAMPLE_CHARS])  # presentation-form glyphs to letters
        found = (sample, dominant_script(sample[:SCRIPT_SAMPLE_CHARS]))
        _last = (text, found)
    return found


def load_model_for(text: str | None = None) -> None:
    """Build the model ``identify_language(text)`` may need (every model without ``text``), so that
    a caller can load it before timing the text."""
    if text is None:
        for script in _CANDIDATES:
            _detector(script)
        return
    _sample, script = _sample_and_script(text)
    if script in _CANDIDATES:
        _detector(script)


def dominant_script(text: str) -> str | None:
    """The script with the most letters in ``text`` (None when it has no letters)."""
    counts: dict[str, int] = {}
    unclaimed = len(text)  # characters no script counted so far: the most a later script can have
    for name, pattern in _SCRIPTS.items():
        counts[name] = len(pattern.findall(text))
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
    sample, script = _sample_and_script(text)
    if script is None:
        return UNDETERMINED
    if script in _SINGLE_LANGUAGE_SCRIPTS:
        return _SINGLE_LANGUAGE_SCRIPTS[script]
    if script == "arabic" and (decided := _arabic_or_persian_by_function_words(sample)):
        return decided
    language = _detector(script).detect_language_of(sample)
    if language is None:
        return UNDETERMINED
    return language.iso_code_639_1.name.lower()
