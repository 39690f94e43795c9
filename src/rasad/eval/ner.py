"""How well rasad recognises actors, measured on public NER corpora (NewsFANE, ANERcorp, PEYMA).

Each gold sentence is rebuilt by joining its tokens with single spaces, run through
``find_actor_mentions`` like an article, and compared with the gold entities in character offsets.
A gold entity is *found* when a rasad mention of the kind its class maps to **overlaps** it: rasad's
spans leave out clitics and nisba endings ("و" + "لبنان", "ال" + "اسرائيل" + "ي") and the corpora
cut tokens their own way, so exact span match would measure tokenisation, not recognition.

Precision is measured on the mentions a class *judges* (for Nation: state mentions from the
dictionary written as a name or an epithet). A judged mention is *strictly* correct when it overlaps
a gold entity of the class itself and *leniently* correct when it overlaps one of the classes that
are no error for that kind (a state name inside a gold Government or Population-Center entity).
Nationality adjectives ("الاسرائيلي", "ایرانی") are not judged: all three corpora tag them O.
docs/NER.md gives every mapping and the figures of a full run.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasad.actors.resolve import ActorMention, find_actor_mentions
from rasad.text.normalize import normalize

EXIT_OK = 0
EXIT_NO_CORPUS = 2
DEFAULT_ROOT = "../shared/corpora"
DEFAULT_TOP = 20

Token = tuple[str, str]  # (token, tag)


# --- reading the corpora -------------------------------------------------------------------------


def read_newsfane(path: Path) -> Iterator[list[Token]]:
    """NewsFANE Gold: UTF-8 with BOM, CRLF, ``token<TAB>tag``, U+200E before most tokens; a line
    holding only a tab ends a sentence."""
    return _read_sentences(path, lambda line: line.split("\t", 1), encoding="utf-8-sig")


def read_anercorp(path: Path) -> Iterator[list[Token]]:
    """ANERcorp (CAMeL Lab split): ``token TAG``, a blank line between sentences."""
    return _read_sentences(path, lambda line: line.rsplit(" ", 1))


def read_peyma(path: Path) -> Iterator[list[Token]]:
    """PEYMA: ``token|TAG`` (a token may hold spaces and ZWNJ; the tag follows the last ``|``)."""
    return _read_sentences(path, lambda line: line.rsplit("|", 1))


def _read_sentences(
    path: Path, split: Callable[[str], list[str]], encoding: str = "utf-8"
) -> Iterator[list[Token]]:
    """Sentences as lists of (token, tag), read line by line (the corpora are streamed)."""
    sentence: list[Token] = []
    with path.open(encoding=encoding) as handle:  # universal newlines: CRLF is read as "\n"
        for line in handle:
            parts = split(line.rstrip("\r\n"))
            token = parts[0].replace("\u200e", "").strip() if parts else ""
            tag = parts[1].strip() if len(parts) == 2 else ""
            if not token:
                if sentence:
                    yield sentence
                sentence = []
                continue
            sentence.append((token, tag or "O"))
    if sentence:
        yield sentence


# --- gold spans ----------------------------------------------------------------------------------


def bio_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """Entities of a BIO tag sequence as ``(first token, end token exclusive, class)``.

    Both ``B-X``/``I-X`` and ``B_X``/``I_X`` are read; the class is everything after the prefix
    ("B-Population-Center" is Population-Center, "B-Other_PER" is Other_PER). An ``I`` tag that does
    not continue an entity of its class starts one (the CoNLL convention).
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    count = 0
    for index, tag in enumerate(tags):
        count = index + 1
        prefix, kind = _split_tag(tag)
        if prefix == "I" and label == kind:
            continue
        if label is not None:
            spans.append((start, index, label))
        start, label = (index, kind) if prefix in ("B", "I") else (None, None)
    if label is not None:
        spans.append((start, count, label))
    return spans


def _split_tag(tag: str) -> tuple[str, str | None]:
    if len(tag) > 2 and tag[0] in "BI" and tag[1] in "-_":
        return tag[0], tag[2:]
    return "O", None


def sentence_text(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens joined by single spaces, and each token's character span in that text."""
    offsets = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), offsets


@dataclass(frozen=True, slots=True)
class GoldEntity:
    start: int
    end: int
    label: str
    text: str


def gold_entities(sentence: list[Token]) -> tuple[str, list[GoldEntity]]:
    """The sentence's text and its gold entities in character offsets."""
    text, offsets = sentence_text([token for token, _ in sentence])
    entities = []
    for first, end, label in bio_spans(tag for _, tag in sentence):
        start, stop = offsets[first][0], offsets[end - 1][1]
        entities.append(GoldEntity(start, stop, label, text[start:stop]))
    return text, entities


