"""An anonymous person's profile from what they typed (no account, nothing stored), for
ranking vacancies with ``app.services.recommendations.recommend``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Locality
from app.services.errors import FieldError
from app.services.occupations import occupation_classifier
from matching.ranking import SeekerProfile
from matching.ranking.cv_text import experience_years_in

INFER_CHARS = 2_000  # a CV names its trade early; the rest is duties and employers


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
    max_commute_km: float | None = None,
) -> SeekerProfile:
    """The profile to rank for; an unknown locality is a ``FieldError`` on ``locality_kato``.

    Occupation and experience the person did not give are read from their text, so ranking
    and its explanations use what the CV says ("Повар с опытом 5 лет").
    """
    lat = lon = None
    region_kato = None
    rural: bool | None = None
    if locality_kato:
        locality = session.execute(
            select(Locality)
            .where(Locality.kato == locality_kato)
            .options(selectinload(Locality.region))
        ).scalar_one_or_none()
        if locality is None:
            raise FieldError("locality_kato", f"unknown KATO code {locality_kato!r}")
        lat, lon, region_kato = locality.lat, locality.lon, locality.region.kato
        rural = not locality.is_urban
    if not occupation_codes:
        occupation_codes = inferred_occupations(session, text)
    if experience_years is None:
        experience_years = experience_years_in(text)
    return SeekerProfile(
        text=text,
        skills=tuple(skills),
        desired_occupations=tuple(occupation_codes),
        education_level=education_level,
        lat=lat,
        lon=lon,
        region_kato=region_kato,
        max_commute_km=max_commute_km,
        rural=rural,
        desired_salary=desired_salary,
        schedules=tuple(schedules),
        birth_date=birth_date,
        experience_years=experience_years,
    )


def inferred_occupations(session: Session, text: str) -> tuple[str, ...]:
    """The occupation a pasted CV names, by the classifier used at import: its first line (the
    title, as CVs start), else the whole text."""
    classifier = occupation_classifier(session)
    first = text.strip().splitlines()[0] if text.strip() else ""
    guess = classifier.classify(first) or classifier.classify(text[:INFER_CHARS])
    return (guess.code,) if guess is not None else ()
