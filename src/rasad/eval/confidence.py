"""Where the events' confidence comes from: how often each recipient rule is right on unseen text.

The judged events are those of articles the coder was never tuned on: the two held-out sets of the
dev gold (an interstate event is right when its (actor, recipient, type) tuple is a gold one) and
the fresh sample of the second precision audit (one reader's verdict per event, matched to today's
events by type and parties, the same trigger first; an event the coder no longer gives is left out). The
audit's tuning sample and the dev set proper are not counted: rules were written from their errors.

``rasad eval confidence`` prints the counts as rows of ``src/rasad/events/data/confidence.tsv`` and
how well the packaged table is calibrated on these events (mean confidence against the share right,
and the Brier score against a constant guess), first on all of them and then the table fitted on one
source and scored on the other.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rasad.eval.events import (
    DEFAULT_ROOT,
    EXIT_MISSING,
    EXIT_OK,
    REPO,
    ArticleResolver,
    GoldError,
    gold_tuples,
    load_gold,
    out_of_scope,
    party_key,
)
from rasad.events.coder import NO_RECIPIENT, event_confidence, rule_name
from rasad.events.lexicon import ALL_RULES
from rasad.pipeline import code_document

HELD_OUT = (Path("eval") / "dev" / "heldout.jsonl", Path("eval") / "dev" / "heldout2.jsonl")
AUDIT = Path("eval") / "audit" / "audit2.tsv"
AUDIT_SAMPLE = "fresh"  # the audit sample judged without tuning on it
_RECIPIENT_RULE = re.compile(r"recipient by ([^;]*)")


@dataclass(frozen=True, slots=True)
class JudgedEvent:
    source: str  # "held-out" or "audit"
    recipient_rule: str  # as confidence.tsv names it
    right: bool
    confidence: float  # what the packaged table gives it


def recipient_rule(event: dict) -> str:
    """The rule that found the event's recipient, read back from its explanation."""
    found = _RECIPIENT_RULE.search(event.get("explanation", ""))
    return rule_name(found[1]) if found and event.get("recipient") else NO_RECIPIENT


def _judged(source: str, event: dict, right: bool) -> JudgedEvent:
    return JudgedEvent(source, recipient_rule(event), right, event["confidence"])


def held_out_events(root: Path, resolver: ArticleResolver) -> list[JudgedEvent]:
    """Interstate events of the held-out articles, right when the gold has their tuple."""
    judged = []
    for path in HELD_OUT:
        for article in load_gold(REPO / path):
            record = code_document(resolver(article.corpus, article.ref).document)
            gold = gold_tuples(article)
            for event in record["events"]:
                if out_of_scope(event) is None:
                    key = (party_key(event["actor"]), party_key(event["recipient"]), event["event"])
                    judged.append(_judged("held-out", event, key in gold))
    return judged


def audit_events(resolver: ArticleResolver) -> tuple[list[JudgedEvent], int]:
    """Events of the fresh audit sample with the reader's verdict, and how many judged events the
    coder no longer gives."""
    lines = (REPO / AUDIT).read_text(encoding="utf-8").splitlines()
    rows = [
        row for row in csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
    ]
    records: dict[tuple[str, str], dict] = {}
    judged, gone = [], 0
    for row in rows:
        if row["sample"] != AUDIT_SAMPLE:
            continue
        place = (row["corpus"], row["ref"])
        if place not in records:
            records[place] = code_document(resolver(*place).document)
        # The verdict is on the tuple: where the coder now keeps another sentence's report of the
        # same event (the more confident one), that report stands for it.
        same = [event for event in records[place]["events"] if _same_tuple(event, row)]
        same.sort(key=lambda event: event["trigger"]["start"] != int(row["trigger_start"]))
        if same:
            judged.append(_judged("audit", same[0], row["verdict"] == "right"))
        else:
            gone += 1
    return judged, gone


