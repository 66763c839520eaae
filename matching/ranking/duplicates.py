"""Near-duplicate postings, found at ingest so one job is grouped, not shown twice.

Two postings are duplicates when they come from the same employer AND either their texts are
near-identical (Jaccard similarity of word 3-shingles over analysed title + description,
estimated by MinHash, >= 0.9) or their embeddings are nearly parallel (cosine >= 0.97).
Analysed terms make the test blind to case, punctuation, markup, script (Latin/Cyrillic
Kazakh) and word endings, so a re-posted vacancy with cosmetic edits is still caught.

The MinHash signature is a fixed-size ``uint32`` array (storable); the estimate's standard
error is about ``sqrt(J(1-J)/NUM_PERM)`` (0.019 at J = 0.9).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from matching.ranking.terms import ordered_terms
from matching.ranking.weights import DuplicateParams

NUM_PERM = 256
SHINGLE = 3
_PRIME = np.uint64(4_294_967_291)  # largest prime below 2**32: (a*x + b) stays below 2**64
_rng = np.random.Generator(np.random.PCG64(20_240_601))  # fixed: signatures must be stable
_A = _rng.integers(1, int(_PRIME), size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, int(_PRIME), size=NUM_PERM, dtype=np.uint64)

Signature = npt.NDArray[np.uint32]
DEFAULT_DUPLICATE_PARAMS = DuplicateParams()


@dataclass(frozen=True, slots=True)
class PostingFingerprint:
    """What duplicate detection keeps of a posting. ``signature`` is empty for blank text."""

    employer_id: int
    signature: Signature = field(compare=False, repr=False)
    vector: npt.NDArray[np.float32] | None = field(default=None, compare=False, repr=False)


def shingles(terms: Sequence[str], size: int = SHINGLE) -> set[str]:
    """Consecutive ``size``-term shingles (the whole text as one shingle when shorter)."""
    if not terms:
        return set()
    if len(terms) <= size:
        return {"\x1f".join(terms)}
    return {"\x1f".join(terms[i : i + size]) for i in range(len(terms) - size + 1)}


def _hash32(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "little")


def minhash(items: set[str]) -> Signature:
    """MinHash signature of a set of strings (empty array for an empty set)."""
    if not items:
        return np.zeros(0, dtype=np.uint32)
    hashes = np.fromiter((_hash32(s) for s in items), dtype=np.uint64, count=len(items))
    permuted = (_A[:, None] * hashes[None, :] + _B[:, None]) % _PRIME
    signature: Signature = permuted.min(axis=1).astype(np.uint32)
    return signature


def estimated_jaccard(a: Signature, b: Signature) -> float:
    if a.size == 0 or b.size == 0 or a.size != b.size:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


def _unit(
    vector: Sequence[float] | npt.NDArray[np.floating] | None,
) -> npt.NDArray[np.float32] | None:
    if vector is None:
        return None
    arr = np.asarray(vector, dtype=np.float32).ravel()
    norm = float(np.linalg.norm(arr))
    if arr.size == 0 or not np.isfinite(norm) or norm == 0:
        return None
    unit: npt.NDArray[np.float32] = arr / norm
    return unit


def fingerprint(
    title: str,
    description: str,
    employer_id: int,
    vector: Sequence[float] | npt.NDArray[np.floating] | None = None,
) -> PostingFingerprint:
    terms = ordered_terms(f"{title}\n{description}")
    return PostingFingerprint(employer_id, minhash(shingles(terms)), _unit(vector))


def similarity(a: PostingFingerprint, b: PostingFingerprint) -> tuple[float, float | None]:
    """``(text Jaccard estimate, embedding cosine or None)``."""
    cosine = None
    if a.vector is not None and b.vector is not None and a.vector.shape == b.vector.shape:
        cosine = float(np.dot(a.vector, b.vector))
    return estimated_jaccard(a.signature, b.signature), cosine


def is_duplicate(
    a: PostingFingerprint, b: PostingFingerprint, params: DuplicateParams = DEFAULT_DUPLICATE_PARAMS
) -> bool:
    if a.employer_id != b.employer_id:
        return False
    jaccard, cosine = similarity(a, b)
    return jaccard >= params.jaccard or (cosine is not None and cosine >= params.cosine)


def find_duplicate(
    new: PostingFingerprint,
    existing: Sequence[PostingFingerprint],
    params: DuplicateParams = DEFAULT_DUPLICATE_PARAMS,
) -> int | None:
    """Index in ``existing`` of the posting ``new`` duplicates (the most similar; first on ties).

    The app stores that posting's id as ``duplicate_of_id``.
    """
    best: int | None = None
    best_key = (-1.0, -1.0)
    for i, other in enumerate(existing):
        if not is_duplicate(new, other, params):
            continue
        jaccard, cosine = similarity(new, other)
        key = (max(jaccard, cosine or 0.0), jaccard)
        if key > best_key:
            best, best_key = i, key
    return best