# --- what counts for which class ------------------------------------------------------------------


def describe(mention: ActorMention) -> str:
    """A short name for what rasad made of a span: "state/name", "state/capital", "sector/body+country"."""
    if mention.kind == "state":
        return f"state/{mention.form_role if mention.rule == 'dictionary' else mention.rule}"
    if mention.kind == "sector":
        return f"sector/{mention.form_role}" + ("+country" if mention.country else "")
    if mention.kind == "person":
        return f"person/{mention.rule}"
    return mention.kind


def _state(*roles: str) -> Callable[[ActorMention], bool]:
    return lambda m: m.kind == "state" and m.rule == "dictionary" and (not roles or m.form_role in roles)


def _any(*tests: Callable[[ActorMention], bool]) -> Callable[[ActorMention], bool]:
    return lambda m: any(test(m) for test in tests)


def _is_place(m: ActorMention) -> bool:
    return m.kind == "place"


def _is_person(m: ActorMention) -> bool:
    return m.kind == "person" and m.rule in ("dictionary", "apposition")


def _is_igo_or_group(m: ActorMention) -> bool:
    """An organisation of states or a non-state group from the dictionaries (groups.tsv)."""
    return m.kind in ("igo", "organization")


def _is_body_of_country(m: ActorMention) -> bool:
    """An institution of a named country ("الحكومة اللبنانية", "وزارت دفاع قزاقستان"); titles
    ("وزير الخارجية الاميركي") are roles, not organisations, and no corpus tags them."""
    return m.kind == "sector" and m.form_role == "body" and m.country is not None


# The state apparatus: what NewsFANE calls Government (its Media, Educational, Commercial classes hold
# the press, universities and firms that rasad also codes as a country's sector).
STATE_SECTORS = frozenset("GOV MIL LEG JUD COP SPY".split())


def _is_state_body(m: ActorMention) -> bool:
    return _is_body_of_country(m) and m.sector in STATE_SECTORS


_is_state = _state()
_is_state_noun = _state("name", "epithet")
_is_location = _any(_state("name", "epithet", "capital", "seat"), _is_place)
_is_organisation = _any(_is_igo_or_group, _is_body_of_country)


@dataclass(frozen=True)
class ClassSpec:
    """How one gold class is scored.

    ``hit``: the mentions that find a gold entity of the class when they overlap it.
    ``judged``: the mentions whose precision is measured for the class.
    ``lenient``: gold classes a judged mention may overlap without being a false positive.
    """

    label: str
    kinds: str
    hit: Callable[[ActorMention], bool]
    judged: Callable[[ActorMention], bool]
    lenient: frozenset[str]


_NEWSFANE_LOCATIONS = frozenset(
    "Population-Center State-or-Province County-or-District Nation Continent GPE-Cluster "
    "Land-Region-Natural Water-Body Building-Grounds Airport Subarea-Facility Path".split()
)
_NEWSFANE_PEOPLE = frozenset(
    "Politician Other_PER Religious_PER Businessperson Lawyer Scientist Athlete Artist Engineer".split()
)
NEWSFANE = (
    ClassSpec(
        "Nation",
        "state",
        _is_state,
        _is_state_noun,
        frozenset({"Nation", "Population-Center", "Government"}),
    ),
    ClassSpec("Population-Center", "place", _is_place, _is_place, _NEWSFANE_LOCATIONS),
    ClassSpec("Politician", "person", _is_person, _is_person, _NEWSFANE_PEOPLE),
    ClassSpec(
        "Government",
        "state, state body+country",
        _any(_is_state, _is_state_body),
        _is_state_body,
        frozenset({"Government", "Police", "Nation"}),
    ),
)
ANERCORP = (
    ClassSpec("LOC", "state, place", _any(_is_state, _is_place), _is_location, frozenset({"LOC", "ORG"})),
    ClassSpec("PERS", "person", _is_person, _is_person, frozenset({"PERS"})),
    ClassSpec(
        "ORG", "igo, group, sector body+country", _is_organisation, _is_organisation, frozenset({"ORG"})
    ),
)
PEYMA = (
    ClassSpec("LOC", "state, place", _any(_is_state, _is_place), _is_location, frozenset({"LOC", "ORG"})),
    ClassSpec("PER", "person", _is_person, _is_person, frozenset({"PER"})),
    ClassSpec(
        "ORG", "igo, group, sector body+country", _is_organisation, _is_organisation, frozenset({"ORG"})
    ),
)


@dataclass(frozen=True)
class Corpus:
    name: str
    language: str
    path: str  # under the corpora root
    read: Callable[[Path], Iterator[list[Token]]]
    classes: tuple[ClassSpec, ...]


