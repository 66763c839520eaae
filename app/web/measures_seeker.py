"""A seeker's side of the measures: on "jobs for me", the measures they qualify for when jobs
within reach are scarce, and a button to ask the centre for one (a pending request staff see)."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extensions import db_session, indexing
from app.models import Centre, MeasureKind, MeasureReferral, Role, Seeker
from app.search.find import SearchUnavailable
from app.services.errors import FieldError
from app.services.measure_referrals import (
    OPEN,
    MeasureNotEligible,
    request_measure,
    seeker_measure_referrals,
)
from app.services.measure_routing import RoutingView, route_for
from app.web import measures as base
from app.web.access import current_user, roles_required
from app.web.measures import bp


def seeker_measures(
    session: Session, seeker: Seeker | None, today: date
) -> tuple[RoutingView | None, list[MeasureReferral]]:
    """The routing to show on "jobs for me" (None when jobs fit or the engine is down) and the
    person's open requests and referrals."""
    if seeker is None:
        return None, []
    open_ones = [r for r in seeker_measure_referrals(session, seeker.id) if r.outcome in OPEN]
    try:
        view = route_for(session, indexing(), seeker, today)
    except SearchUnavailable:
        return None, open_ones
    return (view if view.routing.triggered else None), open_ones


def _centre_for(session: Session, seeker: Seeker) -> int | None:
    """The person's centre, or the first centre of the region they live in."""
    if seeker.centre_id is not None:
        return seeker.centre_id
    if seeker.locality is None:
        return None
    found = session.execute(
        select(Centre.id).where(Centre.region_id == seeker.locality.region_id).order_by(Centre.id)
    ).scalar()
    return int(found) if found is not None else None


@bp.post("/me/measures/request")
@roles_required(Role.SEEKER)
def ask() -> ResponseReturnValue:
    user = current_user()
    assert user is not None
    session = db_session()
    seeker = session.execute(select(Seeker).where(Seeker.user_id == user.id)).scalar()
    if seeker is None:
        abort(404)
    raw_kind = request.form.get("kind", "")
    raw_course = request.form.get("course_id", "").strip()
    try:
        if raw_kind not in MeasureKind._value2member_map_:
            raise FieldError("kind", "unknown measure")
        if raw_course and not raw_course.isdigit():
            raise FieldError("course_id", "not a course")
        centre_id = _centre_for(session, seeker)
        if centre_id is None:
            raise FieldError("centre", "no centre")
        referral = request_measure(
            session, user, seeker, MeasureKind(raw_kind), base.today(),
            course_id=int(raw_course) if raw_course else None,
        )  # fmt: skip
        referral.centre_id = centre_id
    except MeasureNotEligible:
        session.rollback()
        flash(_("The rules do not allow this measure for you now."), "error")
        return redirect(url_for("seeker.home") + "#measures", 303)
    except FieldError as exc:
        session.rollback()
        if exc.field == "centre":
            flash(_("Add where you live to your profile, so that a centre can answer."), "error")
        elif "already" in exc.message:
            flash(_("You have already asked for this measure."), "error")
        else:
            flash(_("Choose a measure from the list."), "error")
        return redirect(url_for("seeker.home") + "#measures", 303)
    session.commit()
    flash(_("Your request has been sent to the employment centre."))
    return redirect(url_for("seeker.home") + "#measures", 303)
