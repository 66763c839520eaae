"""An anonymous person's profile from what they typed (no account, nothing stored), for
ranking vacancies with ``app.services.recommendations.recommend``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Locality
from app.services.errors import FieldError
from matching.ranking import SeekerProfile


def anonymous_profile(
    session: Session,
    *,
    text: str,
    locality_kato: str | None = None,
    desired_salary: int | None = None,
    schedules: Sequence[str] = (),
    birth_date: date | None = None,
    education_level: str | None = None,
    experience_years: float | None = None,
    skills: Sequence[str] = (),
    occupation_codes: Sequence[str] = (),
) -> SeekerProfile:
    """The profile to rank for; an unknown locality is a ``FieldError`` on ``locality_kato``."""
    lat = lon = None
    region_kato = None
    if locality_kato:
        locality = session.execute(
            select(Locality)
            .where(Locality.kato == locality_kato)
            .options(selectinload(Locality.region))
        ).scalar_one_or_none()
        if locality is None:
            raise FieldError("locality_kato", f"unknown KATO code {locality_kato!r}")
        lat, lon, region_kato = locality.lat, locality.lon, locality.region.kato
    return SeekerProfile(
        text=text,
        skills=tuple(skills),
        desired_occupations=tuple(occupation_codes),
        education_level=education_level,
        lat=lat,
        lon=lon,
        region_kato=region_kato,
        desired_salary=desired_salary,
        schedules=tuple(schedules),
        birth_date=birth_date,
        experience_years=experience_years,
    )
