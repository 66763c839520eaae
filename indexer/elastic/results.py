"""Elasticsearch responses to ``Hit``s, totals and facets; Python-side ordering of candidates.

Pure functions over response dicts, so they are tested without a server.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from indexer.elastic.query_builder import DISTANCE_FIELD, SORT_VALUE_FIELDS
from indexer.fusion import DEFAULT_RRF_K, reciprocal_rank_fusion, weighted_fusion
from indexer.interface import FacetCount, Hit
from indexer.query import Fusion, SearchQuery, Sort

DISTANCE_DECIMALS = 3  # as the embedded backend rounds Hit.distance_km


@dataclass(frozen=True, slots=True)
class Candidate:
    """A hit before its page is cut, with the keys Python may order it by."""

    id: int
    score: float
    text_rank: int | None = None
    vector_rank: int | None = None
    distance_km: float | None = None
    sort_value: float | None = None

    def hit(self) -> Hit:
        return Hit(
            id=self.id,
            score=self.score,
            distance_km=self.distance_km,
            text_rank=self.text_rank,
            vector_rank=self.vector_rank,
        )


def _first(hit: Mapping[str, Any], field: str) -> Any:
    values = hit.get("fields", {}).get(field)
    return values[0] if values else None


def cosine_from_score(score: float) -> float:
    """Elasticsearch reports cosine kNN scores as ``(1 + cos) / 2``; the contract wants cos."""
    return 2.0 * score - 1.0


def total_of(response: Mapping[str, Any]) -> int:
    return int(response["hits"]["total"]["value"])


def raw_hits(response: Mapping[str, Any]) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = response["hits"]["hits"]
    return hits


def candidates(
    response: Mapping[str, Any],
    *,
    sort: Sort = Sort.RELEVANCE,
    text_ranks_from: int | None = None,
    vector_ranks_from: int | None = None,
) -> list[Candidate]:
    """The hits of one response, in order. ``*_ranks_from``: the rank of the first hit in the
    text or kNN list (``None``: the list is not that one); kNN scores become cosines."""
    out = []
    value_field = SORT_VALUE_FIELDS.get(sort)
    for i, hit in enumerate(raw_hits(response)):
        raw_score = hit.get("_score")
        score = 0.0 if raw_score is None else float(raw_score)
        if vector_ranks_from is not None:
            score = cosine_from_score(score)
        distance = _first(hit, DISTANCE_FIELD)
        value = _first(hit, value_field) if value_field is not None else None
        out.append(
            Candidate(
                id=int(hit["_id"]),
                score=score,
                text_rank=None if text_ranks_from is None else text_ranks_from + i,
                vector_rank=None if vector_ranks_from is None else vector_ranks_from + i,
                distance_km=None if distance is None else round(float(distance), DISTANCE_DECIMALS),
                sort_value=None if value is None else float(value),
            )
        )
    return out


def fuse(
    text: Sequence[Candidate], vector: Sequence[Candidate], query: SearchQuery
) -> list[Candidate]:
    """The text and kNN lists fused as ``query.fusion`` says; the score becomes the fused
    score."""
    known: dict[int, Candidate] = {c.id: c for c in vector}
    known.update({c.id: c for c in text})
    if query.fusion is Fusion.WEIGHTED:
        fused = weighted_fusion(
            [[(c.id, c.score) for c in text], [(c.id, c.score) for c in vector]],
            (query.text_weight, 1.0 - query.text_weight),
        )
    else:
        fused = reciprocal_rank_fusion(
            [[c.id for c in text], [c.id for c in vector]], k=DEFAULT_RRF_K
        )
    return [
        replace(known[f.id], score=f.score, text_rank=f.ranks[0], vector_rank=f.ranks[1])
        for f in fused
    ]


def ordered(items: Sequence[Candidate], sort: Sort) -> list[Candidate]:
    """``items`` re-ordered by ``sort`` (stable; documents without the key last); relevance
    keeps the given order."""
    if sort is Sort.DISTANCE:
        return sorted(items, key=lambda c: (c.distance_km is None, c.distance_km or 0.0))
    if sort in SORT_VALUE_FIELDS:
        return sorted(items, key=lambda c: (c.sort_value is None, -(c.sort_value or 0.0)))
    return list(items)


def facets_of(response: Mapping[str, Any], names: Iterable[str]) -> dict[str, list[FacetCount]]:
    aggs = response.get("aggregations", {})
    out: dict[str, list[FacetCount]] = {}
    for name in names:
        buckets = aggs.get(name, {}).get("buckets", [])
        counts = [
            FacetCount(str(b.get("key_as_string", b["key"])), int(b["doc_count"])) for b in buckets
        ]
        counts.sort(key=lambda c: (-c.count, c.value))
        out[name] = counts
    return out
