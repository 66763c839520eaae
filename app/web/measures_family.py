"""The family at the desk as one unit: every member with their best vacancies and plan items,
the plan's deadlines, breaches and their consequence (recorded and shown; nothing is paid)."""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.extensions import db_session, indexing
from app.models import Family, PlanItemKind, PlanItemStatus, Role, Seeker, User
from app.search.find import SearchUnavailable
from app.services.client_status import able_bodied
from app.services.desk_matching import MatchFilters, MatchRow, match_for
from app.services.errors import FieldError
from app.services.family_plan import (
    DUE_DAYS_MAX,
    add_plan_item,
    centre_family,
    close_plan_item,
    family_plan_item,
    family_standing,
    plan_items,
    record_breach,
)
from app.services.referrals import REGISTERED
from app.web import measures as base
from app.web.access import roles_required
from app.web.measures import bp, errors_of, staff

MATCHES_SHOWN = 3


def _family(user: User, family_id: int) -> Family:
    try:
        return centre_family(db_session(), user, family_id)
    except FieldError:
        abort(404)


def _matches(member: Seeker) -> list[MatchRow] | None:
    """The member's best vacancies (None when the search engine is down)."""
    if member.status not in REGISTERED:
        return []
    try:
        rows = match_for(db_session(), indexing(), member, base.today(), MatchFilters())
    except SearchUnavailable:
        return None
    return rows[:MATCHES_SHOWN]


def _plan_page(
    user: User, family: Family, errors: dict[str, str] | None = None, status: int = 200
) -> ResponseReturnValue:
    session = db_session()
    day = base.today()
    members = sorted(family.members, key=lambda m: m.id)
    able = {m.id: able_bodied(m, day) for m in members}
    items = plan_items(session, family.id)
    by_member: dict[int, list[Any]] = {m.id: [] for m in members}
    for item in items:
        by_member.setdefault(item.seeker_id, []).append(item)
    page = render_template(
        "measures/family.html",
        family=family,
        members=members,
        able=able,
        matches={m.id: _matches(m) for m in members if able[m.id]},
        items=by_member,
        overdue={i.id for i in items if i.status is PlanItemStatus.OPEN and i.due_on < day},
        standing=family_standing(session, family, day),
        plan_kinds=list(PlanItemKind),
        due_max=DUE_DAYS_MAX,
        errors=errors or {},
        form=request.form,
    )
    return page, status


@bp.get("/desk/families/<int:family_id>/plan")
@roles_required(Role.STAFF)
def plan(family_id: int) -> ResponseReturnValue:
    user = staff()
    return _plan_page(user, _family(user, family_id))


@bp.post("/desk/families/<int:family_id>/plan")
@roles_required(Role.STAFF)
def add_item(family_id: int) -> ResponseReturnValue:
    user = staff()
    family = _family(user, family_id)
    session = db_session()
    form = request.form
    try:
        member = form.get("seeker_id", "")
        kind = form.get("kind", "")
        days = form.get("due_in_days", "").strip()
        if not member.isdigit():
            raise FieldError("seeker_id", _("Choose a member of the family."))
        if kind not in PlanItemKind._value2member_map_:
            raise FieldError("kind", _("Choose what the member is to do."))
        if days and not days.isdigit():
            raise FieldError("due_in_days", _("Enter a whole number of working days."))
        add_plan_item(
            session, user, family, int(member), PlanItemKind(kind), base.today(),
            due_in_days=int(days) if days else None,
            description=form.get("description", "").strip() or None,
        )  # fmt: skip
    except FieldError as exc:
        session.rollback()
        return _plan_page(user, family, errors_of(exc), 422)
    session.commit()
    return redirect(url_for("measures.plan", family_id=family.id), 303)


@bp.post("/desk/families/<int:family_id>/plan/<int:item_id>")
@roles_required(Role.STAFF)
def close_item(family_id: int, item_id: int) -> ResponseReturnValue:
    user = staff()
    family = _family(user, family_id)
    session = db_session()
    try:
        item = family_plan_item(session, family, item_id)
    except FieldError:
        abort(404)
    raw = request.form.get("status", "")
    try:
        if raw not in (PlanItemStatus.DONE.value, PlanItemStatus.CANCELLED.value):
            raise FieldError("status", _("Choose done or cancelled."))
        close_plan_item(session, user, item, PlanItemStatus(raw), base.today())
    except FieldError as exc:
        session.rollback()
        return _plan_page(user, family, errors_of(exc), 422)
    session.commit()
    return redirect(url_for("measures.plan", family_id=family.id), 303)


@bp.post("/desk/families/<int:family_id>/breaches")
@roles_required(Role.STAFF)
def breach(family_id: int) -> ResponseReturnValue:
    user = staff()
    family = _family(user, family_id)
    session = db_session()
    raw_item = request.form.get("item_id", "").strip()
    try:
        item = None
        if raw_item:
            if not raw_item.isdigit():
                raise FieldError("item_id", _("Choose a plan item."))
            item = family_plan_item(session, family, int(raw_item))
        record_breach(
            session, user, family, base.today(), item=item,
            note=request.form.get("note", "").strip() or None,
        )  # fmt: skip
    except FieldError as exc:
        session.rollback()
        return _plan_page(user, family, errors_of(exc), 422)
    session.commit()
    return redirect(url_for("measures.plan", family_id=family.id) + "#standing", 303)
