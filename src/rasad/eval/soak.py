"""Soak: every public text in the corpora folder through the whole pipeline.

The news corpora's articles, the NER corpora's sentences and the event gold sets' sentences are
text nobody on the team wrote, in the spellings, markup leftovers and lengths real news has. Each
one is coded with the per-document time budget, and its record must validate against the output
contract and every offset in it must slice the text it came from. Anything else is a failure:
an exception (named with where it was raised), a schema error, an offset that slices other words,
or a document over its time budget. ``rasad eval soak`` runs it all; ``make soak`` is that command.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator

from rasad.document import RawDocument
from rasad.eval.events import GSR_RELATIVE, read_gsr
from rasad.eval.ner import read_anercorp, read_newsfane, read_peyma, sentence_text
from rasad.ingest.corpora import farsnews, ir_news, saudinewsnet
from rasad.pipeline import DEFAULT_TIME_BUDGET_S, TimeBudgetExceeded, code_document, load_resources

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2
DEFAULT_ROOT = "../shared/corpora"
SCHEMA_BESIDE_CORPORA = Path("spec") / "document.schema.json"  # ../shared/spec beside ../shared/corpora
LISTED_FAILURES = 20
CHUNK = 8  # documents handed to a worker at a time

Reader = Callable[[Path], Iterator[RawDocument]]


# --- the texts -------------------------------------------------------------------------------------


def _articles(corpus: Callable[[Path], Iterator]) -> Reader:
    return lambda root: (item.document for item in corpus(root))


def _sentences(read: Callable[[Path], Iterator[list[tuple[str, str]]]], *files: str) -> Reader:
    """Each gold sentence of the NER files as a document: its tokens joined by spaces, as the NER
    evaluation reads it."""

    def documents(root: Path) -> Iterator[RawDocument]:
        for name in files:
            path = root / name
            for number, sentence in enumerate(read(path), start=1):
                yield RawDocument(
                    sentence_text([token for token, _ in sentence])[0], path=f"{path}#S{number}"
                )

    return documents


def _gsr_sentences(root: Path) -> Iterator[RawDocument]:
    path = root / GSR_RELATIVE
    for sentence in read_gsr(path):
        yield RawDocument(sentence.text, path=f"{path}#{sentence.id}")


_PETR_TEXT = re.compile(r"<Text>\s*(.*?)\s*</Text>", re.S)
_PETR_PATH = Path("events-en") / "universalpetrarch" / "PETR2_GSR_validation.xml"
_PLOVER_PATH = Path("events-en") / "plover-gsr-cameo.json"


def _petrarch_sentences(root: Path) -> Iterator[RawDocument]:
    """The English validation records (not strict XML: their ``<Text>`` elements are read directly)."""
    path = root / _PETR_PATH
    for number, found in enumerate(_PETR_TEXT.finditer(path.read_text(encoding="utf-8")), start=1):
        yield RawDocument(found[1], path=f"{path}#{number}")


def _plover_sentences(root: Path) -> Iterator[RawDocument]:
    path = root / _PLOVER_PATH
    for record in json.loads(path.read_text(encoding="utf-8")):
        if (record.get("text") or "").strip():
            yield RawDocument(record["text"], path=f"{path}#{record.get('id')}")


@dataclass(frozen=True)
class Source:
    """One body of text under the corpora root: present when ``path`` exists."""

    name: str
    path: str
    read: Reader


_ARMAN = tuple(
    f"ner-fa/arman/test_fold{n}.txt" for n in (1, 2, 3)
)  # the three test folds: every sentence once
_PEYMA = tuple(f"ner-fa/peyma/{split}.txt" for split in ("train", "dev", "test"))
SOURCES = (
    Source("saudinewsnet", "news-ar/saudinewsnet", _articles(saudinewsnet)),
    Source("ir-news", "news-fa/ir-news/Dataset", _articles(ir_news)),
    Source("farsnews", "news-fa/farsnews", _articles(farsnews)),
    Source(
        "newsfane",
        "ner-ar/newsfane/NewsFANE_Gold_2014_170K.txt",
        _sentences(read_newsfane, "ner-ar/newsfane/NewsFANE_Gold_2014_170K.txt"),
    ),
    Source(
        "anercorp",
        "ner-ar/anercorp/ANERCorp_CamelLab_test.txt",
        _sentences(read_anercorp, "ner-ar/anercorp/ANERCorp_CamelLab_test.txt"),
    ),
    Source("peyma", "ner-fa/peyma/test.txt", _sentences(read_peyma, *_PEYMA)),
    Source("arman", "ner-fa/arman/test_fold1.txt", _sentences(read_anercorp, *_ARMAN)),
    Source("universalpetrarch-ar", str(GSR_RELATIVE), _gsr_sentences),
    Source("universalpetrarch-en", str(_PETR_PATH), _petrarch_sentences),
    Source("plover-gsr", str(_PLOVER_PATH), _plover_sentences),
)


def available(root: Path) -> list[Source]:
    return [source for source in SOURCES if (root / source.path).exists()]


# --- checking one document -----------------------------------------------------------------------


def record_problems(record: dict, text: str, validator: Draft202012Validator) -> list[str]:
    """What is wrong with a record: schema errors, then offsets that do not slice ``text``."""
    problems = [
        f"schema: {error.message} at /{'/'.join(map(str, error.absolute_path))}"
        for error in validator.iter_errors(record)
    ]
    if problems:
        return problems
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            if text[mention["start"] : mention["end"]] != mention["text"]:
                problems.append(f"entity {entity['id']}: mention {mention} does not slice the text")
    for event in record["events"]:
        info, trigger = event["text_info"], event["trigger"]
        if text[info["start"] : info["end"]] != event["event_text"]:
            problems.append(f"event {event['id']}: text_info {info} does not slice event_text")
        if text[trigger["start"] : trigger["end"]] != trigger["text"]:
            problems.append(f"event {event['id']}: trigger {trigger} does not slice the text")
        if not info["start"] <= trigger["start"] <= trigger["end"] <= info["end"]:
            problems.append(f"event {event['id']}: trigger {trigger} lies outside its sentence")
    return problems


def _raised_at(error: BaseException) -> str:
    """Where an exception was raised, as ``file:line in function`` (one line, for the report)."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "?"
    frame = frames[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    problems: tuple[str, ...]
    seconds: float


_worker: dict = {}  # the validator and budget of this process, set once by ``_start``


def _start(schema: dict, time_budget: float | None) -> None:
    _worker["validator"] = Draft202012Validator(schema)
    _worker["budget"] = time_budget
    load_resources(language_models=True)  # so that no text's time includes loading the models


def soak_one(document: RawDocument) -> Outcome:
    """Code one document and check its record; never raises."""
    started = time.perf_counter()
    try:
        record = code_document(document, time_budget=_worker["budget"])
        problems = record_problems(record, document.text, _worker["validator"])
    except TimeBudgetExceeded as error:
        problems = [str(error)]
    except Exception as error:  # the soak exists to find these: report it and go on
        problems = [f"{type(error).__name__}: {error} (at {_raised_at(error)})"]
    return Outcome(document.path or "<document>", tuple(problems), time.perf_counter() - started)


# --- the run -------------------------------------------------------------------------------------


@dataclass
class SoakReport:
    """What soaking one source found."""

    source: str
    documents: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    slowest: float = 0.0
    slowest_path: str = ""

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        if outcome.seconds > self.slowest:
            self.slowest, self.slowest_path = outcome.seconds, outcome.path
        if outcome.problems:
            self.failed += 1
            if len(self.failures) < LISTED_FAILURES:
                self.failures.append(f"{outcome.path}: {'; '.join(outcome.problems)}")

    def summary(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (
            f"{self.source}: {self.documents} documents, {self.failed} failures, {rate:.0f} documents/s; "
            f"slowest {self.slowest:.2f} s ({self.slowest_path})"
        )


def run_soak(
    root: Path,
    schema: dict,
    sources: list[Source] | None = None,
    every: int = 1,
    limit: int | None = None,
    workers: int = 1,
    time_budget: float | None = DEFAULT_TIME_BUDGET_S,
) -> Iterator[SoakReport]:
    """One report per source, as each finishes: every ``every``-th text, at most ``limit`` per source."""
    _start(schema, time_budget)
    pool = multiprocessing.Pool(workers, _start, (schema, time_budget)) if workers > 1 else None
    try:
        for source in available(root) if sources is None else sources:
            report = SoakReport(source.name)
            started = time.perf_counter()
            documents = itertools.islice(
                source.read(root), 0, limit * every if limit else None, max(every, 1)
            )
            outcomes = pool.imap(soak_one, documents, CHUNK) if pool else map(soak_one, documents)
            for outcome in outcomes:
                report.add(outcome)
            report.seconds = time.perf_counter() - started
            yield report
    finally:
        if pool:
            pool.terminate()


def load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- command line --------------------------------------------------------------------------------


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``soak`` to the ``rasad eval`` sub-commands."""
    parser = subparsers.add_parser(
        "soak",
        help="every public text through the pipeline: no exception, every record schema-valid",
        description="Code every news article and every NER and event gold sentence under ROOT and check "
        "each record against the output contract and its offsets against the text. Prints one line per "
        "corpus (documents, failures, speed, slowest document), then the first failures.",
    )
    parser.add_argument("--root", default=DEFAULT_ROOT, help="corpora folder (default: %(default)s)")
    parser.add_argument(
        "--schema",
        default=None,
        metavar="PATH",
        help=f"output contract (default: ROOT/../{SCHEMA_BESIDE_CORPORA.as_posix()})",
    )
    parser.add_argument(
        "--every", type=int, default=1, metavar="K", help="take every K-th text of each corpus"
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N texts per corpus")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes coding in parallel (default: %(default)s)",
    )
    parser.add_argument(
        "--time-budget",
        type=float,
        default=DEFAULT_TIME_BUDGET_S,
        metavar="SECONDS",
        help="a text taking longer is a failure; 0 for no limit (default: %(default)s)",
    )
    parser.set_defaults(func=cmd_eval_soak)
    return parser


def cmd_eval_soak(args: argparse.Namespace) -> int:
    """``rasad eval soak``: exit 1 when any text failed, 2 when the corpora or the contract are missing."""
    root = Path(args.root)
    schema_path = Path(args.schema) if args.schema else root.parent / SCHEMA_BESIDE_CORPORA
    if not schema_path.is_file():
        print(f"rasad: output contract not found at {schema_path} (give it with --schema)", file=sys.stderr)
        return EXIT_USAGE
    if not available(root):
        print(f"rasad: no corpora found under {root}", file=sys.stderr)
        return EXIT_USAGE
    if (
        args.every < 1
        or (args.limit is not None and args.limit < 1)
        or args.workers < 1
        or args.time_budget < 0
    ):
        print(
            "rasad: --every, --limit and --workers must be 1 or more, --time-budget 0 or more",
            file=sys.stderr,
        )
        return EXIT_USAGE
    total = SoakReport("total")
    failures: list[str] = []
    budget = args.time_budget or None
    for report in run_soak(
        root, load_schema(schema_path), None, args.every, args.limit, args.workers, budget
    ):
        print(report.summary(), flush=True)
        total.documents += report.documents
        total.failed += report.failed
        total.seconds += report.seconds
        failures += report.failures
    print(f"total: {total.documents} documents, {total.failed} failures, {total.seconds:.0f} s")
    for line in failures[:LISTED_FAILURES]:
        print(f"  {line}")
    return EXIT_FAILURES if total.failed else EXIT_OK
