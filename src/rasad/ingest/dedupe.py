"""Duplicate detection: the same wire story syndicated by several outlets must be coded once."""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass

import numpy as np

from rasad.text.normalize import normalize_string

_MULTIPLIERS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))  # odd 64-bit constants
# Below this many words a few shared phrases make any two texts look alike: exact match only.
_MIN_WORDS = 20
THRESHOLD = 0.8  # the word 3-shingle Jaccard similarity from which a text is a near-duplicate
# LSH only proposes candidates, so it runs well below the threshold: at 0.5 a pair with a
# similarity of 0.8 is missed once in 20 000, and an unrelated pair (0.1) proposed once in 4 000.
CANDIDATE_THRESHOLD = 0.5
NUM_PERM = 128


# Words as ``\w+`` finds them (runs of letters, digits and the underscore), told by a table for the
# Basic Multilingual Plane; characters beyond it (rare in news) are asked one by one.
_BMP = 0x10000
_WORD_CHAR = np.fromiter(
    (chr(code).isalnum() or code == 0x5F for code in range(_BMP)), dtype=bool, count=_BMP
)


# Case folding for the BMP where a character folds to one character (ß and the like, which fold to
# two, are left as they are: the fingerprint only needs the same text to give the same words).
def _folded(code: int) -> int:
    folded = chr(code).casefold()
    return ord(folded) if len(folded) == 1 else code


_FOLDED = np.fromiter(map(_folded, range(_BMP)), dtype=np.uint32, count=_BMP)
# A word's hash is the sum of its characters each times a random odd key for its place in the word
# (the 64th place and beyond share one), then mixed.
_PLACE_KEYS = np.random.RandomState(7).randint(0, 1 << 63, 64, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_LAST_PLACE = len(_PLACE_KEYS) - 1


def word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash of each word of ``text``, case folded, in order.

    Computed on the text's code points as arrays, without a Python string per word (which cost
    more than the rest of the fingerprint: a news article has some 600 words).
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # any str
    if len(codes) == 0:
        return np.empty(0, dtype=np.uint64)
    wide = np.flatnonzero(codes >= _BMP)
    if len(wide):
        narrow = codes.copy()
        narrow[wide] = 0
        word = _WORD_CHAR[narrow]
        word[wide] = [chr(code).isalnum() for code in codes[wide]]
        codes = np.where(codes >= _BMP, codes, _FOLDED[narrow])
    else:
        word = _WORD_CHAR[codes]
        codes = _FOLDED[codes]
    at = np.flatnonzero(word)
    if len(at) == 0:
        return np.empty(0, dtype=np.uint64)
    first = np.empty(len(at), dtype=bool)  # the first letter of each word
    first[0] = True
    np.not_equal(at[1:], at[:-1] + 1, out=first[1:])
    starts = np.flatnonzero(first)
    place = np.arange(len(at))
    place -= np.maximum.accumulate(np.where(first, place, 0))
    np.minimum(place, _LAST_PLACE, out=place)
    values = (codes[at].astype(np.uint64) + np.uint64(1)) * _PLACE_KEYS[place]
    hashes = np.add.reduceat(values, starts)
    hashes ^= hashes >> np.uint64(31)
    hashes *= _MULTIPLIERS[0]
    hashes ^= hashes >> np.uint64(29)
    return hashes


def _shingles(hashes: np.ndarray) -> np.ndarray:
    """The distinct word 3-shingles of a text (three words or more, given as ``word_hashes``) as
    sorted 32-bit hashes: the three hashes of a shingle combined with odd multipliers (order matters,
    arithmetic wraps)."""
    combined = hashes[:-2] * _MULTIPLIERS[0]
    combined += hashes[1:-1] * _MULTIPLIERS[1]
    combined += hashes[2:]
    shingles = combined.astype(np.uint32)
    # Sorted and deduplicated as np.unique does, in a fifth of its time for a few hundred values.
    shingles.sort()
    distinct = np.empty(len(shingles), dtype=bool)
    distinct[0] = True
    np.not_equal(shingles[1:], shingles[:-1], out=distinct[1:])
    return shingles[distinct]


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the duplicate decision needs of one text, computed apart from that decision.

    Computing it is most of the detector's work and depends on the text alone, so pool workers
    compute it next to the coding; only the decision, which depends on the documents before, stays
    in input order in the parent.
    """

    digest: bytes | None  # of the normalised words; None: the text has no words
    shingles: np.ndarray | None  # None: too short for near-duplicate detection
    bands: tuple[bytes, ...]  # the MinHash signature cut into the LSH bands


# MinHash as datasketch 2.0 computes it for these inputs (its affine32 scheme, seed 1, inputs that are
# already 32-bit hashes): each shingle hash goes through the MurmurHash3 finaliser and 128 random
# affine permutations, and the signature keeps the minimum of each. Written out here, vectorised,
# because the package wants a Python list per document and its import pulls in SciPy (half a second
# per process); tests/test_ingest_dedupe.py checks it against the package.
_PERMUTATIONS = np.random.RandomState(1)
_A = _PERMUTATIONS.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
_B = _PERMUTATIONS.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
_A_COLUMN, _B_COLUMN = _A.reshape(-1, 1), _B.reshape(-1, 1)
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
# datasketch's MinHashLSH banding for ``CANDIDATE_THRESHOLD`` and ``NUM_PERM``: 25 bands of 5 rows.
# A document is a candidate when one band of its signature equals one of the query's.
BANDS, ROWS = 25, 5
_BANDING = tuple((start, start + ROWS) for start in range(0, BANDS * ROWS, ROWS))


def minhash(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature (128 uint32) of a non-empty array of uint32 shingle hashes."""
    s1, m1, s2, m2, s3 = _FMIX
    mixed = shingles ^ (shingles >> s1)
    mixed *= m1
    mixed ^= mixed >> s2
    mixed *= m2
    mixed ^= mixed >> s3
    permuted = np.multiply(_A_COLUMN, mixed)  # one (128 x shingles) array, added to in place
    permuted += _B_COLUMN
    return permuted.min(axis=1)


