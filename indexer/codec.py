"""Documents to and from JSON-safe dicts, for stored fields (embedded) and ``_source`` (ES).

The vector is not part of the dict: each backend stores vectors in its own vector structure and
passes it back to ``from_dict``.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any

from indexer.documents import CvDocument, DocType, Document, VacancyDocument, Vector

_DATE_FIELDS = frozenset({"published_at", "expires_at", "updated_at"})


def to_dict(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(doc):
        if f.name == "vector":
            continue
        value = getattr(doc, f.name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


def from_dict(doc_type: DocType, data: dict[str, Any], vector: Vector | None = None) -> Document:
    kwargs = dict(data)
    for name in _DATE_FIELDS & kwargs.keys():
        if kwargs[name] is not None:
            kwargs[name] = datetime.fromisoformat(kwargs[name])
    for name, value in kwargs.items():
        if isinstance(value, list):
            kwargs[name] = tuple(value)
    kwargs["vector"] = vector
    if doc_type is DocType.VACANCIES:
        return VacancyDocument(**kwargs)
    return CvDocument(**kwargs)


def dumps(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, separators=(",", ":"))


def loads(doc_type: DocType, text: str, vector: Vector | None = None) -> Document:
    return from_dict(doc_type, json.loads(text), vector)
