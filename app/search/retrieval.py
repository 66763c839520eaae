"""How a ``VacancyQuery`` is run against the engine: text only, or hybrid when the encoder is on.

Hybrid search fuses two lists under the same filters: the text matches (BM25) and the nearest
passages to the query's embedding (kNN). What counts as *found* (the total, the facet counts,
the pages) is kept to what is relevant, so that one common word does not pull unrelated
postings in:

- text matches must be in the title or the skills (``STRONG_FIELDS``); when nothing matches
  there (an employer's name, a word only descriptions use) every field may match, as in text
  search;
- kNN candidates must be within ``KNN_FLOOR`` cosine similarity of the best one.

The fusion and its parameters were chosen on ``bench/relevance.py``'s search sets (README).
This module needs no database: the bench runs it as the app does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.search.vacancy_query import VacancyQuery
from indexer import DocType, Fusion, Mode, SearchEngine, SearchResult, Sort
from indexer.documents import Vector
from indexer.query import MAX_LIMIT

STRONG_FIELDS = ("title", "skills_text")
KNN_CANDIDATES = 100
KNN_FLOOR = 0.05
FUSION = Fusion.RRF
TEXT_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class HybridSettings:
    """The knobs of hybrid search (the bench varies them; the app uses the defaults)."""

    fusion: Fusion = FUSION
    text_weight: float = TEXT_WEIGHT
    knn_candidates: int = KNN_CANDIDATES
    knn_floor: float | None = KNN_FLOOR
    strong_fields: tuple[str, ...] = STRONG_FIELDS


DEFAULT = HybridSettings()


def run_query(
    engine: SearchEngine,
    query: VacancyQuery,
    vector: Vector | None,
    hybrid: HybridSettings = DEFAULT,
    *,
    min_similarity: float | None = None,
) -> SearchResult:
    """The engine's result for ``query``; hybrid when there is text and a query vector.
    ``min_similarity`` replaces the relative kNN floor by an absolute one (alerts)."""
    if vector is None or not query.text:
        return engine.search(DocType.VACANCIES, query.search_query())
    search = replace(
        query.search_query(vector=vector, mode=Mode.HYBRID, knn_candidates=hybrid.knn_candidates),
        fusion=hybrid.fusion,
        text_weight=hybrid.text_weight,
        knn_floor=hybrid.knn_floor if min_similarity is None else None,
        knn_min_similarity=min_similarity,
    )
    result = engine.search(DocType.VACANCIES, replace(search, text_fields=hybrid.strong_fields))
    if result.text_total == 0 and hybrid.strong_fields:
        result = engine.search(DocType.VACANCIES, search)
    return result


def new_matches(
    engine: SearchEngine,
    query: VacancyQuery,
    vector: Vector | None,
    since: datetime,
    hybrid: HybridSettings = DEFAULT,
) -> SearchResult:
    """What ``query`` finds among the postings published after ``since`` (a saved search's
    alert), at most ``MAX_LIMIT`` of them, newest first.

    A posting found only by its embedding must be as near to the query as the search's own
    kNN floor allows over *all* postings: a quiet day's three new postings are not news to a
    cook just because one of them is the least far from "повар".
    """
    window = replace(query, published_since=since, sort=Sort.DATE, limit=MAX_LIMIT, offset=0)
    if vector is None or not query.text:
        return engine.search(DocType.VACANCIES, window.search_query())
    best = engine.search(
        DocType.VACANCIES,
        query.search_query(
            vector=vector,
            mode=Mode.VECTOR,
            sort=Sort.RELEVANCE,
            facets=(),
            limit=1,
            offset=0,
            knn_candidates=1,
        ),
    )
    if not best.hits:
        return SearchResult(hits=[], total=0)
    floor = best.hits[0].score - (hybrid.knn_floor or 0.0)
    return run_query(engine, window, vector, hybrid, min_similarity=max(-1.0, floor))
