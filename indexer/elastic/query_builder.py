"""``SearchQuery`` to Elasticsearch request bodies: pure functions, no client, no I/O.

The semantics are those documented in ``indexer.query``; the filters themselves come from
``indexer.plan`` (written once for both backends) and are compiled here into ``bool`` clauses.

Requests per mode (``indexer.elastic.search`` sends them):

- text: one request (``text_body``): query, sort, page, ``aggs`` for facets.
- vector: one request (``knn_body``) with a top-level ``knn`` section carrying the same filter;
  Elasticsearch computes ``aggs`` over the ``k`` nearest documents, as the contract wants.
- hybrid: the text list (``hybrid_text_body``, the ``knn_candidates`` best text matches) and the
  kNN list (``knn_body``) are fused in Python with ``indexer.fusion`` (RRF needs no paid licence).
  The total and the facets are over the union "matches the text OR is one of the kNN ids, and
  passes the filters": a third, ``size: 0`` request (``union_body``) once the kNN ids are known.

Vector and hybrid lists are ordered by date, salary or distance in Python (the key of every
candidate comes back as ``docvalue_fields``/``script_fields``), exactly as the embedded backend
re-sorts its candidates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from indexer.analysis import Analyzer, minimum_should_match, query_positions
from indexer.documents import DocType
from indexer.elastic.mappings import LOCATION_FIELD, NATIVE_FIELD, VECTOR_FIELD
from indexer.fields import TEXT_BOOSTS
from indexer.plan import AnyOf, Clause, IsFalse, NoneOf, Range, filter_clauses
from indexer.query import FACET_SIZE, MAX_KNN_CANDIDATES, Filters, GeoFilter, SearchQuery, Sort

Body = dict[str, Any]
Positions = Sequence[tuple[tuple[str, ...], ...]]

NATIVE_BOOST = 0.5  # the server's Russian analysis only nudges the ranking, never matches alone
KNN_OVERSAMPLE = 2  # num_candidates per k: HNSW recall against latency
KNN_MIN_CANDIDATES = 100  # small k still explores enough of the graph to be (nearly) exact
DISTANCE_FIELD = "distance_km"  # the script field carrying a hit's distance
SORT_VALUE_FIELDS: dict[Sort, str] = {Sort.DATE: "date", Sort.SALARY: "salary_hi"}
DISTANCE_SCRIPT = (
    f"doc['{LOCATION_FIELD}'].size() == 0 ? null : "
    f"doc['{LOCATION_FIELD}'].arcDistance(params.lat, params.lon) / 1000.0"
)
ID_TIEBREAK: Body = {"id": {"order": "asc"}}


# -- filters --------------------------------------------------------------------------------


def _value(value: int | float | datetime | None) -> int | float | str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def compile_clause(clause: Clause) -> tuple[str, Body]:
    """A neutral clause as ``(bool occurrence, Elasticsearch clause)``."""
    if isinstance(clause, AnyOf):
        return "filter", {"terms": {clause.field: list(clause.values)}}
    if isinstance(clause, NoneOf):
        return "must_not", {"terms": {clause.field: list(clause.values)}}
    if isinstance(clause, Range):
        bounds = {"gte": _value(clause.gte), "lte": _value(clause.lte)}
        return "filter", {
            "range": {clause.field: {k: v for k, v in bounds.items() if v is not None}}
        }
    if isinstance(clause, IsFalse):
        return "filter", {"term": {clause.field: False}}
    raise TypeError(f"unknown clause {clause!r}")


def geo_clause(geo: GeoFilter) -> Body:
    return {
        "geo_distance": {
            "distance": f"{geo.radius_km}km",
            "distance_type": "arc",
            LOCATION_FIELD: {"lat": geo.lat, "lon": geo.lon},
        }
    }


def filter_parts(
    doc_type: DocType, filters: Filters, geo: GeoFilter | None
) -> dict[str, list[Body]]:
    """``{"filter": [...], "must_not": [...]}`` for a bool query; empty lists are left out."""
    parts: dict[str, list[Body]] = {}
    for clause in filter_clauses(doc_type, filters):
        occur, body = compile_clause(clause)
        parts.setdefault(occur, []).append(body)
    if geo is not None and geo.radius_km is not None:
        parts.setdefault("filter", []).append(geo_clause(geo))
    return parts


def _bool(parts: dict[str, Any]) -> Body:
    parts = {k: v for k, v in parts.items() if v}
    return {"bool": parts} if parts else {"match_all": {}}


def filter_query(doc_type: DocType, filters: Filters, geo: GeoFilter | None = None) -> Body:
    return _bool(dict(filter_parts(doc_type, filters, geo)))


def count_body(doc_type: DocType, filters: Filters) -> Body:
    return {"query": filter_query(doc_type, filters)}


# -- text -----------------------------------------------------------------------------------


def _alternative(field: str, boost: float, terms: tuple[str, ...]) -> Body:
    if len(terms) == 1:
        return {"term": {field: {"value": terms[0], "boost": boost}}}
    return {"match_phrase": {field: {"query": " ".join(terms), "boost": boost}}}


def text_clause(
    positions: Positions, match: str = "most", fields: Mapping[str, float] = TEXT_BOOSTS
) -> Body | None:
    """Per position a ``bool.should`` over its alternatives in every ``TEXT_BOOSTS`` field;
    ``minimum_should_match`` of the positions required. ``None`` when nothing is left to match."""
    if not positions:
        return None
    per_position = [
        {
            "bool": {
                "should": [
                    _alternative(field, boost, alternative)
                    for alternative in alternatives
                    for field, boost in fields.items()
                ],
                "minimum_should_match": 1,
            }
        }
        for alternatives in positions
    ]
    return {
        "bool": {
            "should": per_position,
            "minimum_should_match": minimum_should_match(len(per_position), match),
        }
    }


def native_clause(text: str) -> Body:
    return {"match": {NATIVE_FIELD: {"query": text, "boost": NATIVE_BOOST}}}


def match_query(doc_type: DocType, query: SearchQuery, positions: Positions) -> Body:
    """Filters plus the text (the native Russian field only scores: it is optional beside the
    required analysed-terms clause, and absent when the text analyses to nothing)."""
    parts: dict[str, Any] = dict(filter_parts(doc_type, query.filters, query.geo))
    text = text_clause(positions, query.text_match.value, query.searched_fields)
    if text is not None:
        parts["must"] = [text]
        parts["should"] = [native_clause(query.text)]
    return _bool(parts)


# -- sorting, facets, returned values ---------------------------------------------------------


def effective_sort(query: SearchQuery, has_text: bool) -> Sort:
    """Relevance without anything to score by means newest first."""
    if query.sort is Sort.RELEVANCE and not has_text:
        return Sort.DATE
    return query.sort


def sort_clauses(sort: Sort, geo: GeoFilter | None) -> list[Body]:
    """Best first; ties (and documents lacking the key, which go last) by ascending id."""
    if sort is Sort.RELEVANCE:
        return [{"_score": {"order": "desc"}}, ID_TIEBREAK]
    if sort is Sort.DISTANCE:
        if geo is None:
            raise ValueError("sort: distance sorting needs geo")
        distance = {
            LOCATION_FIELD: {"lat": geo.lat, "lon": geo.lon},
            "order": "asc",
            "unit": "km",
            "distance_type": "arc",
        }
        return [{"_geo_distance": distance}, ID_TIEBREAK]
    return [{SORT_VALUE_FIELDS[sort]: {"order": "desc", "missing": "_last"}}, ID_TIEBREAK]


def facet_aggs(names: Sequence[str]) -> Body:
    return {
        name: {
            "terms": {
                "field": name,
                "size": FACET_SIZE,
                "order": [{"_count": "desc"}, {"_key": "asc"}],
            }
        }
        for name in names
    }


def distance_fields(geo: GeoFilter) -> Body:
    script = {"source": DISTANCE_SCRIPT, "params": {"lat": geo.lat, "lon": geo.lon}}
    return {DISTANCE_FIELD: {"script": script}}


def _returned(body: Body, query: SearchQuery, *, sort_values: bool) -> Body:
    """Add distances (when there is a point) and, for Python-side ordering, the sort key."""
    if query.geo is not None:
        body["script_fields"] = distance_fields(query.geo)
    if sort_values and query.sort in SORT_VALUE_FIELDS:
        field = SORT_VALUE_FIELDS[query.sort]
        spec: Body = (
            {"field": field, "format": "epoch_millis"} if field == "date" else {"field": field}
        )
        body["docvalue_fields"] = [spec]
    return body


# -- request bodies --------------------------------------------------------------------------


def positions_for(query: SearchQuery, analyzer: Analyzer) -> Positions:
    """The analysed query text (``indexer.analysis.query_positions``): what the bodies take."""
    return query_positions(analyzer, query.text)


def text_body(doc_type: DocType, query: SearchQuery, positions: Positions) -> Body:
    """Text (and browse) mode: one request for the page, the total and the facets."""
    query.check_for(doc_type)
    body: Body = {
        "query": match_query(doc_type, query, positions),
        "sort": sort_clauses(effective_sort(query, bool(positions)), query.geo),
        "from": query.offset,
        "size": query.limit,
        "track_total_hits": True,
        "_source": False,
    }
    if query.facets:
        body["aggs"] = facet_aggs(query.facets)
    return _returned(body, query, sort_values=False)


def weak_match_clause(query: SearchQuery, positions: Positions) -> Body | None:
    """Hybrid search kept to some text fields: postings that match the text only in the other
    fields are not kNN candidates either (see ``SearchQuery.text_fields``)."""
    if not query.text_fields:
        return None
    anywhere = text_clause(positions, query.text_match.value)
    strong = text_clause(positions, query.text_match.value, query.searched_fields)
    if anywhere is None or strong is None:
        return None
    return {"bool": {"must": [anywhere], "must_not": [strong]}}


def knn_section(doc_type: DocType, query: SearchQuery, positions: Positions = ()) -> Body:
    vector = query.unit_vector()
    if vector is None:
        raise ValueError("vector: required for a kNN request")
    if not vector.any():
        raise ValueError("vector: a zero vector has no cosine similarity")
    k = query.knn_candidates
    knn: Body = {
        "field": VECTOR_FIELD,
        "query_vector": [float(x) for x in vector],
        "k": k,
        "num_candidates": min(MAX_KNN_CANDIDATES, max(KNN_MIN_CANDIDATES, KNN_OVERSAMPLE * k)),
    }
    filters = filter_query(doc_type, query.filters, query.geo)
    weak = weak_match_clause(query, positions)
    if weak is not None:
        parts = dict(filter_parts(doc_type, query.filters, query.geo))
        parts["must_not"] = [*parts.get("must_not", []), weak]
        filters = _bool(parts)
    if "match_all" not in filters:
        knn["filter"] = filters
    return knn


def knn_body(
    doc_type: DocType, query: SearchQuery, *, hybrid: bool = False, positions: Positions = ()
) -> Body:
    """The kNN list. Ranked by similarity it is paged by the server; ordered otherwise (or fused
    in hybrid mode) all ``k`` candidates come back to be ordered and cut in Python."""
    query.check_for(doc_type)
    k = query.knn_candidates
    paged = not hybrid and query.sort is Sort.RELEVANCE
    body: Body = {
        "knn": knn_section(doc_type, query, positions),
        "from": query.offset if paged else 0,
        "size": max(0, min(query.limit, k - query.offset)) if paged else k,
        "track_total_hits": not hybrid,
        "_source": False,
    }
    if query.facets and not hybrid:
        body["aggs"] = facet_aggs(query.facets)
    return _returned(body, query, sort_values=not paged)


def hybrid_text_body(doc_type: DocType, query: SearchQuery, positions: Positions) -> Body:
    """The text list of a hybrid search: its ``knn_candidates`` best matches, by relevance."""
    query.check_for(doc_type)
    body: Body = {
        "query": match_query(doc_type, query, positions),
        "sort": sort_clauses(Sort.RELEVANCE, query.geo),
        "from": 0,
        "size": query.text_candidates,
        "track_total_hits": True,
        "_source": False,
    }
    return _returned(body, query, sort_values=True)


def hybrid_bodies(doc_type: DocType, query: SearchQuery, positions: Positions) -> tuple[Body, Body]:
    """The two list requests of hybrid mode, ``(text, knn)``, sent independently."""
    knn = knn_body(doc_type, query, hybrid=True, positions=positions)
    return hybrid_text_body(doc_type, query, positions), knn


def union_body(
    doc_type: DocType, query: SearchQuery, positions: Positions, knn_ids: Sequence[int]
) -> Body:
    """Total and facets of a hybrid search: text matches or kNN candidates, filtered."""
    either: list[Body] = []
    text = text_clause(positions, query.text_match.value, query.searched_fields)
    if text is not None:
        either.append(text)
    if knn_ids:
        either.append({"terms": {"id": list(knn_ids)}})
    parts: dict[str, Any] = dict(filter_parts(doc_type, query.filters, query.geo))
    matches: Body = (
        {"bool": {"should": either, "minimum_should_match": 1}} if either else {"match_none": {}}
    )
    parts["filter"] = [*parts.get("filter", []), matches]
    body: Body = {"query": _bool(parts), "size": 0, "track_total_hits": True}
    if query.facets:
        body["aggs"] = facet_aggs(query.facets)
    return body
