"""Drain the outbox into the search engine: batches, retries with backoff, a dead-letter list.

Correctness rests on three things:
- rows are marked processed only after the engine accepted the batch, in the same transaction
  that claimed them, so a worker that dies mid-batch leaves them pending for the next drain;
- documents are rebuilt from the database by id, so processing a row twice is harmless, and
  rows for the same document in one batch become one engine write;
- one drain runs at a time (a PostgreSQL advisory lock, or a process lock on SQLite), so an
  older state can never overwrite a newer one in the index.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from app.db import Database
from app.models import OutboxEvent
from app.models.base import utcnow
from app.search.documents import DocumentBatch, load_cv_documents, load_vacancy_documents
from app.search.embeddings import PassageEncoder
from indexer import DocType, SearchEngine

log = logging.getLogger(__name__)

DRAIN_LOCK_KEY = 0x7A68756D  # "zhum": the PostgreSQL advisory lock id of the drain
MAX_ATTEMPTS = 8
_process_lock = threading.Lock()

Loader = Callable[[Session, Sequence[int], PassageEncoder | None], DocumentBatch]
LOADERS: dict[DocType, Loader] = {
    DocType.VACANCIES: load_vacancy_documents,
    DocType.CVS: load_cv_documents,
}


def backoff(attempts: int) -> timedelta:
    """Exponential: 2 s, 4 s, 8 s ... capped at 10 minutes."""
    return timedelta(seconds=min(2**attempts, 600))


@dataclass
class DrainReport:
    batches: int = 0
    events: int = 0
    upserted: int = 0
    deleted: int = 0
    embedded: int = 0
    failed: int = 0
    dead: int = 0
    skipped_locked: bool = False

    def add(self, other: DrainReport) -> None:
        for name in ("batches", "events", "upserted", "deleted", "embedded", "failed", "dead"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _claim(session: Session, batch_size: int, now: datetime) -> list[OutboxEvent]:
    stmt = (
        select(OutboxEvent)
        .where(
            OutboxEvent.processed_at.is_(None),
            OutboxEvent.dead.is_(False),
            OutboxEvent.available_at <= now,
        )
        .order_by(OutboxEvent.id)
        .limit(batch_size)
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    return list(session.execute(stmt).scalars())


def _apply(
    session: Session, engine: SearchEngine, encoder: PassageEncoder | None, rows: list[OutboxEvent]
) -> DrainReport:
    report = DrainReport(batches=1, events=len(rows))
    ids: dict[DocType, list[int]] = defaultdict(list)
    for row in rows:
        doc_ids = ids[DocType(row.doc_type)]
        if row.doc_id not in doc_ids:
            doc_ids.append(row.doc_id)
    for doc_type, doc_ids in ids.items():
        batch = LOADERS[doc_type](session, doc_ids, encoder)
        if batch.upserts:
            report.upserted += engine.upsert(doc_type, batch.upserts)
        if batch.deletes:
            engine.delete(doc_type, batch.deletes)
            report.deleted += len(batch.deletes)
        report.embedded += batch.embedded
    return report


def _record_failure(rows: list[OutboxEvent], exc: Exception, now: datetime) -> int:
    dead = 0
    message = f"{type(exc).__name__}: {exc}"[:2000]
    for row in rows:
        row.attempts += 1
        row.last_error = message
        row.available_at = now + backoff(row.attempts)
        if row.attempts >= MAX_ATTEMPTS:
            row.dead = True
            dead += 1
    return dead


def _drain_one_batch(
    db: Database,
    engine: SearchEngine,
    encoder: PassageEncoder | None,
    batch_size: int,
) -> DrainReport | None:
    """Claim, index and mark one batch; None when nothing was pending or another drain runs."""
    with db.sessionmaker() as session:
        if session.get_bind().dialect.name == "postgresql":
            got = session.execute(
                text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": DRAIN_LOCK_KEY}
            )
            if not got.scalar_one():
                return DrainReport(skipped_locked=True)
        now = utcnow()
        rows = _claim(session, batch_size, now)
        if not rows:
            session.rollback()
            return None
        try:
            report = _apply(session, engine, encoder, rows)
        except Exception as exc:
            session.rollback()
            dead = _record_failure(rows, exc, now)
            session.commit()
            log.warning("indexing batch of %d events failed: %s", len(rows), exc)
            return DrainReport(batches=1, events=len(rows), failed=len(rows), dead=dead)
        for row in rows:
            row.processed_at = now
        session.commit()
        return report


def drain_outbox(
    db: Database,
    engine: SearchEngine,
    encoder: PassageEncoder | None,
    *,
    batch_size: int = 500,
    max_batches: int = 1_000,
) -> DrainReport:
    """Index every pending outbox event; stops early after a failed batch (engine down?)."""
    total = DrainReport()
    with _process_lock:
        for _ in range(max_batches):
            report = _drain_one_batch(db, engine, encoder, batch_size)
            if report is None:
                break
            if report.skipped_locked:
                total.skipped_locked = True
                break
            total.add(report)
            if report.failed:
                break
    return total


def pending_count(session: Session) -> int:
    stmt = select(func.count()).where(
        OutboxEvent.processed_at.is_(None), OutboxEvent.dead.is_(False)
    )
    return session.execute(stmt).scalar_one()


def dead_letters(session: Session, limit: int = 100) -> list[OutboxEvent]:
    stmt = select(OutboxEvent).where(OutboxEvent.dead.is_(True)).order_by(OutboxEvent.id.desc())
    return list(session.execute(stmt.limit(limit)).scalars())


def retry_dead_letters(session: Session, ids: Sequence[int] | None = None) -> int:
    """Put dead events back in the queue (all of them, or the given ids)."""
    stmt = update(OutboxEvent).where(OutboxEvent.dead.is_(True))
    if ids is not None:
        stmt = stmt.where(OutboxEvent.id.in_(ids))
    result = session.execute(
        stmt.values(dead=False, attempts=0, available_at=utcnow(), last_error=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def prune_processed(session: Session, older_than: timedelta = timedelta(days=7)) -> int:
    stmt = delete(OutboxEvent).where(
        OutboxEvent.processed_at.is_not(None), OutboxEvent.processed_at < utcnow() - older_than
    )
    return int(session.execute(stmt).rowcount)  # type: ignore[attr-defined]
