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
of drawing, so two versions of the coder can be judged on the same articles.

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


def show(corpus: str, ref: str, record: dict) -> None:
    print(f"== {corpus}\t{ref}")
    for index, event in enumerate(record.get("events") or []):
        if not interstate(event):
            continue
        actor, recipient = event["actor"], event["recipient"]
        print(
            f"  [{index}] {event['event']} {event.get('modality')} "
            f"{party_key(actor)}({actor.get('entity_text')}) -> "
            f"{party_key(recipient)}({recipient.get('entity_text')}) "
            f"| trigger {event['trigger']['text']}"
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
    args = parser.parse_args(argv)
    seeds = [_squash(p.read_text(encoding="utf-8")) for p in sorted(args.seeds.glob("*.txt"))]
    if args.ids:
        wanted = read_exclusions([args.ids])
        for corpus in CORPORA:
            for ref, item in articles(args.root, corpus, seeds):
                if (corpus, ref) in wanted:
                    show(corpus, ref, code_document(item.document))
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
                show(corpus, ref, record)
            hits += hit
            if hits >= args.n:
                break
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
