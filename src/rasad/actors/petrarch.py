"""Importing PETRARCH / UniversalPetrarch actor and agent dictionaries into rasad's TSV files.

Analysts who coded with PETRARCH have years of curated dictionaries; this module reads them as they
really are (the Arabic UniversalPetrarch files included, quirks and all) and writes rasad rows into a
separate folder for review, never into the packaged data.

Formats read:

* actor dictionary: a name line (``NAME_WITH_UNDERSCORES``, codes may follow on the same line),
  ``+SYNONYM`` lines, and code lines ``[CODE]``, ``[CODE yymmdd-yymmdd]``, ``[CODE >yymmdd]`` (from),
  ``[CODE <yymmdd]`` (until); dates have 6 (yymmdd) or 8 (yyyymmdd) digits. ``#`` starts a comment,
  ``---STOP---`` / ``~~FINISH`` end the file.
* agent dictionary: ``NOUN {PLURAL} [~CODE]`` lines (``[CODE~]`` prefixes), ``!minist!``-style
  substitution sets (``!NAME! = A, B``; PETRARCH's usual sets when a file lacks them), and, in the
  translated UniversalPetrarch files, the translation written right after the code: ``KEY [~GOV]وزارة``.

Decisions (the CLI prints a count for every one that drops something):

* two-digit years: 00-29 are 20xx, 30-99 are 19xx;
* 1800-01-01, 1970-01-01 and years from 2100 on are the generator's "unknown" placeholders, not dates;
  an end before the start is dropped (the Arabic file pairs real starts with copied ends);
* an entry is a person when a code carries a country (or an IGO) and a sector with a real date and the
  name is not an institution ("حركة ...", "Ministry ..."); its terms of one sector are merged when they
  overlap (rasad forbids overlapping terms of one role);
* a country-only code is a state name (``states_press.tsv``); a sector code without dates a sector
  word (``sectors.tsv``, with ``iso3`` when the code has a country);
* CAMEO sectors map to rasad's; a compound keeps the first rasad sector, except that GOV yields to a
  later MIL, COP, SPY, LEG or EDU, MIL to SPY, PTY and OPP to LEG, CVL to ELI (as rasad's own files code
  a ministry of defence MIL and an MP LEG); INS and SEP are REB; UAF (unidentified armed forces) is
  UAF; CRM, REF, HRI, religion and other codes without a rasad sector are skipped;
* IGO codes map only where the CAMEO organisation code has a clear rasad equivalent (UNO -> UN, NAT ->
  NATO, ...); the bare ``IGO`` of the Arabic files names no organisation and is skipped;
* ``sectors.tsv`` kind: ``body`` when the head noun (first word in Arabic and Persian, last before
  "of"/"for" in English) is an institution, unit or piece of equipment, ``role`` when it is a title or
  a noun for people (lists in ``head_kind``); otherwise the English key of a translated agent decides,
  then the default: ``role`` for agents (mostly nouns for people), ``body`` for actor entries (whole
  actors, not titles to put next to a name);
* spellings with a detached one-letter clitic ("أمين عام ل أمة المتحدة") are lemmas from
  UniversalPetrarch's lemmatiser and can never match running text: skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rasad.actors.dictionary import (
    KNOWN_IGO_CODES,
    LANGUAGES,
    SECTORS,
    SEPARATOR,
    data_folder,
    read_rows,
    split_cell,
)
from rasad.text.normalize import normalize_string

# Column header lines, copied from src/rasad/actors/data/ (a test checks they still agree).
HEADERS = {
    "states_press.tsv": "iso3\tkind\ten\tar\tfa\ten_adj\tar_adj\tfa_adj",
    "igos.tsv": "code\tname\ten\tar\tfa",
    "sectors.tsv": "sector\tkind\ten\tar\tfa\tiso3",
    "people.tsv": "id\tqid\tname\tcountry\trole\tsector\tstart\tend\ten\tar\tfa\torg",
}

# CAMEO codes that are not ISO 3166 but name a state rasad knows.
COUNTRY_ALIASES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
# CAMEO IGO organisation codes with a clear rasad equivalent; the others are skipped.
CAMEO_IGOS = {
    "UNO": "UN",
    "NAT": "NATO",
    "EEC": "EU",
    "ARL": "ARL",
    "GCC": "GCC",
    "OIC": "OIC",
    "CIS": "CIS",
    "IMF": "IMF",
    "WBK": "WB",
    "ICC": "ICC",
    "ICJ": "ICJ",
    "WHO": "WHO",
    "IAE": "IAEA",
    "ASN": "ASEAN",
    "OPC": "OPEC",
    "WTO": "WTO",
    "WFP": "WFP",
}
SECTOR_ALIASES = {"INS": "REB", "SEP": "REB"}
# (primary, later): a later, more specific sector wins over the primary one.
SECTOR_PREFERENCES = frozenset(
    {
        ("GOV", "MIL"),
        ("GOV", "COP"),
        ("GOV", "SPY"),
        ("GOV", "LEG"),
        ("GOV", "EDU"),
        ("MIL", "SPY"),
        ("PTY", "LEG"),
        ("OPP", "LEG"),
        ("CVL", "ELI"),
    }
)
# CAMEO codes that are valid but have no rasad sector (roles, religions, regions, status).
CAMEO_OTHER = frozenset(
    "CRM REF HRI DEV ENV RAD MOD MUS CHR JEW BUD HIN SHI SUN SFI CTH ORT PRO ITH MAR NGM UIS".split()
)
NO_COUNTRY = frozenset({"000", "INT"})
IGO_REGIONS = frozenset("WST EUR AFR ASA MEA ARB NAF SAF EAF WAF CAF LAM SAM NMR CAS SAS SEA CRB BLK".split())
PLACEHOLDER_DATES = frozenset({"1800-01-01", "1970-01-01"})
DEFAULT_SUBSTITUTIONS = {
    "MINIST": ("MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"),
    "PERSON": ("MAN", "MEN", "WOMAN", "WOMEN", "PERSON", "PEOPLE"),
}
END_MARKERS = ("---STOP---", "~~FINISH")

_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CODE = re.compile(r"\??(?:(?:000|[A-Z]{3})[A-Z]*)?\??")
_DATE = re.compile(
    r"(?:(?P<start>\d{6}|\d{8})\s*-\s*(?P<end>\d{6}|\d{8})|(?P<op>[<>])\s*(?P<day>\d{6}|\d{8}))?"
)
_AGENT_CODE = re.compile(r"(~?)([A-Z]+)(~?)")
_SUBSTITUTION = re.compile(r"!([A-Za-z]+)!\s*=\s*(.+)")
_MARK = re.compile(r"!([A-Za-z]+)!")


# --- parsing -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """A line the parser could not use, said so instead of raising."""

    path: str
    line: int
    text: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}: {self.text.strip()[:80]!r}"


@dataclass(frozen=True, slots=True)
class PetrarchCode:
    """One bracketed code with its date restriction, dates already ISO (None: open or unknown)."""

    code: str
    start: str | None
    end: str | None
    line: int
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class PetrarchActor:
    """An actor entry: its name, ``+`` synonyms (underscores kept, as written) and codes."""

    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[PetrarchCode] = field(default_factory=list)


@dataclass(slots=True)
class PetrarchAgent:
    """An agent line: the key phrase (substitutions expanded), its code, plurals and translations."""

    phrases: list[str]  # the key with every substitution expanded, underscores kept
    code: str  # the sector chunks, "~" removed: "GOVAGR"
    line: int
    plurals: list[str] | None = None  # None: regular plural; []: "{}", none
    translations: list[str] = field(default_factory=list)  # text after the code, alternatives split
    comment: str = ""


def _read_lines(path: Path, problems: list[ParseProblem] | None) -> list[str]:
    """Lines of a file; UTF-8 (BOM or not), and a line that is not UTF-8 is reported and blanked."""
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        return [line.removesuffix("\r") for line in data.decode("utf-8").split("\n")]
    except UnicodeDecodeError:
        pass
    lines = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw.decode("utf-8").removesuffix("\r"))
        except UnicodeDecodeError:
            _problem(problems, path, number, raw.decode("utf-8", "replace"), "not UTF-8")
            lines.append("")
    return lines


def _problem(problems: list[ParseProblem] | None, path: Path, line: int, text: str, message: str) -> None:
    problem = ParseProblem(str(path), line, text, message)
    if problems is None:
        print(f"rasad: {problem}", file=sys.stderr)
    else:
        problems.append(problem)


def parse_date(value: str) -> str | None:
    """ISO date from yymmdd (00-29 -> 20xx, else 19xx) or yyyymmdd; None for placeholders and bad dates."""
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year < 30 else 1900 + year}{value[2:]}"
    try:
        day = dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None
    iso = day.isoformat()
    return None if iso in PLACEHOLDER_DATES or day.year >= 2100 else iso


def _parse_code(body: str, number: int) -> PetrarchCode | str:
    """A ``[...]`` body as a code, or the reason it is not one."""
    parts = body.split(None, 1)
    code, restriction = (parts[0], parts[1] if len(parts) > 1 else "") if parts else ("", "")
    if re.fullmatch(r"[<>]\d*|\d{6,8}(-\d*)?", code):
        code, restriction = "", body.strip()  # "[ 19950518-19970602]": dates without a code
    if not _CODE.fullmatch(code) or len(code.strip("?")) % 3:
        return f"not a PETRARCH code: {code!r}"
    match = _DATE.fullmatch(restriction.strip())
    if match is None:
        return f"not a date restriction: {restriction.strip()!r}"
    notes: list[str] = []
    start = end = None
    if match["start"]:
        start, end = parse_date(match["start"]), parse_date(match["end"])
    elif match["op"]:
        if match["op"] == ">":
            start = parse_date(match["day"])
        else:
            end = parse_date(match["day"])
    if start and end and end < start:
        notes.append("end date before the start date: end dropped")
        end = None
    return PetrarchCode(code, start, end, number, tuple(notes))


def parse_actor_dictionary(
    path: str | Path, problems: list[ParseProblem] | None = None
) -> list[PetrarchActor]:
    """Actor entries of a PETRARCH actor dictionary; unusable lines go to ``problems`` (else stderr).

    Raises OSError only when the file cannot be read at all.
    """
    path = Path(path)
    actors: list[PetrarchActor] = []
    current: PetrarchActor | None = None
    for number, raw in enumerate(_read_lines(path, problems), 1):
        if any(marker in raw for marker in END_MARKERS):
            break
        line = _BIDI.sub("", raw).split("#", 1)[0].strip()
        if not line:
            continue
        if line[0] == "+":
            if current is None:
                _problem(problems, path, number, raw, "synonym before any entry")
            elif line[1:].split("[", 1)[0].strip():
                current.synonyms.append(line[1:].split("[", 1)[0].strip())
            rest = line[line.find("[") :] if "[" in line else ""
        elif line[0] == "[":
            if current is None:
                _problem(problems, path, number, raw, "code before any entry")
                continue
            rest = line
        else:
            name, _, codes = line.partition("[")
            current = PetrarchActor(" ".join(name.split()), number)
            actors.append(current)
            rest = "[" + codes if codes else ""
        if current is None:
            continue
        for body in re.findall(r"\[([^\]]*)\]", rest):
            parsed = _parse_code(body, number)
            if isinstance(parsed, str):
                _problem(problems, path, number, raw, parsed)
            else:
                current.codes.append(parsed)
        if rest.count("[") != len(re.findall(r"\[[^\]]*\]", rest)):
            _problem(problems, path, number, raw, "unclosed '['")
    for actor in actors:
        if not actor.codes:
            _problem(problems, path, actor.line, actor.name, "entry without a usable code")
    return [actor for actor in actors if actor.codes]


def parse_agent_dictionary(
    path: str | Path, problems: list[ParseProblem] | None = None
) -> list[PetrarchAgent]:
    """Agent lines of a PETRARCH agent dictionary; unusable lines go to ``problems`` (else stderr).

    Raises OSError only when the file cannot be read at all.
    """
    path = Path(path)
    lines = _read_lines(path, problems)
    substitutions = {
        m[1].upper(): tuple(v.strip().upper() for v in re.split(r"[,\s]+", m[2].split("#")[0]) if v.strip())
        for m in (_SUBSTITUTION.fullmatch(line.strip()) for line in lines)
        if m
    }
    substitutions = DEFAULT_SUBSTITUTIONS | substitutions
    agents: list[PetrarchAgent] = []
    pending: tuple[int, str] | None = None  # a key whose "{plural} [code]" is on the next line
    for number, raw in enumerate(lines, 1):
        if any(marker in raw for marker in END_MARKERS):
            break
        line = raw.strip()
        if not line or line[0] == "#" or _SUBSTITUTION.fullmatch(line):
            continue
        if line[0] == "{" and pending is not None:
            line, number = f"{pending[1]} {line}", pending[0]
        pending = None
        bracket = line.find("[")
        if bracket < 0:
            if number < len(lines) and lines[number].strip().startswith("{"):
                pending = (number, line)
            else:
                _problem(problems, path, number, raw, "no [code]")
            continue
        key, plurals = line[:bracket], None
        if "{" in key:
            key, _, plural_part = key.partition("{")
            plurals = [p for p in re.split(r"[\s,]+", plural_part.split("}")[0]) if p]
        key = "_".join(key.split())
        code_match = _AGENT_CODE.match(line, bracket + 1)
        if not key or code_match is None or len(code_match[2]) % 3:
            _problem(problems, path, number, raw, "no agent phrase or no valid code")
            continue
        inside = line[code_match.end() :]
        closing = min((i for i in (inside.find("]"), inside.find("}")) if i >= 0), default=-1)
        after = inside[closing + 1 :] if closing >= 0 else inside
        text, _, comment = after.partition("#")
        agents.append(
            PetrarchAgent(
                _expand(key, substitutions),
                code_match[2],
                number,
                plurals,
                _alternatives(text.strip("[]{} \t") or _trailing_arabic(comment), key),
                comment.strip(),
            )
        )
    return agents


def _expand(key: str, substitutions: dict[str, tuple[str, ...]]) -> list[str]:
    """Every phrase a key stands for; a ``!SET!`` glued inside a word is a search-replace accident."""
    key = re.sub(r"(?<=[A-Za-z])!([A-Za-z]+)!(?=[A-Za-z])", r"\1", key)  # AD!MINIST!RATIVE
    phrases = [key]
    while any(_MARK.search(p) for p in phrases):
        expanded = []
        for phrase in phrases:
            match = _MARK.search(phrase)
            if match is None:
                expanded.append(phrase)
                continue
            values = substitutions.get(match[1].upper(), (match[1],))
            expanded += [phrase[: match.start()] + value + phrase[match.end() :] for value in values]
        phrases = expanded
    return list(dict.fromkeys(phrases))


def _trailing_arabic(comment: str) -> str:
    """The Arabic-script words ending a comment: translators put the translation after PETRARCH's note."""
    match = re.search(r"[\u0600-\u06ff][\u0600-\u06ff\s\u200c]*$", comment.strip())
    return match.group() if match else ""


