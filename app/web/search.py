"""The vacancy search page: text, every filter the index offers, a place and radius, sorting,
facet counts beside the filter options, and pages of results (``app.search.find_vacancies``)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extensions import db_session, indexing
from app.models import Locality, Occupation, Region, Role
from app.search.find import Place, SearchUnavailable, find_vacancies
from app.search.vacancy_params import ParamError
from app.search.vacancy_query import Sort, VacancyQuery, page_query
from app.services.applications import own_seeker
from app.web.access import current_user
from app.web.i18n import current_language
from app.web.locale_format import sorted_by_name
from app.web.public_labels import snippet

bp = Blueprint("search", __name__)

DAYS = {
    1: lazy_gettext("Last 24 hours"),
    3: lazy_gettext("Last 3 days"),
    7: lazy_gettext("Last week"),
    30: lazy_gettext("Last month"),
}
RADII = (5, 10, 25, 50, 100)
PLACE_PARAMS = ("near", "lat", "lon")


def places(session: Session) -> tuple[list[Region], dict[int, list[Locality]]]:
    """Regions, and the localities of each (region id -> localities), for place pickers."""
    lang = current_language()
    regions = sorted_by_name(list(session.scalars(select(Region))), lambda r: r.name(lang))
    by_region: dict[int, list[Locality]] = {}
    localities = sorted_by_name(list(session.scalars(select(Locality))), lambda p: p.name(lang))
    for locality in localities:
        by_region.setdefault(locality.region_id, []).append(locality)
    return regions, by_region


def message(error: ParamError) -> str:
    """What the page says beside a field it could not use."""
    if error.kind == "range":
        return str(
            lazy_gettext("Enter a number from %(low)s to %(high)s.", low=error.low, high=error.high)
        )
    if error.kind == "pair":
        return str(lazy_gettext("Give both latitude and longitude."))
    if error.kind == "needs_place":
        return str(lazy_gettext("Choose a place to search around."))
    return str(lazy_gettext("Enter a number."))


def with_home_place(session: Session, query: VacancyQuery) -> VacancyQuery:
    """A signed-in seeker's own locality as the place distances are measured from, when the
    address names no place at all (``near=`` left empty says "no place": the default is gone)."""
    user = current_user()
    if user is None or user.role is not Role.SEEKER or any(p in request.args for p in PLACE_PARAMS):
        return query
    seeker = own_seeker(session, user)
    locality = seeker.locality if seeker is not None else None
    if locality is None or locality.lat is None or locality.lon is None:
        return query
    sort = Sort.DISTANCE if request.args.get("sort") == Sort.DISTANCE.value else None
    return query.with_default_place(locality.kato, locality.lat, locality.lon, sort)


def _place_names(
    named: Sequence[Place], regions: list[Region], localities: dict[int, list[Locality]]
) -> str:
    """The places understood from the text, by their names in the page's language."""
    lang = current_language()
    names = {r.kato: r.name(lang) for r in regions}
    names |= {loc.kato: loc.name(lang) for group in localities.values() for loc in group}
    return ", ".join(names.get(p.kato, p.name) for p in named)


def _page_url(page: int) -> str:
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return request.path + "?" + urlencode(args, doseq=True)


def _without_home_place() -> str:
    args = request.args.to_dict(flat=False)
    args.pop("page", None)
    args["near"] = [""]
    return request.path + "?" + urlencode(args, doseq=True)


@bp.get("/search")
def search() -> ResponseReturnValue:
    session = db_session()
    query, problems = page_query(session, request.args)
    query = with_home_place(session, query)
    errors = {name: message(problem) for name, problem in problems.items()}
    regions, localities = places(session)
    groups = list(
        session.execute(select(Occupation).where(Occupation.level == 1).order_by(Occupation.code))
        .scalars()
        .all()
    )
    context = {
        "regions": regions,
        "localities": localities,
        "groups": groups,
        "days_choices": DAYS,
        "radii": RADII,
        "lang": current_language(),
        "errors": errors,
        "without_home_place": _without_home_place,
    }
    try:
        found = find_vacancies(session, indexing(), query, clamp_page=True)
    except SearchUnavailable:
        return render_template("search.html", unavailable=True, form=query, **context), 503
    hits = [(item.hit, item.vacancy) for item in found.items]
    snippets = {v.id: snippet(v.description, query.q) for _, v in hits}
    return render_template(
        "search.html",
        unavailable=False,
        form=found.query,
        result=found,
        hits=hits,
        snippets=snippets,
        counts=found.facet_counts(),
        pages=found.pages,
        page_url=_page_url,
        place_names=_place_names(found.places, regions, localities),
        **context,
    ), (422 if errors else 200)
