"""Full zero-downtime rebuild of one index from the database.

The engine builds a new generation beside the live one and switches to it at the end. Changes
committed meanwhile went to the old generation, so afterwards their outbox rows are reopened
and drained again into the new one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select, update

from app.db import Database
from app.models import Cv, CvVisibility, OutboxEvent, Vacancy, VacancyStatus
from app.search.documents import load_cv_documents, load_vacancy_documents
from app.search.embeddings import PassageEncoder
from app.search.indexing import DrainReport, drain_outbox
from indexer import DocType, Document, RebuildReport, SearchEngine

Progress = Callable[[int], None]


@dataclass
class RebuildSummary:
    report: RebuildReport
    embedded: int
    replayed: DrainReport


def _candidate_ids(db: Database, doc_type: DocType) -> list[int]:
    with db.session() as session:
        if doc_type is DocType.VACANCIES:
            stmt = select(Vacancy.id).where(Vacancy.status == VacancyStatus.PUBLISHED)
        else:
            stmt = select(Cv.id).where(Cv.visibility != CvVisibility.HIDDEN)
        return list(
            session.execute(
                stmt.order_by(Vacancy.id if doc_type is DocType.VACANCIES else Cv.id)
            ).scalars()
        )


def count_candidates(db: Database, doc_type: DocType) -> int:
    return len(_candidate_ids(db, doc_type))


def rebuild_index(
    db: Database,
    engine: SearchEngine,
    encoder: PassageEncoder | None,
    doc_type: DocType,
    *,
    batch_size: int = 1000,
    progress: Progress | None = None,
) -> RebuildSummary:
    with db.session() as session:
        marker = session.execute(select(func.max(OutboxEvent.id))).scalar_one() or 0
    ids = _candidate_ids(db, doc_type)
    loader = load_vacancy_documents if doc_type is DocType.VACANCIES else load_cv_documents
    embedded = 0

    def documents() -> Iterator[Document]:
        nonlocal embedded
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            with db.session() as session:
                batch = loader(session, chunk, encoder)
            embedded += batch.embedded
            yield from batch.upserts
            if progress is not None:
                progress(len(chunk))

    report = engine.rebuild(doc_type, documents(), batch_size=batch_size)
    with db.session() as session:
        session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.id > marker, OutboxEvent.doc_type == doc_type.value)
            .values(processed_at=None)
        )
    replayed = drain_outbox(db, engine, encoder)
    return RebuildSummary(report=report, embedded=embedded, replayed=replayed)
