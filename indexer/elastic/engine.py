"""The Elasticsearch backend (8.x, basic licence): one alias per document type.

Request bodies come from ``query_builder`` and responses are read by ``results``, both pure;
this module sends them and maps failures onto the interface's errors. Retries: the client
retries 429/502/503/504 and timeouts ``max_retries`` times (elastic-transport retries at once),
and bulk items rejected with 429 are re-sent by ``elasticsearch.helpers`` with exponential
backoff (``bulk_backoff_s``, doubling, at most ``BULK_MAX_BACKOFF_S``).
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from functools import partial
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers

from indexer.analysis import Analyzer, MatchingAnalyzer
from indexer.documents import DocType, Document, check_documents
from indexer.elastic import query_builder as qb
from indexer.elastic.errors import RETRY_ON_STATUS, check_bulk_failures, error_type, translated
from indexer.elastic.mappings import (
    alias_name,
    alias_swap_actions,
    check_prefix,
    create_index_body,
    index_name,
    index_pattern,
    meta_problem,
    parse_version,
)
from indexer.elastic.search import run
from indexer.elastic.source import (
    bulk_actions,
    check_dimension,
    delete_actions,
    from_source,
    is_hidden,
    latest_by_id,
)
from indexer.interface import (
    EngineHealth,
    IndexNotFound,
    RebuildReport,
    SearchError,
    SearchResult,
)
from indexer.query import Filters, Mode, SearchQuery

log = logging.getLogger(__name__)

BULK_MAX_BACKOFF_S = 30.0
BULK_CHUNK = 500


class ElasticsearchEngine:
    backend = "elasticsearch"

    def __init__(
        self,
        url: str | Elasticsearch,
        *,
        index_prefix: str = "zhumys",
        vector_dim: int = 384,
        russian_analyzer: str = "russian",
        analyzer: Analyzer | None = None,
        request_timeout: float = 10.0,
        max_retries: int = 3,
        replicas: int = 0,
        bulk_backoff_s: float = 0.5,
    ) -> None:
        """``url`` or a ready client (then the caller owns it and ``close`` leaves it open)."""
        if vector_dim < 1:
            raise ValueError("vector_dim: must be >= 1")
        if max_retries < 0:
            raise ValueError("max_retries: must be >= 0")
        self.prefix = check_prefix(index_prefix)
        self.dim = vector_dim
        self.russian_analyzer = russian_analyzer
        self.analyzer: Analyzer = analyzer or MatchingAnalyzer()
        self.replicas = replicas
        self._max_retries = max_retries
        self._bulk_backoff = bulk_backoff_s
        self._verified: set[str] = set()
        if isinstance(url, Elasticsearch):
            self.client = url
            self._owns_client = False
        else:
            self.client = Elasticsearch(
                url,
                request_timeout=request_timeout,
                max_retries=max_retries,
                retry_on_status=RETRY_ON_STATUS,
                retry_on_timeout=True,
            )
            self._owns_client = True

    # -- the interface ------------------------------------------------------------------------

    def ensure_index(self, doc_type: DocType) -> None:
        doc_type = DocType(doc_type)
        with self._errors(doc_type):
            try:
                self._live(doc_type)  # also checks the schema of an existing index
                return
            except IndexNotFound:
                pass
            body = create_index_body(
                doc_type,
                self.dim,
                self.russian_analyzer,
                replicas=self.replicas,
                alias=self.alias(doc_type),
            )
            name = index_name(self.prefix, doc_type, self._next_version(doc_type))
            try:
                self.client.indices.create(index=name, **body)
            except ApiError as exc:  # a concurrent ensure_index won the race
                if error_type(exc) != "resource_already_exists_exception":
                    raise
                self._live(doc_type)

    def upsert(self, doc_type: DocType, docs: Iterable[Document]) -> int:
        doc_type = DocType(doc_type)
        batch = latest_by_id(docs)
        check_documents(doc_type, batch)
        check_dimension(batch, self.dim)
        with self._errors(doc_type):
            self._live(doc_type)
            if not batch:
                return 0
            self._bulk(bulk_actions(self.alias(doc_type), batch, self.analyzer), alias=True)
        return sum(1 for doc in batch if not is_hidden(doc))

    def delete(self, doc_type: DocType, ids: Iterable[int]) -> int:
        doc_type = DocType(doc_type)
        actions = delete_actions(self.alias(doc_type), ids)
        with self._errors(doc_type):
            self._live(doc_type)
            if not actions:
                return 0
            return self._bulk(actions, alias=True)

    def get(self, doc_type: DocType, id: int) -> Document | None:
        doc_type = DocType(doc_type)
        with self._errors(doc_type):
            try:
                response = self.client.get(index=self.alias(doc_type), id=str(int(id)))
            except NotFoundError as exc:
                if error_type(exc) is not None:  # the index, not the document, is missing
                    raise
                return None
            return from_source(doc_type, response["_source"])

    def search(self, doc_type: DocType, query: SearchQuery) -> SearchResult:
        started = time.perf_counter()
        doc_type = DocType(doc_type)
        query.check_for(doc_type)
        vector = query.vector if query.mode is not Mode.TEXT else None
        if vector is not None and vector.shape[0] != self.dim:
            raise ValueError(f"vector: dimension {vector.shape[0]}, index has {self.dim}")
        positions = qb.positions_for(query, self.analyzer)
        with self._errors(doc_type):
            hits, total, facets, text_total = run(
                doc_type, query, positions, partial(self._search, doc_type)
            )
        took = (time.perf_counter() - started) * 1000
        return SearchResult(
            hits=hits, total=total, facets=facets, took_ms=took, text_total=text_total
        )

    def count(self, doc_type: DocType, filters: Filters | None = None) -> int:
        doc_type = DocType(doc_type)
        body = qb.count_body(doc_type, filters or Filters())
        with self._errors(doc_type):
            return int(self.client.count(index=self.alias(doc_type), body=body)["count"])

    def health(self) -> EngineHealth:
        documents: dict[DocType, int] = {}
        versions: dict[DocType, int] = {}
        try:
            with self._errors(None):
                status = str(self.client.cluster.health()["status"])
        except SearchError as exc:
            return EngineHealth(False, self.backend, f"cluster unreachable: {exc}")
        ok = status in ("green", "yellow")
        notes = [f"cluster {status}"]
        for doc_type in DocType:
            try:
                with self._errors(doc_type):
                    index = self._current_index(doc_type)
                    if index is None:
                        notes.append(f"{doc_type.value}: no index")
                        continue
                    documents[doc_type] = int(self.client.count(index=index)["count"])
            except SearchError as exc:
                ok = False
                notes.append(f"{doc_type.value}: {exc}")
                continue
            version = parse_version(self.prefix, doc_type, index)
            if version is not None:
                versions[doc_type] = version
            notes.append(f"{doc_type.value}: {index}, {documents[doc_type]} docs")
        return EngineHealth(ok, self.backend, "; ".join(notes), documents, versions)

    def rebuild(
        self, doc_type: DocType, docs: Iterable[Document], batch_size: int = 1000
    ) -> RebuildReport:
        if batch_size < 1:
            raise ValueError("batch_size: must be >= 1")
        doc_type = DocType(doc_type)
        started = time.perf_counter()
        with self._errors(doc_type):
            old = self._current_index(doc_type)
            old_version = parse_version(self.prefix, doc_type, old) if old else None
            version = self._next_version(doc_type)
            new = index_name(self.prefix, doc_type, version)
            body = create_index_body(
                doc_type,
                self.dim,
                self.russian_analyzer,
                replicas=self.replicas,
                refresh_interval="-1",  # no refreshes while loading; reset before the switch
            )
            try:
                self.client.indices.create(index=new, **body)
            except ApiError as exc:
                if error_type(exc) == "resource_already_exists_exception":
                    raise SearchError(f"{doc_type.value}: a rebuild is already running") from exc
                raise
            try:
                written = self._load(doc_type, new, docs, batch_size)
                self.client.indices.put_settings(
                    index=new, settings={"index": {"refresh_interval": None}}
                )
                self.client.indices.refresh(index=new)
                self.client.indices.update_aliases(
                    actions=alias_swap_actions(self.alias(doc_type), old, new)
                )
            except BaseException:
                self._drop(new)
                raise
            self._verified.add(new)
            if old is not None:
                self._drop(old)
        seconds = time.perf_counter() - started
        return RebuildReport(doc_type, written, seconds, old_version, version)

    def drop_indices(self) -> int:
        """Delete every index of every type under this prefix (test clean-up, decommissioning);
        by name, as clusters refuse wildcard deletes by default."""
        names = []
        with self._errors(None):
            for doc_type in DocType:
                names += list(self._generations(doc_type))
            if names:
                self.client.indices.delete(index=",".join(names), ignore_unavailable=True)
        self._verified.clear()
        return len(names)

    def close(self) -> None:
        if self._owns_client:
            self.client.close()

    # -- searching ----------------------------------------------------------------------------

    def _search(self, doc_type: DocType, body: qb.Body) -> dict[str, Any]:
        response = self.client.search(index=self.alias(doc_type), body=body)
        out: dict[str, Any] = response.body
        return out

    # -- writing ------------------------------------------------------------------------------

    def _bulk(
        self, actions: Iterable[dict[str, Any]], *, alias: bool, chunk: int = BULK_CHUNK
    ) -> int:
        """Send ``actions``; returns how many succeeded. Deleting a missing document is no
        error (it is just not counted); anything else failing raises."""
        options: dict[str, Any] = {"refresh": "wait_for", "require_alias": True} if alias else {}
        succeeded, failures = helpers.bulk(
            self.client,
            actions,
            chunk_size=chunk,
            ignore_status=(404,),
            max_retries=self._max_retries,
            initial_backoff=self._bulk_backoff,
            max_backoff=BULK_MAX_BACKOFF_S,
            **options,
        )
        assert isinstance(failures, list)
        check_bulk_failures(failures)
        return int(succeeded)

    def _load(
        self, doc_type: DocType, index: str, docs: Iterable[Document], batch_size: int
    ) -> int:
        def actions() -> Iterator[dict[str, Any]]:
            iterator = iter(docs)
            while chunk := list(itertools.islice(iterator, batch_size)):
                check_documents(doc_type, chunk)
                check_dimension(chunk, self.dim)
                yield from bulk_actions(index, chunk, self.analyzer, deletes_hidden=False)

        return self._bulk(actions(), alias=False, chunk=batch_size)

    # -- indices and errors -------------------------------------------------------------------

    def alias(self, doc_type: DocType) -> str:
        return alias_name(self.prefix, doc_type)

    def _current_index(self, doc_type: DocType) -> str | None:
        """The index the alias names (``None``: no alias)."""
        try:
            response = self.client.indices.get_alias(name=self.alias(doc_type))
        except NotFoundError:
            return None
        names = sorted(response.body, key=lambda n: parse_version(self.prefix, doc_type, n) or 0)
        return names[-1] if names else None

    def _live(self, doc_type: DocType) -> str:
        """The live index, its schema checked once per index; ``IndexNotFound`` without one."""
        index = self._current_index(doc_type)
        if index is None:
            raise IndexNotFound(f"{doc_type.value}: no index behind alias {self.alias(doc_type)}")
        if index not in self._verified:
            mapping = self.client.indices.get_mapping(index=index).body
            problem = meta_problem(mapping[index]["mappings"].get("_meta"), doc_type, self.dim)
            if problem is not None:
                raise SearchError(f"{doc_type.value} {index}: {problem}")
            self._verified.add(index)
        return index

    def _generations(self, doc_type: DocType) -> dict[str, int]:
        """Every index of ``doc_type`` under this prefix, with its generation number."""
        response = self.client.indices.resolve_index(
            name=index_pattern(self.prefix, doc_type), expand_wildcards=["open", "closed"]
        )
        found = {}
        for entry in response.body.get("indices", []):
            version = parse_version(self.prefix, doc_type, entry["name"])
            if version is not None:
                found[entry["name"]] = version
        return found

    def _next_version(self, doc_type: DocType) -> int:
        return max(self._generations(doc_type).values(), default=0) + 1

    def _drop(self, index: str) -> None:
        """Delete an index, logging rather than raising: the caller's outcome stands."""
        try:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        except (ApiError, TransportError) as exc:
            log.warning("could not delete index %s: %s", index, exc)
        self._verified.discard(index)

    def _errors(self, doc_type: DocType | None) -> AbstractContextManager[None]:
        return translated(doc_type.value if doc_type is not None else "cluster")
