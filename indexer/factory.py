"""Build the configured backend by name, importing only the one asked for."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from indexer.interface import SearchEngine

DEFAULT_VECTOR_DIM = 384
BACKENDS = ("embedded", "elasticsearch")


def make_engine(
    backend: str,
    *,
    path: Path | None = None,
    es_url: str | None = None,
    index_prefix: str = "zhumys",
    vector_dim: int = DEFAULT_VECTOR_DIM,
    **options: Any,
) -> SearchEngine:
    """``embedded`` needs ``path`` (a directory it owns); ``elasticsearch`` needs ``es_url``.

    ``index_prefix`` names the Elasticsearch aliases (``{prefix}-vacancies``); ``options`` go to
    the backend's constructor unchanged.
    """
    if backend == "embedded":
        if path is None:
            raise ValueError("path: required for the embedded backend")
        from indexer.embedded import EmbeddedEngine

        return EmbeddedEngine(Path(path), vector_dim=vector_dim, **options)
    if backend == "elasticsearch":
        if not es_url:
            raise ValueError("es_url: required for the elasticsearch backend")
        # Imported by name: the elasticsearch client loads only when this backend is chosen.
        elastic = importlib.import_module("indexer.elastic")
        engine: SearchEngine = elastic.ElasticsearchEngine(
            es_url, index_prefix=index_prefix, vector_dim=vector_dim, **options
        )
        return engine
    raise ValueError(f"backend: {backend!r} is not one of {list(BACKENDS)}")
