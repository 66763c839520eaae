"""Measures at the staff desk: the catalogue of courses (kept by staff, importable from CSV), a
client's routing with its evidence, and referrals to measures (printable, with outcomes).

The family plan pages live in ``measures_family`` (same blueprint). Only the staff member's own
centre is visible; others get 404.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.extensions import db_session, indexing
from app.models import Centre, MeasureCourse, MeasureKind, MeasureOutcome, Role, User
from app.search.find import SearchUnavailable
from app.services.errors import FieldError, ValidationFailed
from app.services.measure_catalogue import (
    CSV_COLUMNS,
    add_course,
    courses_in,
    import_courses,
    set_active,
)
from app.services.measure_referrals import (
    PROFILE_DATES,
    PROFILE_FLAGS,
    MeasureNotEligible,
    centre_measure_referral,
    current_profile,
    issue_measure_referral,
    record_measure_outcome,
    seeker_measure_referrals,
    update_measure_profile,
)
from app.services.measure_routing import route_for
from app.services.referrals import centre_seeker
from app.web import measures_labels as labels
from app.web.access import current_user, roles_required
from app.web.desk_clients_base import day, said

bp = Blueprint("measures", __name__)
# Partials other areas include (the overdue list, "jobs for me") use these labels.
for _name in ("plan_kind_label", "measure_label", "measure_outcome_label", "why_text"):
    bp.add_app_template_global(getattr(labels, _name), _name)
CSV_MAX_BYTES = 1_000_000
NOTE_MAX = 1000
STAFF_OUTCOMES = (
    MeasureOutcome.ENROLLED,
    MeasureOutcome.DECLINED,
    MeasureOutcome.COMPLETED,
    MeasureOutcome.DROPPED,
)


def today() -> date:
    """The service day (tests replace it to freeze time)."""
    return date.today()


def staff() -> User:
    user = current_user()
    assert user is not None
    if user.centre_id is None:
        abort(404)
    return user


def errors_of(exc: FieldError | ValidationFailed) -> dict[str, str]:
    found = exc.errors if isinstance(exc, ValidationFailed) else [exc]
    return {e.field: labels.field_message(e.field, e.message) for e in found}


@bp.context_processor
def helpers() -> dict[str, Any]:
    return {
        "measure_label": labels.measure_label,
        "plan_kind_label": labels.plan_kind_label,
        "plan_status_label": labels.plan_status_label,
        "measure_outcome_label": labels.measure_outcome_label,
        "standing_label": labels.standing_label,
        "region_name": labels.region_name,
        "why_text": labels.why_text,
        "money": labels.money,
        "said": said,
        "day": day,
    }


def _catalogue_page(
    user: User, errors: dict[str, str] | None = None, status: int = 200
) -> ResponseReturnValue:
    session = db_session()
    centre = session.get(Centre, user.centre_id)
    if centre is None:
        abort(404)
    page = render_template(
        "measures/catalogue.html",
        centre=centre,
        courses=courses_in(session, centre.region_id, active_only=False),
        kinds=list(MeasureKind),
        columns=CSV_COLUMNS,
        errors=errors or {},
        form=request.form,
    )
    return page, status


@bp.get("/desk/measures")
@roles_required(Role.STAFF)
def catalogue() -> ResponseReturnValue:
    return _catalogue_page(staff())


@bp.post("/desk/measures")
@roles_required(Role.STAFF)
def add() -> ResponseReturnValue:
    user = staff()
    session = db_session()
    try:
        add_course(session, user, request.form)
    except ValidationFailed as exc:
        session.rollback()
        return _catalogue_page(user, errors_of(exc), 422)
    session.commit()
    flash(_("The course is in the catalogue."))
    return redirect(url_for("measures.catalogue"), 303)


@bp.post("/desk/measures/import")
@roles_required(Role.STAFF)
def import_csv() -> ResponseReturnValue:
    user = staff()
    session = db_session()
    upload = request.files.get("file")
    raw = upload.read(CSV_MAX_BYTES + 1) if upload else b""
    try:
        if not raw:
            raise ValidationFailed([FieldError("file", _("Choose a CSV file."))])
        if len(raw) > CSV_MAX_BYTES:
            raise ValidationFailed([FieldError("file", _("The file is larger than 1 MB."))])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationFailed([FieldError("file", _("The file is not UTF-8 text."))]) from None
        added = import_courses(session, user, text)
    except ValidationFailed as exc:
        session.rollback()
        return _catalogue_page(user, {"file": "; ".join(str(e) for e in exc.errors)}, 422)
    session.commit()
    flash(_("Courses added: %(n)d.", n=len(added)))
    return redirect(url_for("measures.catalogue"), 303)


@bp.post("/desk/measures/<int:course_id>/active")
@roles_required(Role.STAFF)
def toggle(course_id: int) -> ResponseReturnValue:
    user = staff()
    session = db_session()
    course = session.get(MeasureCourse, course_id)
    if course is None or course.centre_id != user.centre_id:
        abort(404)
    set_active(session, user, course, request.form.get("active") == "1")
    session.commit()
    return redirect(url_for("measures.catalogue"), 303)


def _client_page(
    user: User, seeker_id: int, errors: dict[str, str] | None = None, status: int = 200,
    refusal: Any = None,
) -> ResponseReturnValue:  # fmt: skip
    session = db_session()
    try:
        seeker = centre_seeker(session, user, seeker_id)
    except FieldError:
        abort(404)
    try:
        view = route_for(session, indexing(), seeker, today())
        unavailable = False
    except SearchUnavailable:
        view, unavailable = None, True
    page = render_template(
        "measures/client.html",
        seeker=seeker,
        view=view,
        unavailable=unavailable,
        referrals=seeker_measure_referrals(session, seeker.id),
        profile=current_profile(session, seeker),
        flags=PROFILE_FLAGS,
        flag_label=labels.flag_label,
        kinds=list(MeasureKind),
        errors=errors or {},
        refusal=refusal,
    )
    return page, status


@bp.get("/desk/clients/<int:seeker_id>/measures")
@roles_required(Role.STAFF)
def client(seeker_id: int) -> ResponseReturnValue:
    return _client_page(staff(), seeker_id)


@bp.post("/desk/clients/<int:seeker_id>/measures")
@roles_required(Role.STAFF)
def refer(seeker_id: int) -> ResponseReturnValue:
    user = staff()
    session = db_session()
    form = request.form
    try:
        centre_seeker(session, user, seeker_id)
    except FieldError:
        abort(404)
    raw_kind = form.get("kind", "")
    raw_course = form.get("course_id", "").strip()
    note = form.get("note", "").strip() or None
    try:
        if raw_kind not in MeasureKind._value2member_map_:
            raise FieldError("kind", _("Choose a measure."))
        if raw_course and not raw_course.isdigit():
            raise FieldError("course_id", _("Choose a course from the catalogue."))
        if note and len(note) > NOTE_MAX:
            raise FieldError("note", _("At most %(n)d characters.", n=NOTE_MAX))
        evidence = [c for c in form.getlist("why") if c][:10]
        referral = issue_measure_referral(
            session, user, seeker_id, MeasureKind(raw_kind), today(),
            course_id=int(raw_course) if raw_course else None,
            target_region_kato=form.get("target_region") or None,
            evidence={"reasons": evidence}, note=note,
        )  # fmt: skip
    except MeasureNotEligible as exc:
        session.rollback()
        return _client_page(user, seeker_id, status=422, refusal=exc.decision)
    except FieldError as exc:
        session.rollback()
        return _client_page(user, seeker_id, errors_of(exc), 422)
    session.commit()
    return redirect(url_for("measures.referral", measure_referral_id=referral.id), 303)


@bp.post("/desk/clients/<int:seeker_id>/measures/facts")
@roles_required(Role.STAFF)
def facts(seeker_id: int) -> ResponseReturnValue:
    user = staff()
    session = db_session()
    try:
        seeker = centre_seeker(session, user, seeker_id)
    except FieldError:
        abort(404)
    form = request.form
    try:
        dates: dict[str, date | None] = {}
        for name in PROFILE_DATES:
            raw = form.get(name, "").strip()
            try:
                dates[name] = date.fromisoformat(raw) if raw else None
            except ValueError:
                raise FieldError(name, "a date as YYYY-MM-DD") from None
        flags = {name: form.get(name) == "1" for name in PROFILE_FLAGS}
        update_measure_profile(session, user, seeker, flags, dates, today())
    except FieldError as exc:
        session.rollback()
        return _client_page(user, seeker_id, errors_of(exc), 422)
    session.commit()
    flash(_("The client's circumstances are saved."))
    return redirect(url_for("measures.client", seeker_id=seeker_id) + "#facts", 303)


def _referral_page(
    user: User, referral_id: int, errors: dict[str, str] | None = None, status: int = 200
) -> ResponseReturnValue:
    session = db_session()
    try:
        found = centre_measure_referral(session, user, referral_id)
    except FieldError:
        abort(404)
    page = render_template(
        "measures/referral.html",
        referral=found,
        seeker=found.seeker,
        centre=session.get(Centre, found.centre_id) if found.centre_id else None,
        issuer=session.get(User, found.issued_by_id) if found.issued_by_id else None,
        outcomes=STAFF_OUTCOMES,
        errors=errors or {},
    )
    return page, status


@bp.get("/desk/measure-referrals/<int:measure_referral_id>")
@roles_required(Role.STAFF)
def referral(measure_referral_id: int) -> ResponseReturnValue:
    return _referral_page(staff(), measure_referral_id)


@bp.post("/desk/measure-referrals/<int:measure_referral_id>/outcome")
@roles_required(Role.STAFF)
def outcome(measure_referral_id: int) -> ResponseReturnValue:
    user = staff()
    session = db_session()
    try:
        found = centre_measure_referral(session, user, measure_referral_id)
    except FieldError:
        abort(404)
    raw = request.form.get("outcome", "")
    try:
        if raw not in {o.value for o in STAFF_OUTCOMES}:
            raise FieldError("outcome", _("Choose how the referral went on."))
        record_measure_outcome(session, user, found, MeasureOutcome(raw), today())
    except FieldError as exc:
        session.rollback()
        return _referral_page(user, measure_referral_id, errors_of(exc), 422)
    session.commit()
    return redirect(url_for("measures.referral", measure_referral_id=found.id), 303)


from app.web import measures_family, measures_seeker  # noqa: E402, F401  (routes join the blueprint)
