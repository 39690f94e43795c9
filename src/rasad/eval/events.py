"""How well rasad codes events: the UniversalPetrarch Arabic gold set and the team's own dev set.

Part 1, **GSR**: 645 Arabic AFP sentences (UniversalPetrarch ``arabic_gsr_validation_18-11-14.xml``),
each with one gold PLOVER event (ASSAULT or PROTEST) and its source / target as ``ISO3 SECTOR``
(``None`` where absent). Each sentence is coded alone as a document and rasad's *best* event is
compared with the gold one: the first event whose type is the gold type, else the first event; a
sentence with no event counts as ``none`` (wrong).

Part 2, **dev set**: ``eval/dev/gold.jsonl``, interstate events the team annotated in Arabic
(SaudiNewsNet) and Persian (IR-News, Fars News) articles. The article text is never stored: each
line names its article by a stable reference, resolved against ``../shared/corpora`` at evaluation
time. Events are compared per article as sets of ``(actor, recipient, type)`` tuples (strict), of
``(actor, type)`` (relaxed) and of ``({actor, recipient}, type)`` (direction ignored).

docs/EVENTS_EVAL.md says what is measured and how; eval/dev/README.md gives the gold format and the
annotation guidelines.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from defusedxml import ElementTree

from rasad.document import RawDocument
from rasad.ingest.corpora import CorpusDocument, farsnews_document, ir_news, saudinewsnet_document

EXIT_OK = 0
EXIT_MISSING = 2
DEFAULT_ROOT = "../shared/corpora"
GSR_RELATIVE = Path("events-ar") / "universalpetrarch" / "arabic_gsr_validation_18-11-14.xml"
DEFAULT_DEV = Path("eval") / "dev" / "gold.jsonl"
REPO = Path(__file__).resolve().parents[3]

EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES = ("asserted", "intended", "denied", "hypothetical", "reported_historical")
NONE = "none"  # rasad found no event

# The output contract's IGO codes (never renamed); the packaged igos.tsv adds more.
SPEC_IGO_CODES = frozenset(
    "NATO CSTO SCO OIC OTS UN EU ARL GCC AU CIS EAEU OPEC IAEA ASEAN BRICS OSCE WB IMF ICC ICJ WHO".split()
)
# UN organs and agencies score as the UN itself: an analyst and a coder can fairly differ on
# "the Security Council" vs "the UN", "UNRWA" vs "the UN agency".
UN_FAMILY = frozenset("UNSC UNGA UNHRC UNHCR UNICEF UNESCO UNRWA WFP UNIFIL".split())
# An actor acts for its state (or IGO) when its sector is one of these, or when it has none.
STATE_SECTORS = frozenset("GOV MIL LEG JUD COP SPY IGO".split())
# A recipient of these sectors is a non-state group, so the event is not interstate.
NON_STATE_RECIPIENT_SECTORS = frozenset("REB OPP CRM UAF INS PTY IMG".split())

Coder = Callable[[RawDocument], dict]


def _default_coder() -> Coder:
    from rasad.pipeline import code_document

    return code_document


def spread(items: Sequence, limit: int | None) -> list:
    """At most ``limit`` items taken evenly across the sequence (all of them when ``limit`` is None).

    The GSR lists its 272 PROTEST sentences before its 373 ASSAULT ones and the dev file its Arabic
    articles before its Persian ones, so a head would sample one type or one language only."""
    if limit is None or limit >= len(items):
        return list(items)
    if limit <= 0:
        return []
    return [items[(i * len(items)) // limit] for i in range(limit)]


def _pct(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:.1f}%" if denominator else "n/a"


# =================================================================================================
# Part 1: the UniversalPetrarch Arabic gold set
# =================================================================================================


class GsrError(ValueError):
    """The GSR file cannot be read as the expected structure."""


@dataclass(frozen=True, slots=True)
class GsrSentence:
    """One gold sentence: its text and its single gold event."""

    id: str
    text: str
    date: str | None  # ISO date from the ``date`` attribute (YYYYMMDD in the file)
    event: str  # PLOVER type (``plover`` attribute of EventCoding)
    source_country: str | None
    source_sector: str | None
    target_country: str | None
    target_sector: str | None
    trigger: str
    source_text: str
    target_text: str
    tokens: tuple[str, ...]  # word forms of the UD parse


def _code_pair(value: str | None, where: str) -> tuple[str | None, str | None]:
    """``"ISO3 SECTOR"`` with ``None`` for an absent part: ``"USA MIL"``, ``"None CVL"``, ``"None None"``."""
    parts = (value or "").split()
    if len(parts) != 2:
        raise GsrError(f"{where}: code {value!r} is not 'COUNTRY SECTOR'")
    country, sector = (None if part == "None" else part for part in parts)
    return country, sector


def _iso_date(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def parse_gsr(xml_text: str) -> list[GsrSentence]:
    """The sentences of a GSR document given as text.

    The published file lacks its closing ``</Validation>`` tag; it is appended when missing. Each
    ``<Sentence>`` holds one ``<EventText>``, one ``<EventCoding>``, a ``<Text>`` (surrounded by
    newlines) and a ``<Parse>`` in CoNLL-U."""
    text = xml_text.rstrip()
    if not text.endswith("</Validation>"):
        text += "\n</Validation>\n"
    try:
        root = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as error:
        raise GsrError(f"not well-formed XML: {error}") from error
    sentences = []
    for number, node in enumerate(root.iter("Sentence"), 1):
        where = f"sentence {number} (id {node.get('id')})"
        coding = node.find("EventCoding")
        words = node.find("EventText")
        body = (node.findtext("Text") or "").strip()
        if coding is None or words is None or not body:
            raise GsrError(f"{where}: missing EventCoding, EventText or Text")
        event = coding.get("plover") or node.get("category") or ""
        if event not in EVENT_TYPES:
            raise GsrError(f"{where}: unknown PLOVER type {event!r}")
        source = _code_pair(coding.get("sourcecode"), where)
        target = _code_pair(coding.get("targetcode"), where)
        parse = node.findtext("Parse") or ""
        tokens = tuple(
            line.split("\t")[1]
            for line in parse.splitlines()
            if line.strip() and not line.startswith("#") and len(line.split("\t")) > 1
        )
        sentences.append(
            GsrSentence(
                id=node.get("id") or str(number),
                text=body,
                date=_iso_date(node.get("date")),
                event=event,
                source_country=source[0],
                source_sector=source[1],
                target_country=target[0],
                target_sector=target[1],
                trigger=words.get("eventtext") or "",
                source_text=words.get("sourcetext") or "",
                target_text=words.get("targettext") or "",
                tokens=tokens,
            )
        )
    return sentences


def read_gsr(path: Path) -> list[GsrSentence]:
    return parse_gsr(path.read_text(encoding="utf-8"))


def best_event(events: Sequence[dict], gold_type: str) -> dict | None:
    """The first event of the gold type, else the first event, else None."""
    for event in events:
        if event.get("event") == gold_type:
            return event
    return events[0] if events else None


def _gsr_country(party: dict | None) -> str | None:
    """A party's country in the GSR's terms: its ISO3, ``IGO`` for an organisation, else None."""
    if not party:
        return None
    if party.get("code"):
        return party["code"]
    return "IGO" if party.get("org") else None


@dataclass
class FieldScore:
    """Agreement on one field (actor country, recipient sector...), None vs None counting as agreement."""

    agree: int = 0
    total: int = 0
    agree_found: int = 0  # on sentences where rasad found an event
    found: int = 0
    agree_named: int = 0  # on sentences where the gold names a value
    named: int = 0

    def add(self, gold: str | None, got: str | None, found: bool) -> None:
        same = gold == got
        self.total += 1
        self.agree += same
        if found:
            self.found += 1
            self.agree_found += same
        if gold is not None:
            self.named += 1
            self.agree_named += same


@dataclass(frozen=True, slots=True)
class GsrResult:
    """rasad's answer for one gold sentence."""

    gold: str
    predicted: str  # the best event's type, or ``none``
    actor_country: str | None
    recipient_country: str | None
    actor_sector: str | None
    recipient_sector: str | None
    events: int


