"""The embedded backend: tantivy plus a vector matrix per index, in a directory, no server.

Concurrency: any number of reader threads and processes. Writes (upsert, delete, the switch at
the end of a rebuild) serialise on a per-index file lock; a second writer, in this process or
another, waits up to ``lock_timeout_s`` and then gets ``SearchUnavailable``. Other processes see a
commit within about a second (tantivy reloads on commit) and a rebuild at their next call (the
pointer file is checked on every call).
"""

from __future__ import annotations

import itertools
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy

from indexer.analysis import Analyzer, MatchingAnalyzer
from indexer.codec import loads
from indexer.documents import DocType, Document, check_documents
from indexer.embedded.compile import filter_query
from indexer.embedded.generation import AnalysisReuse, Generation, prepare
from indexer.embedded.schema import STORED_FIELD
from indexer.embedded.search import QueryRunner, match_count
from indexer.embedded.storage import CorruptPointer, Layout, RebuildInProgress, file_lock
from indexer.interface import (
    EngineHealth,
    IndexNotFound,
    RebuildReport,
    SearchError,
    SearchResult,
    SearchUnavailable,
)
from indexer.plan import filter_clauses
from indexer.query import Filters, SearchQuery

MB = 1024 * 1024


class EmbeddedEngine:
    backend = "embedded"

    def __init__(
        self,
        path: Path,
        *,
        vector_dim: int = 384,
        analyzer: Analyzer | None = None,
        writer_heap_mb: int = 32,
        rebuild_heap_mb: int = 256,
        rebuild_threads: int = 2,
        lock_timeout_s: float = 30.0,
        fsync: bool = True,
    ) -> None:
        self.root = Path(path)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SearchUnavailable(f"the index folder {self.root} cannot be used: {exc}") from None
        self.dim = vector_dim
        self.analyzer: Analyzer = analyzer or MatchingAnalyzer()
        self._writer_heap = writer_heap_mb * MB
        self._rebuild_heap = rebuild_heap_mb * MB
        self._rebuild_threads = rebuild_threads
        self._lock_timeout = lock_timeout_s
        self._fsync = fsync
        self._open: dict[DocType, tuple[tuple[int, int], Generation]] = {}
        self._lock = threading.RLock()

    # -- the interface ------------------------------------------------------------------------

    def ensure_index(self, doc_type: DocType) -> None:
        layout = self._layout(doc_type)
        if layout.current() is not None:
            return
        with self._write_lock(doc_type):
            if layout.current() is None:
                version = layout.next_version()
                Generation(layout, doc_type, version, self.dim, create=True).close()
                layout.switch(version)

    def upsert(self, doc_type: DocType, docs: Iterable[Document]) -> int:
        docs = list(docs)
        check_documents(doc_type, docs)
        live = self._live(doc_type)
        if not docs:
            return 0
        batch = prepare(docs, self.analyzer, AnalysisReuse(live, preload=False))
        with self._write_lock(doc_type):
            gen = self._live(doc_type)
            with gen.writer(heap_bytes=self._writer_heap, threads=1) as writer:
                return gen.write(writer, batch, sync=self._fsync)

    def delete(self, doc_type: DocType, ids: Iterable[int]) -> int:
        unique = list(dict.fromkeys(int(i) for i in ids))
        self._live(doc_type)
        if not unique:
            return 0
        with self._write_lock(doc_type):
            gen = self._live(doc_type)
            query = tantivy.Query.term_set_query(gen.schema, "id", unique)
            existing = match_count(gen.searcher().search(query, limit=1, count=True))
            if existing:
                with gen.writer(heap_bytes=self._writer_heap, threads=1) as writer:
                    for doc_id in unique:
                        writer.delete_documents_by_term("id", doc_id)
            return existing

    def get(self, doc_type: DocType, id: int) -> Document | None:
        gen = self._live(doc_type)
        searcher = gen.searcher()
        hits = searcher.search(tantivy.Query.term_query(gen.schema, "id", int(id)), limit=1).hits
        if not hits:
            return None
        addr = hits[0][1]
        source = searcher.doc(addr).get_first(STORED_FIELD)
        if not isinstance(source, bytes):
            raise SearchError(f"{doc_type.value} {id}: stored source missing")
        row = searcher.fast_field_values("row", [addr])[0]
        vector = gen.vectors.get(int(row)) if row is not None else None
        return loads(doc_type, source.decode(), vector)

    def search(self, doc_type: DocType, query: SearchQuery) -> SearchResult:
        return QueryRunner(self._live(doc_type), doc_type, self.analyzer).search(query)

    def count(self, doc_type: DocType, filters: Filters | None = None) -> int:
        gen = self._live(doc_type)
        clauses = filter_clauses(doc_type, filters or Filters())
        return QueryRunner(gen, doc_type, self.analyzer).count(filter_query(gen.schema, clauses))

    def health(self) -> EngineHealth:
        documents: dict[DocType, int] = {}
        versions: dict[DocType, int] = {}
        notes: list[str] = []
        ok = True
        for doc_type in DocType:
            try:
                gen = self._live_or_none(doc_type)
            except Exception as exc:  # health reports, never raises
                ok = False
                notes.append(f"{doc_type.value}: {exc}")
                continue
            if gen is None:
                notes.append(f"{doc_type.value}: no index")
                continue
            searcher = gen.searcher()
            documents[doc_type] = int(searcher.num_docs)
            versions[doc_type] = gen.version
            rows = gen.vectors.rows()
            notes.append(
                f"{doc_type.value}: v{gen.version}, {searcher.num_docs} docs, "
                f"{searcher.num_segments} segments, {rows} vector rows"
            )
        return EngineHealth(
            ok, self.backend, f"{self.root}: " + "; ".join(notes), documents, versions
        )

    def rebuild(
        self, doc_type: DocType, docs: Iterable[Document], batch_size: int = 1000
    ) -> RebuildReport:
        if batch_size < 1:
            raise ValueError("batch_size: must be >= 1")
        layout = self._layout(doc_type)
        started = time.perf_counter()
        busy = lambda: RebuildInProgress(f"{doc_type.value}: a rebuild is already running")  # noqa: E731
        with file_lock(layout.dir / "rebuild.lock", timeout_s=0.0, busy=busy):
            previous = self._live_or_none(doc_type)
            old = previous.version if previous is not None else None
            reuse = AnalysisReuse(previous, preload=True) if previous is not None else None
            version = layout.next_version()
            gen = Generation(layout, doc_type, version, self.dim, create=True)
            try:
                written = self._fill(gen, doc_type, docs, batch_size, reuse)
                gen.vectors.sync()
            except BaseException:
                gen.close()
                shutil.rmtree(gen.dir, ignore_errors=True)
                raise
            with self._write_lock(doc_type):
                layout.switch(version)
                with self._lock:
                    self._adopt(doc_type, layout, gen)
            layout.drop_all_but(version)
        return RebuildReport(doc_type, written, time.perf_counter() - started, old, version)

    def close(self) -> None:
        with self._lock:
            for _, gen in self._open.values():
                gen.close()
            self._open.clear()

    # -- internals ----------------------------------------------------------------------------

    def _fill(
        self,
        gen: Generation,
        doc_type: DocType,
        docs: Iterable[Document],
        batch_size: int,
        reuse: AnalysisReuse | None,
    ) -> int:
        written = 0
        with gen.writer(heap_bytes=self._rebuild_heap, threads=self._rebuild_threads) as writer:
            iterator = iter(docs)
            while chunk := list(itertools.islice(iterator, batch_size)):
                check_documents(doc_type, chunk)
                written += gen.write(writer, prepare(chunk, self.analyzer, reuse), sync=False)
        return written

    def _layout(self, doc_type: DocType) -> Layout:
        return Layout(self.root, DocType(doc_type))

    @contextmanager
    def _write_lock(self, doc_type: DocType) -> Iterator[None]:
        layout = self._layout(doc_type)
        busy = lambda: SearchUnavailable(  # noqa: E731
            f"{doc_type.value}: another writer held the index for over {self._lock_timeout:.0f}s"
        )
        with file_lock(layout.dir / "write.lock", timeout_s=self._lock_timeout, busy=busy):
            yield

    def _adopt(self, doc_type: DocType, layout: Layout, gen: Generation) -> None:
        stamp = layout.pointer_stamp()
        assert stamp is not None
        # The previous generation is only dereferenced, not closed: a search that is still
        # running on it finishes (its files stay readable until the last handle goes).
        gen.index.reload()
        self._open[doc_type] = (stamp, gen)

    def _live(self, doc_type: DocType) -> Generation:
        gen = self._live_or_none(doc_type)
        if gen is None:
            raise IndexNotFound(f"{DocType(doc_type).value}: no index under {self.root}")
        return gen

    def _live_or_none(self, doc_type: DocType) -> Generation | None:
        """The generation CURRENT names, reopened when CURRENT has changed since last time."""
        doc_type = DocType(doc_type)
        layout = self._layout(doc_type)
        for _ in range(5):
            stamp = layout.pointer_stamp()
            if stamp is None:
                return None
            with self._lock:
                cached = self._open.get(doc_type)
                if cached is not None and cached[0] == stamp:
                    return cached[1]
                try:
                    version = layout.current()
                except CorruptPointer as exc:
                    raise SearchUnavailable(f"{exc}; rebuild with `zhumys reindex`") from None
                if version is None or layout.pointer_stamp() != stamp:
                    continue  # switched while we looked: look again
                try:
                    gen = Generation(layout, doc_type, version, self.dim)
                except (FileNotFoundError, ValueError):
                    continue  # dropped by a concurrent rebuild right after a switch
                self._open[doc_type] = (stamp, gen)  # the old one: see _adopt
                return gen
        raise SearchUnavailable(f"{doc_type.value}: the index kept changing while being opened")
