"""Hypothesis strategies for text that looks like Arabic, Persian and English news, and is damaged
the way real news text is.

Words come from rasad's own data (state names, sector words, office holders, trigger phrases,
month names), so generated text reaches actor matching and event coding instead of bouncing off
language identification; our own sentence fragments glue them together. Every word may carry
clitics, diacritics, tatweel, a half-space, bidi marks, presentation-form glyphs or other digits.
"""

from __future__ import annotations

import random
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from hypothesis import strategies as st

from rasad.actors.dictionary import read_rows, split_cell

LANGUAGES = ("ar", "fa", "en")

# Short pieces of news prose we wrote, per language: the connective tissue between the names.
FRAGMENTS = {
    "ar": [
        "قال",
        "أعلن",
        "أكد",
        "في بيان",
        "إن",
        "أن",
        "مع",
        "على",
        "من",
        "إلى",
        "يوم الخميس",
        "الأسبوع الماضي",
        "خلال زيارته",
        "وزير الخارجية",
        "رئيس الوزراء",
        "الحكومة",
        "البرلمان",
        "الجيش",
        "المتظاهرون",
        "لم",
        "لن",
        "سوف",
        "قد",
        "اتفاق",
        "هجوم",
        "محادثات",
        "نفى",
        "وكالة الأنباء الرسمية",
        "اقرأ أيضا",
        "عاجل",
    ],
    "fa": [
        "گفت",
        "اعلام کرد",
        "تاکید کرد",
        "در بیانیه‌ای",
        "که",
        "با",
        "به",
        "از",
        "در",
        "روز دوشنبه",
        "هفته گذشته",
        "در سفر خود",
        "وزیر امور خارجه",
        "رئیس‌جمهور",
        "دولت",
        "مجلس",
        "ارتش",
        "معترضان",
        "نخواهد",
        "می‌خواهد",
        "توافق",
        "حمله",
        "گفتگو",
        "تکذیب کرد",
        "به گزارش خبرگزاری",
        "است",
        "را",
        "بیشتر بخوانید",
    ],
    "en": [
        "said",
        "announced",
        "on Tuesday",
        "that",
        "with",
        "to",
        "in",
        "of",
        "the",
        "last week",
        "during a visit to",
        "foreign minister",
        "prime minister",
        "the government",
        "parliament",
        "the army",
        "protesters",
        "did not",
        "will",
        "may",
        "agreement",
        "attack",
        "talks",
        "denied",
        "according to state media",
        "Read more:",
        "U.S.",
        "Dr.",
    ],
}

DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"
ZWNJ, ZWJ = "\u200c", "\u200d"
BIDI_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
ODD_SPACES = "\u00a0\u2009\u202f\u200b\u3000\t"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PUNCTUATION = [".", "،", "؛", "؟", "!", "..", "…", ":", " - ", "«", "»", '"', "(", ")", ",", ";", "?"]
HTML_BITS = [
    "<p>",
    "</p>",
    "<br/>",
    "&nbsp;",
    "&amp;",
    "<b>",
    "</b>",
    "<a href='x'>",
    "</a>",
    "<!-- -->",
    "&#1575;",
]
SEPARATORS = [" ", " ", " ", " ", "\n", "\n\n", " . ", ". ", "؟ ", "! ", "\r\n", ZWNJ]
PROCLITICS = {
    "ar": ["و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "وب"],
    "fa": ["و", "به", "ب", "ن"],
    "en": [],
}
ENCLITICS = {
    "ar": ["ه", "ها", "هم", "ية", "ي", "ين", "ون"],
    "fa": ["ی", "ها", "های", "‌ها", "ش", "ای"],
    "en": ["'s", "s"],
}


def _presentation_forms() -> dict[str, list[str]]:
    """For each Arabic letter, the positional glyphs that stand for it (old sites still emit them)."""
    forms: dict[str, list[str]] = {}
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        glyph = chr(code)
        letter = unicodedata.normalize("NFKC", glyph)
        if len(letter) == 1 and letter != glyph:
            forms.setdefault(letter, []).append(glyph)
    return forms


PRESENTATION = _presentation_forms()


@cache
def dictionary_words() -> dict[str, tuple[str, ...]]:
    """Names and words from rasad's actor dictionaries and trigger lexicon, per language."""
    words: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    actors = Path(str(resources.files("rasad.actors").joinpath("data")))
    events = Path(str(resources.files("rasad.events").joinpath("data")))
    columns = {language: (language, f"{language}_adj") for language in LANGUAGES}
    for name in ("states.tsv", "states_press.tsv", "sectors.tsv", "people.tsv", "igos.tsv", "capitals.tsv"):
        for _, row in read_rows(actors / name):
            for language, cells in columns.items():
                for cell in cells:
                    words[language].update(split_cell(row.get(cell, "")))
    for _, row in read_rows(events / "triggers.tsv"):
        if row.get("lang") in words:
            for form in split_cell(row["forms"]):
                words[row["lang"]].update(part.strip() for part in form.split("...") if part.strip())
    return {language: tuple(sorted(found)) for language, found in words.items()}


@cache
def month_spellings() -> dict[str, dict[int, tuple[str, ...]]]:
    """calendar -> month -> spellings, as ``months.yaml`` lists them."""
    data = yaml.safe_load(resources.files("rasad.dates").joinpath("data/months.yaml").read_text("utf-8"))
    return {
        calendar: {int(month): tuple(names) for month, names in months.items()}
        for calendar, months in data["calendars"].items()
    }


def digits(number: int, style: str) -> str:
    """``number`` in ASCII, Persian or Arabic-Indic digits."""
    text = str(number)
    if style == "fa":
        return text.translate(str.maketrans("0123456789", PERSIAN_DIGITS))
    if style == "ar":
        return text.translate(str.maketrans("0123456789", ARABIC_INDIC_DIGITS))
    return text


def decorated(word: str, language: str, damage: int, rng: random.Random) -> str:
    """A word as the press might print it: clitics, marks inside it, glyph forms, bidi marks.

    ``damage`` picks the kind (0-3, anything else leaves the letters alone); ``rng`` the details,
    so that one draw decides a token and generation stays fast enough for thousands of inputs.
    """
    if PROCLITICS[language] and rng.random() < 0.2:
        word = rng.choice(PROCLITICS[language]) + word
    if ENCLITICS[language] and rng.random() < 0.2:
        word += rng.choice(ENCLITICS[language])
    if damage == 0 and word:  # marks, tatweel or joiners after some letters
        chars = list(word)
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randint(1, len(chars)), rng.choice([*DIACRITICS, TATWEEL, ZWJ, *BIDI_MARKS]))
        word = "".join(chars)
    elif damage == 1:  # presentation-form glyphs for some letters
        word = "".join(
            rng.choice(PRESENTATION[c]) if c in PRESENTATION and rng.random() < 0.5 else c for c in word
        )
    elif damage == 2:
        word = rng.choice(BIDI_MARKS) + word + rng.choice(BIDI_MARKS)
    elif damage == 3:
        word = word.upper() if language == "en" else word.replace(" ", ZWNJ)
    return word


TOKEN_CODES = st.integers(0, 159)
SHORT_TEXT = st.text(max_size=4)


def token(draw: st.DrawFn, language: str, rng: random.Random) -> str:
    """One word, phrase, number, mark or month name: one choice per token keeps generation fast."""
    kind, damage = divmod(draw(TOKEN_CODES), 8)
    if kind < 8:
        return decorated(rng.choice(dictionary_words()[language]), language, damage, rng)
    if kind < 15:
        return decorated(rng.choice(FRAGMENTS[language]), language, damage, rng)
    if kind == 15:
        return digits(rng.randint(0, 3000), rng.choice(["en", "fa", "ar"]))
    if kind == 16:
        return rng.choice(PUNCTUATION)
    if kind == 17:
        return rng.choice(HTML_BITS)
    if kind == 18:  # a month name, so dates appear
        months = month_spellings()[rng.choice(sorted(month_spellings()))]
        return rng.choice(months[rng.randint(1, 12)])
    return draw(SHORT_TEXT)  # anything at all


@st.composite
def news_text(draw: st.DrawFn, language: str | None = None, max_tokens: int = 60) -> str:
    """Text in one language (or a mix of all three when ``language`` is None) with odd separators."""
    rng = draw(st.randoms(use_true_random=True))
    pieces = []
    for _ in range(draw(st.integers(0, max_tokens))):
        lang = language or rng.choice(LANGUAGES)
        pieces.append(token(draw, lang, rng))
        pieces.append(rng.choice(SEPARATORS_AND_MARKS))
    return "".join(pieces)


SEPARATORS_AND_MARKS = [*SEPARATORS, *ODD_SPACES, *PUNCTUATION[:4]]
any_news_text = st.one_of(
    news_text("ar"), news_text("fa"), news_text("en"), news_text(None), st.text(max_size=200)
)