CORPORA = {
    "newsfane": Corpus(
        "newsfane", "ar", "ner-ar/newsfane/NewsFANE_Gold_2014_170K.txt", read_newsfane, NEWSFANE
    ),
    "anercorp": Corpus(
        "anercorp", "ar", "ner-ar/anercorp/ANERCorp_CamelLab_test.txt", read_anercorp, ANERCORP
    ),
    "peyma": Corpus("peyma", "fa", "ner-fa/peyma/test.txt", read_peyma, PEYMA),
}


# --- scoring -------------------------------------------------------------------------------------


@dataclass
class ClassScore:
    """Counts for one gold class."""

    label: str
    kinds: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    strict: int = 0
    lenient: int = 0
    found_by: Counter[str] = field(default_factory=Counter)  # what found the gold entities
    missed_as: Counter[str] = field(default_factory=Counter)  # what rasad put on the missed ones
    misses: Counter[str] = field(default_factory=Counter)  # missed gold strings
    false_positives: Counter[str] = field(default_factory=Counter)  # judged mentions on no lenient class

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        """Lenient precision: judged mentions overlapping a gold entity of an accepted class."""
        return self.lenient / self.predicted if self.predicted else 0.0

    @property
    def strict_precision(self) -> float:
        """Judged mentions overlapping a gold entity of this very class."""
        return self.strict / self.predicted if self.predicted else 0.0


@dataclass
class NerReport:
    """What one corpus run measured."""

    corpus: str
    language: str
    sentences: int = 0
    tokens: int = 0
    entities: Counter[str] = field(default_factory=Counter)  # gold entities per class, all classes
    classes: dict[str, ClassScore] = field(default_factory=dict)
    adjectives: int = 0  # state mentions written as an adjective (not judged)
    adjectives_in_entity: int = 0  # ...of which overlap some gold entity
    # State names resolved inside a longer word ("الصين" in "الصينية"): adjectives taken for names.
    suffixed_names: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def _overlaps(mention: ActorMention, entity: GoldEntity) -> bool:
    return mention.start < entity.end and entity.start < mention.end


def score_sentence(
    report: NerReport, specs: Iterable[ClassSpec], entities: list[GoldEntity], mentions: list[ActorMention]
) -> None:
    """Add one sentence's gold entities and rasad mentions to ``report``."""
    report.entities.update(entity.label for entity in entities)
    for spec in specs:
        score = report.classes.setdefault(spec.label, ClassScore(spec.label, spec.kinds))
        for entity in entities:
            if entity.label != spec.label:
                continue
            score.gold += 1
            over = [m for m in mentions if _overlaps(m, entity)]
            hits = [m for m in over if spec.hit(m)]
            if hits:
                score.found += 1
                score.found_by[describe(hits[0])] += 1
            else:
                score.misses[entity.text] += 1
                score.missed_as[" & ".join(sorted({describe(m) for m in over})) or "nothing"] += 1
        for mention in mentions:
            if not spec.judged(mention):
                continue
            score.predicted += 1
            labels = {entity.label for entity in entities if _overlaps(mention, entity)}
            score.strict += spec.label in labels
            if labels & spec.lenient:
                score.lenient += 1
            else:
                score.false_positives[mention.text] += 1
    for mention in mentions:
        if mention.kind == "state" and mention.rule == "dictionary" and mention.form_role == "adjective":
            report.adjectives += 1
            report.adjectives_in_entity += any(_overlaps(mention, entity) for entity in entities)


def suffixed_names(text: str, mentions: Iterable[ActorMention]) -> list[str]:
    """The whole words of state mentions resolved as a *name* although letters follow the name in the
    same word: "الصينية" read as "الصين" + "ية" is an adjective, not the country's name."""
    words = []
    for mention in mentions:
        if mention.kind == "state" and mention.rule == "dictionary" and mention.form_role == "name":
            end = mention.end
            while end < len(text) and text[end].isalpha():
                end += 1
            if end > mention.end:
                start = mention.start
                while start > 0 and text[start - 1].isalpha():
                    start -= 1
                words.append(text[start:end])
    return words


def evaluate(corpus: str, root: Path, limit: int | None = None, every: int = 1) -> NerReport:
    """Score rasad's actor recognition on a corpus: every ``every``-th sentence, at most ``limit``."""
    spec = CORPORA[corpus]
    path = Path(root) / spec.path
    if not path.is_file():
        raise FileNotFoundError(f"{corpus}: {path} not found")
    report = NerReport(corpus, spec.language)
    report.classes = {c.label: ClassScore(c.label, c.kinds) for c in spec.classes}
    started = time.perf_counter()
    sentences = itertools.islice(spec.read(path), 0, None, max(every, 1))
    for sentence in itertools.islice(sentences, limit):
        text, entities = gold_entities(sentence)
        mentions = find_actor_mentions(normalize(text), spec.language)
        report.sentences += 1
        report.tokens += len(sentence)
        score_sentence(report, spec.classes, entities, mentions)
        report.suffixed_names.update(suffixed_names(text, mentions))
    report.seconds = time.perf_counter() - started
    return report


