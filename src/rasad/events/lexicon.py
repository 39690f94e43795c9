"""Event lexicons: triggers, modality cues, context and mode cues, reporting and addressee words, CAMEO map.

All of it is TSV data in ``events/data`` (see the README there). Forms are matched word by word on
normalised text; each word of a form matches a text word carrying it with the attached prefixes and
suffixes of the language, so one stem covers a verb's persons, tenses and clitics.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from rasad.actors.dictionary import read_rows, split_cell
from rasad.text.normalize import normalize_string

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES = ("asserted", "intended", "denied", "hypothetical", "reported_historical")
SCOPES = ("adjacent", "before", "sentence", "previous")
LANGUAGES = ("ar", "fa", "en")
GAP = "..."
ALL_RULES = "*"  # confidence.tsv: the row counting every judged event
MAX_GAP_WORDS = 8  # Arabic VSO puts the subject and a date between a verb and its object


@dataclass(frozen=True, slots=True)
class Pattern:
    """A form as words to match; ``gaps[i]`` allows up to four words before word ``i``."""

    words: tuple[str, ...]
    exact: tuple[bool, ...]
    gaps: tuple[bool, ...]
    source: str  # the form as the analyst wrote it


@dataclass(frozen=True, slots=True)
class Trigger:
    language: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    pattern: Pattern
    line: int


@dataclass(frozen=True, slots=True)
class Cue:
    """A modality, context or mode cue."""

    language: str
    label: str  # the modality, the context, or the mode
    pattern: Pattern
    scope: str = "sentence"
    event: str | None = None  # for mode cues: the event type they apply to


@dataclass
class Lexicon:
    triggers: list[Trigger] = field(default_factory=list)
    modality: list[Cue] = field(default_factory=list)
    contexts: list[Cue] = field(default_factory=list)
    modes: list[Cue] = field(default_factory=list)
    reporting: list[Cue] = field(default_factory=list)
    voice: list[Cue] = field(default_factory=list)
    addressees: list[Cue] = field(default_factory=list)
    cameo: dict[tuple[str, str], str] = field(default_factory=dict)
    # Recipient rule -> (events right, events judged) on unseen articles; "*" is every judged event.
    confidence: dict[str, tuple[int, int]] = field(default_factory=dict)


def parse_form(form: str) -> Pattern | None:
    """A form of the data files as a pattern; None when it has no words."""
    words: list[str] = []
    exact: list[bool] = []
    gaps: list[bool] = []
    gap = False
    for token in form.split():
        if token == GAP:
            gap = True
            continue
        is_exact = token.startswith("=")
        normalised = normalize_string(token.lstrip("="))
        for piece in normalised.split():  # a ZWNJ inside a form becomes a space
            words.append(piece)
            exact.append(is_exact)
            gaps.append(gap and bool(words[:-1]))
            gap = False
    if not words:
        return None
    return Pattern(tuple(words), tuple(exact), tuple(gaps), form)


def data_folder() -> Path:
    return Path(str(resources.files("rasad.events").joinpath("data")))


def _rows(folder: Path, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    path = folder / name
    return read_rows(path) if path.exists() else iter(())


def _patterns(cell: str) -> Iterator[Pattern]:
    for form in split_cell(cell):
        pattern = parse_form(form)
        if pattern is not None:
            yield pattern


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Read every lexicon file of ``folder`` (the packaged data by default)."""
    folder = folder or data_folder()
    lexicon = Lexicon()
    for line, row in _rows(folder, "triggers.tsv"):
        context = tuple(split_cell(row.get("context", "")))
        for pattern in _patterns(row.get("forms", "")):
            lexicon.triggers.append(
                Trigger(row["lang"], row["event"], row.get("mode") or None, context, pattern, line)
            )
    for _, row in _rows(folder, "modality.tsv"):
        for pattern in _patterns(row.get("forms", "")):
            lexicon.modality.append(
                Cue(row["lang"], row["modality"], pattern, row.get("scope") or "sentence")
            )
    for _, row in _rows(folder, "context.tsv"):
        for pattern in _patterns(row.get("forms", "")):
            lexicon.contexts.append(Cue(row["lang"], row["context"], pattern))
    for _, row in _rows(folder, "modes.tsv"):
        for pattern in _patterns(row.get("forms", "")):
            lexicon.modes.append(Cue(row["lang"], row["mode"], pattern, event=row["event"]))
    for _, row in _rows(folder, "reporting.tsv"):
        for pattern in _patterns(row.get("forms", "")):
            lexicon.reporting.append(Cue(row["lang"], "reporting", pattern))
    for _, row in _rows(folder, "voice.tsv"):
        for pattern in _patterns(row.get("forms", "")):
            lexicon.voice.append(Cue(row["lang"], "passive", pattern))
    for _, row in _rows(folder, "addressees.tsv"):
        for pattern in _patterns(row.get("forms", "")):
            lexicon.addressees.append(Cue(row["lang"], "addressee", pattern))
    for _, row in _rows(folder, "cameo.tsv"):
        lexicon.cameo[(row["event"], row.get("modality") or "*")] = row["cameo"]
    for _, row in _rows(folder, "confidence.tsv"):
        lexicon.confidence[row["recipient_rule"]] = (int(row["right"]), int(row["judged"]))
    return lexicon


