"""The landing page and a plain vacancy page (the full interface lives in later blueprints)."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.extensions import db_session, settings
from app.models import Seeker, Vacancy, VacancyKind, VacancyStatus

bp = Blueprint("home", __name__)


def locale() -> str:
    lang = request.args.get("lang") or request.cookies.get("lang") or settings().default_locale
    return lang if lang in {"kk", "ru"} else "kk"


@bp.get("/")
def index() -> ResponseReturnValue:
    session = db_session()
    counts = session.execute(
        select(Vacancy.kind, func.count())
        .where(Vacancy.status == VacancyStatus.PUBLISHED)
        .group_by(Vacancy.kind)
    )
    by_kind = {kind: count for kind, count in counts}
    latest = (
        session.execute(
            select(Vacancy)
            .options(joinedload(Vacancy.employer), joinedload(Vacancy.locality))
            .where(Vacancy.status == VacancyStatus.PUBLISHED)
            .order_by(Vacancy.published_at.desc(), Vacancy.id.desc())
            .limit(20)
        )
        .scalars()
        .all()
    )
    seekers = session.execute(select(func.count()).select_from(Seeker)).scalar_one()
    return render_template(
        "home.html",
        lang=locale(),
        by_kind={kind.value: by_kind.get(kind, 0) for kind in VacancyKind},
        latest=latest,
        seekers=seekers,
    )


@bp.get("/vacancies/<int:vacancy_id>")
def vacancy(vacancy_id: int) -> ResponseReturnValue:
    item = db_session().get(Vacancy, vacancy_id)
    if item is None or item.status != VacancyStatus.PUBLISHED:
        abort(404)
    return render_template("vacancy.html", lang=locale(), vacancy=item)
