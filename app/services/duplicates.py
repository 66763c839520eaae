"""Near-duplicate postings detected at ingest and grouped under the original."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Vacancy, VacancyStatus
from matching.ranking import find_duplicate, fingerprint

RECENT_POSTINGS = 300


def mark_if_duplicate(session: Session, vacancy: Vacancy) -> Vacancy | None:
    """Point ``vacancy.duplicate_of_id`` at the employer's posting it repeats, if any.

    Only the same employer's live postings are compared (reposting the same job is what
    floods a board); the original of a group is kept as the group's id.
    """
    others = list(
        session.execute(
            select(Vacancy)
            .where(
                Vacancy.employer_id == vacancy.employer_id,
                Vacancy.id != vacancy.id,
                Vacancy.status == VacancyStatus.PUBLISHED,
            )
            .order_by(Vacancy.id.desc())
            .limit(RECENT_POSTINGS)
        ).scalars()
    )
    if not others:
        vacancy.duplicate_of_id = None
        return None
    new = fingerprint(vacancy.title, vacancy.description, vacancy.employer_id)
    existing = [fingerprint(o.title, o.description, o.employer_id) for o in others]
    index = find_duplicate(new, existing)
    if index is None:
        vacancy.duplicate_of_id = None
        return None
    original = others[index]
    vacancy.duplicate_of_id = original.duplicate_of_id or original.id
    return original