def _alternatives(text: str, key: str) -> list[str]:
    """A translation split into its alternatives ("a/b", "a - b"), asides in parentheses cut.

    A key with "/" or "-" (F/A-18, MI-24) keeps its translation whole: there they are part of the name.
    """
    text = _BIDI.sub("", text)
    pieces = [text] if ("/" in key or "-" in key) else re.split(r"/|—|-", text)
    cleaned = [" ".join(re.split(r"[()]", piece)[0].split()).strip(".,،:;") for piece in pieces]
    return [piece for piece in dict.fromkeys(cleaned) if len(piece) > 1]


# --- converting --------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import read, wrote and left out, in counts an analyst can check."""

    read: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> how many
    notes: Counter[str] = field(default_factory=Counter)  # changed but kept
    details: dict[str, Counter[str]] = field(default_factory=dict)  # reason -> the codes behind it
    problems: list[ParseProblem] = field(default_factory=list)

    def skip(self, reason: str, detail: str | None = None) -> None:
        self.skipped[reason] += 1
        if detail:
            self.details.setdefault(reason, Counter())[detail] += 1


@dataclass(frozen=True, slots=True)
class _Code:
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    skip: str | None = None
    detail: str | None = None


def _packaged_rows(name: str) -> list[dict[str, str]]:
    path = data_folder() / name
    return [row for _, row in read_rows(path)] if path.exists() else []


