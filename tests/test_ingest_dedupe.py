"""Syndicated copies are flagged; different reports of the same event are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.ingest.dedupe import Deduplicator

STORY = """Foreign ministers from six countries met in Geneva on Tuesday to discuss a ceasefire along the
northern border, officials said. The talks, hosted by the Swiss government, lasted nearly nine hours and
ended without a joint statement. According to two diplomats who attended, the delegations disagreed over
the sequence of troop withdrawals and over who would monitor the buffer zone. One delegation proposed that
United Nations observers patrol the area for at least a year, while another insisted that regional forces
take on the role. Despite the disagreements, the ministers agreed to meet again next month in Vienna. The
host government described the meeting as a useful first step and said technical teams would continue
working on a draft text in the coming weeks. Humanitarian groups urged the parties to open safe corridors
for civilians who remain trapped near the front line."""

SYNDICATED = (
    "Geneva talks end without deal on border truce\n"
    + STORY.replace("nine hours", "ten hours").replace("in Vienna", "in Prague")
    + "\nCopyright 2024 Example Wire Service. All rights reserved."
)

SAME_EVENT = """Negotiators failed to agree on a ceasefire in Geneva after a long day of talks between foreign
ministers, a spokesman for the host government told reporters on Tuesday evening. The main obstacle was the
order in which troops should leave the border area, he said, adding that a proposal to deploy international
observers had not won the support of every delegation. Aid agencies have warned that thousands of families
are still cut off near the front line and urgently need food, water and medicine. A new round of meetings is
expected next month, although no venue has been announced. Analysts said the absence of a joint statement
showed how far apart the parties remain, but noted that all six governments had at least sent their most
senior diplomats to the table."""

ARABIC = """أعلنَت وزارةُ الخارجيةِ أن الوزير سيزور بغداد يوم ١٢ آذار لبحث أمن الحدود."""
ARABIC_PLAIN = """أعلنت وزارة الخارجيـــة أن الوزير سيزور  بغداد يوم 12 آذار لبحث أمن الحدود."""

PERSIAN = "سخنگوی دولت گفت که گفتگوهای تجاری با چین ادامه خواهد یافت و هیئت ایرانی هفته آینده به پکن می‌رود."
PERSIAN_ARABIC_KEYBOARD = PERSIAN.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


def test_exact_duplicate_after_normalisation() -> None:
    seen = Deduplicator()
    assert seen.check("a", STORY) is None
    assert seen.check("b", "  " + STORY.upper().replace("\n", "  ") + "\n") == "a"


@pytest.mark.parametrize(
    ("first", "second"),
    [(ARABIC, ARABIC_PLAIN), (PERSIAN, PERSIAN_ARABIC_KEYBOARD)],
)
def test_exact_duplicate_across_diacritics_tatweel_digits_and_keyboards(first: str, second: str) -> None:
    seen = Deduplicator()
    assert seen.check("first", first) is None
    assert seen.check("second", second) == "first"


def test_syndicated_copy_with_new_headline_boilerplate_and_changed_words() -> None:
    seen = Deduplicator()
    assert seen.check("wire", STORY) is None
    assert seen.check("outlet", SYNDICATED) == "wire"


def test_different_article_on_the_same_event_is_not_a_duplicate() -> None:
    seen = Deduplicator()
    assert seen.check("wire", STORY) is None
    assert seen.check("other", SAME_EVENT) is None
    # and both are now remembered: a copy of either is found
    assert seen.check("copy", SAME_EVENT.replace("Tuesday evening", "Tuesday night")) == "other"


def test_later_copies_point_to_the_original_not_to_a_copy() -> None:
    seen = Deduplicator()
    seen.check("original", STORY)
    assert seen.check("copy", SYNDICATED) == "original"
    assert seen.check("copy of copy", SYNDICATED) == "original"


def test_short_texts_only_match_exactly() -> None:
    seen = Deduplicator()
    assert seen.check("a", "Ministers met in Geneva on Tuesday to discuss a ceasefire.") is None
    assert seen.check("b", "Ministers met in Vienna on Tuesday to discuss a ceasefire.") is None
    assert seen.check("c", "ministers met in geneva on tuesday to discuss a ceasefire") == "a"


def test_text_without_words_is_never_a_duplicate() -> None:
    seen = Deduplicator()
    assert seen.check("a", "... !!!") is None
    assert seen.check("b", "... !!!") is None


@pytest.mark.parametrize("window", [None, 2])
def test_fingerprints_computed_elsewhere_give_the_same_duplicates(window: int | None) -> None:
    """Pool workers compute the fingerprints and send them back pickled; the parent only decides."""
    import pickle

    from rasad.ingest.dedupe import fingerprint
    from rasad.text.normalize import normalize

    texts = [STORY, ARABIC, SYNDICATED, SAME_EVENT, ARABIC_PLAIN, PERSIAN, PERSIAN_ARABIC_KEYBOARD, STORY, ""]
    keys = [f"doc{n}" for n in range(len(texts))]
    here, there = Deduplicator(window=window), Deduplicator(window=window)
    checked = [here.check(key, text) for key, text in zip(keys, texts, strict=True)]
    shipped = [pickle.loads(pickle.dumps(fingerprint(normalize(text).text))) for text in texts]
    decided = [there.decide(key, found) for key, found in zip(keys, shipped, strict=True)]
    assert decided == checked
    if window is None:
        assert checked == [None, None, "doc0", None, "doc1", None, "doc5", "doc0", None]


def test_signature_and_banding_are_those_of_datasketch() -> None:
    """The detector computes MinHash itself (vectorised, without importing SciPy): same values."""
    from datasketch import MinHash, MinHashLSH

    from rasad.ingest.dedupe import (
        BANDS,
        CANDIDATE_THRESHOLD,
        NUM_PERM,
        ROWS,
        _shingles,
        minhash,
        word_hashes,
    )
    from rasad.text.normalize import normalize_string

    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    for text in (STORY, SYNDICATED, SAME_EVENT, PERSIAN * 3):
        shingles = _shingles(word_hashes(normalize_string(text)))
        sketch = MinHash(num_perm=NUM_PERM, hashfunc=int)
        sketch.update_batch(shingles.tolist())
        assert minhash(shingles).tolist() == sketch.hashvalues.tolist()


def test_word_hashes_follow_the_words_of_real_text(seed_paths: list[Path]) -> None:
    """One hash per ``\\w+`` word of the case-folded text, equal for equal words and different for
    different ones, on the seeds (Arabic, Persian), English with capitals, and characters beyond the
    Basic Multilingual Plane (a mathematical letter is a word character, an emoji is not)."""
    import re

    from rasad.ingest.dedupe import word_hashes
    from rasad.text.normalize import normalize_string

    texts = [normalize_string(path.read_text(encoding="utf-8")) for path in seed_paths]
    texts += [STORY.upper(), STORY, "NATO_summit 𝐀𝐁 met 🙂 in Ankara, 𝐀𝐁 said", ""]
    hash_of: dict[str, int] = {}
    for text in texts:
        words = re.findall(r"\w+", text.casefold())
        hashes = word_hashes(text).tolist()
        assert len(hashes) == len(words)
        for word, value in zip(words, hashes, strict=True):
            assert hash_of.setdefault(word, value) == value
    assert len(set(hash_of.values())) == len(hash_of) > 1000
    assert word_hashes(STORY.upper()).tolist() == word_hashes(STORY).tolist()