def score_gsr_sentence(sentence: GsrSentence, record: dict) -> GsrResult:
    events = record.get("events") or []
    best = best_event(events, sentence.event)
    actor = best.get("actor") if best else None
    recipient = best.get("recipient") if best else None
    return GsrResult(
        gold=sentence.event,
        predicted=(best.get("event") or NONE) if best else NONE,
        actor_country=_gsr_country(actor),
        recipient_country=_gsr_country(recipient),
        actor_sector=(actor or {}).get("sector"),
        recipient_sector=(recipient or {}).get("sector"),
        events=len(events),
    )


@dataclass
class GsrReport:
    sentences: int = 0
    with_event: int = 0
    events: int = 0
    type_correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    actor_country: FieldScore = field(default_factory=FieldScore)
    # The gold's convention: a generic actor (protesters, gunmen, police) has no country unless the text
    # ties one to it. Here a country rasad gives such an actor is not held against it.
    actor_country_convention: FieldScore = field(default_factory=FieldScore)
    recipient_country: FieldScore = field(default_factory=FieldScore)
    actor_sector: FieldScore = field(default_factory=FieldScore)
    recipient_sector: FieldScore = field(default_factory=FieldScore)
    missed_triggers: Counter[str] = field(default_factory=Counter)  # gold trigger words rasad got wrong
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, sentence: GsrSentence, result: GsrResult) -> None:
        found = result.predicted != NONE
        self.sentences += 1
        self.with_event += found
        self.events += result.events
        self.type_correct += result.predicted == result.gold
        self.confusion[(result.gold, result.predicted)] += 1
        self.actor_country.add(sentence.source_country, result.actor_country, found)
        generic = sentence.source_country is None and sentence.source_sector and result.actor_sector != "GOV"
        self.actor_country_convention.add(
            sentence.source_country, None if generic else result.actor_country, found
        )
        self.recipient_country.add(sentence.target_country, result.recipient_country, found)
        self.actor_sector.add(sentence.source_sector, result.actor_sector, found)
        self.recipient_sector.add(sentence.target_sector, result.recipient_sector, found)
        if result.predicted != result.gold and sentence.trigger:
            self.missed_triggers[sentence.trigger] += 1

    def gold_counts(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for (gold, _), n in self.confusion.items():
            counts[gold] += n
        return counts


def evaluate_gsr(path: Path, limit: int | None = None, coder: Coder | None = None) -> GsrReport:
    """Code every gold sentence (or ``limit`` of them, spread evenly) and score rasad's best event."""
    coder = coder or _default_coder()
    report = GsrReport()
    started = time.perf_counter()
    for sentence in spread(read_gsr(path), limit):
        document = RawDocument(text=sentence.text, doc_id=sentence.id, published=sentence.date)
        record = _code_or_fail(coder, document, sentence.id, report.failures)
        report.add(sentence, score_gsr_sentence(sentence, record))
    report.seconds = time.perf_counter() - started
    return report


def _code_or_fail(coder: Coder, document: RawDocument, where: str, failures: list[str]) -> dict:
    """The coder's record, or an empty one with the failure noted: one bad item must not stop the
    evaluation."""
    try:
        return coder(document)
    except Exception as error:
        failures.append(f"{where}: {type(error).__name__}: {error}")
        return {"events": []}


def _field_row(name: str, score: FieldScore) -> str:
    return (
        f"| {name} | {_pct(score.agree, score.total)} ({score.agree}/{score.total}) "
        f"| {_pct(score.agree_found, score.found)} ({score.agree_found}/{score.found}) "
        f"| {_pct(score.agree_named, score.named)} ({score.agree_named}/{score.named}) "
        f"| {_pct(score.total - score.named, score.total)} |"
    )


def format_gsr(report: GsrReport, top: int = 15) -> str:
    """The GSR report as Markdown."""
    n = report.sentences
    lines = [
        "## Event coding on the UniversalPetrarch Arabic gold set",
        "",
        f"{n} sentences coded in {report.seconds:.1f} s; rasad found {report.events} events.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| type accuracy (no event counts as wrong) | {_pct(report.type_correct, n)} "
        f"({report.type_correct}/{n}) |",
        f"| coverage (sentences with an event) | {_pct(report.with_event, n)} ({report.with_event}/{n}) |",
        f"| type accuracy when an event was found | {_pct(report.type_correct, report.with_event)} "
        f"({report.type_correct}/{report.with_event}) |",
        "",
        "Actor = gold source, recipient = gold target, compared with rasad's best event "
        "(no event: both null). Gold `None` vs rasad null counts as agreement; "
        "an organisation (`org`) counts as the gold pseudo-country `IGO`. "
        "The all-null baseline is what a coder that finds nothing scores on all sentences. "
        "The gold gives a generic actor (protesters, gunmen, police: a sector and no country) no "
        "country unless the text ties one to it, as rasad does; the convention row does not count a "
        "country rasad gives such an actor against it when rasad's actor is not a government.",
        "",
        "| field | all sentences | sentences with an event | gold names a value | all-null baseline |",
        "|---|---|---|---|---|",
        _field_row("actor country", report.actor_country),
        _field_row("actor country, gold's convention for generic actors", report.actor_country_convention),
        _field_row("recipient country", report.recipient_country),
        _field_row("actor sector", report.actor_sector),
        _field_row("recipient sector", report.recipient_sector),
        "",
    ]
    gold_types = sorted(report.gold_counts())
    predicted = [*sorted({got for _, got in report.confusion} - {NONE}), NONE]
    lines += [
        "Confusion (rows: gold type, columns: rasad's best event):",
        "",
        "| gold \\ rasad | " + " | ".join(predicted) + " | total | accuracy |",
        "|---|" + "---|" * (len(predicted) + 2),
    ]
    for gold in gold_types:
        cells = [str(report.confusion.get((gold, got), 0)) for got in predicted]
        total = report.gold_counts()[gold]
        correct = report.confusion.get((gold, gold), 0)
        lines.append(f"| {gold} | " + " | ".join(cells) + f" | {total} | {_pct(correct, total)} |")
    if report.missed_triggers:
        common = ", ".join(f"{word} ({count})" for word, count in report.missed_triggers.most_common(top))
        lines += ["", f"Most frequent gold triggers of sentences typed wrong or not found: {common}"]
    if report.failures:
        lines += ["", f"{len(report.failures)} sentences failed to code: " + "; ".join(report.failures[:5])]
    return "\n".join(lines)


# =================================================================================================
# Part 2: the team's development set
# =================================================================================================

CORPUS_LANGUAGE = {"saudinewsnet": "ar", "ir-news": "fa", "farsnews": "fa"}
REF_PATTERNS = {
    "saudinewsnet": re.compile(r"\d{4}-\d{2}-\d{2}\.zip#\d{4}-\d{2}-\d{2}\.json#\d+"),
    "ir-news": re.compile(r"[A-Za-z0-9_]+\.txt"),
    "farsnews": re.compile(r"fars-news-\d+\.json#\d+"),
}
REF_FORMS = {
    "saudinewsnet": "'2015-07-21.zip#2015-07-21.json#38' (zip, member, index)",
    "ir-news": "'asriran_2_data_600.txt' (file name in news-fa/ir-news/Dataset)",
    "farsnews": "'fars-news-1.json#12' (file, index)",
}
ARTICLE_KEYS = frozenset({"corpus", "ref", "language", "events"})
EVENT_KEYS = frozenset({"actor", "recipient", "event", "modality", "note"})
MAX_NOTE = 200
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


class GoldError(ValueError):
    """The dev gold file is invalid or names an article the corpora do not have."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    actor: str
    recipient: str | None
    event: str
    modality: str
    note: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    corpus: str
    ref: str
    language: str
    events: tuple[GoldEvent, ...]
    line: int = 0


@cache
def known_codes() -> frozenset[str]:
    """Actor codes a gold event may use: ISO3 of the states dictionary and every IGO code."""
    from rasad.actors.dictionary import KNOWN_IGO_CODES, data_folder, read_rows

    codes = set(SPEC_IGO_CODES | KNOWN_IGO_CODES | UN_FAMILY)
    folder = data_folder()
    for name, column in (("states.tsv", "iso3"), ("states_press.tsv", "iso3"), ("igos.tsv", "code")):
        path = folder / name
        if path.exists():
            codes.update(row[column] for _, row in read_rows(path) if row.get(column))
    return frozenset(codes)


def _event_problems(event: object, where: str, codes: frozenset[str]) -> list[str]:
    if not isinstance(event, dict):
        return [f"{where}: an event must be a JSON object"]
    problems = [f"{where}: unknown key {key!r}" for key in sorted(set(event) - EVENT_KEYS)]
    problems += [f"{where}: missing key {key!r}" for key in sorted(EVENT_KEYS - set(event) - {"recipient"})]
    actor, recipient = event.get("actor"), event.get("recipient")
    if "actor" in event and actor not in codes:
        problems.append(f"{where}: actor {actor!r} is not an ISO3 state or IGO code")
    if recipient is not None and recipient not in codes:
        problems.append(f"{where}: recipient {recipient!r} is not an ISO3 state or IGO code (or null)")
    if actor is not None and actor == recipient:
        problems.append(f"{where}: actor and recipient are both {actor!r} (not an interstate event)")
    if "event" in event and event.get("event") not in EVENT_TYPES:
        problems.append(f"{where}: unknown PLOVER type {event.get('event')!r}")
    if "modality" in event and event.get("modality") not in MODALITIES:
        problems.append(f"{where}: modality {event.get('modality')!r} is not one of {', '.join(MODALITIES)}")
    note = event.get("note")
    if "note" in event:
        if not isinstance(note, str) or not note.strip() or len(note) > MAX_NOTE:
            problems.append(f"{where}: note must be a short gloss (1-{MAX_NOTE} characters)")
        elif ARABIC_SCRIPT.search(note):
            problems.append(f"{where}: note must be an English gloss in your own words, not article text")
    return problems


def _article_problems(data: object, where: str, codes: frozenset[str]) -> list[str]:
    if not isinstance(data, dict):
        return [f"{where}: a line must be a JSON object"]
    problems = [f"{where}: unknown key {key!r}" for key in sorted(set(data) - ARTICLE_KEYS)]
    problems += [f"{where}: missing key {key!r}" for key in sorted(ARTICLE_KEYS - set(data))]
    corpus, ref, language = data.get("corpus"), data.get("ref"), data.get("language")
    if corpus not in CORPUS_LANGUAGE:
        problems.append(f"{where}: unknown corpus {corpus!r} (one of {', '.join(CORPUS_LANGUAGE)})")
    else:
        if not isinstance(ref, str) or not REF_PATTERNS[corpus].fullmatch(ref):
            problems.append(f"{where}: bad ref {ref!r} for {corpus}: expected {REF_FORMS[corpus]}")
        if language != CORPUS_LANGUAGE[corpus]:
            problems.append(f"{where}: language {language!r} but {corpus} is {CORPUS_LANGUAGE[corpus]!r}")
    events = data.get("events")
    if not isinstance(events, list):
        problems.append(f"{where}: events must be a list")
    else:
        for index, event in enumerate(events, 1):
            problems += _event_problems(event, f"{where} event {index}", codes)
    return problems


def parse_gold(lines: Iterable[str], source: str = "gold") -> list[GoldArticle]:
    """Validate and read gold lines; raise ``GoldError`` listing every problem found."""
    codes = known_codes()
    articles: list[GoldArticle] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: not JSON: {error.msg}")
            continue
        found = _article_problems(data, where, codes)
        if found:
            problems += found
            continue
        key = (data["corpus"], data["ref"])
        if key in seen:
            problems.append(f"{where}: {data['ref']} is already annotated on line {seen[key]}")
            continue
        seen[key] = number
        events = tuple(
            GoldEvent(e["actor"], e.get("recipient"), e["event"], e["modality"], e["note"])
            for e in data["events"]
        )
        articles.append(GoldArticle(data["corpus"], data["ref"], data["language"], events, number))
    if problems:
        raise GoldError(f"{len(problems)} problem(s) in {source}:\n  " + "\n  ".join(problems))
    return articles


def load_gold(path: Path) -> list[GoldArticle]:
    with path.open(encoding="utf-8") as handle:
        return parse_gold(handle, str(path))


# --- resolving a reference to its article ----------------------------------------------------------


def _saudinewsnet_article(root: Path, ref: str) -> CorpusDocument:
    """Built like ``rasad.ingest.corpora.saudinewsnet`` does, plus the article's extraction date."""
    archive_name, member, index = ref.split("#")
    archive = root / "news-ar" / "saudinewsnet" / archive_name
    if not archive.is_file():
        raise GoldError(f"ref {ref}: {archive} not found")
    with zipfile.ZipFile(archive) as bundle:
        if member not in bundle.namelist():
            raise GoldError(f"ref {ref}: {archive_name} has no member {member}")
        articles = json.loads(bundle.read(member))
    number = int(index)
    if number >= len(articles):
        raise GoldError(f"ref {ref}: {member} has {len(articles)} articles, no index {number}")
    return saudinewsnet_document(archive, member, number, articles[number])


def _farsnews_article(root: Path, ref: str) -> CorpusDocument:
    name, index = ref.split("#")
    path = root / "news-fa" / "farsnews" / name
    if not path.is_file():
        raise GoldError(f"ref {ref}: {path} not found")
    articles = json.loads(path.read_text(encoding="utf-8"))
    number = int(index)
    if number >= len(articles):
        raise GoldError(f"ref {ref}: {name} has {len(articles)} articles, no index {number}")
    return farsnews_document(path, number, articles[number])


class ArticleResolver:
    """Finds the article a gold reference names.

    IR-News articles are read through the corpus reader (so the text is exactly what
    ``rasad.ingest.corpora.ir_news`` gives), in one pass that keeps the ``wanted`` ones."""

    def __init__(self, root: Path, wanted: Iterable[str] = ()) -> None:
        self.root = root
        self.wanted = set(wanted)
        self._ir_news: dict[str, CorpusDocument] = {}

    def __call__(self, corpus: str, ref: str) -> CorpusDocument:
        if corpus not in REF_PATTERNS or not REF_PATTERNS[corpus].fullmatch(ref):
            raise GoldError(f"bad ref {ref!r} for corpus {corpus!r}")
        if corpus == "saudinewsnet":
            return _saudinewsnet_article(self.root, ref)
        if corpus == "farsnews":
            return _farsnews_article(self.root, ref)
        if ref not in self._ir_news:
            keep = self.wanted | {ref}
            for item in ir_news(self.root):
                name = Path(item.document.path or "").name
                if name in keep:
                    self._ir_news[name] = item
        if ref not in self._ir_news:
            folder = self.root / "news-fa" / "ir-news" / "Dataset"
            raise GoldError(f"ref {ref}: no such IR-News article in {folder}")
        return self._ir_news[ref]


def resolve_article(root: Path, corpus: str, ref: str) -> CorpusDocument:
    """The corpus article a gold line names; ``GoldError`` when it does not exist."""
    return ArticleResolver(root)(corpus, ref)


# --- comparing events ------------------------------------------------------------------------------

Tuple3 = tuple[str, str | None, str]


def fold(code: str | None) -> str | None:
    """The key a code scores under: UN organs and agencies as ``UN``."""
    return "UN" if code in UN_FAMILY else code


def party_key(party: dict | None) -> str | None:
    """A rasad party's key: its IGO code when the party is an organisation, else its country."""
    if not party:
        return None
    return fold(party.get("org") or party.get("code"))


def out_of_scope(event: dict) -> str | None:
    """Why a rasad event is not an interstate event (and is left out of the dev scores), or None."""
    actor, recipient = event.get("actor"), event.get("recipient")
    actor_key = party_key(actor)
    if actor_key is None:
        return "actor is neither a state nor an IGO"
    if (actor or {}).get("sector") not in STATE_SECTORS | {None}:
        return "actor is a non-state sector of its country"
    if recipient:
        recipient_key = party_key(recipient)
        if recipient_key is None:
            return "recipient is neither a state nor an IGO"
        if recipient.get("sector") in NON_STATE_RECIPIENT_SECTORS:
            return "recipient is a non-state armed or political group"
        if recipient_key == actor_key:
            return "actor and recipient are the same state (domestic)"
    if event.get("event") not in EVENT_TYPES:
        return "unknown event type"
    return None


def rasad_tuples(record: dict) -> tuple[dict[Tuple3, set[str]], Counter[str]]:
    """rasad's interstate events as tuples (with the modalities of each) and why the others were left out."""
    tuples: dict[Tuple3, set[str]] = {}
    excluded: Counter[str] = Counter()
    for event in record.get("events") or []:
        reason = out_of_scope(event)
        if reason:
            excluded[reason] += 1
            continue
        key = (party_key(event.get("actor")), party_key(event.get("recipient")), event["event"])
        tuples.setdefault(key, set()).add(event.get("modality") or "asserted")
    return tuples, excluded


def gold_tuples(article: GoldArticle) -> dict[Tuple3, set[str]]:
    tuples: dict[Tuple3, set[str]] = {}
    for event in article.events:
        key = (fold(event.actor), fold(event.recipient), event.event)
        tuples.setdefault(key, set()).add(event.modality)
    return tuples


def relaxed(tuples: Iterable[Tuple3]) -> set[tuple[str, str]]:
    """Recipient ignored."""
    return {(actor, kind) for actor, _, kind in tuples}


def undirected(tuples: Iterable[Tuple3]) -> set[tuple[frozenset, str]]:
    """Who acted on whom ignored (a meeting coded from either side)."""
    return {(frozenset((actor, recipient)), kind) for actor, recipient, kind in tuples}


@dataclass
class PRF:
    """Precision, recall and F1 from counts."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, gold: set, predicted: set) -> None:
        self.tp += len(gold & predicted)
        self.predicted += len(predicted)
        self.gold += len(gold)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class ArticleScore:
    corpus: str
    ref: str
    language: str
    gold: dict[Tuple3, set[str]]
    predicted: dict[Tuple3, set[str]]
    excluded: Counter[str]
    rasad_events: int

    @property
    def matched(self) -> set[Tuple3]:
        return set(self.gold) & set(self.predicted)


def score_article(article: GoldArticle, record: dict) -> ArticleScore:
    predicted, excluded = rasad_tuples(record)
    return ArticleScore(
        article.corpus,
        article.ref,
        article.language,
        gold_tuples(article),
        predicted,
        excluded,
        len(record.get("events") or []),
    )


@dataclass
class DevReport:
    articles: int = 0
    gold_lines: int = 0
    articles_by_language: Counter[str] = field(default_factory=Counter)
    lines_by_language: Counter[str] = field(default_factory=Counter)
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    undirected: PRF = field(default_factory=PRF)
    by_language: dict[str, PRF] = field(default_factory=dict)
    by_type: dict[str, PRF] = field(default_factory=dict)
    modality_agree: int = 0  # matched tuples where rasad's modality is one the gold gives
    rasad_events: int = 0
    excluded: Counter[str] = field(default_factory=Counter)
    rows: list[ArticleScore] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, article: GoldArticle, score: ArticleScore) -> None:
        gold, predicted = set(score.gold), set(score.predicted)
        self.articles += 1
        self.gold_lines += len(article.events)
        self.articles_by_language[article.language] += 1
        self.lines_by_language[article.language] += len(article.events)
        self.strict.add(gold, predicted)
        self.relaxed.add(relaxed(gold), relaxed(predicted))
        self.undirected.add(undirected(gold), undirected(predicted))
        self.by_language.setdefault(article.language, PRF()).add(gold, predicted)
        for kind in {t[2] for t in gold | predicted}:
            self.by_type.setdefault(kind, PRF()).add(
                {t for t in gold if t[2] == kind}, {t for t in predicted if t[2] == kind}
            )
        self.modality_agree += sum(bool(score.gold[t] & score.predicted[t]) for t in score.matched)
        self.rasad_events += score.rasad_events
        self.excluded.update(score.excluded)
        self.rows.append(score)


def evaluate_dev(
    gold_path: Path, root: Path, limit: int | None = None, coder: Coder | None = None
) -> DevReport:
    """Code every gold article (or ``limit`` of them, spread evenly) and score its interstate events."""
    articles = spread(load_gold(gold_path), limit)
    resolver = ArticleResolver(root, (a.ref for a in articles if a.corpus == "ir-news"))
    documents = [resolver(article.corpus, article.ref) for article in articles]  # fail before coding
    coder = coder or _default_coder()
    report = DevReport()
    started = time.perf_counter()
    for article, found in zip(articles, documents, strict=True):
        record = _code_or_fail(coder, found.document, article.ref, report.failures)
        report.add(article, score_article(article, record))
    report.seconds = time.perf_counter() - started
    return report


def _prf_row(name: str, score: PRF) -> str:
    return (
        f"| {name} | {score.gold} | {score.predicted} | {score.tp} | {_pct(score.tp, score.predicted)} "
        f"| {_pct(score.tp, score.gold)} | {100 * score.f1:.1f} |"
    )


PRF_HEADER = ["| | gold | rasad | matched | precision | recall | F1 |", "|---|---|---|---|---|---|---|"]


def format_dev(report: DevReport) -> str:
    """The dev-set report as Markdown."""
    languages = ", ".join(
        f"{lang}: {report.articles_by_language[lang]} articles, {report.lines_by_language[lang]} gold events"
        for lang in sorted(report.articles_by_language)
    )
    lines = [
        "## Interstate events on the team's dev set",
        "",
        f"{report.articles} articles ({languages}) coded in {report.seconds:.1f} s. "
        f"rasad produced {report.rasad_events} events; "
        f"{sum(report.excluded.values())} of them are not interstate and are left out of the scores.",
        "",
        "Per article, sets of tuples; counts are distinct tuples summed over articles.",
        "",
        *PRF_HEADER,
        _prf_row("strict (actor, recipient, type)", report.strict),
        _prf_row("relaxed (actor, type)", report.relaxed),
        _prf_row("direction ignored ({actor, recipient}, type)", report.undirected),
    ]
    for language in sorted(report.by_language):
        lines.append(_prf_row(f"strict, {language}", report.by_language[language]))
    lines += [
        "",
        f"Modality agrees on {report.modality_agree} of {report.strict.tp} strict matches.",
        "",
        "Per type (strict):",
        "",
        *PRF_HEADER,
    ]
    for kind in EVENT_TYPES:
        if kind in report.by_type:
            lines.append(_prf_row(kind, report.by_type[kind]))
    if report.excluded:
        reasons = "; ".join(f"{reason}: {n}" for reason, n in report.excluded.most_common())
        lines += ["", f"Left out as not interstate: {reasons}."]
    lines += ["", "| article | lang | gold | rasad | matched |", "|---|---|---|---|---|"]
    for row in report.rows:
        lines.append(
            f"| {row.ref} | {row.language} | {len(row.gold)} | {len(row.predicted)} | {len(row.matched)} |"
        )
    if report.failures:
        lines += ["", f"{len(report.failures)} articles failed to code: " + "; ".join(report.failures[:5])]
    return "\n".join(lines)


# =================================================================================================
# Command line
# =================================================================================================


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``events`` to the ``rasad eval`` sub-commands."""
    parser = subparsers.add_parser(
        "events",
        help="measure event coding on the UniversalPetrarch Arabic gold set and the team's dev set",
        description="Code the UniversalPetrarch Arabic gold sentences and the dev-set articles and print "
        "two Markdown reports: event type, actor and recipient agreement on the gold sentences, and "
        "precision/recall/F1 of interstate (actor, recipient, type) tuples on the dev set.",
    )
    parser.add_argument("--root", default=DEFAULT_ROOT, help="corpora folder (default: %(default)s)")
    parser.add_argument(
        "--gsr",
        default=None,
        metavar="PATH",
        help=f"gold sentences (default: ROOT/{GSR_RELATIVE.as_posix()})",
    )
    parser.add_argument(
        "--dev", default=str(DEFAULT_DEV), metavar="PATH", help="dev-set gold file (default: %(default)s)"
    )
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="at most N gold sentences and N dev articles"
    )
    parser.set_defaults(func=cmd_eval_events)
    return parser


