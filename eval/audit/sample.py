"""Draws a random sample of unseen news articles and prints rasad's interstate events to judge.

A precision audit judges rasad's events on articles no rule was tuned on. This script makes the draw
reproducible: for each corpus (``saudinewsnet`` = ar, ``ir-news`` = fa) it lists every article,
removes the excluded ones (every article of ``eval/dev/*.jsonl``, the seeds, and the ids in the
``--exclude`` files), shuffles the rest with ``random.Random(seed)`` and codes them in that order
until ``--n`` articles have at least one interstate event (actor and recipient each a state or an
organisation, and different). It prints each article's id and those events with their sentence, to
the terminal only: no corpus text is written anywhere. ``--prefix`` prints instead every id the draw
examined (hits and misses), to exclude that whole stretch from a later draw whatever code runs it.
``--ids`` codes the given article ids (``corpus<TAB>ref`` lines, e.g. a sample drawn before) instead
of drawing, so two versions of the coder can be judged on the same articles; with ``--judged`` (the
judgements, ``eval/audit/audit2.tsv``) it marks each event right, wrong or new (not judged: read it)
and counts the judged events the coder no longer produces.

    .venv/bin/python eval/audit/sample.py --seed 20261124 --exclude eval/audit/excluded.tsv
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from rasad.eval.events import party_key
from rasad.ingest.corpora import CORPORA, CorpusDocument
from rasad.pipeline import code_document

REPO = Path(__file__).resolve().parents[2]
LANGUAGE = {"saudinewsnet": "ar", "ir-news": "fa"}
SEED_PROBE = 60  # characters of an article's start looked up in the seeds


def article_ref(corpus: str, item: CorpusDocument) -> str:
    """The article's reference as ``eval/dev/*.jsonl`` writes it (archive#member#index, file name)."""
    path = item.document.path or ""
    if corpus == "saudinewsnet":
        archive, member, index = path.split("#")
        return f"{Path(archive).name}#{member}#{index}"
    return Path(path).name


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def dev_refs() -> set[tuple[str, str]]:
    """Every article of the dev and held-out sets."""
    refs: set[tuple[str, str]] = set()
    for path in sorted((REPO / "eval" / "dev").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                refs.add((data["corpus"], data["ref"]))
    return refs


def read_exclusions(paths: list[Path]) -> set[tuple[str, str]]:
    """``corpus<TAB>ref`` as the first two columns of each non-comment line."""
    refs: set[tuple[str, str]] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                corpus, ref = line.split("\t")[:2]
                refs.add((corpus, ref))
    return refs


def interstate(event: dict) -> bool:
    actor, recipient = party_key(event.get("actor")), party_key(event.get("recipient"))
    return actor is not None and recipient is not None and actor != recipient


def articles(root: Path, corpus: str, seeds: list[str]) -> Iterator[tuple[str, CorpusDocument]]:
    """The corpus's articles in reader order, seeds left out (a seed is an article's text, copied)."""
    for item in CORPORA[corpus](root):
        probe = _squash(item.document.text)[:SEED_PROBE]
        if probe and any(probe in seed for seed in seeds):
            continue
        yield article_ref(corpus, item), item


Key = tuple[str, str, str, str, str, str]  # corpus, ref, event, actor, recipient, trigger start


def event_key(corpus: str, ref: str, event: dict) -> Key:
    """What identifies an event across versions of the coder (its index in the record may change)."""
    return (
        corpus, ref, event["event"], str(party_key(event["actor"])), str(party_key(event["recipient"])),
        str(event["trigger"]["start"]),
    )  # fmt: skip


def read_judged(path: Path) -> dict[Key, str]:
    """Verdicts by event key from the judgements file (its header names the columns)."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    header = rows[0]
    column = {name: header.index(name) for name in header}
    keys = ("corpus", "ref", "event", "actor", "recipient", "trigger_start")
    return {tuple(row[column[name]] for name in keys): row[column["verdict"]] for row in rows[1:]}  # type: ignore[misc]


def show(corpus: str, ref: str, record: dict, judged: dict[Key, str], seen: set[Key]) -> None:
    print(f"== {corpus}\t{ref}")
    for index, event in enumerate(record.get("events") or []):
        if not interstate(event):
            continue
        actor, recipient = event["actor"], event["recipient"]
        key = event_key(corpus, ref, event)
        seen.add(key)
        verdict = judged.get(key, "NEW") if judged else ""
        print(
            f"  [{index}] {verdict} {event['event']} {event.get('modality')} "
            f"{party_key(actor)}({actor.get('entity_text')}) -> "
            f"{party_key(recipient)}({recipient.get('entity_text')}) "
            f"| trigger {event['trigger']['text']} @{event['trigger']['start']}"
        )
        print(f"      {event['event_text']}")
        print(f"      {event['explanation']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--seed", type=int, help="the draw's random seed")
    parser.add_argument("--n", type=int, default=15, help="articles with an interstate event per corpus")
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--prefix", action="store_true", help="print every id the draw examined")
    parser.add_argument("--ids", type=Path, help="code these articles instead of drawing")
    parser.add_argument("--judged", type=Path, help="judgements to mark the events with (with --ids)")
    args = parser.parse_args(argv)
    judged = read_judged(args.judged) if args.judged else {}
    seen: set[Key] = set()
    seeds = [_squash(p.read_text(encoding="utf-8")) for p in sorted(args.seeds.glob("*.txt"))]
    if args.ids:
        wanted = read_exclusions([args.ids])
        for corpus in CORPORA:
            for ref, item in articles(args.root, corpus, seeds):
                if (corpus, ref) in wanted:
                    show(corpus, ref, code_document(item.document), judged, seen)
        if judged:
            mine = {key: verdict for key, verdict in judged.items() if key[:2] in {(c, r) for c, r in wanted}}
            kept = [mine[key] for key in mine if key in seen]
            gone = [mine[key] for key in mine if key not in seen]
            print(
                f"judged {len(mine)}: kept {kept.count('right')} right, {kept.count('wrong')} wrong; "
                f"removed {gone.count('right')} right, {gone.count('wrong')} wrong; "
                f"new {len(seen - set(mine))}"
            )
        return 0
    if args.seed is None:
        parser.error("--seed or --ids is needed")
    excluded = dev_refs() | read_exclusions(args.exclude)
    for corpus in CORPORA:
        pool = {
            ref: item for ref, item in articles(args.root, corpus, seeds) if (corpus, ref) not in excluded
        }
        order = list(pool)
        random.Random(args.seed).shuffle(order)
        hits = 0
        for ref in order:
            record = code_document(pool[ref].document)
            hit = any(interstate(event) for event in record.get("events") or [])
            if args.prefix:
                print(f"{corpus}\t{ref}\t{'hit' if hit else 'miss'}")
            elif hit:
                show(corpus, ref, record, judged, seen)
            hits += hit
            if hits >= args.n:
                break
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
