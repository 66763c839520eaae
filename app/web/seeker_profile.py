"""The seeker's profile and CV editor (``app.web.profile_editor``), and their saved searches
(registered on the ``seeker`` blueprint in ``app.web.seeker``)."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from app.extensions import db_session
from app.models import Role, Seeker
from app.search.vacancy_params import CHOICES
from app.services import saved_searches as searches_service
from app.services.errors import FieldError
from app.web import profile_editor as editor
from app.web.access import roles_required
from app.web.i18n import current_language
from app.web.profile_editor import Editor
from app.web.seeker_forms import me, own_seeker


def _seeker(session: Session) -> Seeker:
    seeker = own_seeker(session, me())
    if seeker is None:
        abort(404)
    return seeker


def _editor() -> Editor:
    return Editor("seeker", _seeker)


@roles_required(Role.SEEKER)
def profile() -> ResponseReturnValue:
    return editor.profile(_editor(), db_session())


@roles_required(Role.SEEKER)
def add_education() -> ResponseReturnValue:
    return editor.add_education(_editor(), db_session())


@roles_required(Role.SEEKER)
def add_work() -> ResponseReturnValue:
    return editor.add_work(_editor(), db_session())


@roles_required(Role.SEEKER)
def upload_cv() -> ResponseReturnValue:
    return editor.upload_cv(_editor(), db_session())


@roles_required(Role.SEEKER)
def remove_entry(kind: str, entry_id: int) -> ResponseReturnValue:
    return editor.remove_entry(_editor(), db_session(), kind, entry_id)


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
