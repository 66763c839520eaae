"""A snapshot import closes the vacancies of its source that the file no longer lists, but
only when the file looks like the whole feed: a file with rejected rows, or with far fewer
rows than the source has live vacancies, is more likely broken than a market crash, so it
closes nothing unless the caller insists (``force``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Vacancy, VacancySource, VacancyStatus
from app.services.vacancies import close_vacancy

DEFAULT_MIN_SHARE = 0.5  # of the live vacancies a snapshot must list (setting SNAPSHOT_MIN_PERCENT)


@dataclass(frozen=True)
class SnapshotGuard:
    force: bool = False
    min_share: float = DEFAULT_MIN_SHARE


GUARDED = SnapshotGuard()


def close_missing(
    session: Session,
    source_prefix: str,
    seen: set[str],
    *,
    accepted: int,
    rejected: int,
    guard: SnapshotGuard,
) -> tuple[int, str | None]:
    """Close this source's published vacancies missing from ``seen``: (closed, None), or
    (0, why nothing was closed) when the snapshot does not look whole and ``guard.force`` is
    off."""
    live = list(
        session.execute(
            select(Vacancy).where(
                Vacancy.source == VacancySource.IMPORT,
                Vacancy.external_id.like(f"{source_prefix}:%"),
                Vacancy.status == VacancyStatus.PUBLISHED,
            )
        ).scalars()
    )
    missing = [v for v in live if v.external_id not in seen]
    if not missing:
        return 0, None
    if not guard.force:
        why = None
        if rejected:
            why = f"{rejected} rows were rejected"
        elif accepted < guard.min_share * len(live):
            why = f"the file has {accepted} rows, the source {len(live)} live vacancies"
        if why:
            return 0, (
                f"nothing closed: {why}; a snapshot closes vacancies only when the file looks "
                "whole (force to close anyway)"
            )
    for vacancy in missing:
        close_vacancy(vacancy)
    session.flush()
    return len(missing), None
