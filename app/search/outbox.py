"""Write outbox rows in the same transaction as every change to an indexed record.

Registered once per sessionmaker. ``after_flush`` sees what the flush wrote (new rows already
have ids) and inserts one outbox row per affected document through the flush's own connection,
so the change and its index work commit or roll back together. ``after_commit`` then tells the
dispatcher (in-process runner or RQ) that there is work; if that fails, the rows stay and the
next drain picks them up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import (
    Cv,
    EducationEntry,
    Employer,
    OutboxEvent,
    Seeker,
    Vacancy,
    WorkExperience,
)
from app.models.base import utcnow

VACANCIES = "vacancies"
CVS = "cvs"

_PENDING_KEY = "outbox_pending"
_WRITTEN_KEY = "outbox_written"  # one row per document per transaction is enough


def _cv_id_of_seeker(session: Session, seeker_id: int | None) -> int | None:
    if seeker_id is None:
        return None
    return session.execute(select(Cv.id).where(Cv.seeker_id == seeker_id)).scalar_one_or_none()


def affected_documents(session: Session, obj: Any) -> Iterable[tuple[str, int]]:
    """Which search documents change when ``obj`` changes."""
    if isinstance(obj, Vacancy):
        yield VACANCIES, obj.id
    elif isinstance(obj, Cv):
        yield CVS, obj.id
    elif isinstance(obj, Seeker):
        cv_id = obj.cv.id if "cv" in obj.__dict__ and obj.cv else _cv_id_of_seeker(session, obj.id)
        if cv_id is not None:
            yield CVS, cv_id
    elif isinstance(obj, EducationEntry | WorkExperience):
        cv_id = _cv_id_of_seeker(session, obj.seeker_id)
        if cv_id is not None:
            yield CVS, cv_id
    elif isinstance(obj, Employer) and obj.id is not None:
        ids = session.execute(select(Vacancy.id).where(Vacancy.employer_id == obj.id)).scalars()
        for vacancy_id in ids:
            yield VACANCIES, vacancy_id


def _after_flush(session: Session, _flush_context: Any) -> None:
    touched: set[tuple[str, int]] = set()
    changed = list(session.new) + list(session.deleted)
    changed += [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    with session.no_autoflush:
        for obj in changed:
            if isinstance(obj, Employer) and obj in session.new:
                continue
            touched.update(affected_documents(session, obj))
    written: set[tuple[str, int]] = session.info.setdefault(_WRITTEN_KEY, set())
    touched -= written
    if not touched:
        return
    written.update(touched)
    now = utcnow()
    session.connection().execute(
        insert(OutboxEvent),
        [
            {"doc_type": t, "doc_id": i, "created_at": now, "available_at": now}
            for t, i in sorted(touched)
        ],
    )
    session.info[_PENDING_KEY] = True


def install_outbox(factory: sessionmaker[Session], on_commit: Callable[[], None] | None) -> None:
    """Make every session from ``factory`` write outbox rows, and call ``on_commit`` after."""

    @event.listens_for(factory, "after_flush")
    def after_flush(session: Session, flush_context: Any) -> None:
        _after_flush(session, flush_context)

    @event.listens_for(factory, "after_commit")
    def after_commit(session: Session) -> None:
        session.info.pop(_WRITTEN_KEY, None)
        if session.info.pop(_PENDING_KEY, False) and on_commit is not None:
            on_commit()

    @event.listens_for(factory, "after_rollback")
    def after_rollback(session: Session) -> None:
        session.info.pop(_PENDING_KEY, None)
        session.info.pop(_WRITTEN_KEY, None)
