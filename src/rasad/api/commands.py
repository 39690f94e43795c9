"""``rasad serve``: the web app and the HTTP API over a store, on one address."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys

from rasad.api import DEFAULT_MAX_BODY_BYTES

TOKEN_VARIABLE = "RASAD_TOKEN"
MAX_BODY_VARIABLE = "RASAD_MAX_BODY_BYTES"
CORS_VARIABLE = "RASAD_CORS_ORIGINS"
# An analyst reads a page for a while before the next click; uvicorn's 5 s default closes idle
# connections so soon that, on a busy machine, a client reusing one can meet it being closed.
KEEP_ALIVE_SECONDS = 30
# On a loopback address only these Host headers are answered (no DNS rebinding from a web page).
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the web app and the HTTP API over a store",
        description="Serve the analyst's web app and the JSON API. Reads are open; POST /api/documents "
        f"needs 'Authorization: Bearer ${TOKEN_VARIABLE}' and is refused while {TOKEN_VARIABLE} is unset.",
    )
    serve.add_argument("--db", metavar="URL", help="database: a path, sqlite:///path or postgresql://… "
                       "(default: $RASAD_DB, else rasad.sqlite3)")  # fmt: skip
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    serve.add_argument(
        "--max-body-bytes",
        type=int,
        default=int(os.environ.get(MAX_BODY_VARIABLE) or DEFAULT_MAX_BODY_BYTES),
        metavar="N",
        help=f"refuse larger request bodies with 413 (default: ${MAX_BODY_VARIABLE} or %(default)s)",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[o for o in os.environ.get(CORS_VARIABLE, "").split(",") if o.strip()],
        metavar="ORIGIN",
        help=f"let a web page from ORIGIN call the API (repeatable; default: ${CORS_VARIABLE}, else none)",
    )
    serve.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from rasad.api.app import create_app
    from rasad.store import open_store, store_url

    if not 0 < args.port < 65536:
        print(f"rasad: --port must be between 1 and 65535, got {args.port}", file=sys.stderr)
        return 2
    if args.max_body_bytes < 1:
        print("rasad: --max-body-bytes must be positive", file=sys.stderr)
        return 2
    problem = _cannot_listen(args.host, args.port)
    if problem:
        print(f"rasad: cannot listen on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return 2
    try:
        store = open_store(args.db)
    except (ValueError, OSError) as error:
        print(f"rasad: cannot open the database: {error}", file=sys.stderr)
        return 2
    token = os.environ.get(TOKEN_VARIABLE) or None
    app = create_app(
        store,
        token=token,
        max_body_bytes=args.max_body_bytes,
        cors_origins=tuple(o.strip() for o in args.cors_origin),
        allowed_hosts=LOOPBACK_NAMES if args.host in LOOPBACK_NAMES else (),
    )
    counts = store.count()
    host = f"[{args.host}]" if ":" in args.host else args.host
    writes = "on (bearer token)" if token else f"off (set {TOKEN_VARIABLE} to allow POST /api/documents)"
    print(f"rasad: {counts['documents']} documents, {counts['events']} events from {store_url(args.db)}")
    print(f"rasad: writes {writes}")
    print(f"rasad: serving at http://{host}:{args.port}  (Ctrl-C to stop)", flush=True)
    try:
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            log_level="warning",
            server_header=False,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
    finally:
        store.close()
    return 0


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the address cannot be bound (in use, not ours), or None: a clear line instead of a log dump."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        return error.strerror
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            return "the port is already in use" if error.errno == errno.EADDRINUSE else error.strerror
    return None
