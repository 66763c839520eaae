"""The systems the relevance bench compares, and its metrics.

Every system answers the same query text (the app's ``query_text``: profile text, names of
declared occupations, skills) against the same embedded index:

- ``bm25``: the engine in text mode;
- ``embeddings``: the engine in vector mode, query vector from ``encode_queries``;
- ``hybrid``: retrieval exactly as ``app.services.recommendations.retrieve`` (hybrid text+kNN
  fused by RRF, plus nearest jobs in the declared occupations), in the engine's RRF order;
- ``full ranker``: the same candidates re-ranked by ``matching.ranking.rank``.

The ranker's feature scores do not depend on the weights, so each query is scored once with
``rank`` and re-weighted from its feature matrix afterwards (``Scored.order``); the bench
checks that this shortcut reproduces ``rank``'s own order for every weight set it reports.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import numpy.typing as npt
from relevance_data import Matrix, Query

from indexer import (
    DocType,
    Filters,
    GeoFilter,
    Hit,
    Mode,
    SearchEngine,
    SearchQuery,
    Sort,
    TextMatch,
    VacancyDocument,
)
from matching.ranking import FEATURES, Candidate, RankingWeights, SeekerProfile, rank
from matching.ranking.match import score_matrix

RETRIEVE = 100  # as app.services.recommendations.RETRIEVE
K_NDCG = 10
K_P = 10
K_RECALL = 100
TODAY = date(2025, 6, 1)
Floats = npt.NDArray[np.float64]


def query_text(profile: SeekerProfile, names: Callable[[str], Sequence[str]]) -> str:
    """``app.services.recommendations.query_text`` without the database session."""
    occupation_names = [n for code in profile.desired_occupations for n in names(code)]
    parts = [profile.text, *occupation_names, *profile.skills]
    return "\n".join(p for p in parts if p)[:2000]


def _geo(profile: SeekerProfile) -> GeoFilter | None:
    if profile.lat is None or profile.lon is None:
        return None
    return GeoFilter(profile.lat, profile.lon)


def _ids(hits: Sequence[Hit]) -> list[int]:
    return [h.id for h in hits]


def search_bm25(engine: SearchEngine, text: str, exclude: tuple[int, ...]) -> list[int]:
    query = SearchQuery(
        text=text,
        mode=Mode.TEXT,
        filters=Filters(ids_exclude=exclude),
        limit=RETRIEVE,
        text_match=TextMatch.ANY,  # classic BM25: any query word, ranked by score
    )
    return _ids(engine.search(DocType.VACANCIES, query).hits)


def search_vector(engine: SearchEngine, vector: Matrix, exclude: tuple[int, ...]) -> list[int]:
    query = SearchQuery(
        vector=vector,
        mode=Mode.VECTOR,
        filters=Filters(ids_exclude=exclude),
        limit=RETRIEVE,
        knn_candidates=RETRIEVE,
    )
    return _ids(engine.search(DocType.VACANCIES, query).hits)


def retrieve(
    engine: SearchEngine,
    profile: SeekerProfile,
    text: str,
    vector: Matrix,
    exclude: tuple[int, ...],
) -> tuple[list[int], dict[int, Hit]]:
    """``app.services.recommendations.retrieve``: the hybrid (RRF) order and all candidates."""
    filters = Filters(ids_exclude=exclude)
    geo = _geo(profile)
    query = SearchQuery(
        text=text,
        vector=vector,
        mode=Mode.HYBRID,
        filters=filters,
        geo=geo,
        limit=RETRIEVE,
        knn_candidates=RETRIEVE * 2,
        text_match=TextMatch.ANY,  # as app.services.recommendations.retrieve
    )
    hits = engine.search(DocType.VACANCIES, query).hits
    order = _ids(hits)
    found: dict[int, Hit] = {h.id: h for h in hits}
    if profile.desired_occupations:
        by_code = replace(filters, occupation_codes=profile.desired_occupations)
        sort = Sort.DISTANCE if geo is not None else Sort.DATE
        nearest = SearchQuery(filters=by_code, geo=geo, sort=sort, limit=RETRIEVE)
        for hit in engine.search(DocType.VACANCIES, nearest).hits:
            found.setdefault(hit.id, hit)
    return order, found


@dataclass(frozen=True, slots=True)
class Scored:
    """One query's candidates as the ranker saw them: feature matrix and the kind,
    eligibility and spreading factors, so any weights re-rank them without re-computing
    features (the arithmetic is ``rank``'s, step for step)."""

    ids: npt.NDArray[np.int64]
    features: Floats  # (candidates, len(FEATURES))
    factors: Floats  # (candidates, len(FACTORS)): the multiplicative factors of rank()
    offerable: npt.NDArray[np.bool_]
    rank_order: list[int]  # rank()'s own order, with the weights it was called with

    def order(self, weights: RankingWeights) -> list[int]:
        if self.ids.size == 0:
            return []
        base = np.clip((self.features * weights.normalised()).sum(axis=1), 0.0, 1.0)
        final = base * self.factors.prod(axis=1)
        keys = np.lexsort((self.ids, -final, ~self.offerable))
        return [int(self.ids[i]) for i in keys]


FACTORS = ("kind", "eligibility", "spreading", "reach", "occupation", "language")


def score(
    profile: SeekerProfile,
    hits: dict[int, Hit],
    docs: dict[int, VacancyDocument],
    weights: RankingWeights,
) -> Scored:
    """``rank`` the candidates (no fairness loads: the bench has no applications)."""
    candidates = [
        Candidate(
            vacancy=docs[doc_id],
            text_rank=hit.text_rank,
            vector_rank=hit.vector_rank,
            distance_km=hit.distance_km,
        )
        for doc_id, hit in hits.items()
    ]
    ranked = rank(profile, candidates, today=TODAY, weights=weights)
    if not ranked:
        return Scored(
            np.zeros(0, np.int64),
            np.zeros((0, len(FEATURES))),
            np.zeros((0, len(FACTORS))),
            np.zeros(0, bool),
            [],
        )
    # rank() keeps one posting per duplicate group; the bench's documents have no groups.
    return Scored(
        ids=np.array([r.vacancy_id for r in ranked], dtype=np.int64),
        features=score_matrix([r.match for r in ranked]),
        factors=np.array([[r.factors[f] for f in FACTORS] for r in ranked], dtype=np.float64),
        offerable=np.array([r.offerable for r in ranked], dtype=bool),
        rank_order=[r.vacancy_id for r in ranked],
    )


# -- metrics ------------------------------------------------------------------------------


def ndcg(ranked: Sequence[int], relevant: frozenset[int], k: int = K_NDCG) -> float:
    if not relevant:
        return 0.0
    dcg = sum(1.0 / math.log2(i + 2) for i, d in enumerate(ranked[:k]) if d in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


def precision(ranked: Sequence[int], relevant: frozenset[int], k: int = K_P) -> float:
    return sum(1 for d in ranked[:k] if d in relevant) / k


def recall(ranked: Sequence[int], relevant: frozenset[int], k: int = K_RECALL) -> float:
    if not relevant:
        return 0.0
    return sum(1 for d in ranked[:k] if d in relevant) / len(relevant)


@dataclass(frozen=True, slots=True)
class Metrics:
    ndcg10: float
    p10: float
    recall100: float
    queries: int
    empty: int  # queries that got no results at all

    def as_dict(self) -> dict[str, float | int]:
        return {
            "ndcg@10": round(self.ndcg10, 4),
            "p@10": round(self.p10, 4),
            "recall@100": round(self.recall100, 4),
            "queries": self.queries,
            "no_results": self.empty,
        }


def per_query_ndcg(rankings: Sequence[Sequence[int]], queries: Sequence[Query]) -> list[float]:
    return [ndcg(r, q.relevant) for r, q in zip(rankings, queries, strict=True)]


def evaluate(rankings: Sequence[Sequence[int]], queries: Sequence[Query]) -> Metrics:
    n = len(queries)
    if n == 0:
        return Metrics(0.0, 0.0, 0.0, 0, 0)
    pairs = list(zip(rankings, queries, strict=True))
    return Metrics(
        ndcg10=sum(ndcg(r, q.relevant) for r, q in pairs) / n,
        p10=sum(precision(r, q.relevant) for r, q in pairs) / n,
        recall100=sum(recall(r, q.relevant) for r, q in pairs) / n,
        queries=n,
        empty=sum(1 for r in rankings if not r),
    )
