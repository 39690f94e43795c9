"""``rasad ingest``, ``rasad search`` and ``rasad export``: the store from the command line."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from tqdm import tqdm

from rasad.document import RawDocument, ReadProblem
from rasad.ingest import iter_documents
from rasad.options import add_coding_options, read_limits, time_budget, worker_count
from rasad.run import code_pairs
from rasad.store import coder_version, database_errors, open_store, store_url
from rasad.store.base import EventFilter, IngestCounts, Page, Store, StoredVersion
from rasad.store.common import content_hash
from rasad.store.export import FORMATS, export

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
DB_HELP = "database: a path, sqlite:///path or postgresql://… (default: $RASAD_DB, else ./rasad.sqlite3)"


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register the store's sub-commands on the ``rasad`` parser."""
    ingest_command, search_command, export_command = (
        _reporting_database_errors(command) for command in (cmd_ingest, cmd_search, cmd_export)
    )
    ingest = commands.add_parser(
        "ingest",
        help="code documents and store them (skips what is stored with the current coder)",
        description="Read and code documents like 'rasad code', storing each record with its text. "
        "Documents already stored by the same coder version are skipped without coding them again, "
        "so an interrupted run picks up where it stopped.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--db", metavar="URL", help=DB_HELP)
    add_coding_options(ingest)
    ingest.set_defaults(func=ingest_command)

    search = commands.add_parser("search", help="full-text search of the stored documents")
    search.add_argument("query", metavar="QUERY", help="words to find (letter forms and diacritics ignored)")
    search.add_argument("--db", metavar="URL", help=DB_HELP)
    search.add_argument("--language", metavar="CODE", help="only documents in this language (ar, fa, en)")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (default: 20)")
    search.set_defaults(func=search_command)

    export_parser = commands.add_parser(
        "export",
        help="write the stored records or events to a file",
        description="plover-jsonl: the document records as stored; gdelt-tsv: one event per row with "
        "GDELT-like columns; csv and parquet: one event per row, every field flattened (docs/STORE.md).",
    )
    export_parser.add_argument("--format", required=True, choices=FORMATS)
    export_parser.add_argument("-o", "--output", required=True, metavar="FILE")
    export_parser.add_argument("--db", metavar="URL", help=DB_HELP)
    export_parser.add_argument("--actor", metavar="CODE", help="actor country (ISO3) or organisation code")
    export_parser.add_argument("--recipient", metavar="CODE", help="recipient country or organisation code")
    export_parser.add_argument(
        "--symmetric", action="store_true", help="also the pair the other way round (actor <-> recipient)"
    )
    export_parser.add_argument(
        "--event", action="append", default=[], metavar="TYPE", help="PLOVER event type (repeatable)"
    )
    export_parser.add_argument(
        "--modality", action="append", default=[], metavar="M", help="asserted, intended, ... (repeatable)"
    )
    export_parser.add_argument("--context", metavar="C", help="PLOVER context, e.g. military")
    export_parser.add_argument(
        "--from", dest="date_from", metavar="DATE", help="events on or after (ISO date)"
    )
    export_parser.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before (ISO date)")
    export_parser.add_argument("--language", metavar="CODE")
    export_parser.add_argument("--outlet", metavar="NAME")
    export_parser.add_argument("--document", dest="document_id", metavar="ID")
    export_parser.set_defaults(func=export_command)


