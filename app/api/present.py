"""Vacancy rows as API models."""

from __future__ import annotations

from app.api.schemas import EmployerRef, LocalityRef, VacancyDetail, VacancySummary
from app.models import Vacancy

SNIPPET = 200


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1].rstrip() + "…"


def summary(vacancy: Vacancy, distance_km: float | None = None) -> VacancySummary:
    locality = vacancy.locality
    return VacancySummary(
        id=vacancy.id,
        external_id=vacancy.external_id,
        title=vacancy.title,
        employer=EmployerRef(id=vacancy.employer.id, name=vacancy.employer.name),
        locality=(
            LocalityRef(kato=locality.kato, name_kk=locality.name_kk, name_ru=locality.name_ru)
            if locality
            else None
        ),
        region_kato=vacancy.region.kato,
        salary_from=vacancy.salary_from,
        salary_to=vacancy.salary_to,
        kind=vacancy.kind,
        schedule=vacancy.schedule,
        published_at=vacancy.published_at,
        distance_km=None if distance_km is None else round(distance_km, 2),
        snippet=_snippet(vacancy.description),
    )


def detail(vacancy: Vacancy) -> VacancyDetail:
    return VacancyDetail(
        **summary(vacancy).model_dump(),
        status=vacancy.status.value,
        description=vacancy.description,
        occupation_code=vacancy.occupation_code,
        employment_type=vacancy.employment_type,
        experience=vacancy.experience,
        education_level=vacancy.education_level,
        skills=list(vacancy.skills),
        languages=list(vacancy.languages),
        places=vacancy.places,
        hazardous=vacancy.hazardous,
        max_duration_months=vacancy.max_duration_months,
        expires_at=vacancy.expires_at,
        address=vacancy.address,
        lat=vacancy.lat,
        lon=vacancy.lon,
    )
