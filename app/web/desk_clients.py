"""The staff desk's clients: find a client, register a new one at the centre, edit the facts.

The record page, status changes and families live in ``desk_client_record`` (same blueprint).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.extensions import db_session
from app.models import Role, Seeker
from app.services.clients import (
    CARE_RECIPIENTS,
    FLAGS,
    DuplicateIIN,
    find_by_iin,
    find_by_name,
    lookup_iin,
    parse_client,
    refused_once,
    register_client,
    update_client,
    visible,
)
from app.services.errors import FieldError, ValidationFailed
from app.services.people import education_level
from app.services.registration import RuleRefused
from app.services.work_queues import due_unemployed
from app.web import (
    desk_client_profile,  # noqa: F401  (its routes join the blueprint)
    desk_client_record,  # noqa: F401  (its routes join the blueprint)
)
from app.web import desk_clients_base as base
from app.web.access import roles_required
from app.web.desk_clients_base import bp, errors_of
from app.web.i18n import current_language
from app.web.search import places

__all__ = ["bp"]
EDUCATION = ("none", "secondary", "tipo", "post_secondary", "higher", "postgraduate")


@bp.route("/desk", methods=["GET", "POST"])
@roles_required(Role.STAFF, Role.ADMIN)
def find() -> ResponseReturnValue:
    """Find by IIN (POST: an IIN never goes into URLs or access logs) or by name (GET)."""
    user = base.viewer()
    session = db_session()
    args = request.form if request.method == "POST" else request.args
    values = {k: args.get(k, "").strip() for k in ("iin", "last_name", "first_name", "birth_date")}
    errors: dict[str, str] = {}
    results: list[Seeker] = []
    searched = elsewhere = False
    iin_info = None
    if request.method == "POST":
        searched = True
        try:
            iin, iin_info = lookup_iin(values["iin"])
            values["iin"] = iin
            found = find_by_iin(session, iin)
            if found is not None and visible(user, found):
                results = [found]
            elif found is not None:
                elsewhere = True
        except FieldError as exc:
            errors = errors_of(exc)
    elif values["last_name"]:
        searched = True
        born = None
        if values["birth_date"]:
            try:
                born = date.fromisoformat(values["birth_date"])
            except ValueError:
                errors["birth_date"] = _("Enter a date as YYYY-MM-DD.")
        if not errors:
            results = find_by_name(session, user, values["last_name"], values["first_name"], born)
    elif args.get("search") is not None:
        errors["last_name"] = _("Enter a surname.")
    due: list[Any] = []
    once: list[Seeker] = []
    if user.centre_id is not None:
        due = due_unemployed(session, user.centre_id, base.today())
        once = refused_once(session, user.centre_id)
    page = render_template(
        "desk/clients/find.html",
        values=values,
        errors=errors,
        results=results,
        searched=searched,
        elsewhere=elsewhere,
        iin_info=iin_info,
        due=due,
        once=once,
        can_register=user.role == Role.STAFF,
    )
    return page, 422 if errors else 200


def _form_page(
    values: dict[str, str],
    errors: dict[str, str],
    *,
    seeker: Seeker | None = None,
    refusal: Any = None,
    duplicate: Seeker | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    regions, by_region = places(db_session())
    iin_info = None
    if seeker is None and values.get("iin"):
        try:
            iin_info = lookup_iin(values["iin"])[1]
        except FieldError:
            iin_info = None
    page = render_template(
        "desk/clients/form.html",
        values=values,
        errors=errors,
        seeker=seeker,
        refusal=refusal,
        duplicate=duplicate,
        regions=regions,
        by_region=by_region,
        lang=current_language(),
        flags=FLAGS,
        care_kinds=CARE_RECIPIENTS,
        education_levels=EDUCATION,
        iin_info=iin_info,
    )
    return page, status


@bp.get("/desk/clients/new")
@roles_required(Role.STAFF)
def new() -> ResponseReturnValue:
    base.staff()
    return _form_page({}, {})


@bp.post("/desk/clients/new")
@roles_required(Role.STAFF)
def create() -> ResponseReturnValue:
    user = base.staff()
    session = db_session()
    values = {k: v.strip() for k, v in request.form.items() if k != "csrf_token"}
    if request.form.get("prefill"):  # from the search: the IIN filled in, nothing checked yet
        return _form_page({"iin": values.get("iin", "")}, {})
    try:
        data = parse_client(session, request.form, base.today(), new=True)
        seeker, decision = register_client(session, user, data, base.today())
    except DuplicateIIN as exc:
        session.rollback()
        same = exc.existing if visible(user, exc.existing) else None
        return _form_page(values, errors_of(exc), duplicate=same, status=422)
    except ValidationFailed as exc:
        session.rollback()
        return _form_page(values, errors_of(exc), status=422)
    except RuleRefused as exc:
        session.rollback()
        return _form_page(values, {}, refusal=exc.decision, status=422)
    session.commit()
    flash(_("The client is registered as a job seeker."), "success")
    for reason in decision.reasons:
        flash(base.said(reason), "success")
    return redirect(url_for("desk_clients.record", seeker_id=seeker.id), 303)


def _values_of(seeker: Seeker) -> dict[str, str]:
    values = {
        "last_name": seeker.last_name,
        "first_name": seeker.first_name,
        "patronymic": seeker.patronymic or "",
        "locality_id": str(seeker.locality_id or ""),
        "address": seeker.address or "",
        "phone": seeker.phone or "",
        "disability_group": str(seeker.disability_group or ""),
        "care_recipient": seeker.care_recipient or "",
        "care_recipient_birth_date": (
            seeker.care_recipient_birth_date.isoformat() if seeker.care_recipient_birth_date else ""
        ),
    }
    values["education"] = education_level(seeker) or ""
    for name in FLAGS:
        values[name] = "yes" if getattr(seeker, name) else ""
    return values


@bp.get("/desk/clients/<int:seeker_id>/edit")
@roles_required(Role.STAFF)
def edit(seeker_id: int) -> ResponseReturnValue:
    seeker = base.own_client(base.staff(), seeker_id)
    return _form_page(_values_of(seeker), {}, seeker=seeker)


@bp.post("/desk/clients/<int:seeker_id>/edit")
@roles_required(Role.STAFF)
def update(seeker_id: int) -> ResponseReturnValue:
    user = base.staff()
    seeker = base.own_client(user, seeker_id)
    session = db_session()
    values = {k: v.strip() for k, v in request.form.items() if k != "csrf_token"}
    try:
        data = parse_client(session, request.form, base.today(), new=False)
    except ValidationFailed as exc:
        return _form_page(values, errors_of(exc), seeker=seeker, status=422)
    update_client(session, user, seeker, data)
    session.commit()
    flash(_("The client's record is saved."), "success")
    return redirect(url_for("desk_clients.record", seeker_id=seeker.id), 303)
