"""One open generation: its tantivy index, its vector file, and how to write to them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import tantivy
from tantivy import Query

from indexer.analysis import Analyzer
from indexer.documents import CvDocument, DocType, Document
from indexer.embedded.schema import NO_ROW, SCHEMA_VERSION, build_schema, to_tantivy
from indexer.embedded.storage import Layout
from indexer.embedded.vectors import VectorFile
from indexer.fields import TEXT_BOOSTS, FieldValues, field_values, text_inputs
from indexer.interface import SearchError


@dataclass(frozen=True, slots=True)
class Prepared:
    doc: Document
    values: FieldValues | None  # None: a hidden CV, deleted rather than written
    analysis_key: int


def analysis_key(fingerprint: str, doc: Document) -> int:
    """64 bits of a digest of the analyser's fingerprint and the document's raw text."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{fingerprint}\x1f{doc.lang}".encode())
    for raw in text_inputs(doc).values():
        digest.update(b"\x1f")
        digest.update(raw.encode())
    return int.from_bytes(digest.digest(), "big", signed=True)


def prepare(
    docs: Iterable[Document], analyzer: Analyzer, reuse: AnalysisReuse | None = None
) -> list[Prepared]:
    """Analyse (outside any lock), reusing stored analysis of unchanged text when offered; the
    last document of an id wins."""
    latest: dict[int, Document] = {}
    for doc in docs:
        latest.pop(doc.id, None)
        latest[doc.id] = doc
    fingerprint = analyzer.fingerprint()
    out = []
    for doc in latest.values():
        key = analysis_key(fingerprint, doc)
        if isinstance(doc, CvDocument) and doc.visibility == "hidden":
            out.append(Prepared(doc, None, key))
            continue
        texts = reuse.texts(doc.id, key) if reuse is not None else None
        out.append(Prepared(doc, field_values(doc, analyzer, texts), key))
    return out


class Generation:
    def __init__(
        self, layout: Layout, doc_type: DocType, version: int, dim: int, *, create: bool = False
    ) -> None:
        self.doc_type = doc_type
        self.version = version
        self.dim = dim
        self.dir = layout.generation_dir(version)
        self.schema = build_schema(doc_type)
        index_dir = self.dir / "tantivy"
        if create:
            index_dir.mkdir(parents=True)
            layout.write_meta(
                version, {"doc_type": doc_type.value, "dim": dim, "schema": SCHEMA_VERSION}
            )
            self.index = tantivy.Index(self.schema, path=str(index_dir), reuse=False)
        else:
            meta = layout.read_meta(version)
            if meta.get("schema") != SCHEMA_VERSION or meta.get("dim") != dim:
                raise SearchError(
                    f"{doc_type.value} v{version}: built with schema {meta.get('schema')} and "
                    f"dimension {meta.get('dim')}, this code needs {SCHEMA_VERSION} and {dim}; "
                    "rebuild the index"
                )
            self.index = tantivy.Index.open(str(index_dir))
        self.vectors = VectorFile(self.dir / "vectors.f32", dim)

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    @contextmanager
    def writer(self, *, heap_bytes: int, threads: int) -> Iterator[tantivy.IndexWriter]:
        """A tantivy writer, committed when the block succeeds, then merged and released.

        Waiting for the merges the commit started keeps the segment count low even though every
        call opens its own writer; the tantivy lock is held only for the block, so another
        process may write afterwards.
        """
        writer = self.index.writer(heap_size=heap_bytes, num_threads=threads)
        try:
            yield writer
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()  # consumes the writer and releases the lock
        self.index.reload()

    def write(
        self, writer: tantivy.IndexWriter, batch: list[Prepared], *, sync: bool = True
    ) -> int:
        """Replace the batch's documents by id (hidden CVs are only deleted); returns how many
        were added. Vectors are appended first so a committed row always has its vector."""
        vectors = [p.doc.vector for p in batch if p.values is not None]
        dims = {v.shape[0] for v in vectors if v is not None}
        if dims - {self.dim}:
            raise ValueError(f"vector: dimension {sorted(dims - {self.dim})}, index has {self.dim}")
        present = [v for v in vectors if v is not None]
        next_row = self.vectors.append(np.stack(present), sync=sync) if present else NO_ROW
        added = 0
        for item in batch:
            writer.delete_documents_by_term("id", item.doc.id)
            if item.values is None:
                continue
            row = NO_ROW
            if item.doc.vector is not None:
                row, next_row = next_row, next_row + 1
            writer.add_document(to_tantivy(item.doc, item.values, row, item.analysis_key))
            added += 1
        return added

    def close(self) -> None:
        self.vectors.close()


class AnalysisReuse:
    """The stored analysed text of documents whose raw text (and analyser) is unchanged.

    ``preload`` reads every id and key up front (a rebuild touches all); otherwise each lookup
    is one term query (an upsert touches few).
    """

    def __init__(self, gen: Generation, *, preload: bool) -> None:
        self.searcher = gen.searcher()
        self.schema = gen.schema
        self._known: dict[int, tuple[int, tantivy.DocAddress]] | None = None
        if preload:
            limit = max(1, self.searcher.num_docs)
            addrs = [a for _, a in self.searcher.search(Query.all_query(), limit=limit).hits]
            ids = self.searcher.fast_field_values("id", addrs) if addrs else []
            keys = self.searcher.fast_field_values("analysis_key", addrs) if addrs else []
            self._known = {
                int(i): (int(k), a)  # type: ignore[arg-type]
                for i, k, a in zip(ids, keys, addrs, strict=True)
                if k is not None
            }

    def _lookup(self, doc_id: int) -> tuple[int, tantivy.DocAddress] | None:
        if self._known is not None:
            return self._known.get(doc_id)
        hits = self.searcher.search(Query.term_query(self.schema, "id", doc_id), limit=1).hits
        if not hits:
            return None
        addr = hits[0][1]
        key = self.searcher.fast_field_values("analysis_key", [addr])[0]
        return None if key is None else (int(key), addr)

    def texts(self, doc_id: int, key: int) -> dict[str, str] | None:
        found = self._lookup(doc_id)
        if found is None or found[0] != key:
            return None
        stored = self.searcher.doc(found[1])
        return {name: str(stored.get_first(name) or "") for name in TEXT_BOOSTS}
