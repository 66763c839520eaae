"""Index settings, mappings and names as code, one index per document type.

Every index is a numbered generation ``{prefix}-{doc_type}-v{n}`` reached through the alias
``{prefix}-{doc_type}``. The mapping carries ``SCHEMA_VERSION`` in ``_meta``; an index written
under another schema (or vector dimension) must be rebuilt, never migrated in place.

Field names are those of ``indexer.fields`` so a filter or facet means the same in both
backends: the ``TEXT_BOOSTS`` fields hold the terms ``matching.text`` produced (split again by a
plain whitespace tokenizer), ``NATIVE_FIELD`` holds the raw text for the server's own Russian
analyzer, the ``KEYWORD_FIELDS`` are exact-match keywords.
"""

from __future__ import annotations

import re
from typing import Any

from indexer.documents import DocType
from indexer.fields import KEYWORD_FIELDS, TEXT_BOOSTS

SCHEMA_VERSION = 1
TERMS_ANALYZER = "zhumys_terms"  # whitespace only: the terms arrive analysed
NATIVE_FIELD = "native_text"
VECTOR_FIELD = "vector"
LOCATION_FIELD = "location"
DOCUMENT_FIELD = "document"  # the whole document (indexer.codec), stored, not indexed
HNSW_OPTIONS: dict[str, Any] = {"type": "hnsw", "m": 16, "ef_construction": 100}

_PREFIX_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def check_prefix(prefix: str) -> str:
    """Index names must be lowercase and free of wildcards and separators."""
    if not _PREFIX_RE.match(prefix):
        raise ValueError(f"index_prefix: {prefix!r} must match {_PREFIX_RE.pattern}")
    return prefix


def alias_name(prefix: str, doc_type: DocType) -> str:
    return f"{prefix}-{DocType(doc_type).value}"


def index_name(prefix: str, doc_type: DocType, version: int) -> str:
    return f"{alias_name(prefix, doc_type)}-v{version}"


def index_pattern(prefix: str, doc_type: DocType) -> str:
    """A wildcard over every generation of ``doc_type`` (parse matches with ``parse_version``)."""
    return f"{alias_name(prefix, doc_type)}-v*"


def parse_version(prefix: str, doc_type: DocType, name: str) -> int | None:
    """The generation number of an index name, ``None`` for names that are not ours."""
    match = re.fullmatch(re.escape(alias_name(prefix, doc_type)) + r"-v(\d+)", name)
    return int(match.group(1)) if match else None


def alias_swap_actions(alias: str, old: str | None, new: str) -> list[dict[str, Any]]:
    """One ``_aliases`` request that moves ``alias`` from ``old`` to ``new`` atomically.

    Naming ``old`` makes the request a compare-and-swap: it fails as a whole when the alias has
    meanwhile moved elsewhere (a concurrent rebuild) instead of pointing at two indices.
    """
    actions: list[dict[str, Any]] = []
    if old is not None:
        actions.append({"remove": {"index": old, "alias": alias}})
    actions.append({"add": {"index": new, "alias": alias}})
    return actions


def index_settings(*, replicas: int = 0, refresh_interval: str | None = None) -> dict[str, Any]:
    """One shard: the indices are small and BM25 statistics then match the embedded backend's."""
    settings: dict[str, Any] = {
        "number_of_shards": 1,
        "number_of_replicas": replicas,
        "analysis": {
            "analyzer": {TERMS_ANALYZER: {"type": "custom", "tokenizer": "whitespace"}},
        },
    }
    if refresh_interval is not None:
        settings["refresh_interval"] = refresh_interval
    return settings


def index_meta(doc_type: DocType, dim: int) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "doc_type": DocType(doc_type).value, "dim": dim}


def index_mappings(doc_type: DocType, dim: int, russian_analyzer: str) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "id": {"type": "long"},
        DOCUMENT_FIELD: {"type": "object", "enabled": False},
    }
    for name in TEXT_BOOSTS:
        properties[name] = {"type": "text", "analyzer": TERMS_ANALYZER}
    properties[NATIVE_FIELD] = {"type": "text", "analyzer": russian_analyzer}
    for name in KEYWORD_FIELDS[DocType(doc_type)]:
        properties[name] = {"type": "keyword"}
    properties.update(
        {
            "salary_lo": {"type": "long"},
            "salary_hi": {"type": "long"},
            "date": {"type": "date"},
            LOCATION_FIELD: {"type": "geo_point"},
            "hazardous": {"type": "boolean"},
            VECTOR_FIELD: {
                "type": "dense_vector",
                "dims": dim,
                "index": True,
                "similarity": "cosine",
                "index_options": dict(HNSW_OPTIONS),
            },
        }
    )
    return {"dynamic": "strict", "_meta": index_meta(doc_type, dim), "properties": properties}


def create_index_body(
    doc_type: DocType,
    dim: int,
    russian_analyzer: str,
    *,
    replicas: int = 0,
    alias: str | None = None,
    refresh_interval: str | None = None,
) -> dict[str, Any]:
    """The body of ``PUT /{index}``; with ``alias`` the alias is created in the same request."""
    body: dict[str, Any] = {
        "settings": index_settings(replicas=replicas, refresh_interval=refresh_interval),
        "mappings": index_mappings(doc_type, dim, russian_analyzer),
    }
    if alias is not None:
        body["aliases"] = {alias: {}}
    return body


def meta_problem(meta: dict[str, Any] | None, doc_type: DocType, dim: int) -> str | None:
    """Why an existing index cannot be used by this code (``None``: it can)."""
    expected = index_meta(doc_type, dim)
    meta = meta or {}
    if meta.get("schema_version") == expected["schema_version"] and meta.get("dim") == dim:
        return None
    return (
        f"built with schema {meta.get('schema_version')} and dimension {meta.get('dim')}, "
        f"this code needs {SCHEMA_VERSION} and {dim}; rebuild the index"
    )