@cache
def _state_kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for name in ("states.tsv", "states_press.tsv"):
        for row in _packaged_rows(name):
            kinds.setdefault(row["iso3"], row.get("kind") or "state")
    return kinds


def map_sector(chunks: Sequence[str]) -> str | None:
    """rasad's sector for CAMEO sector chunks ("GOV", "LEG" -> LEG), or None when none maps."""
    mapped = [SECTOR_ALIASES.get(chunk, chunk) for chunk in chunks]
    found = [chunk for chunk in mapped if chunk in SECTORS]
    if not found:
        return None
    primary = found[0]
    for later in found[1:]:
        if (primary, later) in SECTOR_PREFERENCES:
            primary = later
    return primary


def _classify(code: str, states: dict[str, str]) -> _Code:
    """Country, organisation and sector of an actor code, or why it maps to nothing in rasad."""
    if not code.strip("?"):
        return _Code(skip="code: empty code")
    if "?" in code:
        return _Code(skip="code: marked uncertain ('?')", detail=code)
    head, chunks = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    country = org = None
    if head in states or head in COUNTRY_ALIASES:
        country = COUNTRY_ALIASES.get(head, head)
    elif head == "IGO":
        org = next((CAMEO_IGOS[c] for c in chunks if c in CAMEO_IGOS), None)
        if org is None:
            return _Code(skip="code: IGO without an organisation rasad knows", detail=code)
        chunks = [c for c in chunks if c not in CAMEO_IGOS and c not in IGO_REGIONS]
    elif head == "NGO":
        chunks = ["NGO", *chunks]
    elif head == "MNC":
        chunks = ["BUS", *chunks]
    elif head in NO_COUNTRY:
        pass
    elif head in SECTORS or head in SECTOR_ALIASES or head in CAMEO_OTHER or head == "IMG":
        chunks = [head, *chunks]
    else:
        return _Code(skip="code: country not in rasad's states", detail=head)
    sector = map_sector(chunks)
    if chunks and sector is None:
        return _Code(skip="code: no rasad sector", detail="".join(chunks))
    if not (country or org or sector):
        return _Code(skip="code: names no country, organisation or sector", detail=code)
    return _Code(country, org, sector)


