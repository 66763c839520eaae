"""A plain search page over the index (full pages with filters come with the web interface)."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from app.extensions import db_session, indexing
from app.models import Region
from app.web.home import locale
from indexer import DocType, Filters, SearchQuery, SearchUnavailable
from indexer.documents import KINDS

bp = Blueprint("search", __name__)


@bp.get("/search")
def search() -> ResponseReturnValue:
    lang = locale()
    text = request.args.get("q", "").strip()[:200]
    region = request.args.get("region", "")
    kind = request.args.get("kind", "")
    regions = db_session().execute(select(Region).order_by(Region.name_ru)).scalars().all()
    filters = Filters(
        region_katos=(region,) if region in {r.kato for r in regions} else (),
        kinds=(kind,) if kind in KINDS else (),
    )
    query = SearchQuery(text=text, filters=filters, facets=("kind", "region_kato"), limit=30)
    try:
        result = indexing().engine.search(DocType.VACANCIES, query)
    except SearchUnavailable:
        return render_template("search.html", lang=lang, unavailable=True, q=text), 503
    documents = {}
    for hit in result.hits:
        doc = indexing().engine.get(DocType.VACANCIES, hit.id)
        if doc is not None:
            documents[hit.id] = doc
    region_names = {r.kato: r.name(lang) for r in regions}
    return render_template(
        "search.html",
        lang=lang,
        q=text,
        region=region,
        kind=kind,
        regions=regions,
        result=result,
        documents=documents,
        region_names=region_names,
        unavailable=False,
    )
