"""The ``rasad`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Protocol

from rasad import __version__
from rasad.document import ReadProblem
from rasad.ingest import iter_documents
from rasad.ingest.count import count_documents
from rasad.options import add_coding_options, read_limits, time_budget, worker_count
from rasad.output import ResumeError, records_output
from rasad.run import Skipped, code_stream

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
# Commands whose parser this module defines alone. For them the modules that define the other
# commands (the store, the API, Spark, the evaluations, with jsonschema and more) are not imported:
# a `rasad code` run would pay for them before its first document, and a pool's workers after it.
_SELF_CONTAINED = frozenset({"code", "show", "check"})


class _Bar(Protocol):
    def update(self, n: int = 1) -> object: ...
    def write(self, line: str, file: IO[str]) -> None: ...
    def __enter__(self) -> _Bar: ...
    def __exit__(self, *exc: object) -> None: ...


class _NoBar:
    """What ``rasad code`` uses when no bar is shown (not a terminal): importing tqdm would cost
    it 0.1 s before the first document."""

    def update(self, n: int = 1) -> None:
        pass

    def write(self, line: str, file: IO[str]) -> None:
        print(line, file=file)

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(enabled: bool | None, desc: str, paths: list[str] | None = None) -> _Bar:
    """A bar with documents/s, and a total and an ETA when ``paths`` can be counted cheaply."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        return _NoBar()
    from tqdm import tqdm

    total = None if paths is None else count_documents(paths)
    return tqdm(desc=desc, total=total, unit=" docs", file=sys.stderr, dynamic_ncols=True)


def _report(problem: ReadProblem, bar: _Bar) -> None:
    bar.write(f"rasad: skipped {problem.where}: {problem.message}", file=sys.stderr)


