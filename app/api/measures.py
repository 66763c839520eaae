"""Measures beyond vacancies: the catalogue, a person's routing, referrals to measures (and a
seeker's request for one), and the family plan of the social contract with its breaches."""

from __future__ import annotations

from datetime import date

from flask.typing import ResponseReturnValue
from sqlalchemy import Select, select

from app.api.pagination import fetch_page
from app.api.problems import ApiProblem
from app.api.registry import Call, operation
from app.api.schemas_measures import (
    BreachCreate,
    CourseCreate,
    CourseOut,
    CoursePage,
    CourseQuery,
    ImportResult,
    MeasureOutcomeRequest,
    MeasureReferralCreate,
    MeasureReferralOut,
    MeasureReferralPage,
    MeasureReferralQuery,
    MeasureRequestCreate,
    PlanItemClose,
    PlanItemCreate,
    PlanItemOut,
    PlanOut,
    RoutingOut,
)
from app.extensions import db_session, indexing
from app.models import (
    Family,
    MeasureCourse,
    MeasureReferral,
    PlanItem,
    Region,
    Role,
    Seeker,
    User,
)
from app.services.errors import FieldError
from app.services.family_plan import (
    add_plan_item,
    centre_family,
    close_plan_item,
    family_standing,
    plan_items,
    record_breach,
)
from app.services.measure_catalogue import add_course, import_courses
from app.services.measure_referrals import (
    centre_measure_referral,
    issue_measure_referral,
    record_measure_outcome,
    request_measure,
)
from app.services.measure_routing import route_for
from app.services.referrals import centre_seeker

TAG = "measures"


def today() -> date:
    """The service day (tests replace it to freeze time)."""
    return date.today()


def _course(c: MeasureCourse) -> CourseOut:
    return CourseOut(
        id=c.id, kind=c.kind, title_kk=c.title_kk, title_ru=c.title_ru, provider=c.provider,
        region_id=c.region_id, centre_id=c.centre_id, skills=list(c.skills),
        occupation_code=c.occupation_code, duration_months=c.duration_months,
        duration_days=c.duration_days, starts_on=c.starts_on, seats=c.seats, active=c.active,
    )  # fmt: skip


def _referral(r: MeasureReferral) -> MeasureReferralOut:
    return MeasureReferralOut(
        id=r.id, seeker_id=r.seeker_id, kind=r.kind, course_id=r.course_id,
        centre_id=r.centre_id, requested_by_seeker=r.requested_by_seeker, issued_on=r.issued_on,
        report_by=r.report_by, outcome=r.outcome, enrolled_on=r.enrolled_on,
        ended_on=r.ended_on, target_region_id=r.target_region_id,
        eligibility=dict(r.eligibility or {}), evidence=dict(r.evidence or {}),
    )  # fmt: skip


def _own_seeker(user: User) -> Seeker:
    seeker = db_session().execute(select(Seeker).where(Seeker.user_id == user.id)).scalar()
    if seeker is None:
        raise ApiProblem(404, "no job-seeker profile for this account")
    return seeker


@operation(
    "GET", "/measures", summary="The measures catalogue (courses and other offers per region)",
    roles=("seeker", "staff", "admin"), query=CourseQuery, response=CoursePage,
    errors=(401, 403, 422), tag=TAG,
    description="Open entries only. region_kato narrows to one region.",
)  # fmt: skip
def list_measure_courses(call: Call) -> ResponseReturnValue:
    params: CourseQuery = call.query
    stmt = select(MeasureCourse).where(MeasureCourse.active.is_(True))
    if params.kind is not None:
        stmt = stmt.where(MeasureCourse.kind == params.kind)
    if params.region_kato:
        stmt = stmt.join(Region, Region.id == MeasureCourse.region_id).where(
            Region.kato == params.region_kato
        )
    stmt = stmt.order_by(MeasureCourse.id)
    rows, next_cursor = fetch_page(db_session(), stmt, params.cursor, params.limit)
    return CoursePage(items=[_course(c) for c in rows], next_cursor=next_cursor).model_dump(
        mode="json"
    )