def _clean(name: str) -> str:
    """A PETRARCH name as a rasad spelling: underscores are spaces, no cell separators or tabs."""
    return " ".join(_BIDI.sub("", name).replace("_", " ").replace("|", " ").split()).strip(",،:;")


def _script_ok(spelling: str, language: str) -> bool:
    has_arabic = bool(_ARABIC_LETTER.search(spelling))
    return has_arabic if language in ("ar", "fa") else not has_arabic


def _english_case(spelling: str) -> str:
    """All-caps PETRARCH English in the case rasad expects; a short single word stays an acronym."""
    if spelling.upper() != spelling or (" " not in spelling and len(spelling) <= 4):
        return spelling
    return spelling.title()


def slug(name: str) -> str:
    """A stable ASCII id from a PETRARCH name; non-Latin names are transliterated and hashed."""
    text = _clean(name)
    if text.isascii():
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "petrarch"
    latin = "".join(
        ""
        if unicodedata.category(c) in ("Mn", "Cf") or c == "\u0640"
        else _TRANSLIT.get(c, c if c.isascii() else " ")
        for c in unicodedata.normalize("NFC", text)
    )
    base = re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:4]
    return f"{base}-{digest}" if base else f"petrarch-{digest}"


_TRANSLIT = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآٱؤئءةىیکپچژگڤ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
        "a b t th j h kh d dh r z s sh s d t z _ gh f q k l m n h w y "
        "a i a a w y _ a a y k p ch zh g v "
        "0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9".replace("_", "").split(" "),
        strict=True,
    )
)

