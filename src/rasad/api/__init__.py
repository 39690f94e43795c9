"""The HTTP API and web app (``create_app`` in ``rasad.api.app``) and ``rasad serve``.

Only light constants live here, so the command line can list ``rasad serve`` without importing
FastAPI for every other command.
"""

DEFAULT_MAX_BODY_BYTES = 2_000_000  # a long article is ~100 kB; 2 MB leaves room, and no more
