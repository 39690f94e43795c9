"""Duplicate detection: the same wire story syndicated by several outlets must be coded once."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import deque

import numpy as np
from datasketch import MinHash, MinHashLSH

from rasad.text.normalize import normalize_string

_WORD = re.compile(r"\w+")
_MULTIPLIERS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))  # odd 64-bit constants
# Below this many words a few shared phrases make any two texts look alike: exact match only.
_MIN_WORDS = 20
# LSH only proposes candidates, so it runs well below the threshold: at 0.5 a pair with a
# similarity of 0.8 is missed once in 20 000, and an unrelated pair (0.1) proposed once in 4 000.
_CANDIDATE_MARGIN = 0.3


def _words(text: str) -> list[str]:
    """The words of ``text`` with case, diacritics, tatweel, letter variants and digits folded."""
    return _WORD.findall(normalize_string(text).casefold())


def _shingles(words: list[str]) -> np.ndarray:
    """The distinct word 3-shingles of a text as sorted 32-bit hashes.

    Each word is hashed once and the three hashes of a shingle are combined with odd
    multipliers (order matters, arithmetic wraps), which is several times faster than hashing
    every joined shingle string.
    """
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    combined = hashes[:-2] * _MULTIPLIERS[0] + hashes[1:-1] * _MULTIPLIERS[1] + hashes[2:]
    return np.unique(combined.astype(np.uint32))


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


class Deduplicator:
    """Flags exact and near-duplicate documents (syndicated stories) so they are not coded twice.

    Exact: a hash of the normalised words. Near: the Jaccard similarity of the word 3-shingle
    sets reaches ``threshold``. MinHashLSH finds the candidates; their similarity is then
    computed exactly from the stored shingle hashes (about 2 kB a document), because the MinHash
    estimate wobbles by some 0.04 and a syndicated copy typically scores just above 0.8: a new
    headline, a boilerplate line and two changed words in a 140-word story give 0.83. Two
    reports of the same event written apart score below 0.1.

    Memory grows by some 8 kB per remembered text, so only the last ``window`` distinct texts are
    remembered (None: all): syndicated copies of a story appear within days of each other, and a
    stream of millions of articles must not exhaust memory.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, window: int | None = None) -> None:
        if window is not None and window < 1:
            raise ValueError(f"the duplicate window must be at least 1 document, got {window}")
        self._threshold = threshold
        self._window = window
        self._lsh = MinHashLSH(threshold=max(threshold - _CANDIDATE_MARGIN, 0.1), num_perm=num_perm)
        # The inputs are already crc32 hashes (datasketch mixes them again), so the hash is int.
        self._template = MinHash(num_perm=num_perm, hashfunc=int)
        self._indexed: dict[str, tuple[int, np.ndarray]] = {}  # key -> (arrival order, shingles)
        self._originals: dict[bytes, str] = {}
        self._remembered: deque[tuple[bytes, str | None]] = deque()  # (digest, key it indexed), oldest first
        self._arrivals = 0

    def _nearest(self, shingles: np.ndarray, sketch: MinHash) -> str | None:
        """The most similar indexed document at or above the threshold; the earliest on a tie."""
        scored = []
        for key in self._lsh.query(sketch):
            order, other = self._indexed[key]
            score = _jaccard(shingles, other)
            if score >= self._threshold:
                scored.append((score, -order, key))
        return max(scored)[2] if scored else None

    def check(self, key: str, text: str) -> str | None:
        """Return the key of an earlier document this one duplicates, or None (and remember it).

        A duplicate is not indexed itself: later copies are matched to the original.
        Keys must be unique among the documents that are not duplicates.
        """
        words = _words(text)
        if not words:
            return None
        digest = hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()
        original = self._originals.get(digest)
        if original is not None:
            return original
        if len(words) < _MIN_WORDS:
            self._remember(digest, key, None)
            return None
        shingles = _shingles(words)
        sketch = self._template.copy()  # shares the permutations: no per-document set-up
        sketch.update_batch(shingles.tolist())
        original = self._nearest(shingles, sketch)
        indexed = None
        if original is None and key not in self._indexed:
            self._lsh.insert(key, sketch)
            self._indexed[key] = (self._arrivals, shingles)
            self._arrivals += 1
            indexed = key
        self._remember(digest, original or key, indexed)
        return original

    def _remember(self, digest: bytes, original: str, indexed: str | None) -> None:
        """Record a new text; past the window, forget the oldest one (its hash and its shingles)."""
        self._originals[digest] = original
        if self._window is None:
            return
        self._remembered.append((digest, indexed))
        if len(self._remembered) > self._window:
            old_digest, old_key = self._remembered.popleft()
            del self._originals[old_digest]
            if old_key is not None:
                self._lsh.remove(old_key)
                del self._indexed[old_key]