def _same_tuple(event: dict, row: dict[str, str]) -> bool:
    return (
        event["event"] == row["event"]
        and (party_key(event["actor"]) or "") == row["actor"]
        and (party_key(event["recipient"]) or "") == (row["recipient"] if row["recipient"] != "None" else "")
    )


def rule_counts(events: Iterable[JudgedEvent]) -> dict[str, tuple[int, int]]:
    """(right, judged) per recipient rule, and over all events under ``*``."""
    right: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    for event in events:
        for rule in (ALL_RULES, event.recipient_rule):
            judged[rule] += 1
            right[rule] += event.right
    return {
        rule: (right[rule], judged[rule])
        for rule in sorted(judged, key=lambda r: (r != ALL_RULES, -judged[r]))
    }


@dataclass(frozen=True, slots=True)
class Calibration:
    events: int
    share_right: float
    mean_confidence: float
    brier: float
    brier_constant: float  # always guessing the share right: the score to beat


def calibration(events: list[JudgedEvent], confidence: Callable[[JudgedEvent], float]) -> Calibration:
    share = sum(event.right for event in events) / len(events)
    return Calibration(
        len(events),
        share,
        sum(map(confidence, events)) / len(events),
        sum((confidence(event) - event.right) ** 2 for event in events) / len(events),
        sum((share - event.right) ** 2 for event in events) / len(events),
    )


def _fitted_on(events: list[JudgedEvent]) -> Callable[[JudgedEvent], float]:
    table = rule_counts(events)
    return lambda event: event_confidence(table, event.recipient_rule, "")


def format_report(events: list[JudgedEvent], gone: int) -> str:
    lines = [
        "# rows for src/rasad/events/data/confidence.tsv (recipient_rule, right, judged)",
        *(f"{rule}\t{right}\t{judged}" for rule, (right, judged) in rule_counts(events).items()),
        "",
        f"judged events: {len(events)} ({gone} audited events the coder no longer gives are left out)",
        "| events scored | fitted on | n | share right | mean confidence | Brier | Brier of a constant |",
        "|---|---|---|---|---|---|---|",
    ]
    held_out = [event for event in events if event.source == "held-out"]
    audit = [event for event in events if event.source == "audit"]
    for scored, fitted, name in (
        (events, lambda event: event.confidence, "the packaged table"),
        (audit, _fitted_on(held_out), "held-out sets"),
        (held_out, _fitted_on(audit), "audit sample"),
    ):
        if scored:
            c = calibration(scored, fitted)
            which = "all" if scored is events else scored[0].source
            lines.append(
                f"| {which} | {name} | {c.events} | {c.share_right:.2f} | {c.mean_confidence:.2f} "
                f"| {c.brier:.3f} | {c.brier_constant:.3f} |"
            )
    return "\n".join(lines)


def judged_events(root: Path) -> tuple[list[JudgedEvent], int]:
    resolver = ArticleResolver(root)
    audit, gone = audit_events(resolver)
    return held_out_events(root, resolver) + audit, gone


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``confidence`` to the ``rasad eval`` sub-commands."""
    parser = subparsers.add_parser(
        "confidence",
        help="count how often each recipient rule is right on unseen articles (confidence.tsv)",
        description="Code the held-out articles and the fresh audit sample, count right and judged "
        "events per recipient rule (the rows of confidence.tsv) and show how well the packaged "
        "confidences are calibrated on them.",
    )
    parser.add_argument("--root", default=DEFAULT_ROOT, help="corpora folder (default: %(default)s)")
    parser.set_defaults(func=cmd_eval_confidence)
    return parser


def cmd_eval_confidence(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if not root.is_dir():
        print(f"rasad: corpora folder not found: {root}", file=sys.stderr)
        return EXIT_MISSING
    try:
        events, gone = judged_events(root)
    except GoldError as error:
        print(f"rasad: {error}", file=sys.stderr)
        return EXIT_MISSING
    print(format_report(events, gone))
    return EXIT_OK