@operation(
    "POST", "/measures", summary="Add a course or other measure to the catalogue (centre staff)",
    roles=("staff",), body=CourseCreate, response=CourseOut, status=201,
    errors=(400, 401, 403, 422), tag=TAG,
)  # fmt: skip
def create_measure_course(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    body: CourseCreate = call.body
    form = {
        k: ("" if v is None else str(v))
        for k, v in body.model_dump(mode="json", exclude={"skills"}).items()
    }
    form["skills"] = ";".join(body.skills)
    session = db_session()
    course = add_course(session, call.user, form)
    session.commit()
    return _course(course).model_dump(mode="json"), 201


@operation(
    "POST", "/measures/import", summary="Import catalogue entries from CSV (centre staff)",
    roles=("staff",), body_media=("text/csv",), response=ImportResult,
    errors=(400, 401, 403, 422), tag=TAG,
    description="Header: kind,title_kk,title_ru,provider[,region_kato,skills,occupation_code,"
    "duration_months,duration_days,starts_on,seats]; skills separated by ';'. All or nothing.",
)  # fmt: skip
def import_measures_csv(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    try:
        text = call.raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FieldError("body", "the CSV must be UTF-8") from None
    session = db_session()
    added = import_courses(session, call.user, text)
    session.commit()
    return ImportResult(added=len(added), ids=[c.id for c in added]).model_dump(mode="json")


@operation(
    "GET", "/seekers/{id}/measures",
    summary="A client's routing: eligible measures proposed with evidence (centre staff)",
    roles=("staff",), response=RoutingOut, errors=(401, 403, 404, 422, 503), tag=TAG,
)  # fmt: skip
def measure_routing(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    session = db_session()
    seeker = centre_seeker(session, call.user, id)
    view = route_for(session, indexing(), seeker, today())
    result = RoutingOut(
        local_count=view.routing.local_count,
        scarce=view.routing.scarce,
        gaps=[{"skill": s, "postings": n} for s, n in view.routing.gaps],
        proposals=[p.to_dict() for p in view.routing.proposals],
        decisions={k: d.to_dict() for k, d in view.decisions.items()},
    )
    return result.model_dump(mode="json")


@operation(
    "POST", "/measure-referrals", summary="Refer a client to a measure (centre staff)",
    roles=("staff",), body=MeasureReferralCreate, response=MeasureReferralOut, status=201,
    errors=(400, 401, 403, 422), tag=TAG,
    description="The measure's rules must allow it (a refusal lists their reasons); the person"
    " acts within 5 working days (report_by).",
)  # fmt: skip
def issue_to_measure(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    body: MeasureReferralCreate = call.body
    session = db_session()
    referral = issue_measure_referral(
        session, call.user, body.seeker_id, body.kind, today(), course_id=body.course_id,
        target_region_kato=body.target_region_kato, note=body.note,
    )  # fmt: skip
    session.commit()
    return _referral(referral).model_dump(mode="json"), 201


@operation(
    "POST", "/measure-requests", summary="Ask the centre for a measure (the seeker)",
    roles=("seeker",), body=MeasureRequestCreate, response=MeasureReferralOut, status=201,
    errors=(400, 401, 403, 404, 422), tag=TAG,
)  # fmt: skip
def ask_for_measure(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    body: MeasureRequestCreate = call.body
    seeker = _own_seeker(call.user)
    if seeker.centre_id is None:
        raise FieldError("centre", "register with an employment centre first")
    session = db_session()
    referral = request_measure(session, call.user, seeker, body.kind, today(), body.course_id)
    session.commit()
    return _referral(referral).model_dump(mode="json"), 201


def _scoped(user: User) -> Select[MeasureReferral]:
    stmt = select(MeasureReferral)
    if user.role is Role.SEEKER:
        return stmt.join(Seeker, Seeker.id == MeasureReferral.seeker_id).where(
            Seeker.user_id == user.id
        )
    return stmt.where(MeasureReferral.centre_id == user.centre_id)


@operation(
    "GET", "/measure-referrals", summary="Referrals to measures: a centre's, or a seeker's own",
    roles=("seeker", "staff"), query=MeasureReferralQuery, response=MeasureReferralPage,
    errors=(401, 403, 422), tag=TAG,
)  # fmt: skip
def list_measure_referrals(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    params: MeasureReferralQuery = call.query
    stmt = _scoped(call.user)
    if params.seeker_id is not None:
        stmt = stmt.where(MeasureReferral.seeker_id == params.seeker_id)
    stmt = stmt.order_by(MeasureReferral.id.desc())
    rows, next_cursor = fetch_page(db_session(), stmt, params.cursor, params.limit)
    page = MeasureReferralPage(items=[_referral(r) for r in rows], next_cursor=next_cursor)
    return page.model_dump(mode="json")


@operation(
    "POST", "/measure-referrals/{id}/outcome",
    summary="Enrolled or declined, then completed or dropped (centre staff)",
    roles=("staff",), body=MeasureOutcomeRequest, response=MeasureReferralOut,
    errors=(400, 401, 403, 404, 422), tag=TAG,
)  # fmt: skip
def measure_referral_outcome(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    body: MeasureOutcomeRequest = call.body
    session = db_session()
    try:
        referral = centre_measure_referral(session, call.user, id)
    except FieldError:
        raise ApiProblem(404, f"no measure referral {id}") from None
    record_measure_outcome(session, call.user, referral, body.outcome, today())
    session.commit()
    return _referral(referral).model_dump(mode="json")


def _family(user: User, family_id: int) -> Family:
    try:
        return centre_family(db_session(), user, family_id)
    except FieldError:
        raise ApiProblem(404, f"no family {family_id}") from None


def _item(i: PlanItem) -> PlanItemOut:
    return PlanItemOut(
        id=i.id, family_id=i.family_id, seeker_id=i.seeker_id, kind=i.kind,
        description=i.description, created_on=i.created_on, due_on=i.due_on, status=i.status,
        done_on=i.done_on,
    )  # fmt: skip


def _plan(family: Family) -> PlanOut:
    session = db_session()
    standing = family_standing(session, family, today())
    return PlanOut(
        family_id=family.id,
        contract_from=family.contract_from,
        contract_to=family.contract_to,
        items=[_item(i) for i in plan_items(session, family.id)],
        breaches=[b.found_on for b in standing.breaches],
        consequence=standing.consequence.to_dict(),
        affected_member_ids=list(standing.affected),
    )


@operation(
    "GET", "/families/{id}/plan",
    summary="A family's plan: items, breaches and their consequence (centre staff)",
    roles=("staff",), response=PlanOut, errors=(401, 403, 404), tag=TAG,
)  # fmt: skip
def family_plan(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    return _plan(_family(call.user, id)).model_dump(mode="json")


@operation(
    "POST", "/families/{id}/plan-items", summary="Add a plan item for an able-bodied member",
    roles=("staff",), body=PlanItemCreate, response=PlanItemOut, status=201,
    errors=(400, 401, 403, 404, 422), tag=TAG,
    description="due_in_days: working days from today (default: the rules' plan_item_due_days).",
)  # fmt: skip
def add_family_plan_item(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    body: PlanItemCreate = call.body
    family = _family(call.user, id)
    session = db_session()
    item = add_plan_item(
        session, call.user, family, body.seeker_id, body.kind, today(),
        due_in_days=body.due_in_days, description=body.description,
    )  # fmt: skip
    session.commit()
    return _item(item).model_dump(mode="json"), 201


@operation(
    "POST", "/plan-items/{id}/close", summary="Mark a plan item done or cancelled",
    roles=("staff",), body=PlanItemClose, response=PlanItemOut,
    errors=(400, 401, 403, 404, 422), tag=TAG,
)  # fmt: skip
def close_family_plan_item(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    body: PlanItemClose = call.body
    session = db_session()
    item = session.get(PlanItem, id)
    if item is None:
        raise ApiProblem(404, f"no plan item {id}")
    _family(call.user, item.family_id)
    close_plan_item(session, call.user, item, body.status, today())
    session.commit()
    return _item(item).model_dump(mode="json")


@operation(
    "POST", "/families/{id}/breaches",
    summary="Record a breach of the social contract; returns the plan with its consequence",
    roles=("staff",), body=BreachCreate, response=PlanOut, status=201,
    errors=(400, 401, 403, 404, 422), tag=TAG,
    description="First breach: assistance halved for a month; second: stopped (recorded, not"
    " paid).",
)  # fmt: skip
def family_breach(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    body: BreachCreate = call.body
    family = _family(call.user, id)
    session = db_session()
    item = None
    if body.item_id is not None:
        item = session.get(PlanItem, body.item_id)
        if item is None or item.family_id != family.id:
            raise FieldError("item_id", f"no plan item {body.item_id} in this family")
    record_breach(session, call.user, family, today(), item=item, note=body.note)
    session.commit()
    return _plan(family).model_dump(mode="json"), 201
