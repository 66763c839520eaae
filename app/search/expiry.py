"""Vacancies past their expiry date leave the index on schedule."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Vacancy, VacancyStatus
from app.models.base import utcnow


def close_expired_vacancies(session: Session, now: datetime | None = None) -> int:
    """Close published vacancies whose expiry has passed; the outbox removes them from search.

    Closing (not deleting) keeps the record for the employer, who may extend and republish.
    """
    now = now or utcnow()
    expired = session.execute(
        select(Vacancy).where(
            Vacancy.status == VacancyStatus.PUBLISHED,
            Vacancy.expires_at.is_not(None),
            Vacancy.expires_at <= now,
        )
    ).scalars()
    count = 0
    for vacancy in expired:
        vacancy.status = VacancyStatus.CLOSED
        count += 1
    session.flush()
    return count
