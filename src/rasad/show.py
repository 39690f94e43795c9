"""A compact, human-readable overview of document records (what `make demo` prints)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

_TITLE_CHARS = 60


def describe(record: dict) -> str:
    """One line for one record: id, language, publication date and calendar, counts, title."""
    published = record.get("published")
    date = f"{published['date']} ({published['calendar']})" if published else "-"
    title = (record.get("title") or "").replace("\n", " ")
    if len(title) > _TITLE_CHARS:
        title = title[: _TITLE_CHARS - 1] + "…"
    flags = " [duplicate]" if any("duplicate of" in w for w in record.get("warnings", [])) else ""
    return (
        f"{record['id'][:16]:16}  {record['language']:3}  {date:30}  "
        f"{len(record['entities']):3} ent  {len(record['events']):3} ev  {title}{flags}"
    )


def gloss(event: dict) -> str:
    """An English one-liner for an event: who, what, to whom, when, how sure."""

    def party(side: dict | None) -> str:
        if side is None:
            return "-"
        code = side["org"] or side["code"] or "?"
        return f"{code} {side['sector']}" if side.get("sector") else code

    mode = f"/{event['mode']}" if event.get("mode") else ""
    return (
        f"{party(event['actor']):>9} {event['event'] + mode:<22} {party(event['recipient']):<9} "
        f"{event['date'] or '-':10} {event['modality']:<19} «{event['trigger']['text']}»"
    )


def show_records(lines: Iterable[str], out: IO[str], events: bool = False) -> None:
    """Print one line per record (and its events' glosses when asked) and a total."""
    count = 0
    out.write(f"{'id':16}  {'lg':3}  {'published (calendar)':30}  {'entities':7}  {'events':6}  title\n")
    for line in lines:
        if line.strip():
            record = json.loads(line)
            out.write(describe(record) + "\n")
            for event in record["events"] if events else ():
                out.write("    " + gloss(event) + "\n")
            count += 1
    out.write(f"{count} documents\n")
