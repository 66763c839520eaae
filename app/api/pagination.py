"""Opaque, signed cursors: base64 of a small JSON state plus an HMAC, so clients cannot forge."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.api.problems import field_problem
from app.extensions import settings

T = TypeVar("T")


def _sign(payload: bytes) -> str:
    key = settings().secret_key.encode()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()[:16]


def encode_cursor(state: dict[str, Any]) -> str:
    payload = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=") + "." + _sign(payload)


def decode_cursor(cursor: str, field: str = "cursor") -> dict[str, Any]:
    try:
        data, signature = cursor.rsplit(".", 1)
        payload = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        valid = hmac.compare_digest(signature, _sign(payload))
        state = json.loads(payload) if valid else None
    except (ValueError, UnicodeDecodeError):
        state = None
    if not isinstance(state, dict):
        raise field_problem(field, "is not a valid cursor")
    return state


def decode_offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    offset = decode_cursor(cursor).get("o")
    if not isinstance(offset, int) or offset < 0:
        raise field_problem("cursor", "is not a valid cursor")
    return offset


def fetch_page(
    session: Session, stmt: Select[T], cursor: str | None, limit: int
) -> tuple[list[T], str | None]:
    """One page of an ordered query and the cursor of the next (None on the last page)."""
    offset = decode_offset(cursor)
    rows = list(session.execute(stmt.offset(offset).limit(limit + 1)).scalars())
    more = len(rows) > limit
    return rows[:limit], encode_cursor({"o": offset + limit}) if more else None