_HEADS_BODY = {
    "ar": "وزارة حكومة مجلس برلمان محكمة جيش قوات قوة قوى شرطة حزب حركة جبهة منظمة هيئة لجنة جمعية اتحاد "
    "نقابة شركة مصرف بنك جامعة مدرسة وكالة سفارة قنصلية إدارة دائرة مكتب مديرية مؤسسة رئاسة ديوان جهاز "
    "مخابرات استخبارات كتيبة كتائب سرايا جماعة مجموعة ميليشيا ميليشيات تنظيم فصيل فصائل تحالف ائتلاف "
    "مركز معهد مستشفى صحيفة جريدة قناة إذاعة تلفزيون سلطة بلدية محافظة نادي أكاديمية كلية حرس سلاح قسم "
    "غرفة أمانة مصلحة نظام طائرة مروحية دبابة سفينة صاروخ",
    "fa": "وزارت دولت مجلس دادگاه ارتش نیرو نیروهای پلیس حزب جنبش جبهه سازمان کمیته کمیسیون انجمن "
    "اتحادیه شرکت بانک دانشگاه مدرسه خبرگزاری سفارت کنسولگری اداره دفتر بنیاد سپاه ستاد روزنامه شبکه "
    "قوه گروه شورا نهاد دستگاه",
    "en": "ministry department government army forces force troops council court parliament assembly "
    "congress senate party movement front organization organisation agency committee commission union "
    "association company corporation firm bank university school college newspaper office bureau police "
    "navy militia militias group groups alliance coalition cabinet administration authority authorities "
    "institute center centre embassy consulate service services intelligence legislature judiciary regime "
    "junta brigade brigades battalion division corps unit units media television radio channel federation "
    "chamber board syndicate network station prison academy hospital secretariat tribunal directorate "
    "command headquarters garrison base nations league jet aircraft plane airliner helicopter gunship "
    "tank ship missile drone cruiser destroyer frigate corvette submarine carrier vessel boat vehicle "
    "warship artillery",
}
_HEADS_ROLE = {
    "ar": "رئيس نائب وزير عضو قائد ضابط جندي جنود مسؤول مسؤولين متحدث ناطق مستشار سفير مدير أمين زعيم ملك "
    "أمير عاهل شيخ قاضي قضاة محامي صحفي مراسل طالب طلاب أستاذ معلم طبيب مقاتل مقاتلين متمرد متمردين مسلح "
    "مسلحين ناشط ناشطين لاجئ لاجئين نازح نازحين مهاجر مواطن مواطنين عامل عمال فلاح مزارع رجل رجال امرأة "
    "سيدة نساء شخص جنرال لواء عقيد عميد رائد نقيب ملازم رقيب محافظ حاكم سلطان إمام مفتي كاهن حاخام مطران "
    "داعية سكرتير مندوب ممثل موظف دبلوماسي مبعوث قنصل نواب زعماء قادة رؤساء وزراء مدنيين سكان معارض "
    "إرهابي انفصالي",
    "fa": "رئیس معاون وزیر نماینده عضو فرمانده افسر سرباز سربازان سخنگو مشاور سفیر مدیر دبیر رهبر پادشاه "
    "قاضی دادستان خبرنگار دانشجو استاد معلم پزشک شهروند کارگر کشاورز مرد زن",
}
_ENGLISH_CUT = frozenset("of for in at on to with from along".split())


def _norm_set(words: str) -> frozenset[str]:
    return frozenset(_head_form(w) for w in words.split())


def _head_form(word: str) -> str:
    word = normalize_string(word)
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


_BODY = {language: _norm_set(words) for language, words in _HEADS_BODY.items()}
_ROLE = {language: _norm_set(words) for language, words in _HEADS_ROLE.items()}


def head_kind(spelling: str, language: str) -> str | None:
    """``body`` or ``role`` when the phrase's head noun says so, else None.

    The head is the first word in Arabic and Persian, the last word before "of"/"for"/... in English;
    institutions, units and equipment are bodies, a list of titles and person nouns are roles.
    """
    words = spelling.replace("_", " ").replace("'s", "").split()
    if not words:
        return None
    if language == "en":
        words = [w.lower() for w in words]
        before = list(itertools.takewhile(lambda w: w not in _ENGLISH_CUT, words)) or words[:1]
        head = before[-1]
        if re.fullmatch(r"([a-z/]+-)?\d+\w*", head):
            return "body"  # F-16, MI-24, F 16: equipment
        singular = re.sub("ies$", "y", head) if head.endswith("ies") else head.removesuffix("s")
        return "body" if head in _BODY["en"] or singular in _BODY["en"] else None
    head = _head_form(words[0])
    # the head as written, then without a plural ending ("متمردون" -> "متمرد")
    for form in (head, re.sub("(ون|ين|ان|ات|ها|ان)$", "", head) if len(head) > 4 else head):
        if form in _BODY.get(language, ()):
            return "body"
        if form in _ROLE.get(language, ()):
            return "role"
    return None