def fingerprint(normalized: str) -> Fingerprint:
    """The fingerprint of a text already normalised by ``normalize_string`` (the pipeline has it)."""
    hashes = word_hashes(normalized)
    if not len(hashes):
        return Fingerprint(None, None, ())
    digest = hashlib.blake2b(hashes.tobytes(), digest_size=16).digest()
    if len(hashes) < _MIN_WORDS:
        return Fingerprint(digest, None, ())
    shingles = _shingles(hashes)
    values = minhash(shingles)
    return Fingerprint(digest, shingles, tuple(values[start:end].tobytes() for start, end in _BANDING))


class Deduplicator:
    """Flags exact and near-duplicate documents (syndicated stories) so they are not coded twice.

    Exact: a hash of the normalised words. Near: the Jaccard similarity of the word 3-shingle
    sets reaches ``THRESHOLD``. MinHash LSH finds the candidates; their similarity is then
    computed exactly from the stored shingle hashes (about 2 kB a document), because the MinHash
    estimate wobbles by some 0.04 and a syndicated copy typically scores just above 0.8: a new
    headline, a boilerplate line and two changed words in a 140-word story give 0.83. Two
    reports of the same event written apart score below 0.1.

    Memory grows by some 5 kB per remembered text, so only the last ``window`` distinct texts are
    remembered (None: all): syndicated copies of a story appear within days of each other, and a
    stream of millions of articles must not exhaust memory.
    """

    def __init__(self, window: int | None = None) -> None:
        if window is not None and window < 1:
            raise ValueError(f"the duplicate window must be at least 1 document, got {window}")
        self._window = window
        # Band value -> the keys of the texts with it: a tuple, as most values belong to one text
        # (a set would take four times the memory, 25 of them per text).
        self._bands: list[dict[bytes, tuple[str, ...]]] = [{} for _ in _BANDING]
        self._indexed: dict[str, tuple[int, np.ndarray, tuple[bytes, ...]]] = {}  # key -> (order, ...)
        self._originals: dict[bytes, str] = {}
        self._remembered: deque[tuple[bytes, str | None]] = deque()  # (digest, key it indexed), oldest first
        self._arrivals = 0

    def _nearest(self, shingles: np.ndarray, bands: tuple[bytes, ...]) -> str | None:
        """The most similar indexed document at or above the threshold; the earliest on a tie."""
        candidates: set[str] = set()
        for table, band in zip(self._bands, bands, strict=True):
            keys = table.get(band)
            if keys:
                candidates.update(keys)
        scored = []
        for key in candidates:
            order, other, _ = self._indexed[key]
            score = _jaccard(shingles, other)
            if score >= THRESHOLD:
                scored.append((score, -order, key))
        return max(scored)[2] if scored else None

    def check(self, key: str, text: str) -> str | None:
        """Return the key of an earlier document this one duplicates, or None (and remember it)."""
        return self.decide(key, fingerprint(normalize_string(text)))

    def decide(self, key: str, found: Fingerprint) -> str | None:
        """``check`` for a text whose fingerprint is known: the part that depends on input order.

        A duplicate is not indexed itself: later copies are matched to the original.
        Keys must be unique among the documents that are not duplicates.
        """
        if found.digest is None:
            return None
        original = self._originals.get(found.digest)
        if original is not None:
            return original
        if found.shingles is None:
            self._remember(found.digest, key, None)
            return None
        original = self._nearest(found.shingles, found.bands)
        indexed = None
        if original is None and key not in self._indexed:
            for table, band in zip(self._bands, found.bands, strict=True):
                table[band] = (*table.get(band, ()), key)
            self._indexed[key] = (self._arrivals, found.shingles, found.bands)
            self._arrivals += 1
            indexed = key
        self._remember(found.digest, original or key, indexed)
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
                _, _, bands = self._indexed.pop(old_key)
                for table, band in zip(self._bands, bands, strict=True):
                    keys = tuple(key for key in table[band] if key != old_key)
                    if keys:
                        table[band] = keys
                    else:
                        del table[band]
