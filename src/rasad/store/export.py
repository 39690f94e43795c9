"""Export formats: the records as stored, or one row per event for spreadsheets and GDELT users.

Every writer streams (constant memory) to a temporary file beside the target, renamed over it only
once complete: a killed or interrupted export never leaves a half-written file under the final name.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rasad.store.base import EventFilter, Store

FORMATS = ("plover-jsonl", "gdelt-tsv", "csv", "parquet")
PARQUET_ROWS_PER_GROUP = 10_000

# CAMEO root code -> GDELT QuadClass: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict (the ranges of the CAMEO manual).
QUAD_ROOTS = ((1, range(1, 6)), (2, range(6, 9)), (3, range(9, 14)), (4, range(14, 21)))
QUAD_CLASS_BY_ROOT = {f"{root:02d}": quad for quad, roots in QUAD_ROOTS for root in roots}


def _side(event: dict, role: str) -> dict:
    return event.get(role) or {}


def _location(event: dict) -> dict:
    return event.get("event_loc") or {}


# csv / parquet: one event per row, every field of the event flattened.
EVENT_COLUMNS: tuple[tuple[str, Callable[[dict], object]], ...] = (
    ("event_id", lambda e: e.get("id")),
    ("document_id", lambda e: e.get("document_id")),
    ("date", lambda e: e.get("date")),
    ("date_precision", lambda e: e.get("date_precision")),
    ("event", lambda e: e.get("event")),
    ("mode", lambda e: e.get("mode")),
    ("context", lambda e: ";".join(e.get("context") or ())),
    ("modality", lambda e: e.get("modality")),
    ("cameo", lambda e: e.get("cameo")),
    ("quad_class", lambda e: QUAD_CLASS_BY_ROOT.get(e.get("cameo") or "")),
    ("actor_code", lambda e: _side(e, "actor").get("code")),
    ("actor_sector", lambda e: _side(e, "actor").get("sector")),
    ("actor_org", lambda e: _side(e, "actor").get("org")),
    ("actor_text", lambda e: _side(e, "actor").get("entity_text")),
    ("recipient_code", lambda e: _side(e, "recipient").get("code")),
    ("recipient_sector", lambda e: _side(e, "recipient").get("sector")),
    ("recipient_org", lambda e: _side(e, "recipient").get("org")),
    ("recipient_text", lambda e: _side(e, "recipient").get("entity_text")),
    ("location", lambda e: _location(e).get("name")),
    ("location_country", lambda e: _location(e).get("country")),
    ("latitude", lambda e: _location(e).get("lat")),
    ("longitude", lambda e: _location(e).get("lon")),
    ("confidence", lambda e: e.get("confidence")),
    ("trigger", lambda e: (e.get("trigger") or {}).get("text")),
    ("event_text", lambda e: e.get("event_text")),
    ("language", lambda e: e.get("document_language")),
    ("outlet", lambda e: e.get("document_outlet")),
    ("url", lambda e: e.get("document_url")),
    ("title", lambda e: e.get("document_title")),
)
PARQUET_NUMBERS = {
    "quad_class": "int8",
    "latitude": "float64",
    "longitude": "float64",
    "confidence": "float64",
}


def _gdelt_day(date: str | None) -> str:
    """YYYYMMDD as GDELT writes it; the parts a partial date does not know are 00."""
    if not date:
        return ""
    parts = [*date.split("-"), "00", "00"][:3]
    return "".join(parts)


def _actor_code(side: dict) -> str:
    """GDELT's compound actor code: country or organisation, then the sector (``KAZGOV``)."""
    return (side.get("org") or side.get("code") or "") + (side.get("sector") or "")