def available(root: Path) -> list[str]:
    """The corpora present under ``root``."""
    return [name for name, corpus in CORPORA.items() if (Path(root) / corpus.path).is_file()]


# --- reporting -----------------------------------------------------------------------------------


def _ratio(value: float, denominator: int) -> str:
    return f"{value:.3f}" if denominator else "–"


def _top(counter: Counter[str], n: int) -> str:
    return ", ".join(f"{key} ({count})" for key, count in counter.most_common(n)) or "–"


def report_table(reports: Iterable[NerReport]) -> str:
    """A Markdown table: one row per corpus and gold class."""
    lines = [
        "| corpus | gold class | rasad kinds | gold | found | recall | judged | strict P | P "
        "| found by | missed ones were |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for report in reports:
        for score in report.classes.values():
            lines.append(
                f"| {report.corpus} | {score.label} | {score.kinds} | {score.gold} | {score.found} "
                f"| {_ratio(score.recall, score.gold)} | {score.predicted} "
                f"| {_ratio(score.strict_precision, score.predicted)} "
                f"| {_ratio(score.precision, score.predicted)} "
                f"| {_top(score.found_by, 3)} | {_top(score.missed_as, 3)} |"
            )
    return "\n".join(lines)


def report_details(report: NerReport, top: int = DEFAULT_TOP) -> str:
    """Sample size, speed, adjectives, and the most frequent misses and false positives per class."""
    rate = report.tokens / report.seconds if report.seconds else 0.0
    lines = [
        f"### {report.corpus} ({report.language})",
        "",
        f"{report.sentences} sentences, {report.tokens} tokens, {sum(report.entities.values())} gold "
        f"entities, {report.seconds:.1f} s ({rate:.0f} tokens/s). State adjectives (not judged: the "
        f"corpus tags them O): {report.adjectives}, of which {report.adjectives_in_entity} inside a "
        "gold entity.",
        "",
        f"- state names read inside a longer word (adjectives taken for names): "
        f"{sum(report.suffixed_names.values())}; top {top}: {_top(report.suffixed_names, top)}",
    ]
    for score in report.classes.values():
        lines.append(f"- {score.label}, top {top} missed: {_top(score.misses, top)}")
        lines.append(f"- {score.label}, top {top} false positives: {_top(score.false_positives, top)}")
    return "\n".join(lines)


# --- command line --------------------------------------------------------------------------------


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``ner`` to the ``rasad eval`` sub-commands."""
    parser = subparsers.add_parser(
        "ner",
        help="measure actor recognition on the public NER corpora (NewsFANE, ANERcorp, PEYMA)",
        description="Run rasad's actor resolution over gold NER sentences and print recall and "
        "precision per gold class as a Markdown table, then the most frequent misses and false positives.",
    )
    parser.add_argument("--root", default=DEFAULT_ROOT, help="corpora folder (default: %(default)s)")
    parser.add_argument(
        "--corpus", choices=[*CORPORA, "all"], default="all", help="corpus to score (default: %(default)s)"
    )
    parser.add_argument("--every", type=int, default=1, metavar="K", help="take every K-th sentence")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N sentences per corpus")
    parser.add_argument(
        "--top", type=int, default=DEFAULT_TOP, metavar="N", help="misses and false positives to list"
    )
    parser.set_defaults(func=cmd_eval_ner)
    return parser


def cmd_eval_ner(args: argparse.Namespace) -> int:
    """``rasad eval ner``: the table, then the details; exit 2 when a corpus is missing."""
    root = Path(args.root)
    present = available(root)
    wanted = list(CORPORA) if args.corpus == "all" else [args.corpus]
    missing = [name for name in wanted if name not in present]
    if (args.corpus != "all" and missing) or not present:
        paths = ", ".join(str(root / CORPORA[name].path) for name in missing)
        print(f"rasad: NER corpora not found: {paths}", file=sys.stderr)
        return EXIT_NO_CORPUS
    for name in missing:
        print(f"rasad: skipping {name}: {root / CORPORA[name].path} not found", file=sys.stderr)
    reports = [evaluate(name, root, args.limit, args.every) for name in wanted if name in present]
    print(report_table(reports))
    for report in reports:
        print()
        print(report_details(report, args.top))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rasad.eval.ner")
    commands = parser.add_subparsers(dest="evaluation", required=True)
    add_parser(commands)
    args = parser.parse_args(["ner", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
