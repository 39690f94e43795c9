"""Speed work must not change the output: code a fixed set of inputs and compare with a reference.

The inputs are the bundled ``samples/``, the shared seeds and a fixed sample of each news corpus
(every 20th SaudiNewsNet article, every 3rd IR-News one), read at run time. ``--write`` records the
reference (run it on the unchanged code); without it, the same inputs are coded again and every
record must be byte-identical to the reference.

    .venv/bin/python bench/same_output.py --write      # before the change
    .venv/bin/python bench/same_output.py              # after it: exit 1 on any difference
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rasad.ingest import iter_documents
from rasad.ingest.corpora import CORPORA
from rasad.run import code_stream

# Corpus name -> take every n-th article (about 1,500 of each).
CORPUS_STRIDE = {"saudinewsnet": 20, "ir-news": 3}


def input_sets(corpora: Path, seeds: Path) -> dict[str, Iterator]:
    """Name -> documents, in a fixed order."""
    sets: dict[str, Iterator] = {
        "samples": iter_documents(["samples"]),
        "seeds": iter_documents([str(seeds)]),
    }
    for name, stride in CORPUS_STRIDE.items():
        articles = itertools.islice(CORPORA[name](corpora), 0, None, stride)
        sets[name] = (article.document for article in articles)
    return sets


def coded_lines(documents: Iterator) -> Iterator[str]:
    """One JSON line per record (or per read problem), as ``rasad code`` writes them."""
    for item in code_stream(documents):
        if isinstance(item, dict):
            yield json.dumps(item, ensure_ascii=False)
        else:
            yield f"PROBLEM {item}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", default="../shared/corpora", type=Path)
    parser.add_argument("--seeds", default="../shared/seeds", type=Path)
    parser.add_argument("--reference", default="out/reference", type=Path, help="folder of the reference")
    parser.add_argument("--write", action="store_true", help="record the reference instead of comparing")
    args = parser.parse_args()
    args.reference.mkdir(parents=True, exist_ok=True)
    differing = 0
    for name, documents in input_sets(args.root, args.seeds).items():
        started = time.process_time()
        lines = list(coded_lines(documents))
        seconds = time.process_time() - started
        path = args.reference / f"{name}.jsonl"
        if args.write:
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            print(f"{name}: {len(lines)} records written to {path} ({seconds:.1f} s CPU)")
            continue
        expected = path.read_text(encoding="utf-8").splitlines()
        changed = [i for i, (a, b) in enumerate(itertools.zip_longest(lines, expected)) if a != b]
        differing += len(changed)
        verdict = (
            "identical" if not changed else f"{len(changed)} records differ, first at line {changed[0] + 1}"
        )
        print(f"{name}: {len(lines)} records, {verdict} ({seconds:.1f} s CPU)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
