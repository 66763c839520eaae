"""Running a ``SearchQuery`` against one generation.

tantivy does the text matching, BM25, filters, field sorting, counting and facet aggregation
(in Rust). Python only handles what tantivy-py cannot: the exact geo circle and distance sort
(haversine in numpy over fast-field coordinates), kNN over the vector matrix restricted to the
filtered rows, and rank fusion.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import tantivy

from indexer.analysis import Analyzer, query_positions
from indexer.documents import DocType
from indexer.embedded.compile import (
    Positions,
    Query,
    both,
    filter_query,
    terms_query,
    text_query,
)
from indexer.embedded.generation import Generation
from indexer.embedded.schema import GEO_CELLS
from indexer.embedded.vectors import similarities
from indexer.fusion import DEFAULT_RRF_K, reciprocal_rank_fusion, weighted_fusion
from indexer.geo import cover_circle
from indexer.interface import FacetCount, Hit, SearchResult
from indexer.plan import filter_clauses
from indexer.query import FACET_SIZE, Fusion, GeoFilter, Mode, SearchQuery, Sort
from matching.geo import haversine_km

FULL_SCAN_SHARE = 0.3  # above this share of rows, one matrix-vector product beats a gather
PREFILTER_MAX_DOCS = 20_000  # up to this many filtered documents, gather their rows
SORT_FIELDS = {Sort.DATE: "date", Sort.SALARY: "salary_hi"}


def match_count(result: Any) -> int:
    """The match count of a search run with ``count=True`` (missing from tantivy's stubs)."""
    return int(result.count)


@dataclass(slots=True)
class Ranked:
    """A hit before its page is cut: address and what is known about it."""

    addr: tantivy.DocAddress
    score: float
    text_rank: int | None = None
    vector_rank: int | None = None
    id: int | None = None


class QueryRunner:
    def __init__(self, gen: Generation, doc_type: DocType, analyzer: Analyzer) -> None:
        self.gen = gen
        self.doc_type = doc_type
        self.analyzer = analyzer
        self.schema = gen.schema
        self.searcher = gen.searcher()

    # -- public -----------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        started = time.perf_counter()
        query.check_for(self.doc_type)
        fq = self.filters(query)
        tq = None
        if query.mode is not Mode.VECTOR:
            positions = query_positions(self.analyzer, query.text)
            tq = text_query(self.schema, positions, query.text_match.value, query.searched_fields)
        text_total = None
        if query.mode is Mode.TEXT:
            ranked, total, match_q = self._text_mode(query, tq, fq)
        else:
            knn_fq = fq
            if query.mode is Mode.HYBRID and query.text_fields and tq is not None:
                knn_fq = self._without_weak_matches(query, positions, tq, fq)
            ranked, total, match_q, text_total = self._vector_modes(query, tq, fq, knn_fq)
        page = ranked[query.offset : query.window]
        facets = self.facets(match_q, query.facets) if query.facets else {}
        return SearchResult(
            hits=self._hits(page, query.geo),
            total=total,
            facets=facets,
            took_ms=(time.perf_counter() - started) * 1000,
            text_total=text_total,
        )

    def count(self, fq: Query | None) -> int:
        return match_count(self.searcher.search(fq or Query.all_query(), limit=1, count=True))

    def filters(self, query: SearchQuery) -> Query | None:
        """The filter query, with an exact geo radius.

        The circle is covered by quadtree cells (``indexer.geo.cover_circle``): documents in
        cells wholly inside match by cell term; of those in the thin ring of boundary cells,
        the ones within the radius (haversine) match by id.
        """
        fq = filter_query(self.schema, filter_clauses(self.doc_type, query.filters))
        geo = query.geo
        if geo is None or geo.radius_km is None:
            return fq
        inside, boundary = cover_circle(geo.lat, geo.lon, geo.radius_km)
        parts = [terms_query(self.schema, GEO_CELLS, inside)] if inside else []
        if boundary:
            addrs = self._all(both(terms_query(self.schema, GEO_CELLS, boundary), fq))
            lats, lons = self._coordinates(addrs)
            near = haversine_km(geo.lat, geo.lon, lats, lons) <= geo.radius_km
            ids = self._ids([a for a, keep in zip(addrs, near, strict=True) if keep])
            if ids:
                parts.append(terms_query(self.schema, "id", ids))
        if not parts:
            return Query.empty_query()
        circle = (
            parts[0]
            if len(parts) == 1
            else Query.boolean_query([(tantivy.Occur.Should, p) for p in parts])
        )
        return both(fq, Query.const_score_query(circle, 0.0))

    def facets(self, match_q: Query, names: tuple[str, ...]) -> dict[str, list[FacetCount]]:
        aggs = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in names}
        raw: dict[str, Any] = self.searcher.aggregate(match_q, aggs)
        out: dict[str, list[FacetCount]] = {}
        for name in names:
            buckets = raw.get(name, {}).get("buckets", [])
            counts = [FacetCount(str(b["key"]), int(b["doc_count"])) for b in buckets]
            counts.sort(key=lambda c: (-c.count, c.value))
            out[name] = counts
        return out

    # -- modes ------------------------------------------------------------------------------

    def _text_mode(
        self, query: SearchQuery, tq: Query | None, fq: Query | None
    ) -> tuple[list[Ranked], int, Query]:
        match_q = both(tq, fq)
        sort = query.sort
        if sort is Sort.RELEVANCE and tq is None:
            sort = Sort.DATE
        if sort is Sort.DISTANCE:
            assert query.geo is not None
            addrs = self._all(match_q)
            ranked = [Ranked(a, 0.0) for a in addrs]
            return self._by_distance(ranked, query.geo), len(addrs), match_q
        order_by = SORT_FIELDS.get(sort)
        result = self.searcher.search(
            match_q, limit=query.window, count=True, order_by_field=order_by
        )
        ranked = []
        for rank, (key, addr) in enumerate(result.hits, start=1):
            if order_by is None:
                ranked.append(Ranked(addr, float(key), text_rank=rank))
            else:
                ranked.append(Ranked(addr, 0.0))
        return ranked, match_count(result), match_q

    def _without_weak_matches(
        self, query: SearchQuery, positions: Positions, strong: Query, fq: Query | None
    ) -> Query:
        """The filter for kNN candidates when the text is kept to some fields: postings that
        have the query's words only in the other fields (a word their description shares)
        are not candidates by meaning either."""
        anywhere = text_query(self.schema, positions, query.text_match.value)
        assert anywhere is not None
        weak = Query.boolean_query(
            [(tantivy.Occur.Must, anywhere), (tantivy.Occur.MustNot, strong)]
        )
        return Query.boolean_query(
            [(tantivy.Occur.Must, fq or Query.all_query()), (tantivy.Occur.MustNot, weak)]
        )

    def _vector_modes(
        self, query: SearchQuery, tq: Query | None, fq: Query | None, knn_fq: Query | None
    ) -> tuple[list[Ranked], int, Query, int | None]:
        knn = self._knn(query, knn_fq)
        vector_ids = [r.id for r in knn if r.id is not None]
        knn_q = terms_query(self.schema, "id", vector_ids) if vector_ids else Query.empty_query()
        text_total = None
        if query.mode is Mode.VECTOR or tq is None:
            ranked, match_q = knn, both(knn_q, fq)
            total = len(knn)
        else:
            text_result = self.searcher.search(
                both(tq, fq), limit=query.text_candidates, count=True
            )
            text_addrs = [addr for _, addr in text_result.hits]
            text_ids = self._ids(text_addrs)
            by_id = {r.id: r.addr for r in knn if r.id is not None}
            by_id.update(zip(text_ids, text_addrs, strict=True))
            text_total = match_count(text_result)
            if query.fusion is Fusion.WEIGHTED:
                text_list = [
                    (i, float(s)) for i, (s, _) in zip(text_ids, text_result.hits, strict=True)
                ]
                vector_list = [(r.id, r.score) for r in knn if r.id is not None]
                weights = (query.text_weight, 1.0 - query.text_weight)
                fused = weighted_fusion([text_list, vector_list], weights)
            else:
                fused = reciprocal_rank_fusion([text_ids, vector_ids], k=DEFAULT_RRF_K)
            ranked = [Ranked(by_id[f.id], f.score, f.ranks[0], f.ranks[1], id=f.id) for f in fused]
            match_q = both(
                Query.boolean_query([(tantivy.Occur.Should, tq), (tantivy.Occur.Should, knn_q)]),
                fq,
            )
            # |text ∪ knn| without counting the (possibly large) union: the kNN candidates
            # already pass the filters, so only their overlap with the text matches is needed.
            overlap = self.count(both(tq, knn_q)) if vector_ids else 0
            total = text_total + len(vector_ids) - overlap
        if query.sort is Sort.DISTANCE:
            assert query.geo is not None
            ranked = self._by_distance(ranked, query.geo)
        elif query.sort in SORT_FIELDS:
            ranked = self._by_field(ranked, SORT_FIELDS[query.sort])
        return ranked, total, match_q, text_total

    def _knn(self, query: SearchQuery, fq: Query | None) -> list[Ranked]:
        """Exact cosine kNN over the documents that pass the filters.

        A selective filter (few documents) gathers just their rows. A broad one scores every
        row with one matrix-vector product and asks tantivy which of the best rows pass the
        filter (a term set on ``row``, so stale rows of replaced documents never match),
        widening until ``k`` pass: exact either way, and the 100,000 addresses of a broad
        filter never cross into Python.
        """
        vector = query.unit_vector()
        assert vector is not None
        if vector.shape[0] != self.gen.dim:
            raise ValueError(f"vector: dimension {vector.shape[0]}, index has {self.gen.dim}")
        matrix = self.gen.vectors.matrix()
        k = query.knn_candidates
        matching = self.count(fq)
        if matching == 0 or matrix.shape[0] == 0:
            return []
        if matching <= PREFILTER_MAX_DOCS:
            addrs = self._all(fq)
            rows = np.asarray(self.searcher.fast_field_values("row", addrs), dtype=np.int64)
            keep = np.flatnonzero((rows >= 0) & (rows < matrix.shape[0]))
            addrs, rows = [addrs[int(i)] for i in keep], rows[keep]
            if rows.size > FULL_SCAN_SHARE * matrix.shape[0]:
                sims = similarities(matrix, vector)[rows]
            else:
                sims = similarities(matrix[rows], vector)
        else:
            all_sims = similarities(matrix, vector)
            addrs, rows, sims = self._knn_post_filter(all_sims, fq, k, matching)
        if rows.size == 0:
            return []
        k = min(k, rows.size)
        top = np.argpartition(-sims, k - 1)[:k] if k < rows.size else np.arange(rows.size)
        top = top[np.argsort(-sims[top], kind="stable")]
        if query.knn_floor is not None:
            top = top[sims[top] >= sims[top[0]] - query.knn_floor]
        if query.knn_min_similarity is not None:
            top = top[sims[top] >= query.knn_min_similarity]
        top_addrs = [addrs[int(i)] for i in top]
        ids = self._ids(top_addrs)
        return [
            Ranked(addr, float(sims[i]), vector_rank=rank, id=doc_id)
            for rank, (addr, i, doc_id) in enumerate(zip(top_addrs, top, ids, strict=True), 1)
        ]

    def _knn_post_filter(
        self, all_sims: npt.NDArray[np.float32], fq: Query | None, k: int, matching: int
    ) -> tuple[list[tantivy.DocAddress], npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        total_rows = all_sims.shape[0]
        # Expected share of passing rows, with slack; stale rows count as failing.
        want = int(k * total_rows / matching * 1.5) + 16
        while True:
            want = min(want, total_rows)
            best = np.argpartition(-all_sims, want - 1)[:want] if want < total_rows else None
            candidates = best if best is not None else np.arange(total_rows)
            row_q = terms_query(self.schema, "row", candidates.tolist())
            hits = self.searcher.search(both(row_q, fq), limit=want, count=False).hits
            addrs = [addr for _, addr in hits]
            if len(addrs) >= k or want == total_rows:
                break
            want *= 4
        rows = np.asarray(
            self.searcher.fast_field_values("row", addrs) if addrs else [], dtype=np.int64
        )
        return addrs, rows, all_sims[rows]

    # -- ordering ---------------------------------------------------------------------------

    def _by_distance(self, ranked: list[Ranked], geo: GeoFilter) -> list[Ranked]:
        lats, lons = self._coordinates([r.addr for r in ranked])
        dist = haversine_km(geo.lat, geo.lon, lats, lons)
        order = np.argsort(np.where(np.isnan(dist), np.inf, dist), kind="stable")
        return [ranked[int(i)] for i in order]

    def _by_field(self, ranked: list[Ranked], field: str) -> list[Ranked]:
        """Descending by a fast field, documents without a value last, stable otherwise."""
        values = self.searcher.fast_field_values(field, [r.addr for r in ranked])
        order = sorted(
            range(len(ranked)),
            key=lambda i: (values[i] is None, -(values[i] or 0)),
        )
        return [ranked[i] for i in order]

    # -- helpers ----------------------------------------------------------------------------

    def _all(self, q: Query | None) -> list[tantivy.DocAddress]:
        limit = max(1, self.searcher.num_docs)
        hits = self.searcher.search(q or Query.all_query(), limit=limit, count=False).hits
        return [addr for _, addr in hits]

    def _ids(self, addrs: list[tantivy.DocAddress]) -> list[int]:
        if not addrs:
            return []
        return [int(v) for v in self.searcher.fast_field_values("id", addrs)]  # type: ignore[arg-type]

    def _coordinates(
        self, addrs: list[tantivy.DocAddress]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        if not addrs:
            return np.empty(0), np.empty(0)
        lats = self.searcher.fast_field_values("lat", addrs)
        lons = self.searcher.fast_field_values("lon", addrs)
        return (
            np.array([np.nan if v is None else v for v in lats], dtype=np.float64),
            np.array([np.nan if v is None else v for v in lons], dtype=np.float64),
        )

    def _hits(self, page: list[Ranked], geo: GeoFilter | None) -> list[Hit]:
        if not page:
            return []
        addrs = [r.addr for r in page]
        known = [r.id for r in page]
        ids = [i for i in known if i is not None]
        if len(ids) < len(page):
            ids = self._ids(addrs)
        distances: list[float | None] = [None] * len(page)
        if geo is not None:
            lats, lons = self._coordinates(addrs)
            dist = haversine_km(geo.lat, geo.lon, lats, lons)
            distances = [None if np.isnan(d) else round(float(d), 3) for d in dist]
        return [
            Hit(
                id=doc_id,
                score=r.score,
                distance_km=d,
                text_rank=r.text_rank,
                vector_rank=r.vector_rank,
            )
            for r, doc_id, d in zip(page, ids, distances, strict=True)
        ]
