"""The one pipeline: a raw document in, a document record out.

A chain of small stages, each with one job, each reading and filling an ``Analysis``.
The CLI, the HTTP API and the Spark job all call ``code_document``; no stage knows who
called it, and the same document always yields the same record.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from rasad.actors.entities import entities_from_mentions
from rasad.actors.resolve import ActorMention, find_actor_mentions
from rasad.dates import FoundDate, latest_date, publication_date
from rasad.deadline import TimeBudgetExceeded, budget
from rasad.document import RawDocument
from rasad.events.coder import CodingContext, code_events
from rasad.text.boilerplate import BoilerplateSpan, find_boilerplate
from rasad.text.langid import UNDETERMINED, identify_language, load_model_for
from rasad.text.normalize import NormalizedText, normalize
from rasad.text.segment import Sentence, split_sentences

CODED_LANGUAGES = frozenset({"ar", "fa", "en"})
MAX_TITLE_CHARS = 250
MIN_TITLE_WORDS = 4
_TITLE_DECORATION = " \t•*-–—#|>\"'«»“”"


@dataclass
class Analysis:
    """Everything the stages learn about one document."""

    doc: RawDocument
    normalized: NormalizedText | None = None
    language: str = UNDETERMINED
    sentences: list[Sentence] = field(default_factory=list)
    boilerplate: list[BoilerplateSpan] = field(default_factory=list)
    title: str | None = None
    published: FoundDate | None = None
    published_from_metadata: bool = False
    actors: list[ActorMention] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    record_id: str | None = field(default=None, init=False, repr=False)  # see ``identifier``

    def identifier(self) -> str:
        """The document's id, hashed once: event ids and the record both need it."""
        if self.record_id is None:
            self.record_id = document_id(self.doc, self.normalized)
        return self.record_id

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when the span lies inside a boilerplate line."""
        return any(span.start <= start and end <= span.end for span in self.boilerplate)

    def article_sentences(self) -> list[tuple[int, Sentence]]:
        """Sentences with their index, boilerplate left out: what later stages code."""
        return [(i, s) for i, s in enumerate(self.sentences) if not self.in_boilerplate(s.start, s.end)]


Stage = Callable[[Analysis], None]


def normalise_text(analysis: Analysis) -> None:
    if analysis.normalized is None:  # the caller may have normalised the text already (for its id)
        analysis.normalized = normalize(analysis.doc.text)


def detect_language(analysis: Analysis) -> None:
    analysis.language = identify_language(analysis.doc.text)
    if analysis.language not in CODED_LANGUAGES:
        analysis.warnings.append(
            f"language '{analysis.language}' is not coded: no entities or events are extracted"
        )


def segment_sentences(analysis: Analysis) -> None:
    analysis.sentences = split_sentences(analysis.doc.text)


def mark_boilerplate(analysis: Analysis) -> None:
    analysis.boilerplate = find_boilerplate(analysis.doc.text, analysis.normalized)


def find_title(analysis: Analysis) -> None:
    """The container's title, else a headline-like first line of the text."""
    if analysis.doc.title and analysis.doc.title.strip():
        analysis.title = analysis.doc.title.strip()
        return
    for line in analysis.doc.text.split("\n"):
        candidate = line.strip(_TITLE_DECORATION)
        if not candidate:
            continue
        words = len(candidate.split())
        if words >= MIN_TITLE_WORDS and len(candidate) <= MAX_TITLE_CHARS and candidate[-1] not in ".:":
            analysis.title = candidate
        return


def find_publication_date(analysis: Analysis) -> None:
    doc = analysis.doc
    analysis.published = publication_date(doc.text, doc.published, analysis.language)
    analysis.published_from_metadata = bool(
        analysis.published is not None and doc.published and analysis.published.text == doc.published
    )


def resolve_actors(analysis: Analysis) -> None:
    """States, organisations, people and places, with country and sector, outside boilerplate."""
    if analysis.language not in CODED_LANGUAGES or analysis.normalized is None:
        return
    published = analysis.published.date if analysis.published else None
    boilerplate = [(span.start, span.end) for span in analysis.boilerplate]
    analysis.actors = find_actor_mentions(
        analysis.normalized, analysis.language, published, boilerplate, analysis.sentences
    )


def code_political_events(analysis: Analysis) -> None:
    """PLOVER events from the article's sentences (boilerplate left out) and its resolved actors."""
    if analysis.language not in CODED_LANGUAGES or analysis.normalized is None or not analysis.actors:
        return
    context = CodingContext(
        text=analysis.doc.text,
        normalized=analysis.normalized,
        language=analysis.language,
        published=analysis.published.date if analysis.published else None,
        doc_id=analysis.identifier(),
        anchor=None if analysis.published else latest_date(analysis.doc.text, analysis.language),
    )
    analysis.events = code_events(context, analysis.article_sentences(), analysis.actors)


STAGES: tuple[Stage, ...] = (
    normalise_text,
    detect_language,
    segment_sentences,
    mark_boilerplate,
    find_title,
    find_publication_date,
    resolve_actors,
    code_political_events,
)


# A known duplicate is described (language, title, date) but its actors and events are not coded again.
DESCRIBE_STAGES = STAGES[: STAGES.index(resolve_actors)]


# Seconds one document may take by default (``rasad code --time-budget``). A news article takes
# milliseconds and the longest in the public corpora (47 kB) under half a second, so a document
# still running after this is pathological (or megabytes long), not merely long.
DEFAULT_TIME_BUDGET_S = 10.0


