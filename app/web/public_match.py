"""Paste your CV, see matching jobs: ranked vacancies with the reasons, without an account.

Nothing typed here is stored: the profile lives for the request only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from redis.exceptions import RedisError
from werkzeug.datastructures import MultiDict

from app import throttle
from app.extensions import db_session, indexing
from app.search.find import SearchUnavailable, load_rows
from app.services.cv_match import anonymous_profile
from app.services.errors import FieldError
from app.services.recommendations import Recommendation, recommend
from app.web.access import current_user
from app.web.i18n import current_language
from app.web.public_labels import EDUCATION_LEVELS, SCHEDULES
from app.web.search import places
from matching.ranking import SeekerProfile

bp = Blueprint("public_match", __name__)
MAX_TEXT = 10_000
MIN_TEXT = 3
RESULTS = 20
MAX_SALARY = 100_000_000
MAX_YEARS = 60
MAX_COMMUTE_KM = 500
ANONYMOUS_PER_WINDOW = 30
WINDOW_S = 60
log = logging.getLogger(__name__)


@dataclass
class MatchForm:
    text: str = ""
    locality: str = ""
    salary: str = ""
    schedules: list[str] = field(default_factory=list)
    birth_date: str = ""
    education: str = ""
    experience: str = ""
    commute: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def _salary(form: MatchForm) -> int | None:
    raw = form.salary.replace(" ", "").replace("\u00a0", "")
    if not raw:
        return None
    if not raw.isdigit() or int(raw) > MAX_SALARY:
        form.errors["salary"] = _("Enter the salary in tenge, as a whole number.")
        return None
    return int(raw)


def _experience(form: MatchForm) -> float | None:
    raw = form.experience.replace(",", ".")
    if not raw:
        return None
    try:
        years = float(raw)
    except ValueError:
        years = -1.0
    if not 0 <= years <= MAX_YEARS:
        form.errors["experience"] = _("Enter the years of experience as a number from 0 to 60.")
        return None
    return years


def _commute(form: MatchForm) -> int | None:
    raw = form.commute.strip()
    if not raw:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_COMMUTE_KM:
        form.errors["commute"] = _(
            "Enter how far you will travel in whole kilometres, from 1 to %(num)d.",
            num=MAX_COMMUTE_KM,
        )
        return None
    return int(raw)


def _birth_date(form: MatchForm, today: date) -> date | None:
    if not form.birth_date:
        return None
    try:
        born = date.fromisoformat(form.birth_date)
    except ValueError:
        form.errors["birth_date"] = _("Enter the date as YYYY-MM-DD.")
        return None
    if not date(1900, 1, 1) <= born <= today:
        form.errors["birth_date"] = _("Enter a real date of birth.")
        return None
    return born


def read_form(data: MultiDict[str, str], today: date) -> tuple[MatchForm, SeekerProfile | None]:
    form = MatchForm(
        text=data.get("cv", "").strip(),
        locality=data.get("locality", "").strip(),
        salary=data.get("salary", "").strip(),
        schedules=[s for s in data.getlist("schedule") if s in SCHEDULES],
        birth_date=data.get("birth_date", "").strip(),
        education=data.get("education", "").strip(),
        experience=data.get("experience", "").strip(),
        commute=data.get("commute", "").strip(),
    )
    if len(form.text) < MIN_TEXT:
        form.errors["cv"] = _("Paste your CV or describe what you can do.")
    elif len(form.text) > MAX_TEXT:
        form.errors["cv"] = _("The text is too long: at most %(num)d characters.", num=MAX_TEXT)
    if form.education and form.education not in EDUCATION_LEVELS:
        form.errors["education"] = _("Choose a level from the list.")
    salary = _salary(form)
    born = _birth_date(form, today)
    years = _experience(form)
    commute = _commute(form)
    try:
        profile = anonymous_profile(
            db_session(),
            text=form.text,
            locality_kato=form.locality or None,
            desired_salary=salary,
            schedules=form.schedules,
            birth_date=born,
            education_level=form.education or None,
            experience_years=years,
            max_commute_km=commute,
        )
    except FieldError:
        form.errors["locality"] = _("Choose a place from the list.")
        return form, None
    return form, None if form.errors else profile


def _render(
    form: MatchForm, results: list[Recommendation] | None = None, status: int = 200, **extra: object
) -> ResponseReturnValue:
    session = db_session()
    regions, localities = places(session)
    rows = load_rows(session, [r.vacancy.id for r in results or []])
    lang = current_language()
    return render_template(
        "public/match.html",
        form=form,
        regions=regions,
        localities=localities,
        results=[(r, rows[r.vacancy.id]) for r in results or [] if r.vacancy.id in rows],
        searched=results is not None,
        lang=lang,
        note_lang="kk" if lang == "kk" else "ru",
        **extra,
    ), status


@bp.get("/match")
def match() -> ResponseReturnValue:
    return _render(MatchForm())


def _too_many() -> bool:
    """Anonymous matching is rate limited per address (ranking is the costliest public page).

    With the counter's Redis unreachable the limit is not enforced: matching must keep working.
    """
    if current_user() is not None:
        return False
    try:
        hit = throttle.count(f"page:match:{request.remote_addr or 'unknown'}", WINDOW_S)
    except RedisError as exc:
        log.warning("match rate limit not checked, Redis unreachable: %s", exc)
        return False
    return hit.value > ANONYMOUS_PER_WINDOW


@bp.post("/match")
def match_post() -> ResponseReturnValue:
    if _too_many():
        abort(429)
    today = date.today()
    form, profile = read_form(request.form, today)
    if profile is None:
        return _render(form, status=422)
    try:
        results = recommend(db_session(), indexing(), profile, today=today, limit=RESULTS)
    except SearchUnavailable:
        return _render(form, status=503, unavailable=True)
    return _render(form, results)
