"""Vacancy search and reading one vacancy."""

from __future__ import annotations

from enum import Enum

from flask.typing import ResponseReturnValue

from app.api.auth import ALL_ROLES
from app.api.pagination import decode_offset, encode_cursor
from app.api.present import detail, summary
from app.api.problems import ApiProblem, field_problem
from app.api.registry import Call, operation
from app.api.schemas import (
    FacetValue,
    QueryPlace,
    VacancyDetail,
    VacancyPage,
    VacancySearch,
)
from app.extensions import db_session, indexing
from app.models import Role, User, Vacancy, VacancyStatus
from app.search.find import find_vacancies, load_rows
from app.search.vacancy_params import clean_params
from app.search.vacancy_query import MAX_WINDOW, VacancyQuery


def vacancy_query(params: VacancySearch, offset: int) -> VacancyQuery:
    """The one query object for the API's parameters: the search's own cleaner checks them
    (a ``FieldError`` names the field: 422), as it does a saved search's."""
    names = {
        "q": params.q,
        "region": params.region,
        "locality": params.locality,
        "occupation": params.occupation,
        "kind": params.kind,
        "schedule": params.schedule,
        "employment": params.employment_type,
        "experience": params.experience,
        "salary_min": params.salary_min,
        "lat": params.lat,
        "lon": params.lon,
        "radius_km": params.radius_km,
        "sort": params.sort,
    }
    given = {k: (v.value if isinstance(v, Enum) else v) for k, v in names.items() if v is not None}
    clean = clean_params(given, prefix="")
    return VacancyQuery.from_params(
        clean,
        salary_max=params.salary_max,
        published_since=params.published_since,
        facets=tuple(f.strip() for f in params.facets.split(",") if f.strip()),
        limit=params.limit,
        offset=offset,
    )


@operation(
    "GET",
    "/vacancies",
    summary="Search published vacancies",
    roles=ALL_ROLES,
    query=VacancySearch,
    response=VacancyPage,
    errors=(401, 422, 429, 503),
    description=(
        "Anonymous callers are rate limited per IP (429 with Retry-After). With embeddings on, "
        "text is searched by words and by meaning (hybrid); `total` and `facets` count what "
        "is found as relevant. A cursor past the end (the results shrank) gives an empty page."
    ),
)
def search_vacancies(call: Call) -> ResponseReturnValue:
    params: VacancySearch = call.query
    offset = decode_offset(params.cursor)
    if offset + params.limit > MAX_WINDOW:
        raise field_problem("cursor", f"results are available up to the {MAX_WINDOW}th only")
    found = find_vacancies(db_session(), indexing(), vacancy_query(params, offset))
    more = found.more and len(found.items) == params.limit
    page = VacancyPage(
        items=[summary(item.vacancy, item.distance_km) for item in found.items],
        next_cursor=encode_cursor({"o": offset + params.limit}) if more else None,
        total=found.total,
        facets={
            name: [FacetValue(value=c.value, count=c.count) for c in counts]
            for name, counts in found.facets.items()
        },
        corrected=found.corrected,
        places=[QueryPlace(kato=p.kato, level=p.level, name=p.name) for p in found.places],
        place_fallback=found.place_fallback,
    )
    return page.model_dump(mode="json")


def may_manage(user: User | None, vacancy: Vacancy) -> bool:
    """The owning employer's users and staff may see drafts and change a vacancy."""
    if user is None:
        return False
    if user.role is Role.STAFF:
        return True
    return user.role is Role.EMPLOYER and user.employer_id == vacancy.employer_id


def visible_vacancy(call: Call, vacancy_id: int) -> Vacancy:
    """The vacancy if the caller may see it; 404 otherwise (drafts do not leak)."""
    vacancy = load_rows(db_session(), [vacancy_id]).get(vacancy_id)
    if vacancy is None or (
        vacancy.status is not VacancyStatus.PUBLISHED and not may_manage(call.user, vacancy)
    ):
        raise ApiProblem(404, f"no vacancy {vacancy_id}")
    return vacancy


@operation(
    "GET",
    "/vacancies/{id}",
    summary="One vacancy (drafts only for the owning employer and staff)",
    roles=ALL_ROLES,
    response=VacancyDetail,
    errors=(401, 404),
)
def get_vacancy(call: Call, id: int) -> ResponseReturnValue:
    return detail(visible_vacancy(call, id)).model_dump(mode="json")