def _kind(spellings: Sequence[str], language: str, keys: Sequence[str], default: str) -> str:
    """Kind of a sector word: the first head noun that decides, else the (English) key's, else the default."""
    for spelling in spellings:
        kind = head_kind(spelling, language)
        if kind:
            return kind
    kinds = {head_kind(key, "en") or default for key in keys if key.isascii()}
    return kinds.pop() if len(kinds) == 1 else default


def _english_plurals(phrase: str, plurals: list[str] | None) -> list[str]:
    """Irregular plurals only: rasad's matcher already accepts an English "s"."""
    if plurals is not None:
        return plurals
    if re.search(r"[^AEIOU]Y$", phrase):
        return [phrase[:-1] + "IES"]
    if re.search(r"(SS|X|Z|CH|SH)$", phrase):
        return [phrase + "ES"]
    return []


def _detached_clitic(spelling: str, language: str) -> bool:
    return language in ("ar", "fa") and any(w in {"ل", "ب", "ك", "و", "ف"} for w in spelling.split())


class _Builder:
    """Collects rows, deduplicating spellings and counting what it leaves out."""

    def __init__(self, language: str, report: ImportReport) -> None:
        self.language = language
        self.report = report
        self.states = _state_kinds()
        self.state_rows: dict[str, dict[str, str]] = {}
        self.igo_rows: dict[str, dict[str, str]] = {}
        self.sector_rows: dict[tuple[str, str, str, str], dict[str, str]] = {}
        self.terms: dict[str, dict] = {}  # person id -> name, spellings, terms
        self.seen: dict[str, tuple[str, str, str]] = {}  # normalised spelling -> (sector, iso3, key)

    def spellings(self, names: Iterable[str], source: str) -> list[str]:
        kept = []
        for name in names:
            spelling = _clean(name)
            if self.language == "en":
                spelling = _english_case(spelling)
            if len(spelling) < 2:
                continue
            if not _script_ok(spelling, self.language):
                self.report.skip(f"{source}: no spelling in {self.language}")
            elif _detached_clitic(spelling, self.language):
                self.report.skip(f"{source}: lemmatised form with a detached clitic (cannot match text)")
            else:
                kept.append(spelling)
        return list(dict.fromkeys(kept))

    def state(self, iso3: str, spellings: list[str]) -> None:
        row = self.state_rows.setdefault(iso3, {"iso3": iso3, "kind": self.states.get(iso3, "state")})
        row[self.language] = _join(split_cell(row.get(self.language, "")) + spellings)

    def igo(self, code: str, spellings: list[str]) -> None:
        row = self.igo_rows.setdefault(code, {"code": code, "name": _igo_names().get(code, code)})
        row[self.language] = _join(split_cell(row.get(self.language, "")) + spellings)

    def sector(self, sector: str, kind: str, iso3: str, key: str, spellings: list[str], source: str) -> None:
        kept = []
        for spelling in spellings:
            normalised = " ".join(normalize_string(spelling).split())
            previous = self.seen.setdefault(normalised, (sector, iso3, key))
            if previous == (sector, iso3, key):
                kept.append(spelling)
            elif previous[:2] == (sector, iso3):
                self.report.notes[f"{source}: repeated spelling written once"] += 1
            else:
                self.report.skip(f"{source}: spelling already coded to another sector or country")
        if not kept:
            return
        row = self.sector_rows.setdefault(
            (sector, kind, iso3, key), {"sector": sector, "kind": kind, "iso3": iso3}
        )
        row[self.language] = _join(split_cell(row.get(self.language, "")) + kept)

    def person(
        self, name: str, spellings: list[str], code: _Code, start: str | None, end: str | None
    ) -> None:
        shown = _english_case(_clean(name)) if self.language == "en" else _clean(name)
        person = self.terms.setdefault(slug(name), {"name": shown, "spellings": [], "terms": []})
        person["spellings"] = list(dict.fromkeys(person["spellings"] + spellings))
        person["terms"].append((code.country or "", code.sector or "GOV", code.org or "", start, end))

    def rows(self) -> dict[str, list[dict[str, str]]]:
        people = []
        for key, person in self.terms.items():
            places: dict[str, set[str]] = {}
            for country, sector, org, *_ in person["terms"]:
                places.setdefault(sector, set()).add(country or org)
            for country, sector, org, start, end in self._merged(person["terms"]):
                # rasad checks overlaps per (id, role): the same sector in two countries needs two roles
                where = f" ({country or org})" if len(places[sector]) > 1 else ""
                row = {
                    "id": key,
                    "name": person["name"],
                    "country": country,
                    "role": f"{sector} official{where}",
                    "sector": sector,
                    "start": start or "",
                    "end": end or "",
                    "org": org,
                    self.language: _join(person["spellings"]),
                }
                people.append(row)
        countries = {row["country"] for row in people} | {row["iso3"] for row in self.sector_rows.values()}
        for iso3 in sorted(countries - set(self.state_rows) - {""}):
            self.state_rows[iso3] = {"iso3": iso3, "kind": self.states.get(iso3, "state")}  # keeps it valid
        for code in sorted(KNOWN_IGO_CODES | {row["org"] for row in people if row["org"]}):
            self.igo_rows.setdefault(code, {"code": code, "name": _igo_names().get(code, code)})
        return {
            "states_press.tsv": list(self.state_rows.values()),
            "igos.tsv": list(self.igo_rows.values()),
            "sectors.tsv": list(self.sector_rows.values()),
            "people.tsv": people,
        }

    def _merged(self, terms: list[tuple]) -> list[tuple]:
        """Terms of one (country, sector, org), overlapping ones merged: rasad forbids the overlap."""
        merged: list[tuple] = []
        for group, items in itertools.groupby(
            sorted(terms, key=lambda t: (t[:3], t[3] or "")), lambda t: t[:3]
        ):
            spans: list[list[str | None]] = []
            for *_, start, end in items:
                if spans and (spans[-1][1] is None or start is None or start < spans[-1][1]):
                    if [start, end] != spans[-1]:
                        self.report.notes["people: overlapping terms merged"] += 1
                    spans[-1][1] = None if spans[-1][1] is None or end is None else max(spans[-1][1], end)
                else:
                    spans.append([start, end])
            merged += [(*group, start, end) for start, end in spans]
        return merged


