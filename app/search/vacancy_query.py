"""The one vacancy query: what a person asked for, from any door (the search page, the API, a
saved search or its alert, a programme page), as one value that ``find_vacancies`` runs.

Built from cleaned parameters (``app.search.vacancy_params``) by ``VacancyQuery.from_params``;
the engine's ``SearchQuery`` is derived from it in one place (``filters``/``search_query``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Locality
from app.search.vacancy_params import ParamError, read_params
from indexer import Filters, GeoFilter, Mode, SearchQuery, Sort, TextMatch
from indexer.documents import Vector
from indexer.query import MAX_LIMIT, MAX_WINDOW, VACANCY_FACETS

__all__ = [
    "MAX_WINDOW",
    "PAGE_FACETS",
    "PAGE_SIZE",
    "Sort",
    "VacancyQuery",
    "page_query",
    "place_of",
]

PAGE_SIZE = 20
# The filters a page shows counts beside.
PAGE_FACETS = ("kind", "region_kato", "locality_kato", "schedule", "employment_type", "experience")


def _strings(params: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = params.get(name)
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class VacancyQuery:
    """One vacancy search. Attribute names follow the search page's parameters, so the page
    shows the query back as its form. ``near`` is a locality's KATO whose coordinates are
    ``lat``/``lon``; ``near_is_default`` marks the signed-in person's own locality put there
    because the query gave no place (the page offers to remove it)."""

    q: str = ""
    region: str = ""
    locality: str = ""
    occupation: str = ""
    kinds: tuple[str, ...] = ()
    schedules: tuple[str, ...] = ()
    employment_types: tuple[str, ...] = ()
    experiences: tuple[str, ...] = ()
    salary_min: int | None = None
    salary_max: int | None = None
    with_salary: bool = False
    days: int | None = None
    published_since: datetime | None = None
    near: str = ""
    near_is_default: bool = False
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    sort: Sort = Sort.RELEVANCE
    facets: tuple[str, ...] = ()
    limit: int = PAGE_SIZE
    offset: int = 0
    now: datetime = field(default_factory=lambda: datetime.now(UTC), compare=False)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.facets) - VACANCY_FACETS)
        if unknown:
            raise ParamError(
                "facets",
                f"{unknown} not available; choose from {sorted(VACANCY_FACETS)}",
                "choice",
            )
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ParamError("limit", f"must be from 1 to {MAX_LIMIT}", "range")
        if self.offset < 0 or self.offset + self.limit > MAX_WINDOW:
            raise ParamError("offset", f"must be within the first {MAX_WINDOW} results", "range")
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            raise ParamError("salary_min", "must not be greater than salary_max", "range")

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def from_params(
        cls,
        params: Mapping[str, Any],
        *,
        place: tuple[float, float] | None = None,
        **extra: Any,
    ) -> VacancyQuery:
        """The query for cleaned ``params``. ``place`` is the point of ``near`` (looked up by
        ``place_of``); without it ``lat``/``lon`` are used. ``extra`` sets the attributes a
        query string does not carry (``limit``, ``offset``, ``facets``, ``published_since``...)."""
        lat = lon = None
        near = str(params.get("near") or "") if place is not None else ""
        if place is not None:
            lat, lon = place
        elif params.get("lat") is not None and params.get("lon") is not None:
            lat, lon = float(params["lat"]), float(params["lon"])
        radius = params.get("radius_km")
        sort = Sort(params.get("sort") or Sort.RELEVANCE.value)
        if sort is Sort.DISTANCE and lat is None:
            sort = Sort.RELEVANCE
        salary = params.get("salary_min")
        days = params.get("days")
        return cls(
            q=str(params.get("q") or ""),
            region=str(params.get("region") or ""),
            locality=str(params.get("locality") or ""),
            occupation=str(params.get("occupation") or ""),
            kinds=_strings(params, "kind"),
            schedules=_strings(params, "schedule"),
            employment_types=_strings(params, "employment"),
            experiences=_strings(params, "experience"),
            salary_min=None if salary is None else int(salary),
            with_salary=bool(params.get("with_salary")),
            days=None if days is None else int(days),
            near=near,
            lat=lat,
            lon=lon,
            radius_km=None if radius is None or lat is None else float(radius),
            sort=sort,
            **extra,
        )

    def at_page(self, page: int) -> VacancyQuery:
        """The same query, one page of ``limit`` results further (1-based)."""
        last = MAX_WINDOW // self.limit
        return replace(self, offset=(min(max(page, 1), last) - 1) * self.limit)

    def with_default_place(
        self, kato: str, lat: float, lon: float, sort: Sort | None = None
    ) -> VacancyQuery:
        """Distances from the person's own locality, when the query has no place; ``sort``:
        the order asked for (distance sorting was dropped while there was no place)."""
        if self.has_place:
            return self
        return replace(
            self, near=kato, lat=lat, lon=lon, near_is_default=True, sort=sort or self.sort
        )

    # -- reading ----------------------------------------------------------------------------

    @property
    def has_place(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1

    @property
    def text(self) -> str:
        return self.q.strip()

    def geo(self) -> GeoFilter | None:
        if self.lat is None or self.lon is None:
            return None
        return GeoFilter(self.lat, self.lon, self.radius_km)

    def filters(self, **changes: Any) -> Filters:
        salary_min = self.salary_min
        if self.with_salary and salary_min is None:
            salary_min = 0
        since = self.now - timedelta(days=self.days) if self.days else None
        if self.published_since is not None:
            since = self.published_since if since is None else max(since, self.published_since)
        filters = Filters(
            region_katos=(self.region,) if self.region else (),
            locality_katos=(self.locality,) if self.locality else (),
            occupation_codes=(self.occupation,) if self.occupation else (),
            kinds=self.kinds,
            schedules=self.schedules,
            employment_types=self.employment_types,
            experiences=self.experiences,
            salary_min=salary_min,
            salary_max=self.salary_max,
            published_since=since,
        )
        return replace(filters, **changes) if changes else filters

    def search_query(
        self,
        *,
        text: str | None = None,
        vector: Vector | None = None,
        mode: Mode = Mode.TEXT,
        filters: Filters | None = None,
        sort: Sort | None = None,
        facets: tuple[str, ...] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        knn_candidates: int = 100,
        geo: GeoFilter | None = None,
    ) -> SearchQuery:
        """The engine query; arguments override what this query says (retrieval stages)."""
        geo = geo or self.geo()
        sort = self.sort if sort is None else sort
        if sort is Sort.DISTANCE and geo is None:
            sort = Sort.RELEVANCE
        return SearchQuery(
            text=self.text if text is None else text,
            filters=self.filters() if filters is None else filters,
            geo=geo,
            sort=sort,
            facets=self.facets if facets is None else facets,
            vector=vector,
            mode=mode,
            limit=self.limit if limit is None else limit,
            offset=self.offset if offset is None else offset,
            knn_candidates=knn_candidates,
            text_match=TextMatch.MOST,
        )


def place_of(session: Session, params: Mapping[str, Any]) -> tuple[float, float] | None:
    """The coordinates of ``near`` (a locality's KATO), if it names a locality with some."""
    near = params.get("near")
    if not near:
        return None
    row = session.execute(
        select(Locality.lat, Locality.lon).where(Locality.kato == str(near))
    ).first()
    if row is None or row.lat is None or row.lon is None:
        return None
    return float(row.lat), float(row.lon)


def page_query(
    session: Session, args: Mapping[str, Any]
) -> tuple[VacancyQuery, dict[str, ParamError]]:
    """The search page's query string read leniently (``read_params``), with the page number;
    the problems worth showing, by field."""
    params, errors = read_params(args, ignore=frozenset({"page", "lang"}))
    place = place_of(session, params)
    if "radius_km" in params and place is None and "lat" not in params:
        errors["radius_km"] = ParamError("radius_km", "needs a place", "needs_place")
    query = VacancyQuery.from_params(params, place=place, facets=PAGE_FACETS)
    page = str(args.get("page") or "")
    return (query.at_page(int(page)) if page.isdigit() else query), errors
