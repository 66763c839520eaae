"""One behavioural suite for every search backend.

Each backend is a ``Backend``: it opens an engine on storage private to the test and can open
a second engine on the same storage (to check persistence and what other processes see).
Adding a backend is one entry in ``BACKENDS`` plus its ``pytest.param`` in ``backend``.

Elasticsearch runs only when ``ES_URL`` is set; otherwise its tests are skipped with a reason
that says so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indexer import DocType, SearchEngine, make_engine
from tests.conformance.data import DIM


class Backend:
    """``generations(doc_type)`` lists the index generations that exist in storage (live or
    not), to check that a rebuild drops the old one."""

    def __init__(
        self,
        name: str,
        opener: Callable[[], SearchEngine],
        generations: Callable[[DocType], list[int]],
    ) -> None:
        self.name = name
        self._opener = opener
        self.generations = generations
        self._opened: list[SearchEngine] = []

    def open(self) -> SearchEngine:
        engine = self._opener()
        self._opened.append(engine)
        return engine

    def close_all(self) -> None:
        for engine in self._opened:
            engine.close()


def _embedded(tmp_path: Path) -> Iterator[Backend]:
    def generations(doc_type: DocType) -> list[int]:
        folder = tmp_path / doc_type.value
        return sorted(int(p.name[1:]) for p in folder.glob("v*") if p.name[1:].isdigit())

    backend = Backend(
        "embedded",
        lambda: make_engine("embedded", path=tmp_path, vector_dim=DIM),
        generations,
    )
    yield backend
    backend.close_all()


def _elasticsearch(tmp_path: Path) -> Iterator[Backend]:
    url = os.environ.get("ES_URL")
    if not url:
        pytest.skip("ES_URL not set: Elasticsearch conformance tests not run")
    prefix = f"zhumys-test-{uuid.uuid4().hex[:10]}"

    def generations(doc_type: DocType) -> list[int]:
        from elasticsearch import Elasticsearch

        client = Elasticsearch(url)
        try:
            names = client.indices.get(index=f"{prefix}-{doc_type.value}-*").keys()
        finally:
            client.close()
        return sorted(int(n.rsplit("-v", 1)[1]) for n in names if n.rsplit("-v", 1)[1].isdigit())

    backend = Backend(
        "elasticsearch",
        lambda: make_engine("elasticsearch", es_url=url, index_prefix=prefix, vector_dim=DIM),
        generations,  # assumes indices named {prefix}-{doc_type}-v{N}; adjust with the backend
    )
    yield backend
    cleaner = backend.open()
    drop = getattr(cleaner, "drop_indices", None)  # test clean-up hook, if the backend has one
    if callable(drop):
        drop()
    backend.close_all()


BACKENDS: dict[str, Callable[[Path], Iterator[Backend]]] = {
    "embedded": _embedded,
    "elasticsearch": _elasticsearch,
}


@pytest.fixture(
    params=[
        pytest.param("embedded"),
        pytest.param("elasticsearch", marks=pytest.mark.elasticsearch),
    ]
)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    yield from BACKENDS[request.param](tmp_path)


@pytest.fixture
def engine(backend: Backend) -> SearchEngine:
    """An engine with both indexes created and empty."""
    engine = backend.open()
    for doc_type in DocType:
        engine.ensure_index(doc_type)
    return engine
