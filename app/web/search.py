"""The vacancy search page: text, every filter the index offers, a place and radius, sorting,
facet counts beside the filter options, and pages of results."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.extensions import db_session, indexing
from app.models import Locality, Occupation, Region, Vacancy
from app.web.i18n import current_language
from app.web.locale_format import sorted_by_name
from app.web.public_labels import snippet
from app.web.search_form import DAYS, PAGE_SIZE, RADII, read_form
from indexer import DocType, SearchResult, SearchUnavailable

bp = Blueprint("search", __name__)


def load_rows(session: Session, ids: Sequence[int]) -> dict[int, Vacancy]:
    """The vacancies behind search hits, with what a result card shows."""
    if not ids:
        return {}
    rows = session.execute(
        select(Vacancy)
        .where(Vacancy.id.in_(list(ids)))
        .options(
            selectinload(Vacancy.employer),
            selectinload(Vacancy.locality),
            selectinload(Vacancy.region),
        )
    ).scalars()
    return {v.id: v for v in rows}


def places(session: Session) -> tuple[list[Region], dict[int, list[Locality]]]:
    """Regions, and the localities of each (region id -> localities), for place pickers."""
    lang = current_language()
    regions = sorted_by_name(list(session.scalars(select(Region))), lambda r: r.name(lang))
    by_region: dict[int, list[Locality]] = {}
    localities = sorted_by_name(list(session.scalars(select(Locality))), lambda p: p.name(lang))
    for locality in localities:
        by_region.setdefault(locality.region_id, []).append(locality)
    return regions, by_region


def _page_url(page: int) -> str:
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return request.path + "?" + urlencode(args, doseq=True)


def _counts(result: SearchResult | None) -> dict[str, dict[str, int]]:
    if result is None:
        return {}
    return {name: {c.value: c.count for c in counts} for name, counts in result.facets.items()}


@bp.get("/search")
def search() -> ResponseReturnValue:
    session = db_session()
    form = read_form(session, request.args)
    regions, localities = places(session)
    groups = list(
        session.execute(select(Occupation).where(Occupation.level == 1).order_by(Occupation.code))
        .scalars()
        .all()
    )
    context = {
        "form": form,
        "regions": regions,
        "localities": localities,
        "groups": groups,
        "days_choices": DAYS,
        "radii": RADII,
        "lang": current_language(),
    }
    try:
        result = indexing().engine.search(DocType.VACANCIES, form.query())
    except SearchUnavailable:
        return render_template("search.html", unavailable=True, **context), 503
    rows = load_rows(session, [h.id for h in result.hits])
    hits = [(hit, rows[hit.id]) for hit in result.hits if hit.id in rows]
    snippets = {v.id: snippet(v.description, form.q) for _, v in hits}
    pages = max(1, -(-min(result.total, PAGE_SIZE * 500) // PAGE_SIZE))
    return render_template(
        "search.html",
        unavailable=False,
        result=result,
        hits=hits,
        snippets=snippets,
        counts=_counts(result),
        pages=pages,
        page_url=_page_url,
        **context,
    ), (422 if form.errors else 200)
