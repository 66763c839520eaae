"""The audit log: who did what to which record, and why."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.models import AuditLog, User


def record(
    session: Session,
    *,
    user: User | None,
    action: str,
    entity_type: str,
    entity_id: int | str | None = None,
    reason: str | None = None,
    ip: str | None = None,
    **detail: Any,
) -> AuditLog:
    """Add an audit entry to the session (it commits with the action it describes)."""
    entry = AuditLog(
        user_id=user.id if user is not None else None,
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id),
        reason=reason,
        ip=ip,
        detail=detail,
    )
    session.add(entry)
    return entry
