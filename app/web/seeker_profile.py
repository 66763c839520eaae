"""The seeker's profile and CV editor, and their saved searches (registered on the ``seeker``
blueprint in ``app.web.seeker``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extensions import db_session
from app.models import Occupation, Role, Seeker
from app.search.vacancy_params import CHOICES
from app.services import saved_searches as searches_service
from app.services.errors import FieldError, ValidationFailed
from app.services.seeker_cv import (
    ProfileForm,
    find_occupations,
    save_profile,
)
from app.services.seeker_cv import (
    add_education as add_education_entry,
)
from app.services.seeker_cv import (
    add_work as add_work_entry,
)
from app.services.seeker_cv import (
    remove_entry as remove_profile_entry,
)
from app.web.access import roles_required
from app.web.i18n import current_language
from app.web.seeker_forms import errors_of, me, own_seeker

LANGUAGE_NAMES = {
    "kk": "Қазақ тілі",
    "ru": "Русский язык",
    "en": "English",
    "tr": "Türkçe",
    "zh": "中文",
    "de": "Deutsch",
    "uz": "Oʻzbek tili",
    "ky": "Кыргыз тили",
}


def _seeker(session: Session) -> Seeker:
    seeker = own_seeker(session, me())
    if seeker is None:
        abort(404)
    return seeker


def _profile_values(seeker: Seeker) -> dict[str, Any]:
    cv = seeker.cv
    return {
        "desired_occupations": list(seeker.desired_occupations),
        "skills": "\n".join(seeker.skills),
        "desired_salary": "" if seeker.desired_salary is None else str(seeker.desired_salary),
        "desired_schedules": list(seeker.desired_schedules),
        "max_commute_km": "" if seeker.max_commute_km is None else str(seeker.max_commute_km),
        "languages": list(seeker.languages),
        "cv_title": cv.title if cv else "",
        "cv_summary": cv.summary if cv else "",
        "visibility": cv.visibility.value if cv else "centres",
        "consent_publish": bool(cv and cv.consent_publish_at),
    }


def _render_profile(
    session: Session,
    seeker: Seeker,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
    section_errors: dict[str, str] | None = None,
    entry_values: dict[str, str] | None = None,
) -> ResponseReturnValue:
    occ_q = request.args.get("occ_q", "").strip()[:80]
    found = find_occupations(session, occ_q) if occ_q else []
    chosen = list(
        session.scalars(
            select(Occupation).where(Occupation.code.in_(values["desired_occupations"]))
        )
    )
    offered = [o for o in found if o.code not in values["desired_occupations"]]
    return render_template(
        "seeker/profile.html",
        seeker=seeker,
        values=values,
        errors=errors,
        section_errors=section_errors or {},
        entry=entry_values or {},
        chosen=chosen,
        offered=offered,
        occ_q=occ_q,
        languages=LANGUAGE_NAMES,
        lang=current_language(),
    ), status


@roles_required(Role.SEEKER)
def profile() -> ResponseReturnValue:
    session = db_session()
    seeker = _seeker(session)
    if request.method == "GET":
        return _render_profile(session, seeker, _profile_values(seeker), {})
    data = request.form
    values: dict[str, Any] = {
        "desired_occupations": data.getlist("desired_occupations"),
        "skills": data.get("skills", "")[:5000],
        "desired_salary": data.get("desired_salary", "")[:20],
        "desired_schedules": data.getlist("desired_schedules"),
        "max_commute_km": data.get("max_commute_km", "")[:10],
        "languages": data.getlist("languages"),
        "cv_title": data.get("cv_title", "")[:300],
        "cv_summary": data.get("cv_summary", "")[:6000],
        "visibility": data.get("visibility", "centres"),
        "consent_publish": data.get("consent_publish") == "yes",
    }
    try:
        save_profile(session, seeker, ProfileForm(**values))
    except ValidationFailed as exc:
        session.rollback()
        seeker = _seeker(session)
        return _render_profile(session, seeker, values, errors_of(exc), 422)
    session.commit()
    flash(_("Your profile is saved."), "success")
    return redirect(url_for("seeker.profile"))


def _add_entry(
    prefix: str,
    add: Callable[..., object],
    form: dict[str, str],
    done: str,
    anchor: str,
) -> ResponseReturnValue:
    """Add an education or work entry; on a bad field, the profile again with the errors."""
    session = db_session()
    seeker = _seeker(session)
    try:
        add(session, seeker, **form)
    except ValidationFailed as exc:
        session.rollback()
        seeker = _seeker(session)
        errors = {f"{prefix}_{k}": v for k, v in errors_of(exc).items()}
        values = {f"{prefix}_{k}": v for k, v in form.items()}
        return _render_profile(session, seeker, _profile_values(seeker), {}, 422, errors, values)
    session.commit()
    flash(done, "success")
    return redirect(url_for("seeker.profile") + anchor)


@roles_required(Role.SEEKER)
def add_education() -> ResponseReturnValue:
    form = {k: request.form.get(k, "")[:255] for k in ("level", "institution", "specialty_name")}
    form["graduated_on"] = request.form.get("graduated_on", "")[:10]
    return _add_entry("edu", add_education_entry, form, _("Education added."), "#education")


@roles_required(Role.SEEKER)
def add_work() -> ResponseReturnValue:
    names = ("employer_name", "position", "started_on", "ended_on")
    form = {k: request.form.get(k, "")[:255] for k in names}
    form["description"] = request.form.get("description", "")[:5000]
    return _add_entry("work", add_work_entry, form, _("Work experience added."), "#work")


@roles_required(Role.SEEKER)
def remove_entry(kind: str, entry_id: int) -> ResponseReturnValue:
    if kind not in ("education", "work"):
        abort(404)
    session = db_session()
    if not remove_profile_entry(session, _seeker(session), kind, entry_id):
        abort(404)
    session.commit()
    flash(_("Removed."), "success")
    return redirect(url_for("seeker.profile") + f"#{kind}")


@roles_required(Role.SEEKER)
def searches() -> ResponseReturnValue:
    session = db_session()
    user = me()
    errors: dict[str, str] = {}
    if request.method == "POST":
        params: dict[str, Any] = {}
        for key in request.form:
            if key in ("csrf_token", "name", "alert", "page"):
                continue
            values = [v for v in request.form.getlist(key) if v.strip()]
            if values:
                params[key] = values if key in CHOICES else values[0]
        name = request.form.get("name", "").strip() or str(params.get("q", "")) or _("My search")
        try:
            searches_service.create_saved_search(
                session,
                user,
                name=name[:120],
                params=params,
                alert=request.form.get("alert") != "off",
            )
        except FieldError as exc:
            session.rollback()
            errors["new"] = _(
                "This search cannot be saved: %(field)s is not valid.", field=exc.field
            )
        else:
            session.commit()
            flash(_("Search saved. We will tell you about new vacancies here."), "success")
            return redirect(url_for("seeker.searches"))
    rows = searches_service.list_saved_searches(session, user)
    return render_template(
        "seeker/searches.html",
        rows=[(s, searches_service.search_url(s.params)) for s in rows],
        errors=errors,
        lang=current_language(),
    ), (422 if errors else 200)


def _owned(session: Session, search_id: int) -> None:
    try:
        searches_service.get_saved_search(session, me(), search_id)
    except searches_service.NoSavedSearch:
        abort(404)


@roles_required(Role.SEEKER)
def toggle_alert(search_id: int) -> ResponseReturnValue:
    session = db_session()
    _owned(session, search_id)
    on = request.form.get("alert") == "on"
    searches_service.update_saved_search(session, me(), search_id, alert=on)
    session.commit()
    flash(_("Alerts are on.") if on else _("Alerts are off."), "success")
    return redirect(url_for("seeker.searches"))


@roles_required(Role.SEEKER)
def delete_search(search_id: int) -> ResponseReturnValue:
    session = db_session()
    _owned(session, search_id)
    searches_service.delete_saved_search(session, me(), search_id)
    session.commit()
    flash(_("Saved search deleted."), "success")
    return redirect(url_for("seeker.searches"))
