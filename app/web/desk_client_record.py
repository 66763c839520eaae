"""A client's record at the desk: identity (IIN shown in full only with a reason), status and its
transitions under the rules, programme eligibility, referrals, applications and the family.

Every view of a record writes the audit log.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db_session
from app.models import (
    Application,
    Family,
    Occupation,
    Referral,
    ReferralOutcome,
    Role,
    Seeker,
    SeekerStatus,
    User,
)
from app.services.client_status import (
    DEREGISTRATION_REASONS,
    REGISTERED,
    able_bodied,
    add_member,
    create_family,
    deregister,
    eligibility,
    make_unemployed,
    register_again,
    registration_decision,
    unemployed_decision,
    wait_until,
)
from app.services.clients import find_by_iin, lookup_iin, record_view, visible
from app.services.errors import FieldError
from app.services.people import refused_suitable_offers
from app.services.registration import RuleRefused
from app.web import desk_clients_base as base
from app.web.access import roles_required
from app.web.desk_clients_base import bp, errors_of
from matching.rules import REFUSED_SUITABLE_OFFERS

REASON_MAX = 500
TWO_OFFERS = 2


def _record_page(
    user: User,
    seeker: Seeker,
    *,
    reason: str | None = None,
    errors: dict[str, str] | None = None,
    refusal: Any = None,
    refused_action: str | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    """The record, after logging the view (with the reason when the full IIN is shown)."""
    session = db_session()
    record_view(session, user, seeker, reason)
    today = base.today()
    refused = refused_suitable_offers(session, seeker.id)
    referrals = list(
        session.execute(
            select(Referral)
            .where(Referral.seeker_id == seeker.id)
            .order_by(Referral.issued_on.desc(), Referral.id.desc())
        ).scalars()
    )
    applications = list(
        session.execute(
            select(Application)
            .where(Application.seeker_id == seeker.id)
            .order_by(Application.id.desc())
        ).scalars()
    )
    reasons = [
        code
        for code in DEREGISTRATION_REASONS
        if code != REFUSED_SUITABLE_OFFERS or refused >= TWO_OFFERS
    ]
    registered = seeker.status in REGISTERED
    occupations = list(
        session.scalars(select(Occupation).where(Occupation.code.in_(seeker.desired_occupations)))
    )
    page = render_template(
        "desk/clients/record.html",
        seeker=seeker,
        occupations=occupations,
        show_iin=reason is not None,
        errors=errors or {},
        refusal=refusal,
        refused_action=refused_action,
        refused=refused,
        referrals=referrals,
        applications=applications,
        eligibility=eligibility(session, seeker, today),
        unemployed=(
            unemployed_decision(session, seeker, today)
            if seeker.status == SeekerStatus.JOB_SEEKER
            else None
        ),
        registration=None if registered else registration_decision(session, seeker, today),
        wait_until=wait_until(seeker),
        deregistration_reasons=reasons,
        registered=registered,
        own=user.role == Role.STAFF and seeker.centre_id in (user.centre_id, None),
        same_centre=user.role == Role.STAFF and seeker.centre_id == user.centre_id,
        members=_members(seeker),
        today=today,
        able_bodied=able_bodied,
        outcome_pending=ReferralOutcome.PENDING,
    )
    session.commit()
    return page, status


def _members(seeker: Seeker) -> list[Seeker]:
    if seeker.family is None:
        return []
    return sorted(seeker.family.members, key=lambda m: (m.id != seeker.id, m.id))


@bp.get("/desk/clients/<int:seeker_id>")
@roles_required(Role.STAFF, Role.ADMIN)
def record(seeker_id: int) -> ResponseReturnValue:
    user = base.viewer()
    return _record_page(user, base.the_client(user, seeker_id))


@bp.post("/desk/clients/<int:seeker_id>/iin")
@roles_required(Role.STAFF, Role.ADMIN)
def show_iin(seeker_id: int) -> ResponseReturnValue:
    user = base.viewer()
    seeker = base.the_client(user, seeker_id)
    reason = request.form.get("reason", "").strip()
    if not reason or len(reason) > REASON_MAX:
        errors = {"reason": _("Give the reason for showing the IIN (up to 500 characters).")}
        return _record_page(user, seeker, errors=errors, status=422)
    return _record_page(user, seeker, reason=reason)


def _refused(user: User, seeker: Seeker, action: str, exc: RuleRefused) -> ResponseReturnValue:
    db_session().rollback()
    return _record_page(user, seeker, refusal=exc.decision, refused_action=action, status=422)


def _done(seeker: Seeker, message: str) -> ResponseReturnValue:
    db_session().commit()
    flash(message, "success")
    return redirect(url_for("desk_clients.record", seeker_id=seeker.id), 303)


@bp.post("/desk/clients/<int:seeker_id>/unemployed")
@roles_required(Role.STAFF)
def unemployed(seeker_id: int) -> ResponseReturnValue:
    user = base.staff()
    seeker = base.own_client(user, seeker_id)
    try:
        make_unemployed(db_session(), seeker, base.today(), user)
    except RuleRefused as exc:
        return _refused(user, seeker, "unemployed", exc)
    except FieldError as exc:
        return _record_page(user, seeker, errors=errors_of(exc), status=422)
    return _done(seeker, _("The client is now registered as unemployed."))


@bp.post("/desk/clients/<int:seeker_id>/deregister")
@roles_required(Role.STAFF)
def deregistration(seeker_id: int) -> ResponseReturnValue:
    user = base.staff()
    seeker = base.own_client(user, seeker_id)
    code = request.form.get("reason", "").strip()
    note = request.form.get("note", "").strip()[:REASON_MAX] or None
    try:
        deregister(db_session(), seeker, code, base.today(), user, note)
    except RuleRefused as exc:
        return _refused(user, seeker, "deregister", exc)
    except FieldError as exc:
        errors = {"deregister_reason": _("Choose a reason the rules allow.")}
        if exc.field == "status":
            errors = {"deregister_reason": _("The client is not registered.")}
        return _record_page(user, seeker, errors=errors, status=422)
    return _done(seeker, _("The client has been deregistered."))


@bp.post("/desk/clients/<int:seeker_id>/register")
@roles_required(Role.STAFF)
def reregister(seeker_id: int) -> ResponseReturnValue:
    user = base.staff()
    seeker = base.the_client(user, seeker_id)
    try:
        register_again(db_session(), seeker, base.today(), user)
    except RuleRefused as exc:
        return _refused(user, seeker, "register", exc)
    return _done(seeker, _("The client is registered as a job seeker."))


@bp.post("/desk/clients/<int:seeker_id>/family")
@roles_required(Role.STAFF)
def new_family(seeker_id: int) -> ResponseReturnValue:
    user = base.staff()
    seeker = base.own_client(user, seeker_id)
    try:
        family = create_family(db_session(), user, seeker)
    except FieldError:
        db_session().rollback()
        abort(409)
    db_session().commit()
    return redirect(url_for("desk_clients.family", family_id=family.id), 303)


def _family(user: User, family_id: int) -> Family:
    family = db_session().get(Family, family_id)
    if family is None or (user.role != Role.ADMIN and family.centre_id != user.centre_id):
        abort(404)
    return family


def _family_page(
    user: User,
    family: Family,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    today = base.today()
    members = sorted(family.members, key=lambda m: m.id)
    able = {m.id: able_bodied(m, today) for m in members}
    page = render_template(
        "desk/clients/family.html",
        family=family,
        members=members,
        able=able,
        matchable=[m for m in members if able[m.id] and m.status in REGISTERED],
        values=values or {},
        errors=errors or {},
        roles=("spouse", "child", "parent", "other", "head"),
        can_change=user.role == Role.STAFF,
    )
    return page, status


@bp.get("/desk/families/<int:family_id>")
@roles_required(Role.STAFF, Role.ADMIN)
def family(family_id: int) -> ResponseReturnValue:
    user = base.viewer()
    return _family_page(user, _family(user, family_id))


@bp.post("/desk/families/<int:family_id>/members")
@roles_required(Role.STAFF)
def add_family_member(family_id: int) -> ResponseReturnValue:
    user = base.staff()
    family = _family(user, family_id)
    session = db_session()
    values = {"iin": request.form.get("iin", "").strip(), "role": request.form.get("role", "")}
    try:
        iin, _info = lookup_iin(values["iin"])
        seeker = find_by_iin(session, iin)
        if seeker is None or not visible(user, seeker):
            raise FieldError("iin", "the person is not a client of your centre")
        add_member(session, user, family, seeker, values["role"])
    except FieldError as exc:
        session.rollback()
        return _family_page(user, family, values, errors_of(exc), status=422)
    session.commit()
    return redirect(url_for("desk_clients.family", family_id=family.id), 303)
