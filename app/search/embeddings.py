"""Passage embeddings through a database cache keyed by content hash.

A rebuild of unchanged documents reads vectors from the cache instead of running the encoder,
which is what makes a full rebuild fast (the encoder is ~100× slower than a cache read).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.models import EmbeddingCache
from app.models.base import utcnow

_LOOKUP_CHUNK = 500


class PassageEncoder(Protocol):
    @property
    def fingerprint(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode_passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...

    def encode_queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


def content_hash(fingerprint: str, text: str) -> str:
    return hashlib.sha256(f"{fingerprint}\x00{text}".encode()).hexdigest()


def _insert_ignoring_duplicates(session: Session, rows: list[dict[str, object]]) -> None:
    """Two workers may embed the same text at once; the first row wins, both are equal."""
    dialect = session.get_bind().dialect.name
    insert_fn = postgresql_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert_fn(EmbeddingCache).on_conflict_do_nothing(index_elements=["content_hash"])
    now = utcnow()
    session.execute(stmt, [{**row, "created_at": now} for row in rows])


def cached_passage_vectors(
    session: Session, encoder: PassageEncoder, texts: Sequence[str]
) -> tuple[npt.NDArray[np.float32], int]:
    """Vectors for ``texts`` (rows in order) and how many had to be encoded afresh."""
    hashes = [content_hash(encoder.fingerprint, text) for text in texts]
    found: dict[str, npt.NDArray[np.float32]] = {}
    unique = list(dict.fromkeys(hashes))
    for start in range(0, len(unique), _LOOKUP_CHUNK):
        chunk = unique[start : start + _LOOKUP_CHUNK]
        hits = session.execute(
            select(EmbeddingCache.content_hash, EmbeddingCache.vector).where(
                EmbeddingCache.content_hash.in_(chunk)
            )
        )
        for key, blob in hits:
            found[key] = np.frombuffer(blob, dtype=np.float32)
    missing = [(key, text) for key, text in zip(hashes, texts, strict=True) if key not in found]
    missing = list(dict((key, text) for key, text in missing).items())
    if missing:
        fresh = encoder.encode_passages([text for _, text in missing])
        rows: list[dict[str, object]] = []
        for (key, _), vector in zip(missing, fresh, strict=True):
            vector = np.ascontiguousarray(vector, dtype=np.float32)
            found[key] = vector
            rows.append(
                {"content_hash": key, "dim": int(vector.shape[0]), "vector": vector.tobytes()}
            )
        _insert_ignoring_duplicates(session, rows)
    if not texts:
        return np.zeros((0, encoder.dim), dtype=np.float32), 0
    return np.stack([found[key] for key in hashes]), len(missing)
