"""The staff desk's work with a client: matching, referrals and their outcomes, the public-works
queue and what is overdue. Only the staff member's own centre is visible (others: 404)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db_session, indexing
from app.models import Centre, Referral, ReferralOutcome, Region, Role, Seeker, User
from app.search.find import SearchUnavailable
from app.services.desk_matching import match_for, parse_filters
from app.services.errors import FieldError
from app.services.family_plan import overdue_plan_items
from app.services.referrals import (
    AlreadyReferred,
    NotEligible,
    centre_seeker,
    issue_referral,
    outcome_summary,
    record_outcome,
)
from app.services.work_queues import (
    due_unemployed,
    open_public_works,
    overdue_referrals,
    public_works_queue,
)
from app.web.access import current_user, roles_required
from app.web.i18n import current_language
from app.web.locale_format import sorted_by_name
from matching.rules.texts import PROGRAMME_NAMES

bp = Blueprint("desk_work", __name__)

OUTCOMES = (
    ReferralOutcome.HIRED,
    ReferralOutcome.REFUSED_BY_SEEKER,
    ReferralOutcome.REJECTED_BY_EMPLOYER,
    ReferralOutcome.NO_SHOW,
)
COUNTED = {"": None, "yes": True, "no": False}
NOTE_MAX = 2000
REASON_MAX = 500


def today() -> date:
    """The service day (tests replace it to freeze time)."""
    return date.today()


def said(item: Any) -> str:
    """A rule's reason (object or stored dict) in the page's language (Russian for English:
    the rules speak Kazakh and Russian)."""
    lang = "kk" if current_language() == "kk" else "ru"
    if isinstance(item, dict):
        return str(item.get(lang) or item.get("ru") or item.get("code", ""))
    return str(getattr(item, lang))


def programme(kind: Any) -> str:
    names = PROGRAMME_NAMES.get(getattr(kind, "value", kind))
    if names is None:
        return str(kind)
    return names.kk if current_language() == "kk" else names.ru


def outcome_label(outcome: ReferralOutcome) -> str:
    labels = {
        ReferralOutcome.PENDING: _("Pending"),
        ReferralOutcome.HIRED: _("Hired"),
        ReferralOutcome.REFUSED_BY_SEEKER: _("Refused by the client"),
        ReferralOutcome.REJECTED_BY_EMPLOYER: _("Rejected by the employer"),
        ReferralOutcome.NO_SHOW: _("Did not show up"),
        ReferralOutcome.EXPIRED: _("Expired"),
    }
    return labels[outcome]


@bp.context_processor
def helpers() -> dict[str, Any]:
    return {"said": said, "programme": programme, "outcome_label": outcome_label}


def _staff() -> User:
    user = current_user()
    assert user is not None
    if user.centre_id is None:
        abort(404)
    return user


def _client(user: User, seeker_id: int) -> Seeker:
    try:
        return centre_seeker(db_session(), user, seeker_id)
    except FieldError:
        abort(404)


def _referral(user: User, referral_id: int) -> Referral:
    referral = (
        db_session()
        .execute(
            select(Referral)
            .where(Referral.id == referral_id, Referral.centre_id == user.centre_id)
            .options(selectinload(Referral.seeker), selectinload(Referral.vacancy))
        )
        .scalar_one_or_none()
    )
    if referral is None:
        abort(404)
    return referral


def _match_page(
    user: User, seeker: Seeker, error: dict[str, Any] | None = None
) -> ResponseReturnValue:
    session = db_session()
    lang = current_language()
    regions = sorted_by_name(list(session.scalars(select(Region))), lambda r: r.name(lang))
    home = seeker.locality.region.kato if seeker.locality is not None else None
    filters, bad = parse_filters(request.args.to_dict(), {r.kato for r in regions}, home)
    status = 422 if bad or error else 200
    unavailable = False
    try:
        rows = match_for(session, indexing(), seeker, today(), filters)
    except SearchUnavailable:
        rows, unavailable, status = [], True, 503
    return render_template(
        "desk/work/match.html",
        seeker=seeker,
        unavailable=unavailable,
        rows=rows,
        regions=regions,
        filters=filters,
        bad=bad,
        error=error,
    ), status


@bp.get("/desk/clients/<int:seeker_id>/match")
@roles_required(Role.STAFF)
def match(seeker_id: int) -> ResponseReturnValue:
    user = _staff()
    return _match_page(user, _client(user, seeker_id))


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


@bp.post("/desk/clients/<int:seeker_id>/referrals")
@roles_required(Role.STAFF)
def issue(seeker_id: int) -> ResponseReturnValue:
    user = _staff()
    seeker = _client(user, seeker_id)
    form = request.form
    vacancy_id = _int(form.get("vacancy_id"))
    note = (form.get("note") or "").strip()
    counted = form.get("counted", "")
    error: dict[str, Any] | None = None
    if vacancy_id is None:
        error = {"field": "vacancy_id", "vacancy_id": None, "message": _("Choose a vacancy.")}
    elif counted not in COUNTED:
        error = {"field": "counted", "vacancy_id": vacancy_id, "message": _("Choose a value.")}
    elif len(note) > NOTE_MAX:
        message = _("At most %(n)d characters.", n=NOTE_MAX)
        error = {"field": "note", "vacancy_id": vacancy_id, "message": message}
    if error is None and vacancy_id is not None:
        session = db_session()
        try:
            referral = issue_referral(
                session,
                user,
                seeker.id,
                vacancy_id,
                today(),
                note=note or None,
                counted_as_suitable=COUNTED[counted],
            )
        except NotEligible as refused:
            session.rollback()
            message = _("The programme rules do not allow this referral:")
            error = {
                "field": "vacancy_id",
                "vacancy_id": vacancy_id,
                "message": message,
                "reasons": refused.decision.reasons,
            }
        except FieldError as bad:
            session.rollback()
            error = {"field": bad.field, "vacancy_id": vacancy_id, "message": _field_message(bad)}
        else:
            session.commit()
            return redirect(url_for("desk_work.referral", referral_id=referral.id))
    if error is not None:
        error["seeker_id"] = seeker.id
    if request.form.get("from") == "public-works":
        return _queue_page(user, error)
    return _match_page(user, seeker, error)


def _field_message(error: FieldError) -> str:
    if isinstance(error, AlreadyReferred):
        return _(
            "The client already has a pending referral to this vacancy (No. %(n)d).",
            n=error.referral_id,
        )
    if error.field == "vacancy_id":
        return _("This vacancy is no longer published.")
    return _("The client is not registered as a job seeker or unemployed.")


@bp.get("/desk/referrals/<int:referral_id>")
@roles_required(Role.STAFF)
def referral(referral_id: int) -> ResponseReturnValue:
    user = _staff()
    found = _referral(user, referral_id)
    return _referral_page(found)


def _referral_page(
    found: Referral, errors: dict[str, str] | None = None, status: int = 200
) -> ResponseReturnValue:
    session = db_session()
    centre = session.get(Centre, found.centre_id) if found.centre_id else None
    return render_template(
        "desk/work/referral.html",
        referral=found,
        vacancy=found.vacancy,
        seeker=found.seeker,
        centre=centre,
        issuer=session.get(User, found.issued_by_id) if found.issued_by_id else None,
        summary=outcome_summary(session, found),
        outcomes=OUTCOMES,
        errors=errors or {},
        form=request.form,
    ), status


@bp.post("/desk/referrals/<int:referral_id>/outcome")
@roles_required(Role.STAFF)
def outcome(referral_id: int) -> ResponseReturnValue:
    user = _staff()
    found = _referral(user, referral_id)
    values = {o.value: o for o in OUTCOMES}
    chosen = values.get(request.form.get("outcome", ""))
    reason = (request.form.get("refusal_reason") or "").strip()
    errors: dict[str, str] = {}
    if chosen is None:
        errors["outcome"] = _("Choose how the referral ended.")
    if len(reason) > REASON_MAX:
        errors["refusal_reason"] = _("At most %(n)d characters.", n=REASON_MAX)
    elif chosen is ReferralOutcome.REFUSED_BY_SEEKER and not reason:
        errors["refusal_reason"] = _("Write the reason the client gave.")
    if found.outcome is not ReferralOutcome.PENDING:
        errors["outcome"] = _("This referral has already ended.")
    if errors or chosen is None:
        return _referral_page(found, errors, 422)
    session = db_session()
    record_outcome(session, user, found, chosen, today(), refusal_reason=reason or None)
    session.commit()
    return redirect(url_for("desk_work.referral", referral_id=found.id))


def _queue_page(user: User, error: dict[str, Any] | None = None) -> ResponseReturnValue:
    session = db_session()
    centre = session.get(Centre, user.centre_id)
    if centre is None:
        abort(404)
    entries = public_works_queue(session, centre.id, today())
    places = open_public_works(session, centre)
    return render_template(
        "desk/work/public_works.html", centre=centre, entries=entries, places=places, error=error
    ), (422 if error else 200)


@bp.get("/desk/public-works")
@roles_required(Role.STAFF)
def public_works() -> ResponseReturnValue:
    return _queue_page(_staff())


@bp.get("/desk/overdue")
@roles_required(Role.STAFF)
def overdue() -> ResponseReturnValue:
    user = _staff()
    session = db_session()
    centre = session.get(Centre, user.centre_id)
    if centre is None:
        abort(404)
    return render_template(
        "desk/work/overdue.html",
        centre=centre,
        overdue=overdue_referrals(session, centre.id, today()),
        due=due_unemployed(session, centre.id, today()),
        plan=overdue_plan_items(session, centre.id, today()),
        today=today(),
    )
