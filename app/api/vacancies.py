"""Vacancy search and reading one vacancy."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from app.api.auth import ALL_ROLES
from app.api.pagination import decode_offset, encode_cursor
from app.api.present import detail, load_vacancies, summary
from app.api.problems import ApiProblem
from app.api.registry import Call, operation
from app.api.schemas import (
    FacetValue,
    SortBy,
    VacancyDetail,
    VacancyPage,
    VacancySearch,
)
from app.extensions import db_session, indexing
from app.models import Role, User, Vacancy, VacancyStatus
from indexer import DocType, Filters, GeoFilter, SearchQuery, Sort

_SORTS = {
    SortBy.RELEVANCE: Sort.RELEVANCE,
    SortBy.DATE: Sort.DATE,
    SortBy.SALARY: Sort.SALARY,
    SortBy.DISTANCE: Sort.DISTANCE,
}


def _one(value: object | None) -> tuple[str, ...]:
    return () if value is None else (str(value),)


def search_query(params: VacancySearch, offset: int) -> SearchQuery:
    """The index query for ``params``; the query model's ``ValueError``s name the field."""
    filters = Filters(
        region_katos=_one(params.region),
        locality_katos=_one(params.locality),
        occupation_codes=_one(params.occupation),
        kinds=_one(params.kind),
        schedules=_one(params.schedule),
        employment_types=_one(params.employment_type),
        experiences=_one(params.experience),
        salary_min=params.salary_min,
        salary_max=params.salary_max,
        published_since=params.published_since,
    )
    geo = None
    if params.lat is not None or params.lon is not None:
        if params.lat is None or params.lon is None:
            raise ValueError("lat: give both lat and lon")
        geo = GeoFilter(lat=params.lat, lon=params.lon, radius_km=params.radius_km)
    elif params.radius_km is not None:
        raise ValueError("radius_km: needs lat and lon")
    facets = tuple(f.strip() for f in params.facets.split(",") if f.strip())
    query = SearchQuery(
        text=params.q.strip(),
        filters=filters,
        geo=geo,
        sort=_SORTS[params.sort],
        facets=facets,
        limit=params.limit,
        offset=offset,
    )
    query.check_for(DocType.VACANCIES)
    return query


@operation(
    "GET",
    "/vacancies",
    summary="Search published vacancies",
    roles=ALL_ROLES,
    query=VacancySearch,
    response=VacancyPage,
    errors=(401, 422, 429, 503),
    description="Anonymous callers are rate limited per IP (429 with Retry-After).",
)
def search_vacancies(call: Call) -> ResponseReturnValue:
    params: VacancySearch = call.query
    offset = decode_offset(params.cursor)
    query = search_query(params, offset)
    result = indexing().engine.search(DocType.VACANCIES, query)
    rows = load_vacancies(db_session(), [h.id for h in result.hits])
    items = [summary(rows[h.id], h.distance_km) for h in result.hits if h.id in rows]
    more = offset + len(result.hits) < result.total and len(result.hits) == params.limit
    page = VacancyPage(
        items=items,
        next_cursor=encode_cursor({"o": offset + params.limit}) if more else None,
        total=result.total,
        facets={
            name: [FacetValue(value=c.value, count=c.count) for c in counts]
            for name, counts in result.facets.items()
        },
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
    vacancy = load_vacancies(db_session(), [vacancy_id]).get(vacancy_id)
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