def analyse(
    doc: RawDocument,
    stages: tuple[Stage, ...] = STAGES,
    deadline: tuple[float, float] | None = None,
    normalized: NormalizedText | None = None,
    identifier: str | None = None,
) -> Analysis:
    """Run the stages over one document (``normalized``: its text already normalised; ``identifier``:
    its ``document_id`` already computed).

    ``deadline`` is ``(monotonic end, budget)``: checked between stages, so a budget holds in any
    thread, where no timer signal can interrupt a stage that runs long.
    """
    analysis = Analysis(doc, normalized)
    analysis.record_id = identifier
    for stage in stages:
        stage(analysis)
        if deadline is not None and time.monotonic() > deadline[0]:
            raise TimeBudgetExceeded(deadline[1], f"after {stage.__name__}")
    return analysis


MIN_ID_CHARS = 8  # the output contract's minimum id length


def document_id(doc: RawDocument, normalized: NormalizedText | None = None) -> str:
    """The input's own id, else the first 16 hex digits of the SHA-256 of the normalised text.

    An input id shorter than the contract allows keeps its value and gains the first 8 hex
    digits of the text's hash, so it stays recognisable and becomes unique.
    """
    if doc.doc_id and len(doc.doc_id) >= MIN_ID_CHARS:
        return doc.doc_id
    text = (normalized or normalize(doc.text)).text
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
    return f"{doc.doc_id}-{digest[:8]}" if doc.doc_id else digest[:16]


def to_record(analysis: Analysis) -> dict:
    """The document record of the output contract (``../shared/spec``)."""
    doc = analysis.doc
    published = None
    if analysis.published is not None:
        published = {
            "date": analysis.published.date,
            "text": analysis.published.text,
            "calendar": "metadata" if analysis.published_from_metadata else analysis.published.calendar,
        }
    record: dict = {
        "id": analysis.identifier(),
        "source": {"path": doc.path, "url": doc.url, "outlet": doc.outlet},
        "language": analysis.language,
        "title": analysis.title,
        "published": published,
        "entities": entities_from_mentions(analysis.actors),
        "events": analysis.events,
    }
    if analysis.warnings:
        record["warnings"] = list(analysis.warnings)
    return record


def code_document(
    doc: RawDocument,
    duplicate_of: str | None = None,
    time_budget: float | None = None,
    normalized: NormalizedText | None = None,
    identifier: str | None = None,
) -> dict:
    """Raw document in, document record out. A known duplicate is described but not coded.

    ``normalized`` is ``normalize(doc.text)`` and ``identifier`` is ``document_id(doc)`` where the
    caller has them already (from the duplicate check), so neither is computed twice.

    With ``time_budget`` (seconds) a document that takes longer raises ``TimeBudgetExceeded``:
    in the main thread a timer interrupts even a stage that runs away; in any thread the loops over
    sentences and actor hits check the budget (``rasad.deadline``), and so does the end of every
    stage. The lazily loaded models and dictionaries are loaded first, outside the budget, so the
    first document of a process is not charged for them.
    """
    stages = DESCRIBE_STAGES if duplicate_of is not None else STAGES
    if time_budget is None:
        analysis = analyse(doc, stages, normalized=normalized, identifier=identifier)
    else:
        load_resources()
        load_model_for(doc.text)
        with _interrupt_after(time_budget), budget(time_budget) as end:
            analysis = analyse(doc, stages, (end, time_budget), normalized, identifier)
    if duplicate_of is not None:
        analysis.warnings.append(f"duplicate of document {duplicate_of}: not coded again")
    return to_record(analysis)


# One short sentence per coded language: coding them loads every dictionary and lexicon a document
# can need. The language is given, so that no language model is loaded (see ``load_resources``).
_WARM_UP_TEXTS = {
    "ar": "قال وزير الخارجية السعودي إن المملكة ستوقع اتفاقا مع إيران.",
    "fa": "وزیر امور خارجه ایران روز دوشنبه با همتای روس خود در مسکو دیدار کرد.",
    "en": "The foreign minister of Kazakhstan met his Russian counterpart in Moscow on Monday.",
}
_resources_loaded = False


def load_resources(language_models: bool = False) -> None:
    """Load every dictionary and lexicon coding can need, once per process (before a budget starts).

    The language identifier's statistical models (seconds to load; most runs need one, many none)
    are loaded only with ``language_models``; otherwise each is loaded when a text first needs it
    (``code_document`` with a time budget does so before starting the clock).
    """
    global _resources_loaded
    if not _resources_loaded:
        for language, text in _WARM_UP_TEXTS.items():
            analysis = Analysis(RawDocument(text), language=language)
            for stage in STAGES:
                if stage is not detect_language:
                    stage(analysis)
        _resources_loaded = True
    if language_models:
        load_model_for()


@contextmanager
def _interrupt_after(budget: float) -> Iterator[None]:
    """Raise ``TimeBudgetExceeded`` wherever the code is once ``budget`` seconds have passed.

    Only the main thread can take a signal, and only where ``setitimer`` exists (not Windows);
    anywhere else this does nothing and the checks between stages keep the budget.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeBudgetExceeded(budget, "interrupted")

    previous = signal.signal(signal.SIGALRM, expire)
    try:  # set inside the try: a timer that fires at once still gets the old handler restored
        signal.setitimer(signal.ITIMER_REAL, budget)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
