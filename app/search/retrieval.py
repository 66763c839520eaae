"""How a ``VacancyQuery`` is run against the engine: the query understood, then text only, or
hybrid when the encoder is on.

Understanding (``matching.query.parse_query``): a place named in the text (``водитель
Алматы``, ``esepshi Qaraghandy``) leaves the text and becomes a region or locality filter,
unless the person chose one; when nothing is found there, the search runs everywhere with
distances from that place (``Retrieved.place_fallback``), so the answer is never empty just
because the place has none.

Hybrid search fuses two lists under the same filters: the text matches (BM25) and the nearest
passages to the query's embedding (kNN). What counts as *found* (the total, the facet counts,
the pages) is kept to what is relevant, so that one common word does not pull unrelated
postings in:

- text matches must be in the title or the skills (``STRONG_FIELDS``); when nothing matches
  there (an employer's name, a word only descriptions use) every field may match, as in text
  search;
- kNN candidates must be within ``KNN_FLOOR`` (alerts: ``ALERT_KNN_FLOOR``) cosine similarity
  of the best match among *all*
  published postings, whatever the filters: a filter (a region, a date window, an alert's
  new postings) does not make the least unrelated posting in it relevant.

The fusion and its parameters were chosen on ``bench/relevance.py``'s search sets (README).
This module needs no database: the bench runs it as the app does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from app.search.places import gazetteer
from app.search.vacancy_query import VacancyQuery
from indexer import (
    DocType,
    Fusion,
    GeoFilter,
    Mode,
    SearchEngine,
    SearchQuery,
    SearchResult,
    Sort,
)
from indexer.documents import Vector
from indexer.query import MAX_LIMIT
from matching.query import Place, parse_query

STRONG_FIELDS = ("title", "skills_text")
KNN_CANDIDATES = 100
KNN_FLOOR = 0.05
ALERT_KNN_FLOOR = 0.03  # an alert is a message pushed to someone: stricter
FUSION = Fusion.WEIGHTED
TEXT_WEIGHT = 0.7


@dataclass(frozen=True, slots=True)
class HybridSettings:
    """The knobs of hybrid search (the bench varies them; the app uses the defaults)."""

    fusion: Fusion = FUSION
    text_weight: float = TEXT_WEIGHT
    knn_candidates: int = KNN_CANDIDATES
    knn_floor: float | None = KNN_FLOOR
    strong_fields: tuple[str, ...] = STRONG_FIELDS
    places: bool = True  # read places out of the text


DEFAULT = HybridSettings()


@dataclass(frozen=True, slots=True)
class Plan:
    """What the query's text asks for: ``text`` to search (places taken out), the ``places``
    named, and ``corrected`` (the query as corrected, for "showing results for")."""

    text: str
    places: tuple[Place, ...] = ()
    corrected: str | None = None

    def place_filter(self, query: VacancyQuery) -> dict[str, tuple[str, ...]]:
        """Filter changes for the places named (none when the person chose a place filter)."""
        if not self.places or query.region or query.locality:
            return {}
        regions = tuple(dict.fromkeys(p.kato for p in self.places if p.level == "region"))
        localities = tuple(dict.fromkeys(p.kato for p in self.places if p.level != "region"))
        return {"region_katos": regions, "locality_katos": localities}

    def origin(self) -> GeoFilter | None:
        for place in self.places:
            if place.lat is not None and place.lon is not None:
                return GeoFilter(place.lat, place.lon)
        return None


@dataclass(frozen=True, slots=True)
class Retrieved:
    result: SearchResult
    plan: Plan
    place_fallback: bool = False  # nothing in the place named: searched everywhere


def plan_for(query: VacancyQuery, hybrid: HybridSettings = DEFAULT) -> Plan:
    if not query.text or not hybrid.places:
        return Plan(query.text)
    parsed = parse_query(query.text, gazetteer())
    return Plan(parsed.text.strip(), parsed.places, parsed.corrected)


def _engine_search(
    engine: SearchEngine,
    query: VacancyQuery,
    plan: Plan,
    vector: Vector | None,
    hybrid: HybridSettings,
    *,
    filters: dict[str, Any],
    geo: GeoFilter | None = None,
    min_similarity: float | None = None,
) -> SearchResult:
    base = query.search_query(
        text=plan.text, filters=query.filters(**filters), geo=geo, knn_candidates=1
    )
    if vector is None or not plan.text:
        return engine.search(DocType.VACANCIES, base)
    search = replace(
        base,
        vector=vector,
        mode=Mode.HYBRID,
        knn_candidates=hybrid.knn_candidates,
        fusion=hybrid.fusion,
        text_weight=hybrid.text_weight,
        knn_floor=None,
        knn_min_similarity=min_similarity,
    )
    result = engine.search(DocType.VACANCIES, replace(search, text_fields=hybrid.strong_fields))
    if result.text_total == 0 and hybrid.strong_fields:
        result = engine.search(DocType.VACANCIES, search)
    return result


def run_query(
    engine: SearchEngine,
    query: VacancyQuery,
    vector: Vector | None,
    hybrid: HybridSettings = DEFAULT,
    *,
    plan: Plan | None = None,
    min_similarity: float | None = None,
) -> Retrieved:
    """The engine's result for ``query`` (``vector``: the embedding of ``plan.text``, None for
    text only). ``min_similarity``: the kNN floor, when already known."""
    plan = plan or plan_for(query, hybrid)
    place = plan.place_filter(query)
    if min_similarity is None and vector is not None and plan.text:
        min_similarity = similarity_floor(engine, vector, hybrid)
    result = _engine_search(
        engine, query, plan, vector, hybrid, filters=place, min_similarity=min_similarity
    )
    if result.total or not place:
        return Retrieved(result, plan)
    everywhere = _engine_search(
        engine,
        query,
        plan,
        vector,
        hybrid,
        filters={},
        geo=query.geo() or plan.origin(),
        min_similarity=min_similarity,
    )
    return Retrieved(everywhere, plan, place_fallback=True)


def similarity_floor(
    engine: SearchEngine, vector: Vector, hybrid: HybridSettings = DEFAULT
) -> float | None:
    """The least cosine similarity a kNN candidate needs: the best match among all published
    postings, less ``knn_floor`` (None: no floor)."""
    if hybrid.knn_floor is None:
        return None
    best = engine.search(
        DocType.VACANCIES,
        SearchQuery(vector=vector, mode=Mode.VECTOR, limit=1, knn_candidates=1),
    )
    return max(-1.0, best.hits[0].score - hybrid.knn_floor) if best.hits else None


def new_matches(
    engine: SearchEngine,
    query: VacancyQuery,
    vector: Vector | None,
    since: datetime,
    hybrid: HybridSettings = DEFAULT,
) -> SearchResult:
    """What ``query`` finds among the postings published after ``since`` (a saved search's
    alert), at most ``MAX_LIMIT`` of them, newest first; ``vector`` as in ``run_query``.
    The place named in the text is a filter here, with no fallback: an alert is about that
    place."""
    hybrid = replace(hybrid, knn_floor=ALERT_KNN_FLOOR) if hybrid.knn_floor is not None else hybrid
    plan = plan_for(query, hybrid)
    window = replace(query, published_since=since, sort=Sort.DATE, limit=MAX_LIMIT, offset=0)
    floor = None
    if vector is not None and plan.text:
        floor = similarity_floor(engine, vector, hybrid)
    place = plan.place_filter(query)
    return _engine_search(engine, window, plan, vector, hybrid, filters=place, min_similarity=floor)