def cmd_code(args: argparse.Namespace) -> int:
    failed = written = skipped = 0
    try:
        with (
            records_output(args.output, args.resume) as (out, done),
            _progress(args.progress, "coding", args.paths) as bar,
        ):
            items = iter_documents(args.paths, read_limits(args))
            for item in code_stream(
                items,
                not args.keep_duplicates,
                worker_count(args),
                done=done,
                dedupe_window=args.dedupe_window,
                time_budget=time_budget(args),
                as_json=True,
            ):
                if isinstance(item, ReadProblem):
                    failed += 1
                    _report(item, bar)
                elif isinstance(item, Skipped):
                    skipped += 1
                else:
                    _write_record(out, item)
                    written += 1
                bar.update(1)
    except ResumeError as error:
        print(f"rasad: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        if args.output not in (None, "-"):
            print("rasad: interrupted; continue with the same command and --resume", file=sys.stderr)
        raise
    resumed = f", {skipped} already done before --resume" if args.resume else ""
    print(f"rasad: {written} records written{resumed}, {failed} documents failed", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _write_record(out: IO[str], line: str) -> None:
    out.write(line + "\n")
    out.flush()  # a run killed now loses at most the line being written: --resume drops it


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the data files an analyst edits (month names, boilerplate lines, dictionaries)."""
    from rasad.actors.dictionary import validate_dictionaries
    from rasad.data_check import check_all
    from rasad.native import running_build

    problems = validate_dictionaries(Path(args.folder)) if getattr(args, "folder", None) else check_all()
    for problem in problems:
        print(f"rasad: {problem}", file=sys.stderr)
    if not problems:
        print("rasad: all data files are valid")
    print(f"rasad: running the {running_build()} build")
    return EXIT_SOME_FAILED if problems else EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """A one-line-per-document overview of a JSON Lines file of records."""
    from rasad.show import show_records

    try:
        with open(args.file, encoding="utf-8") as handle:
            show_records(handle, sys.stdout, events=args.events)
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        print(f"rasad: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def cmd_eval_corpus(args: argparse.Namespace) -> int:
    from rasad.eval.corpus import available, run_corpus

    root = Path(args.root)
    names = available(root)
    if not names:
        print(f"rasad: no corpora found under {root}", file=sys.stderr)
        return EXIT_USAGE
    failed = False
    for name in names:
        report = run_corpus(name, root, step=args.every, limit=args.limit)
        print(report.summary())
        for line in report.failures + report.disagreements:
            print(f"  {line}")
        failed = failed or bool(report.failures)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def build_parser(complete: bool = True) -> argparse.ArgumentParser:
    """The command line; without ``complete``, only the commands of ``_SELF_CONTAINED``."""
    parser = argparse.ArgumentParser(
        prog="rasad", description="Political event data (PLOVER) from Arabic, Persian and English news."
    )
    parser.add_argument("--version", action="version", version=f"rasad {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    code = commands.add_parser(
        "code",
        help="code documents into JSON Lines document records",
        description="Read text, HTML, RSS/Atom, JSON Lines, WARC files or folders ('-' for stdin) "
        "and write one document record per document.",
    )
    code.add_argument("paths", nargs="+", metavar="PATH")
    code.add_argument("-o", "--output", metavar="FILE", help="write JSON Lines here (default: stdout)")
    add_coding_options(code)
    code.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run from FILE.part: documents already written are not coded again",
    )
    code.set_defaults(func=cmd_code)

    show = commands.add_parser("show", help="overview of a JSON Lines file of document records")
    show.add_argument("file", metavar="FILE")
    show.add_argument("--events", action="store_true", help="list each document's events in English")
    show.set_defaults(func=cmd_show)

    check = commands.add_parser("check", help="validate the dictionaries and tables analysts edit")
    check.set_defaults(func=cmd_check)
    if complete:
        _add_other_commands(commands)
    return parser


def _add_other_commands(commands: argparse._SubParsersAction) -> None:
    """The commands defined with the modules that run them."""
    from rasad.actors.petrarch import add_parser as add_petrarch_parser
    from rasad.api.commands import add_parsers as add_api_parsers
    from rasad.eval.confidence import add_parser as add_confidence_parser
    from rasad.eval.events import add_parser as add_events_parser
    from rasad.eval.ner import add_parser as add_ner_parser
    from rasad.eval.soak import add_parser as add_soak_parser
    from rasad.scale.spark import add_parsers as add_spark_parsers
    from rasad.store.commands import add_parsers as add_store_parsers

    add_spark_parsers(commands)
    evaluate = commands.add_parser("eval", help="measure rasad on public corpora")
    evaluations = evaluate.add_subparsers(dest="evaluation", required=True)
    corpus = evaluations.add_parser(
        "corpus", help="run the news corpora through the pipeline: failures and language agreement"
    )
    corpus.add_argument("--root", default="../shared/corpora", help="corpora folder (default: %(default)s)")
    corpus.add_argument("--every", type=int, default=1, metavar="K", help="take every K-th article")
    corpus.add_argument("--limit", type=int, default=None, metavar="N", help="at most N articles per corpus")
    corpus.set_defaults(func=cmd_eval_corpus)
    add_ner_parser(evaluations)
    add_events_parser(evaluations)
    add_confidence_parser(evaluations)
    add_soak_parser(evaluations)

    dictionaries = commands.add_parser("dict", help="actor dictionaries: check, import")
    dict_commands = dictionaries.add_subparsers(dest="dict_command", required=True)
    dict_check = dict_commands.add_parser(
        "check", help="validate actor dictionaries: duplicate keys, unknown codes, overlapping office terms"
    )
    dict_check.add_argument(
        "folder", nargs="?", help="a folder of dictionary TSV files (default: the packaged ones)"
    )
    dict_check.set_defaults(func=cmd_check)
    add_petrarch_parser(dict_commands)
    add_store_parsers(commands)
    add_api_parsers(commands)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    parser = build_parser(complete=command not in _SELF_CONTAINED)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("rasad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