# gdelt-tsv: GDELT 1.0-like column names, no header row in GDELT itself but one here for clarity.
GDELT_COLUMNS: tuple[tuple[str, Callable[[dict], object]], ...] = (
    ("GlobalEventID", lambda e: e.get("id")),
    ("Day", lambda e: _gdelt_day(e.get("date"))),
    ("MonthYear", lambda e: _gdelt_day(e.get("date"))[:6]),
    ("Year", lambda e: _gdelt_day(e.get("date"))[:4]),
    ("Actor1Code", lambda e: _actor_code(_side(e, "actor"))),
    ("Actor1Name", lambda e: _side(e, "actor").get("entity_text")),
    ("Actor1CountryCode", lambda e: _side(e, "actor").get("code")),
    ("Actor1KnownGroupCode", lambda e: _side(e, "actor").get("org")),
    ("Actor1Type1Code", lambda e: _side(e, "actor").get("sector")),
    ("Actor2Code", lambda e: _actor_code(_side(e, "recipient"))),
    ("Actor2Name", lambda e: _side(e, "recipient").get("entity_text")),
    ("Actor2CountryCode", lambda e: _side(e, "recipient").get("code")),
    ("Actor2KnownGroupCode", lambda e: _side(e, "recipient").get("org")),
    ("Actor2Type1Code", lambda e: _side(e, "recipient").get("sector")),
    ("EventRootCode", lambda e: e.get("cameo")),
    ("QuadClass", lambda e: QUAD_CLASS_BY_ROOT.get(e.get("cameo") or "")),
    ("PloverEvent", lambda e: e.get("event")),
    ("PloverMode", lambda e: e.get("mode")),
    ("Modality", lambda e: e.get("modality")),
    ("ActionGeo_FullName", lambda e: _location(e).get("name")),
    ("ActionGeo_CountryCode", lambda e: _location(e).get("country")),
    ("ActionGeo_Lat", lambda e: _location(e).get("lat")),
    ("ActionGeo_Long", lambda e: _location(e).get("lon")),
    ("SOURCEURL", lambda e: e.get("document_url")),
    ("DocumentID", lambda e: e.get("document_id")),
)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed to it on success and removed on any failure."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(descriptor)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(partial, 0o666 & ~umask)  # mkstemp makes it private; the export is an ordinary file
    try:
        yield Path(partial)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def export(store: Store, fmt: str, target: Path, filters: EventFilter | None = None) -> int:
    """Write the store (or the part the filters select) to ``target``; the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    filters = filters or EventFilter()
    with atomic_path(target) as partial:
        if fmt == "plover-jsonl":
            return _write_jsonl(store.iter_records(filters), partial)
        if fmt == "parquet":
            return _write_parquet(store.iter_events(filters), partial)
        columns = GDELT_COLUMNS if fmt == "gdelt-tsv" else EVENT_COLUMNS
        return _write_table(store.iter_events(filters), partial, columns, "\t" if fmt == "gdelt-tsv" else ",")


def _write_jsonl(records: Iterator[dict], path: Path) -> int:
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written


def _cell(value: object) -> object:
    """Tabs and newlines inside a TSV cell would break the row; they become spaces."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def _write_table(events: Iterator[dict], path: Path, columns: tuple, delimiter: str) -> int:
    """CSV with quoting where needed; TSV plain, as GDELT's files are (cells have no tabs left)."""
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        header = [name for name, _ in columns]
        if delimiter == ",":
            writer.writerow(header)
        else:
            handle.write("\t".join(header) + "\n")
        for event in events:
            cells = [_cell(get(event)) for _, get in columns]
            if delimiter == ",":
                writer.writerow(cells)
            else:
                handle.write("\t".join(str(cell) for cell in cells) + "\n")
            written += 1
    return written


def _write_parquet(events: Iterator[dict], path: Path) -> int:
    import pyarrow as pa  # imported here: every other rasad command starts faster without it
    import pyarrow.parquet as pq

    schema = pa.schema([(name, PARQUET_NUMBERS.get(name, "string")) for name, _ in EVENT_COLUMNS])
    written = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict] = []
        for event in events:
            batch.append({name: get(event) for name, get in EVENT_COLUMNS})
            if len(batch) >= PARQUET_ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                written += len(batch)
                batch = []
        if batch or not written:
            writer.write_table(pa.Table.from_pylist(batch, schema))
            written += len(batch)
    return written
