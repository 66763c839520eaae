"""Merging ranked lists in our own code, so hybrid search needs no paid Elasticsearch feature.

Reciprocal rank fusion (Cormack et al., 2009): ``score(d) = sum_i w_i / (k + rank_i(d))`` with
1-based ranks. It uses ranks only, so BM25 scores and cosine similarities need no calibration.

Weighted score fusion (``weighted_fusion``): each list's scores min-max normalised to [0, 1]
(absent: 0), then ``sum_i w_i * norm_i(d)``. It keeps how far apart the scores are, which
ranks cannot: a title match far above the rest stays far above. ``bench/relevance.py``
measures both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_RRF_K = 60


@dataclass(frozen=True, slots=True)
class Fused:
    id: int
    score: float
    ranks: tuple[int | None, ...]  # 1-based rank in each input list, None when absent


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]],
    k: int = DEFAULT_RRF_K,
    weights: Sequence[float] | None = None,
) -> list[Fused]:
    """Fuse ranked id lists, best first; ties go to the better best rank, then the smaller id.

    An id repeated within one list counts at its first (best) rank only.
    """
    if k < 1:
        raise ValueError("k: must be >= 1")
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("weights: one per ranking")
    ranks: dict[int, list[int | None]] = {}
    for i, ranking in enumerate(rankings):
        for rank, doc_id in enumerate(ranking, start=1):
            slots = ranks.setdefault(doc_id, [None] * len(rankings))
            if slots[i] is None:
                slots[i] = rank
    fused = [
        Fused(
            id=doc_id,
            score=sum(w / (k + r) for w, r in zip(weights, slots, strict=True) if r is not None),
            ranks=tuple(slots),
        )
        for doc_id, slots in ranks.items()
    ]
    fused.sort(key=lambda f: (-f.score, min(r for r in f.ranks if r is not None), f.id))
    return fused


def min_max_normalise(scores: Sequence[float]) -> list[float]:
    """Scale scores to [0, 1]; a constant list maps to all 1.0 (every item equally good)."""
    if not scores:
        return []
    lo, hi = min(scores), max(scores)
    if hi == lo:
        return [1.0] * len(scores)
    return [(s - lo) / (hi - lo) for s in scores]


def weighted_fusion(
    lists: Sequence[Sequence[tuple[int, float]]], weights: Sequence[float]
) -> list[Fused]:
    """Fuse ``(id, score)`` lists (each best first) by weighted normalised scores, best first;
    ties go to the better best rank, then the smaller id."""
    if len(weights) != len(lists):
        raise ValueError("weights: one per list")
    ranks: dict[int, list[int | None]] = {}
    totals: dict[int, float] = {}
    for i, (ranking, weight) in enumerate(zip(lists, weights, strict=True)):
        seen: dict[int, float] = {}
        for doc_id, score in ranking:
            seen.setdefault(doc_id, score)
        normalised = min_max_normalise(list(seen.values()))
        for rank, (doc_id, norm) in enumerate(zip(seen, normalised, strict=True), start=1):
            ranks.setdefault(doc_id, [None] * len(lists))[i] = rank
            totals[doc_id] = totals.get(doc_id, 0.0) + weight * norm
    fused = [Fused(id=d, score=totals[d], ranks=tuple(r)) for d, r in ranks.items()]
    fused.sort(key=lambda f: (-f.score, min(r for r in f.ranks if r is not None), f.id))
    return fused
