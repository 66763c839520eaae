"""The search page's query string, read into an index query.

Unknown values of a closed list (``kind=pirate``) are dropped silently, as a link from an older
page may carry them; numbers that do not parse are reported next to their field (422) and the
search runs without them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from flask_babel import lazy_gettext
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from app.models import Locality, Occupation, Region
from indexer import Filters, GeoFilter, SearchQuery, Sort
from indexer.documents import EMPLOYMENT_TYPES, EXPERIENCES, KINDS, SCHEDULES
from indexer.query import MAX_RADIUS_KM, MAX_WINDOW

PAGE_SIZE = 20
MAX_PAGE = MAX_WINDOW // PAGE_SIZE
MAX_SALARY = 100_000_000
DAYS = {
    1: lazy_gettext("Last 24 hours"),
    3: lazy_gettext("Last 3 days"),
    7: lazy_gettext("Last week"),
    30: lazy_gettext("Last month"),
}
RADII = (5, 10, 25, 50, 100)
FACETS = ("kind", "region_kato", "locality_kato", "schedule", "employment_type", "experience")


@dataclass
class SearchForm:
    """What the person asked for, as the form shows it back, and the errors per field."""

    q: str = ""
    region: str = ""
    locality: str = ""
    occupation: str = ""
    kinds: list[str] = field(default_factory=list)
    schedules: list[str] = field(default_factory=list)
    employment_types: list[str] = field(default_factory=list)
    experiences: list[str] = field(default_factory=list)
    salary_min: int | None = None
    with_salary: bool = False
    days: int | None = None
    near: str = ""
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def has_place(self) -> bool:
        return self.lat is not None and self.lon is not None

    def geo(self) -> GeoFilter | None:
        if self.lat is None or self.lon is None:
            return None
        return GeoFilter(self.lat, self.lon, self.radius_km)

    def filters(self, now: datetime | None = None) -> Filters:
        now = now or datetime.now(UTC)
        salary_min = self.salary_min
        if self.with_salary and salary_min is None:
            salary_min = 0
        return Filters(
            region_katos=(self.region,) if self.region else (),
            locality_katos=(self.locality,) if self.locality else (),
            occupation_codes=(self.occupation,) if self.occupation else (),
            kinds=tuple(self.kinds),
            schedules=tuple(self.schedules),
            employment_types=tuple(self.employment_types),
            experiences=tuple(self.experiences),
            salary_min=salary_min,
            published_since=now - timedelta(days=self.days) if self.days else None,
        )

    def query(self) -> SearchQuery:
        sort = self.sort
        if sort is Sort.DISTANCE and not self.has_place:
            sort = Sort.RELEVANCE
        return SearchQuery(
            text=self.q,
            filters=self.filters(),
            geo=self.geo(),
            sort=sort,
            facets=FACETS,
            limit=PAGE_SIZE,
            offset=(self.page - 1) * PAGE_SIZE,
        )


def _choices(args: MultiDict[str, str], name: str, allowed: frozenset[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in args.getlist(name):
        if value in allowed:
            seen[value] = None
    return list(seen)


def _number(
    form: SearchForm, args: MultiDict[str, str], name: str, low: float, high: float
) -> float | None:
    raw = args.get(name, "").strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        form.errors[name] = str(lazy_gettext("Enter a number."))
        return None
    if not low <= value <= high:
        form.errors[name] = str(
            lazy_gettext("Enter a number from %(low)s to %(high)s.", low=low, high=high)
        )
        return None
    return value


def _place(form: SearchForm, session: Session, args: MultiDict[str, str]) -> None:
    """The point distances are measured from: a chosen locality, or lat/lon."""
    near = args.get("near", "").strip()
    if near:
        locality = session.execute(
            select(Locality).where(Locality.kato == near)
        ).scalar_one_or_none()
        if locality is not None:
            form.near, form.lat, form.lon = near, locality.lat, locality.lon
    if not form.has_place:
        lat = _number(form, args, "lat", -90, 90)
        lon = _number(form, args, "lon", -180, 180)
        if (lat is None) != (lon is None) and "lat" not in form.errors:
            form.errors["lon" if lon is None else "lat"] = str(
                lazy_gettext("Give both latitude and longitude.")
            )
        elif lat is not None and lon is not None:
            form.lat, form.lon = lat, lon
    radius = _number(form, args, "radius_km", 0.1, MAX_RADIUS_KM)
    if radius is not None:
        if form.has_place:
            form.radius_km = radius
        else:
            form.errors["radius_km"] = str(lazy_gettext("Choose a place to search around."))


def read_form(session: Session, args: MultiDict[str, str]) -> SearchForm:
    form = SearchForm(q=" ".join(args.get("q", "").split())[:200])
    region = args.get("region", "")
    if region and session.execute(select(Region.id).where(Region.kato == region)).first():
        form.region = region
    locality = args.get("locality", "")
    if locality and session.execute(select(Locality.id).where(Locality.kato == locality)).first():
        form.locality = locality
    occupation = args.get("occupation", "")
    if occupation.isdigit() and session.get(Occupation, occupation) is not None:
        form.occupation = occupation
    form.kinds = _choices(args, "kind", KINDS)
    form.schedules = _choices(args, "schedule", SCHEDULES)
    form.employment_types = _choices(args, "employment", EMPLOYMENT_TYPES)
    form.experiences = _choices(args, "experience", EXPERIENCES)
    salary = _number(form, args, "salary_min", 0, MAX_SALARY)
    form.salary_min = None if salary is None else int(salary)
    form.with_salary = args.get("with_salary") in ("1", "on", "true")
    days = args.get("days", "")
    form.days = int(days) if days.isdigit() and int(days) in DAYS else None
    _place(form, session, args)
    sort = args.get("sort", "")
    form.sort = Sort(sort) if sort in {s.value for s in Sort} else Sort.RELEVANCE
    page = args.get("page", "")
    form.page = min(int(page), MAX_PAGE) if page.isdigit() and int(page) >= 1 else 1
    return form
