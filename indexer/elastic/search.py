"""One ``SearchQuery`` as the requests of its mode (see ``query_builder``), sent with ``send``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from indexer.documents import DocType
from indexer.elastic import query_builder as qb
from indexer.elastic import results
from indexer.interface import FacetCount, Hit
from indexer.query import Mode, SearchQuery, Sort

Send = Callable[[qb.Body], dict[str, Any]]
Outcome = tuple[list[Hit], int, dict[str, list[FacetCount]], int | None]


def run(doc_type: DocType, query: SearchQuery, positions: qb.Positions, send: Send) -> Outcome:
    """Hybrid with text that analyses to nothing is a vector search, as in the embedded
    backend."""
    if query.mode is Mode.TEXT:
        return text(doc_type, query, positions, send)
    if query.mode is Mode.VECTOR or qb.text_clause(positions, query.text_match.value) is None:
        return vector(doc_type, query, send)
    return hybrid(doc_type, query, positions, send)


def text(doc_type: DocType, query: SearchQuery, positions: qb.Positions, send: Send) -> Outcome:
    response = send(qb.text_body(doc_type, query, positions))
    scored = qb.effective_sort(query, bool(positions)) is Sort.RELEVANCE
    found = results.candidates(response, text_ranks_from=query.offset + 1 if scored else None)
    return (
        [c.hit() for c in found],
        results.total_of(response),
        results.facets_of(response, query.facets),
        None,
    )


def vector(doc_type: DocType, query: SearchQuery, send: Send) -> Outcome:
    response = send(qb.knn_body(doc_type, query))
    if query.sort is Sort.RELEVANCE:  # paged by the server
        page = results.candidates(response, vector_ranks_from=query.offset + 1)
    else:
        found = results.candidates(response, sort=query.sort, vector_ranks_from=1)
        page = results.ordered(found, query.sort)[query.offset : query.window]
    return (
        [c.hit() for c in page],
        results.total_of(response),
        results.facets_of(response, query.facets),
        None,
    )


def hybrid(doc_type: DocType, query: SearchQuery, positions: qb.Positions, send: Send) -> Outcome:
    """The kNN floors (``knn_floor``, ``knn_min_similarity``) are applied here, to the
    candidates the server returned."""
    text_body, knn_body = qb.hybrid_bodies(doc_type, query, positions)
    text_response = send(text_body)
    text_list = results.candidates(text_response, sort=query.sort, text_ranks_from=1)
    knn_list = results.candidates(send(knn_body), sort=query.sort, vector_ranks_from=1)
    if query.knn_floor is not None and knn_list:
        best = knn_list[0].score
        knn_list = [c for c in knn_list if c.score >= best - query.knn_floor]
    if query.knn_min_similarity is not None:
        knn_list = [c for c in knn_list if c.score >= query.knn_min_similarity]
    fused = results.ordered(results.fuse(text_list, knn_list, query), query.sort)
    union = send(qb.union_body(doc_type, query, positions, [c.id for c in knn_list]))
    return (
        [c.hit() for c in fused[query.offset : query.window]],
        results.total_of(union),
        results.facets_of(union, query.facets),
        results.total_of(text_response),
    )
