"""The indexing services one process needs: database, search engine, encoder, dispatcher.

Built from ``Settings`` by the app factory (web process) and by the worker; each part is
created on first use, so a process that never searches never opens the index or loads a model.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from app.db import Database
from app.search.dispatch import Dispatcher, InProcessDispatcher, RqDispatcher
from app.search.embeddings import PassageEncoder
from app.search.indexing import DrainReport, drain_outbox
from app.search.query_vectors import QueryVectors
from app.settings import Settings
from indexer import DocType, SearchEngine, make_engine

log = logging.getLogger(__name__)

SWEEP_INTERVAL_S = 60.0


class IndexingServices:
    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self._engine: SearchEngine | None = None
        self._encoder: PassageEncoder | None = None
        self._encoder_loaded = False
        self._query_vectors: QueryVectors | None = None
        self.encoder_problem: str | None = None
        self._lock = threading.Lock()
        self._last_sweep = 0.0
        self.dispatcher: Dispatcher = (
            RqDispatcher(settings.redis_url)
            if settings.redis_url
            else InProcessDispatcher(self.drain)
        )

    @property
    def engine(self) -> SearchEngine:
        with self._lock:
            if self._engine is None:
                self._engine = make_engine(
                    self.settings.search_backend,
                    path=self.settings.search_path,
                    es_url=self.settings.es_url or None,
                    index_prefix=self.settings.es_index_prefix,
                    vector_dim=self.settings.embedding_dim,
                    **self._engine_options(),
                )
                for doc_type in DocType:
                    self._engine.ensure_index(doc_type)
            return self._engine

    def _engine_options(self) -> dict[str, Any]:
        if self.settings.search_backend == "elasticsearch":
            return {"russian_analyzer": self.settings.es_russian_analyzer}
        return {}

    @property
    def encoder(self) -> PassageEncoder | None:
        """The passage encoder, or None for text-only search.

        None when EMBEDDING_MODEL is ``none``, and also when the model is not installed: search
        then degrades to full text (``encoder_problem`` says why; ``/healthz`` reports it)
        instead of failing every request.
        """
        with self._lock:
            if not self._encoder_loaded:
                from app.search.encoding import load_encoder
                from matching.encoders import EncoderError

                try:
                    self._encoder = load_encoder(self.settings)
                except EncoderError as exc:
                    self.encoder_problem = str(exc)
                    log.error("embeddings off, text-only search: %s", exc)
                self._encoder_loaded = True
            return self._encoder

    @property
    def query_vectors(self) -> QueryVectors | None:
        """Query embeddings from ``encoder`` through an LRU cache; None for text-only search."""
        encoder = self.encoder
        if encoder is None:
            return None
        with self._lock:
            if self._query_vectors is None or self._query_vectors.encoder is not encoder:
                self._query_vectors = QueryVectors(encoder)
            return self._query_vectors

    def drain(self) -> DrainReport:
        return drain_outbox(self.db, self.engine, self.encoder)

    def notify(self) -> None:
        """Called after a commit that wrote outbox rows."""
        self.dispatcher.notify()

    def sweep_if_due(self) -> None:
        """In-process mode's schedule: retry pending rows and expire vacancies now and then."""
        now = time.monotonic()
        if not isinstance(self.dispatcher, InProcessDispatcher):
            return
        if now - self._last_sweep < SWEEP_INTERVAL_S:
            return
        self._last_sweep = now
        from app.search.expiry import close_expired_vacancies

        try:
            with self.db.session() as session:
                close_expired_vacancies(session)
            self.drain()
        except Exception:
            log.exception("periodic indexing sweep failed; it will be retried")

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None