def _join(values: Iterable[str]) -> str:
    return SEPARATOR.join(dict.fromkeys(v for v in values if v))


@cache
def _igo_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _packaged_rows("igos.tsv")}


def to_rasad_rows(
    actors: Sequence[PetrarchActor],
    agents: Sequence[PetrarchAgent],
    language: str,
    report: ImportReport | None = None,
) -> dict[str, list[dict[str, str]]]:
    """rasad rows (file name -> rows) for parsed PETRARCH entries; what is left out goes to ``report``."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    report = report if report is not None else ImportReport()
    builder = _Builder(language, report)
    report.read["actor entries"] += len(actors)
    report.read["agent lines"] += len(agents)
    for actor in actors:
        _convert_actor(actor, builder, report)
    for agent in agents:
        _convert_agent(agent, builder, report)
    return builder.rows()


def _convert_actor(actor: PetrarchActor, builder: _Builder, report: ImportReport) -> None:
    names = [actor.name, *actor.synonyms]
    spellings = builder.spellings(names, "actor")
    classified = []
    for code in actor.codes:
        mapped = _classify(code.code, builder.states)
        if mapped.skip:
            report.skip(mapped.skip, mapped.detail)
        else:
            classified.append((code, mapped))
        for note in code.notes:
            report.notes[f"code: {note}"] += 1
    if not spellings:
        if classified:
            report.skip("entry: no usable spelling")
        return
    institution = head_kind(actor.name, builder.language) == "body"
    person = not institution and any(
        (m.org or (m.country and m.sector)) and (c.start or c.end) for c, m in classified
    )
    for code, mapped in classified:
        if person:
            if mapped.org or (mapped.country and mapped.sector):
                builder.person(actor.name, spellings, mapped, code.start, code.end)
            else:
                report.skip("code: in a person entry but without country and sector", code.code)
        elif mapped.org:
            if mapped.sector:
                report.skip("code: organisation with a sector on a non-person entry", code.code)
            else:
                builder.igo(mapped.org, spellings)
        elif mapped.country and not mapped.sector:
            builder.state(mapped.country, spellings)
            if code.start or code.end:
                report.notes["code: date restriction on a state name ignored"] += 1
        else:
            assert mapped.sector is not None
            if code.start or code.end:
                report.notes["code: dates on a sector word ignored"] += 1
            for kind, group in _by_kind(spellings, builder.language, (), "body", shared=True):
                builder.sector(mapped.sector, kind, mapped.country or "", actor.name, group, "actor")


def _convert_agent(agent: PetrarchAgent, builder: _Builder, report: ImportReport) -> None:
    sector = map_sector([agent.code[i : i + 3] for i in range(0, len(agent.code), 3)])
    if sector is None:
        report.skip("agent: no rasad sector", agent.code)
        return
    # a translated file's key is PETRARCH's English: it is the spelling when the translation is not
    names = [t for t in agent.translations if _script_ok(t, builder.language)]
    from_key = not names
    if from_key:
        names = list(agent.phrases)
        if builder.language == "en":
            names += [p for phrase in agent.phrases for p in _english_plurals(phrase, agent.plurals)]
    spellings = builder.spellings(names, "agent")
    if not spellings:
        return
    if builder.language == "en" and from_key:
        spellings = [s if " " not in s and len(s) <= 4 else s.lower() for s in spellings]
    keys = [_clean(p) for p in agent.phrases]
    for kind, group in _by_kind(spellings, builder.language, keys, "role", shared=not from_key):
        builder.sector(sector, kind, "", agent.phrases[0], group, "agent")


def _by_kind(
    spellings: list[str], language: str, keys: Sequence[str], default: str, shared: bool
) -> Iterator[tuple[str, list[str]]]:
    """Spellings grouped by kind: one kind for alternatives of one thing (``shared``), else each its own
    (an expanded ``!MINIST!`` is a minister and a ministry)."""
    if shared:
        yield _kind(spellings, language, keys, default), spellings
        return
    kinds: dict[str, list[str]] = {}
    for spelling in spellings:
        kinds.setdefault(_kind([spelling], language, (), default), []).append(spelling)
    yield from kinds.items()


# --- writing -----------------------------------------------------------------------------------


def write_import(
    rows: dict[str, list[dict[str, str]]],
    out_dir: str | Path,
    sources: Sequence[str | Path] = (),
    today: dt.date | None = None,
) -> list[Path]:
    """Write the rows as rasad TSV files in ``out_dir`` (never the packaged data folder)."""
    out = Path(out_dir)
    if out.resolve() == data_folder().resolve():
        raise ValueError("refusing to write an import into the packaged dictionaries; pick another folder")
    out.mkdir(parents=True, exist_ok=True)
    names = ", ".join(Path(s).name for s in sources) or "PETRARCH dictionaries"
    day = (today or dt.date.today()).isoformat()
    written = []
    for name, header in HEADERS.items():
        columns = header.split("\t")
        lines = [
            f"# {name}: imported from PETRARCH ({names}) on {day} by `rasad dict import-petrarch`.",
            "# Review before merging into src/rasad/actors/data/. Rows with no spellings only keep this",
            "# folder valid on its own (a country or organisation that other rows refer to).",
            header,
        ]
        for row in rows.get(name, []):
            lines.append("\t".join(" ".join(row.get(c, "").split()) for c in columns))
        path = out / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


# --- command line ------------------------------------------------------------------------------


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``import-petrarch`` to the ``rasad dict`` sub-commands."""
    parser = subparsers.add_parser(
        "import-petrarch",
        help="convert PETRARCH actor/agent dictionaries into rasad TSV files",
        description="Read a PETRARCH or UniversalPetrarch actor dictionary (and agent dictionaries) and "
        "write people.tsv, states_press.tsv, sectors.tsv and igos.tsv into OUT_DIR for review.",
    )
    parser.add_argument("--actors", required=True, metavar="FILE", help="PETRARCH actor dictionary")
    parser.add_argument(
        "--agents", action="append", default=[], metavar="FILE", help="PETRARCH agent dictionary (repeatable)"
    )
    parser.add_argument(
        "--language", required=True, choices=LANGUAGES, help="language of the dictionaries' spellings"
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUT_DIR", help="folder to write into")
    parser.set_defaults(func=cmd_import_petrarch)
    return parser


def cmd_import_petrarch(args: argparse.Namespace) -> int:
    """Run an import; 0 when written, 2 when an input cannot be read or holds no entries."""
    report = ImportReport()
    try:
        actors = parse_actor_dictionary(args.actors, report.problems)
        agents = [a for path in args.agents for a in parse_agent_dictionary(path, report.problems)]
    except OSError as error:
        print(f"rasad: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    if not actors:
        unreadable = sum(1 for problem in report.problems if problem.path == str(args.actors))
        print(
            f"rasad: no PETRARCH actor entries in {args.actors} ({unreadable} unusable lines)",
            file=sys.stderr,
        )
        return 2
    rows = to_rasad_rows(actors, agents, args.language, report)
    if report.skipped[f"actor: no spelling in {args.language}"] > len(actors) / 2:
        print(f"rasad: most names are not written in {args.language}: is --language right?", file=sys.stderr)
    try:
        paths = write_import(rows, args.output, [args.actors, *args.agents])
    except (OSError, ValueError) as error:
        print(f"rasad: cannot write {args.output}: {error}", file=sys.stderr)
        return 2
    print(format_report(report, rows, paths))
    return 0


def format_report(report: ImportReport, rows: dict[str, list[dict[str, str]]], paths: Sequence[Path]) -> str:
    """The counts of an import, for the terminal."""
    lines = ["read:"]
    lines += [f"  {what}: {count}" for what, count in report.read.items()]
    lines.append(f"  unparseable lines: {len(report.problems)}")
    problems = sorted(report.problems, key=lambda problem: (problem.path, problem.line))
    lines += [f"    {problem}" for problem in problems[:10]]
    if len(report.problems) > 10:
        lines.append(f"    ... and {len(report.problems) - 10} more")
    lines.append("converted:")
    people = rows.get("people.tsv", [])
    lines.append(f"  people.tsv: {len(people)} terms of {len({r['id'] for r in people})} people")
    for name in ("states_press.tsv", "sectors.tsv", "igos.tsv"):
        filled = sum(1 for row in rows.get(name, []) if any(row.get(lang) for lang in LANGUAGES))
        lines.append(
            f"  {name}: {filled} rows with spellings, {len(rows.get(name, [])) - filled} reference rows"
        )
    lines.append("skipped:")
    for reason, count in report.skipped.most_common():
        detail = report.details.get(reason)
        shown = ", ".join(f"{k} {v}" for k, v in detail.most_common(8)) if detail else ""
        lines.append(f"  {count:6d}  {reason}" + (f" ({shown})" if shown else ""))
    if report.notes:
        lines.append("changed:")
        lines += [f"  {count:6d}  {note}" for note, count in report.notes.most_common()]
    lines.append("wrote:")
    lines += [f"  {path}" for path in paths]
    return "\n".join(lines)