def _reporting_database_errors(
    command: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """A database failure mid-command (locked file, lost connection, full disk) is one line, not a traceback.

    What was committed stays committed: an ingest can be run again to finish.
    """

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except database_errors() as error:
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            print(f"rasad: database error ({store_url(args.db)}): {reason}", file=sys.stderr)
            return EXIT_USAGE

    return run


def _open(url: str | None) -> Store | None:
    try:
        return open_store(url)
    except (ValueError, OSError) as error:
        print(f"rasad: {error}", file=sys.stderr)
    except ImportError as error:
        print(
            f"rasad: PostgreSQL support is not installed ({error.name}): pip install 'rasad[postgres]'",
            file=sys.stderr,
        )
    return None


def cmd_ingest(args: argparse.Namespace) -> int:
    store = _open(args.db)
    if store is None:
        return EXIT_USAGE
    version = coder_version()
    disable = not sys.stderr.isatty() if args.progress is None else not args.progress
    skipped = 0
    failed: list[str] = []

    with (
        store,
        tqdm(desc="ingesting", unit=" docs", disable=disable, file=sys.stderr, dynamic_ncols=True) as bar,
    ):
        seen: set[tuple[str, str]] = set()

        def already_stored(document_id: str, document: RawDocument) -> bool:
            """Stored by this coder, or met earlier in this run (with workers, before it is saved).

            Without the second test, a file given twice would be coded as a duplicate of itself
            and its stub would replace the full record.
            """
            nonlocal skipped
            key = (document_id, content_hash(document.text))
            if key in seen or store.stored_version(document_id) == StoredVersion(version, key[1]):
                skipped += 1
                bar.update(1)
                return True
            seen.add(key)
            return False

        def coded() -> Iterator[tuple[RawDocument, dict]]:
            items = iter_documents(args.paths, read_limits(args))
            for item in code_pairs(
                items,
                dedupe=not args.keep_duplicates,
                workers=worker_count(args),
                skip=already_stored,
                time_budget=time_budget(args),
                dedupe_window=args.dedupe_window,
            ):
                bar.update(1)
                if isinstance(item, ReadProblem):
                    failed.append(str(item))
                    bar.write(f"rasad: skipped {item}", file=sys.stderr)
                else:
                    yield item

        counts = store.save_many(coded(), version)
    for problem in counts.problems:
        print(f"rasad: {problem}", file=sys.stderr)
    counts.unchanged += skipped
    counts.failed += len(failed)
    print(_summary(counts, store_url(args.db)), file=sys.stderr)
    return EXIT_SOME_FAILED if counts.failed else EXIT_OK


def _summary(counts: IngestCounts, where: str) -> str:
    return (
        f"rasad: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged, "
        f"{counts.failed} failed ({where})"
    )


def cmd_search(args: argparse.Namespace) -> int:
    try:
        page = Page(limit=args.limit)
    except ValueError as error:
        print(f"rasad: --limit: {error}", file=sys.stderr)
        return EXIT_USAGE
    store = _open(args.db)
    if store is None:
        return EXIT_USAGE
    with store:
        try:
            result = store.search(args.query, page, language=args.language)
        except ValueError as error:
            print(f"rasad: {error}", file=sys.stderr)
            return EXIT_USAGE
    for hit in result.rows:
        print(f"{hit['id']}\t{hit['published'] or '-'}\t{hit['title'] or '(no title)'}")
        print(f"    {hit['snippet']}")
    print(f"rasad: {len(result.rows)} of {result.total} matching documents", file=sys.stderr)
    return EXIT_OK


def _stop_on_terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM ends an export like Ctrl-C does: the partial file is removed on the way out."""
    raise KeyboardInterrupt


def cmd_export(args: argparse.Namespace) -> int:
    filters = EventFilter(
        actor=args.actor,
        recipient=args.recipient,
        event_types=tuple(args.event),
        context=args.context,
        modalities=tuple(args.modality),
        date_from=args.date_from,
        date_to=args.date_to,
        language=args.language,
        outlet=args.outlet,
        document_id=args.document_id,
        dyad_symmetric=args.symmetric,
    )
    store = _open(args.db)
    if store is None:
        return EXIT_USAGE
    previous = signal.signal(signal.SIGTERM, _stop_on_terminate)
    try:
        with store:
            written = export(store, args.format, Path(args.output), filters)
    except ValueError as error:
        print(f"rasad: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"rasad: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
    unit = "documents" if args.format == "plover-jsonl" else "events"
    print(f"rasad: {written} {unit} written to {args.output}", file=sys.stderr)
    return EXIT_OK
