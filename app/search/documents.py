"""Search documents built from database rows, by id: what the index should hold right now.

Jobs pass ids, never documents, so whatever runs late or twice indexes the current state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Cv, CvVisibility, Seeker, Vacancy, VacancyStatus
from app.models.base import utcnow
from app.search.embeddings import PassageEncoder, cached_passage_vectors
from app.services.people import education_level, experience_years
from indexer import CvDocument, VacancyDocument
from indexer.documents import Vector
from matching.iin import redact_iins

PASSAGE_CHARS = 1500


T = TypeVar("T", Vacancy, Cv)
D = TypeVar("D", VacancyDocument, CvDocument)


@dataclass
class DocumentBatch:
    """Documents to write, and ids whose documents must leave the index."""

    upserts: list[VacancyDocument] | list[CvDocument] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)
    embedded: int = 0


def is_searchable(vacancy: Vacancy, now: datetime) -> bool:
    """Only published, unexpired vacancies are in the index."""
    if vacancy.status != VacancyStatus.PUBLISHED:
        return False
    expires = vacancy.expires_at
    if expires is not None and expires.tzinfo is None:
        expires = expires.replace(tzinfo=now.tzinfo)
    return expires is None or expires > now


def vacancy_passage(vacancy: Vacancy) -> str:
    parts = [vacancy.title, ", ".join(vacancy.skills), vacancy.description[:PASSAGE_CHARS]]
    return "\n".join(p for p in parts if p)


def cv_passage(cv: Cv) -> str:
    seeker = cv.seeker
    parts = [
        redact_iins(cv.title),
        ", ".join(seeker.skills),
        redact_iins(cv.summary[:PASSAGE_CHARS]),
    ]
    parts += [f"{w.position} ({w.employer_name})" for w in seeker.work_history]
    parts += [e.specialty_name for e in seeker.education if e.specialty_name]
    return "\n".join(p for p in parts if p)


def _vectors(
    session: Session, encoder: PassageEncoder | None, texts: list[str]
) -> tuple[list[Vector | None], int]:
    if encoder is None or not texts:
        return [None] * len(texts), 0
    matrix, fresh = cached_passage_vectors(session, encoder, texts)
    return list(matrix), fresh


def vacancy_document(vacancy: Vacancy, vector: Vector | None = None) -> VacancyDocument:
    region = vacancy.region
    locality = vacancy.locality
    return VacancyDocument(
        id=vacancy.id,
        title=vacancy.title,
        employer_id=vacancy.employer_id,
        employer_name=vacancy.employer.name,
        region_kato=region.kato,
        locality_kato=locality.kato if locality else None,
        source=vacancy.source.value,
        external_id=vacancy.external_id,
        description=vacancy.description,
        occupation_code=vacancy.occupation_code,
        lat=vacancy.lat,
        lon=vacancy.lon,
        salary_from=vacancy.salary_from,
        salary_to=vacancy.salary_to,
        schedule=vacancy.schedule.value,
        employment_type=vacancy.employment_type.value,
        experience=vacancy.experience.value,
        education=vacancy.education_level.value if vacancy.education_level else None,
        kind=vacancy.kind.value,
        hazardous=vacancy.hazardous,
        status=vacancy.status.value,
        published_at=vacancy.published_at,
        expires_at=vacancy.expires_at,
        skills=tuple(vacancy.skills),
        languages=tuple(vacancy.languages),
        places=vacancy.places,
        lang=vacancy.lang,
        duplicate_group=vacancy.duplicate_of_id,
        vector=vector,
    )


def load_vacancy_documents(
    session: Session,
    ids: Sequence[int],
    encoder: PassageEncoder | None,
    now: datetime | None = None,
) -> DocumentBatch:
    now = now or utcnow()
    rows = session.execute(
        select(Vacancy)
        .where(Vacancy.id.in_(ids))
        .options(
            selectinload(Vacancy.employer),
            selectinload(Vacancy.region),
            selectinload(Vacancy.locality),
        )
    ).scalars()
    live = [v for v in rows if is_searchable(v, now)]
    return _batch(session, encoder, ids, live, vacancy_passage, vacancy_document)


def cv_document(cv: Cv, now: datetime, vector: Vector | None = None) -> CvDocument:
    seeker = cv.seeker
    locality = seeker.locality
    return CvDocument(
        id=cv.id,
        seeker_id=seeker.id,
        title=redact_iins(cv.title),
        region_kato=locality.region.kato if locality else "",
        locality_kato=locality.kato if locality else None,
        lat=locality.lat if locality else None,
        lon=locality.lon if locality else None,
        text=redact_iins(cv.summary),
        skills=tuple(seeker.skills),
        occupation_codes=tuple(seeker.desired_occupations),
        salary_expected=seeker.desired_salary,
        schedules=tuple(seeker.desired_schedules),
        experience_years=experience_years(seeker, now.date()),
        education_level=education_level(seeker),
        languages=tuple(seeker.languages),
        visibility=cv.visibility.value,
        status=seeker.status.value if seeker.status else "job_seeker",
        updated_at=cv.updated_at,
        lang=cv.lang,
        vector=vector,
    )


def load_cv_documents(
    session: Session,
    ids: Sequence[int],
    encoder: PassageEncoder | None,
    now: datetime | None = None,
) -> DocumentBatch:
    now = now or utcnow()
    rows = session.execute(
        select(Cv)
        .where(Cv.id.in_(ids))
        .options(
            selectinload(Cv.seeker).selectinload(Seeker.locality),
            selectinload(Cv.seeker).selectinload(Seeker.education),
            selectinload(Cv.seeker).selectinload(Seeker.work_history),
        )
    ).scalars()
    live = [cv for cv in rows if cv.visibility != CvVisibility.HIDDEN]
    return _batch(
        session, encoder, ids, live, cv_passage, lambda cv, vec: cv_document(cv, now, vec)
    )


def _batch(
    session: Session,
    encoder: PassageEncoder | None,
    ids: Sequence[int],
    live: Sequence[T],
    passage: Callable[[T], str],
    document: Callable[[T, Vector | None], D],
) -> DocumentBatch:
    """Upserts for the rows still searchable (embedded through the cache), deletes for the rest."""
    live_ids = {row.id for row in live}
    vectors, fresh = _vectors(session, encoder, [passage(row) for row in live])
    return DocumentBatch(
        upserts=[document(row, vec) for row, vec in zip(live, vectors, strict=True)],
        deletes=[i for i in ids if i not in live_ids],
        embedded=fresh,
    )
