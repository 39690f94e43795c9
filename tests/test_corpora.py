"""A sample of the public news corpora through the whole pipeline (the full run: `make corpus`)."""

from __future__ import annotations

import pytest

from rasad.eval.corpus import run_corpus

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("name", "step"), [("saudinewsnet", 25), ("ir-news", 5)])
def test_sampled_corpus_codes_without_failure_and_agrees_on_language(
    name: str, step: int, corpora_root
) -> None:
    report = run_corpus(name, corpora_root, step=step)
    assert report.documents > 200
    assert report.failures == []
    assert report.agreement >= 0.995, report.summary()
