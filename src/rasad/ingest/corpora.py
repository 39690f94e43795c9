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

import jdatetime

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


def farsnews(root: Path = DEFAULT_ROOT) -> Iterator[CorpusDocument]:
    """Fars News sample: JSON arrays of Persian articles (abstract and paragraphs)."""
    for path in sorted((root / "news-fa" / "farsnews").glob("fars-news-*.json")):
        for number, article in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield farsnews_document(path, number, article)


def farsnews_document(path: Path, number: int, article: dict) -> CorpusDocument:
    """One Fars News article: the abstract, then the paragraphs; its date is read from the link."""
    body = [article.get("abstract") or "", *(article.get("paragraphs") or [])]
    return CorpusDocument(
        "fa",
        RawDocument(
            text="\n".join(part for part in body if part),
            path=f"{path}#{number}",
            title=article.get("title") or None,
            url=article.get("link") or None,
            outlet="farsnews",
            published=farsnews_date(article.get("link") or ""),
        ),
    )


def farsnews_date(link: str) -> str | None:
    """The Gregorian date of a Fars News link id (``/news/8707060255`` is 1387/07/06), or None."""
    found = re.search(r"/news/(\d{2})(\d{2})(\d{2})\d+", link)
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    try:
        return jdatetime.date(1300 + year, month, day).togregorian().isoformat()
    except ValueError:
        return None


CORPORA = {"saudinewsnet": saudinewsnet, "ir-news": ir_news}
