"""Command-line options shared by every command that reads and codes documents (code, ingest).

One definition keeps ``rasad code`` and ``rasad ingest`` honest with each other: the same limits,
the same duplicate handling, the same defaults.
"""

from __future__ import annotations

import argparse

from rasad.ingest import ReadLimits
from rasad.pipeline import DEFAULT_TIME_BUDGET_S
from rasad.run import DEDUPE_WINDOW, available_cores


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a whole number above 0, got {value!r}")
    return number


def seconds(value: str) -> float:
    try:
        amount = float(value)
    except ValueError:
        amount = -1.0
    if not 0 <= amount < float("inf"):
        raise argparse.ArgumentTypeError(f"expected seconds (0 or more), got {value!r}")
    return amount


def workers(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (one per core) or a number of processes, got {value!r}")
    return number


def add_coding_options(parser: argparse.ArgumentParser) -> None:
    """Limits, duplicates, workers and progress: what ``code`` and ``ingest`` both take."""
    parser.add_argument(
        "--max-doc-bytes",
        type=positive_int,
        default=ReadLimits().max_document_bytes,
        metavar="N",
        help="skip (and report) documents larger than this, also inside JSON Lines, WARC and feeds "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--max-decompressed-bytes",
        type=positive_int,
        default=ReadLimits().max_decompressed_bytes,
        metavar="N",
        help="stop reading a .gz or WARC.gz file (and report it) past this many decompressed bytes "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--time-budget",
        type=seconds,
        default=DEFAULT_TIME_BUDGET_S,
        metavar="SECONDS",
        help="skip (and report) a document whose coding takes longer; 0 for no limit (default: %(default)s)",
    )
    parser.add_argument("--keep-duplicates", action="store_true", help="code near-duplicate documents again")
    parser.add_argument(
        "--dedupe-window",
        type=positive_int,
        default=DEDUPE_WINDOW,
        metavar="N",
        help="look for duplicates among the last N distinct texts: bounds memory (default: %(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=workers,
        default=0,
        metavar="N",
        help="processes coding documents in parallel (default 0: one per core). "
        "The results are the same whatever N.",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )


def read_limits(args: argparse.Namespace) -> ReadLimits:
    return ReadLimits(
        max_document_bytes=args.max_doc_bytes, max_decompressed_bytes=args.max_decompressed_bytes
    )


def time_budget(args: argparse.Namespace) -> float | None:
    """The per-document budget in seconds, None for none (0 on the command line)."""
    return args.time_budget or None


def worker_count(args: argparse.Namespace) -> int:
    return args.workers or available_cores()
