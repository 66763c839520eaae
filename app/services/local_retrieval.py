"""Local first: retrieval passes around a place, merged with the global one.

A global top-K by text and meaning lets local postings in only when they also rank among the
best in the whole country, so a seeker in a small town was offered work a thousand kilometres
away while the job down the street never reached the ranker. The same query is therefore also
run restricted to a radius (the engines' ``GeoFilter``, applied to the text and the kNN lists
alike), and the hits merged.

Ranks from a restricted pass are ranks among local documents, not in the whole index. A hit
that only a restricted pass found is therefore given the ranks it had there shifted behind the
global list (``offset``): it is known not to be among the global best, and the ranker's
text/vector features must not rate it as if it were. Which of the merged candidates comes
first is the ranker's business (distance, occupation; ``matching.ranking.weights``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from indexer import GeoFilter, Hit
from indexer.query import MAX_RADIUS_KM

# A second, wider ring: beyond the commute limit but still nearer than the rest of the
# country (a Karaganda accountant with a 30 km limit should see accountant jobs 90 and 180 km
# away before ones 800 km away).
NEARBY_KM = 250.0


@dataclass(frozen=True, slots=True)
class Pass:
    """One retrieval pass's hits; ``offset`` is added to its text/vector ranks."""

    hits: Sequence[Hit]
    offset: int = 0


def _shift(rank: int | None, offset: int) -> int | None:
    return None if rank is None else rank + offset


def _best(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def merge(passes: Sequence[Pass]) -> dict[int, Hit]:
    """Hits by id, in first-seen order: the best (smallest) shifted rank of each list, and the
    distance whichever pass computed it."""
    out: dict[int, Hit] = {}
    for p in passes:
        for hit in p.hits:
            shifted = replace(
                hit,
                text_rank=_shift(hit.text_rank, p.offset),
                vector_rank=_shift(hit.vector_rank, p.offset),
            )
            seen = out.get(hit.id)
            if seen is None:
                out[hit.id] = shifted
                continue
            out[hit.id] = replace(
                seen,
                text_rank=_best(seen.text_rank, shifted.text_rank),
                vector_rank=_best(seen.vector_rank, shifted.vector_rank),
                distance_km=seen.distance_km if seen.distance_km is not None else hit.distance_km,
            )
    return out


def rings(lat: float | None, lon: float | None, limit_km: float) -> list[GeoFilter]:
    """The restricted passes for a place: within the commute limit, then the nearby ring."""
    if lat is None or lon is None:
        return []
    limit = min(round(limit_km, 1), MAX_RADIUS_KM)
    radii = sorted({limit, max(NEARBY_KM, limit)})
    return [GeoFilter(lat, lon, radius_km=r) for r in radii]