def _dev_path(value: str) -> Path:
    path = Path(value)
    if not path.exists() and not path.is_absolute() and (REPO / path).exists():
        return REPO / path  # run from outside the repository
    return path


def cmd_eval_events(args: argparse.Namespace) -> int:
    """``rasad eval events``: both reports; exit 2 when an input is missing or the dev gold is invalid."""
    root = Path(args.root)
    gsr = Path(args.gsr) if args.gsr else root / GSR_RELATIVE
    dev = _dev_path(args.dev)
    missing = [
        f"{what} {path}"
        for what, path, present in (
            ("corpora folder", root, root.is_dir()),
            ("gold sentences", gsr, gsr.is_file()),
            ("dev gold file", dev, dev.is_file()),
        )
        if not present
    ]
    if missing:
        print(f"rasad: event evaluation inputs not found: {'; '.join(missing)}", file=sys.stderr)
        return EXIT_MISSING
    try:
        dev_report = evaluate_dev(dev, root, args.limit)
        gsr_report = evaluate_gsr(gsr, args.limit)
    except (GoldError, GsrError) as error:
        print(f"rasad: {error}", file=sys.stderr)
        return EXIT_MISSING
    print(format_gsr(gsr_report))
    print()
    print(format_dev(dev_report))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rasad.eval.events")
    commands = parser.add_subparsers(dest="evaluation", required=True)
    add_parser(commands)
    args = parser.parse_args(["events", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
