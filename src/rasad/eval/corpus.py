"""Run the public news corpora through the pipeline: failures and language agreement.

The corpora say which language each article is in, so the share of articles whose detected
language agrees is a direct measure of language identification; any exception is a failure.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasad.ingest.corpora import CORPORA, CorpusDocument
from rasad.pipeline import code_document
from rasad.text.langid import dominant_script


@dataclass
class CorpusReport:
    """What one corpus run found."""

    corpus: str
    documents: int = 0
    without_text: int = 0
    failures: list[str] = field(default_factory=list)
    agree: int = 0
    detected: Counter[str] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def with_text(self) -> int:
        return self.documents - self.without_text

    @property
    def agreement(self) -> float:
        """Share of articles with text whose detected language is the corpus's."""
        return self.agree / self.with_text if self.with_text else 0.0

    def summary(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        detected = ", ".join(f"{lang}={count}" for lang, count in self.detected.most_common())
        return (
            f"{self.corpus}: {self.documents} articles, {len(self.failures)} failures, "
            f"{self.without_text} without text; "
            f"language agreement {self.agreement:.4f} ({self.agree}/{self.with_text} with text); "
            f"detected {detected}; {rate:.0f} articles/s"
        )


def every_nth(items: Iterable[CorpusDocument], step: int) -> Iterator[CorpusDocument]:
    """A deterministic sample spread over the whole corpus."""
    return itertools.islice(items, 0, None, max(step, 1))


def run_corpus(name: str, root: Path, step: int = 1, limit: int | None = None) -> CorpusReport:
    """Code a corpus (every ``step``-th article, at most ``limit``) and report."""
    report = CorpusReport(name)
    started = time.perf_counter()
    for item in itertools.islice(every_nth(CORPORA[name](root), step), limit):
        report.documents += 1
        try:
            record = code_document(item.document)
        except Exception as error:
            report.failures.append(f"{item.document.path}: {type(error).__name__}: {error}")
            continue
        language = record["language"]
        if dominant_script(item.document.text) is None:
            report.without_text += 1
            continue
        report.detected[language] += 1
        if language == item.language:
            report.agree += 1
        elif len(report.disagreements) < 20:
            report.disagreements.append(f"{item.document.path}: detected {language}")
    report.seconds = time.perf_counter() - started
    return report


def available(root: Path) -> list[str]:
    """Corpora present under ``root``."""
    folders = {"saudinewsnet": "news-ar/saudinewsnet", "ir-news": "news-fa/ir-news/Dataset"}
    return [name for name, folder in folders.items() if (root / folder).is_dir()]
