"""Documents to Elasticsearch ``_source`` and bulk actions, and back.

The indexed fields come from ``indexer.fields`` (the same values the embedded backend indexes);
the whole document rides along under ``DOCUMENT_FIELD`` for ``get``. Vectors are stored at unit
length, as the embedded backend keeps them; a zero vector (no direction, and rejected by
Elasticsearch's cosine similarity) is left out, so the document takes no part in kNN.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from indexer.analysis import Analyzer
from indexer.codec import from_dict, to_dict
from indexer.documents import CvDocument, DocType, Document, Vector, as_vector
from indexer.elastic.mappings import DOCUMENT_FIELD, LOCATION_FIELD, NATIVE_FIELD, VECTOR_FIELD
from indexer.fields import field_values, text_inputs


def unit_list(vector: Vector | None) -> list[float] | None:
    """``vector`` scaled to unit length as a JSON list; ``None`` for no or a zero vector."""
    if vector is None:
        return None
    norm = float(np.linalg.norm(vector))
    if norm == 0.0:
        return None
    return [float(x) for x in (vector / norm).astype(np.float32)]


def check_dimension(docs: Iterable[Document], dim: int) -> None:
    for doc in docs:
        if doc.vector is not None and doc.vector.shape[0] != dim:
            raise ValueError(f"vector: dimension {doc.vector.shape[0]}, index has {dim}")


def is_hidden(doc: Document) -> bool:
    return isinstance(doc, CvDocument) and doc.visibility == "hidden"


def to_source(doc: Document, analyzer: Analyzer) -> dict[str, Any]:
    values = field_values(doc, analyzer)
    source: dict[str, Any] = {"id": doc.id}
    source.update({name: terms for name, terms in values.text.items() if terms})
    native = "\n".join(raw for raw in text_inputs(doc).values() if raw)
    if native:
        source[NATIVE_FIELD] = native
    source.update({name: list(vals) for name, vals in values.keywords.items() if vals})
    if values.salary_lo is not None:
        source["salary_lo"] = values.salary_lo
    if values.salary_hi is not None:
        source["salary_hi"] = values.salary_hi
    if values.date is not None:
        source["date"] = values.date.isoformat()
    if values.lat is not None and values.lon is not None:
        source[LOCATION_FIELD] = {"lat": values.lat, "lon": values.lon}
    source["hazardous"] = values.hazardous
    vector = unit_list(doc.vector)
    if vector is not None:
        source[VECTOR_FIELD] = vector
    source[DOCUMENT_FIELD] = to_dict(doc)
    return source


def latest_by_id(docs: Iterable[Document]) -> list[Document]:
    """One document per id, the last given winning (as in the embedded backend)."""
    latest: dict[int, Document] = {}
    for doc in docs:
        latest.pop(doc.id, None)
        latest[doc.id] = doc
    return list(latest.values())


def bulk_actions(
    index: str, docs: Iterable[Document], analyzer: Analyzer, *, deletes_hidden: bool = True
) -> Iterator[dict[str, Any]]:
    """``index`` actions (a whole-document replace) per document; a hidden CV becomes a
    ``delete`` (or nothing, with ``deletes_hidden=False``, for a fresh rebuild index)."""
    for doc in docs:
        if is_hidden(doc):
            if deletes_hidden:
                yield {"_op_type": "delete", "_index": index, "_id": str(doc.id)}
            continue
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": str(doc.id),
            "_source": to_source(doc, analyzer),
        }


def delete_actions(index: str, ids: Iterable[int]) -> list[dict[str, Any]]:
    unique = dict.fromkeys(int(i) for i in ids)
    return [{"_op_type": "delete", "_index": index, "_id": str(i)} for i in unique]


def from_source(doc_type: DocType, source: dict[str, Any]) -> Document:
    return from_dict(doc_type, source[DOCUMENT_FIELD], as_vector(source.get(VECTOR_FIELD)))
