"""Readers for the public news corpora in ``../shared/corpora`` (tests, evaluation, benchmarks).

They are not general input formats: each corpus has its own layout, and its language is
known, which is what the language-identification figure is measured against.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rasad.document import RawDocument

DEFAULT_ROOT = Path("../shared/corpora")


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """A corpus article with the language the corpus says it is in."""

    language: str
    document: RawDocument


def saudinewsnet(root: Path = DEFAULT_ROOT) -> Iterator[CorpusDocument]:
    """SaudiNewsNet: daily zips of JSON arrays of Arabic articles."""
    folder = root / "news-ar" / "saudinewsnet"
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as bundle:
            for member in bundle.namelist():
                articles = json.loads(bundle.read(member))
                for number, article in enumerate(articles):
                    yield saudinewsnet_document(archive, member, number, article)


def saudinewsnet_document(archive: Path, member: str, number: int, article: dict) -> CorpusDocument:
    """One SaudiNewsNet article. Its ``date_extracted`` (the daily crawl, within a day of
    publication) stands in for the publication date, which the corpus does not give."""
    extracted = str(article.get("date_extracted") or "")[:10]
    return CorpusDocument(
        "ar",
        RawDocument(
            text=article.get("content") or "",
            path=f"{archive}#{member}#{number}",
            title=article.get("title") or None,
            url=article.get("url") or None,
            outlet=article.get("source") or None,
            published=extracted if re.fullmatch(r"\d{4}-\d{2}-\d{2}", extracted) else None,
        ),
    )


def ir_news(root: Path = DEFAULT_ROOT) -> Iterator[CorpusDocument]:
    """IR-News: one Persian article per file; a ``###`` metadata line, a summary line, numbered sentences."""
    folder = root / "news-fa" / "ir-news" / "Dataset"
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        meta = lines[0].split("###")
        body = [line.split("\t", 1)[-1] for line in lines[2:] if line.strip()]
        yield CorpusDocument(
            "fa",
            RawDocument(
                text="\n".join(body),
                path=str(path),
                title=meta[1] if len(meta) > 1 else None,
                url=meta[2] if len(meta) > 2 else None,
                outlet=meta[0] if meta else None,
                published=meta[4] if len(meta) > 4 else None,
            ),
        )


CORPORA = {"saudinewsnet": saudinewsnet, "ir-news": ir_news}
