"""The job seeker's own pages: registering, jobs for me with notifications, applications and
referrals, and their personal data (download, delete). Profile and saved searches live in
``seeker_profile``; the views only read forms and call the services."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.extensions import db_session, indexing
from app.models import Application, Locality, Notification, Referral, Region, Role
from app.search.find import SearchUnavailable, load_rows
from app.services import applications as apps
from app.services.audit import record
from app.services.errors import FieldError, ValidationFailed
from app.services.people import person_facts, seeker_profile
from app.services.recommendations import recommend
from app.services.seeker_accounts import Registration, delete_account, export_data, register_seeker
from app.web import seeker_profile as profile_pages
from app.web.access import current_user, roles_required, sign_in, sign_out
from app.web.i18n import current_language
from app.web.locale_format import sorted_by_name
from app.web.measures_seeker import seeker_measures
from app.web.seeker_forms import errors_of, me, own_seeker

bp = Blueprint("seeker", __name__)
RECOMMENDATIONS = 10


def places(session: Session) -> list[Region]:
    regions = list(session.scalars(select(Region).options(selectinload(Region.localities))))
    lang = current_language()
    return sorted_by_name(regions, lambda r: r.name(lang))


@bp.route("/register", methods=["GET", "POST"])
def register() -> ResponseReturnValue:
    if current_user() is not None:
        return redirect(url_for("seeker.home"))
    session = db_session()
    values = request.form.to_dict() if request.method == "POST" else {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        locality = session.scalar(select(Locality).where(Locality.kato == values.get("locality")))
        try:
            born = date.fromisoformat(values.get("birth_date", "").strip())
        except ValueError:
            born = None
        form = Registration(
            email=values.get("email", "")[:255],
            password=values.get("password", "")[:1000],
            first_name=values.get("first_name", ""),
            last_name=values.get("last_name", ""),
            birth_date=born,
            sex=values.get("sex", ""),
            locality_id=locality.id if locality else None,
            phone=values.get("phone", "")[:32],
            consent=values.get("consent") == "yes",
            locale=current_language(),
        )
        try:
            user = register_seeker(session, form)
        except ValidationFailed as exc:
            session.rollback()
            errors = errors_of(exc)
            if "locality_id" in errors:
                errors["locality"] = errors.pop("locality_id")
            if values.get("birth_date") and born is None:
                errors["birth_date"] = _("Enter a date.")
        else:
            record(
                session,
                user=user,
                action="account:registered",
                entity_type="user",
                entity_id=user.id,
                ip=request.remote_addr,
            )
            session.commit()
            sign_in(user)
            flash(_("Welcome! Your account is ready. Tell us about the work you want."), "success")
            return redirect(url_for("seeker.profile"))
    values.pop("password", None)
    return render_template(
        "seeker/register.html",
        values=values,
        errors=errors,
        regions=places(session),
        lang=current_language(),
    ), (422 if errors else 200)


@bp.get("/me")
@roles_required(Role.SEEKER)
def home() -> ResponseReturnValue:
    session = db_session()
    user = me()
    seeker = own_seeker(session, user)
    notes = list(
        session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.read_at.is_not(None), Notification.created_at.desc())
            .limit(30)
        )
    )
    results, unavailable = [], False
    if seeker is not None:
        today = date.today()
        profile = seeker_profile(seeker, today, person_facts(seeker))
        try:
            results = recommend(session, indexing(), profile, today=today, limit=RECOMMENDATIONS)
        except SearchUnavailable:
            unavailable = True
    rows = load_rows(session, [r.vacancy.id for r in results])
    measures, requests = seeker_measures(session, seeker, date.today())
    lang = current_language()
    return render_template(
        "seeker/home.html",
        seeker=seeker,
        notes=notes,
        unread=sum(1 for n in notes if n.read_at is None),
        results=[(r, rows[r.vacancy.id]) for r in results if r.vacancy.id in rows],
        unavailable=unavailable,
        measures=measures,
        measure_requests=requests,
        lang=lang,
        note_lang="kk" if lang == "kk" else "ru",
    ), (503 if unavailable else 200)


@bp.post("/me/notifications/read")
@roles_required(Role.SEEKER)
def mark_read() -> ResponseReturnValue:
    session = db_session()
    user = me()
    stmt = select(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    wanted = request.form.get("id", "")
    if wanted:
        if not wanted.isdigit():
            abort(400)
        stmt = stmt.where(Notification.id == int(wanted))
    now = datetime.now(UTC)
    for note in session.scalars(stmt):
        note.read_at = now
    session.commit()
    return redirect(url_for("seeker.home") + "#notifications")


@bp.get("/me/applications")
@roles_required(Role.SEEKER)
def applications() -> ResponseReturnValue:
    session = db_session()
    user = me()
    seeker = own_seeker(session, user)
    mine: list[Application] = []
    referrals: list[Referral] = []
    if seeker is not None:
        mine = list(
            session.scalars(
                select(Application)
                .where(Application.seeker_id == seeker.id)
                .options(selectinload(Application.vacancy))
                .order_by(Application.created_at.desc(), Application.id.desc())
            )
        )
        referrals = list(
            session.scalars(
                select(Referral)
                .where(Referral.seeker_id == seeker.id)
                .options(selectinload(Referral.vacancy))
                .order_by(Referral.issued_on.desc(), Referral.id.desc())
            )
        )
    return render_template(
        "seeker/applications.html",
        applications=mine,
        referrals=referrals,
        ended=apps.ENDED,
        today=date.today(),
        lang=current_language(),
    )


@bp.post("/me/applications/<int:application_id>/withdraw")
@roles_required(Role.SEEKER)
def withdraw(application_id: int) -> ResponseReturnValue:
    session = db_session()
    try:
        apps.withdraw(session, me(), application_id)
    except apps.NoApplication:
        abort(404)
    except FieldError:
        session.rollback()
        flash(_("This application can no longer be withdrawn."), "error")
    else:
        flash(_("Application withdrawn."), "success")
    return redirect(url_for("seeker.applications"))


@bp.get("/me/data")
@roles_required(Role.SEEKER)
def data() -> ResponseReturnValue:
    return render_template("seeker/data.html", errors={})


@bp.get("/me/data/export.json")
@roles_required(Role.SEEKER)
def export() -> ResponseReturnValue:
    session = db_session()
    user = me()
    payload = export_data(session, user)
    record(
        session,
        user=user,
        action="personal_data:exported",
        entity_type="user",
        entity_id=user.id,
        ip=request.remote_addr,
    )
    session.commit()
    body = json.dumps(payload, ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="zhumys-my-data.json"'},
    )


@bp.post("/me/data/delete")
@roles_required(Role.SEEKER)
def delete() -> ResponseReturnValue:
    session = db_session()
    try:
        delete_account(session, me(), request.form.get("password", "")[:1000], request.remote_addr)
    except FieldError:
        session.rollback()
        errors = {"password": _("The password is wrong.")}
        return render_template("seeker/data.html", errors=errors), 422
    sign_out()
    flash(_("Your account and your data have been deleted."), "success")
    return redirect(url_for("home.index"))


bp.add_url_rule("/me/profile", view_func=profile_pages.profile, methods=["GET", "POST"])
bp.add_url_rule("/me/profile/education", view_func=profile_pages.add_education, methods=["POST"])
bp.add_url_rule("/me/profile/work", view_func=profile_pages.add_work, methods=["POST"])
bp.add_url_rule("/me/profile/cv-file", view_func=profile_pages.upload_cv, methods=["POST"])
bp.add_url_rule(
    "/me/profile/<kind>/<int:entry_id>/remove",
    view_func=profile_pages.remove_entry,
    methods=["POST"],
)
bp.add_url_rule("/me/searches", view_func=profile_pages.searches, methods=["GET", "POST"])
bp.add_url_rule(
    "/me/searches/<int:search_id>/alert", view_func=profile_pages.toggle_alert, methods=["POST"]
)
bp.add_url_rule(
    "/me/searches/<int:search_id>/delete", view_func=profile_pages.delete_search, methods=["POST"]
)
