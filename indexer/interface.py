"""What every search backend provides: the ``SearchEngine`` protocol, its results and errors.

Contract shared by all backends (``tests/conformance`` is its executable form):

- Every index is reached through an alias (Elasticsearch) or pointer file (embedded) naming one
  numbered generation. ``ensure_index`` creates generation 1 when there is none; the other
  operations raise ``IndexNotFound`` on a type whose index was never created (``rebuild`` and
  ``health`` excepted).
- ``upsert``/``delete`` are visible to searches when they return (read-your-writes). Upserting an
  existing id replaces the whole document. A CV with ``visibility="hidden"`` is removed, never
  written. ``upsert`` returns how many documents were written, ``delete`` how many of the ids
  existed.
- ``rebuild`` writes a new generation beside the live one, switches the alias atomically and then
  drops the old generation; searches meanwhile keep answering from the old one.
- Vectors are compared by cosine similarity; the engine is created for one dimension and rejects
  others with ``ValueError``. ``get`` may return the vector scaled to unit length.
- A backend that cannot be reached raises ``SearchUnavailable`` (the web layer answers 503).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from indexer.documents import DocType, Document
from indexer.query import Filters, SearchQuery


class SearchError(Exception):
    """Base of the errors the indexer raises on purpose."""


class SearchUnavailable(SearchError):
    """The engine is down or unreachable; retry later."""


class IndexNotFound(SearchError):
    """The index for a document type does not exist yet (run ``ensure_index`` or ``rebuild``)."""


@dataclass(frozen=True, slots=True)
class Hit:
    """``score``: BM25 (text), cosine similarity (vector) or RRF (hybrid) when the hits are in
    relevance order; 0.0 when sorted by date, salary or distance in text mode."""

    id: int
    score: float
    distance_km: float | None = None
    text_rank: int | None = None  # 1-based rank in the text list (None: not in it)
    vector_rank: int | None = None  # 1-based rank in the kNN list (None: not in it)
    highlights: Mapping[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """``total`` counts every match (text and browse), the kNN candidates that passed the filters
    (vector mode), or the union of the text matches and the kNN candidates kept (hybrid)."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict, hash=False)
    took_ms: float = 0.0
    text_total: int | None = None  # hybrid mode: how many documents matched the text


@dataclass(frozen=True, slots=True)
class EngineHealth:
    ok: bool
    backend: str
    detail: str = ""
    documents: Mapping[DocType, int] = field(default_factory=dict, hash=False)
    versions: Mapping[DocType, int] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class RebuildReport:
    doc_type: DocType
    documents: int
    seconds: float
    old_version: int | None
    new_version: int

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else float("inf")


@runtime_checkable
class SearchEngine(Protocol):
    backend: str

    def ensure_index(self, doc_type: DocType) -> None: ...

    def upsert(self, doc_type: DocType, docs: Iterable[Document]) -> int: ...

    def delete(self, doc_type: DocType, ids: Iterable[int]) -> int: ...

    def get(self, doc_type: DocType, id: int) -> Document | None: ...

    def search(self, doc_type: DocType, query: SearchQuery) -> SearchResult: ...

    def count(self, doc_type: DocType, filters: Filters | None = None) -> int: ...

    def health(self) -> EngineHealth: ...

    def rebuild(
        self, doc_type: DocType, docs: Iterable[Document], batch_size: int = 1000
    ) -> RebuildReport: ...

    def close(self) -> None: ...