@cache
def packaged_lexicon() -> Lexicon:
    return load_lexicon()


def validate_lexicon(folder: Path | None = None) -> list[str]:
    """Problems in a folder of lexicon files, in words an analyst can act on."""
    folder = folder or data_folder()
    problems: list[str] = []
    seen: dict[tuple[str, tuple[str, ...]], tuple[str, int]] = {}
    for line, row in _rows(folder, "triggers.tsv"):
        where = f"triggers.tsv:{line}"
        problems += _check_common(where, row, event=True)
        for pattern in _patterns(row.get("forms", "")):
            key = (row.get("lang", ""), pattern.words)
            if key in seen and seen[key][0] != row.get("event"):
                other_event, other_line = seen[key]
                problems.append(
                    f"{where}: form '{pattern.source}' is also a {other_event} trigger on line {other_line}"
                )
            seen.setdefault(key, (row.get("event", ""), line))
        if not list(_patterns(row.get("forms", ""))):
            problems.append(f"{where}: no forms")
    for line, row in _rows(folder, "modality.tsv"):
        where = f"modality.tsv:{line}"
        problems += _check_common(where, row)
        if row.get("modality") not in MODALITIES:
            problems.append(f"{where}: modality must be one of {', '.join(MODALITIES)}")
        if row.get("scope") not in SCOPES:
            problems.append(f"{where}: scope must be one of {', '.join(SCOPES)}")
    for name in ("context.tsv", "modes.tsv", "reporting.tsv", "voice.tsv", "addressees.tsv"):
        for line, row in _rows(folder, name):
            problems += _check_common(f"{name}:{line}", row, event=name == "modes.tsv")
    for line, row in _rows(folder, "cameo.tsv"):
        if row.get("event") not in EVENT_TYPES:
            problems.append(f"cameo.tsv:{line}: unknown event type '{row.get('event')}'")
        if not row.get("cameo", "").isdigit():
            problems.append(f"cameo.tsv:{line}: CAMEO code must be digits")
    problems += _confidence_problems(folder)
    return problems


def _confidence_problems(folder: Path) -> list[str]:
    """confidence.tsv: counts that are whole numbers, no more right than judged, and a ``*`` row with
    judged events (the prior every rule is drawn towards)."""
    problems: list[str] = []
    rows = list(_rows(folder, "confidence.tsv"))
    for line, row in rows:
        where = f"confidence.tsv:{line}"
        right, judged = row.get("right", ""), row.get("judged", "")
        if not row.get("recipient_rule"):
            problems.append(f"{where}: no recipient_rule")
        if not (right.isdigit() and judged.isdigit()):
            problems.append(f"{where}: right and judged must be whole numbers")
        elif int(right) > int(judged):
            problems.append(f"{where}: more events right ({right}) than judged ({judged})")
    prior = [row for _, row in rows if row.get("recipient_rule") == ALL_RULES]
    if rows and not (prior and prior[0].get("judged", "").isdigit() and int(prior[0]["judged"]) > 0):
        problems.append(f"confidence.tsv: a '{ALL_RULES}' row with judged events is needed (the prior)")
    return problems


def _check_common(where: str, row: dict[str, str], event: bool = False) -> list[str]:
    problems = []
    if row.get("lang") not in LANGUAGES:
        problems.append(f"{where}: lang must be one of {', '.join(LANGUAGES)}")
    if event and row.get("event") not in EVENT_TYPES:
        problems.append(f"{where}: unknown event type '{row.get('event')}'")
    for form in split_cell(row.get("forms", "")):
        if form.strip() == GAP or form.startswith(GAP) or form.endswith(GAP):
            problems.append(f"{where}: form '{form}' must not start or end with '...'")
    return problems
