"""Centre referrals (направление / жолдама): issuing them, listing them, recording outcomes."""

from __future__ import annotations

from datetime import date

from flask.typing import ResponseReturnValue
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from app.api.pagination import fetch_page
from app.api.problems import ApiProblem, field_problem
from app.api.registry import Call, operation
from app.api.schemas_referrals import (
    EmployerReferralOut,
    OutcomeRequest,
    OutcomeResult,
    ReferralCreate,
    ReferralOut,
    ReferralPage,
    ReferralQuery,
)
from app.extensions import db_session
from app.models import (
    Referral,
    ReferralOutcome,
    Role,
    Seeker,
    User,
    Vacancy,
)
from app.services.referrals import issue_referral, record_outcome

EMPLOYER_OUTCOMES = (ReferralOutcome.HIRED, ReferralOutcome.REJECTED_BY_EMPLOYER)


def today() -> date:
    """The service day (tests replace it to freeze time)."""
    return date.today()


def only_overdue(stmt: Select[Referral]) -> Select[Referral]:
    """Pending referrals whose report_by day has passed."""
    return stmt.where(Referral.outcome == ReferralOutcome.PENDING, Referral.report_by < today())


def out(referral: Referral, viewer: User) -> ReferralOut | EmployerReferralOut:
    """The referral in the shape ``viewer``'s role may see (employers: no health facts)."""
    shared = EmployerReferralOut(
        id=referral.id,
        seeker_id=referral.seeker_id,
        vacancy_id=referral.vacancy_id,
        vacancy_title=referral.vacancy.title,
        centre_id=referral.centre_id,
        issued_on=referral.issued_on,
        report_by=referral.report_by,
        employer_answer_by=referral.employer_answer_by,
        outcome=referral.outcome,
        outcome_on=referral.outcome_on,
        refusal_reason=referral.refusal_reason,
    )
    if viewer.role is Role.EMPLOYER:
        return shared
    return ReferralOut(
        **shared.model_dump(),
        issued_by_id=referral.issued_by_id,
        counted_as_suitable_offer=referral.counted_as_suitable_offer,
        suitability=dict(referral.suitability or {}),
        note=referral.note,
    )


def _scoped(user: User) -> Select[Referral]:
    """Referrals the caller may see: their centre's, to their vacancies, or their own."""
    stmt = select(Referral).join(Referral.vacancy).join(Referral.seeker)
    if user.role is Role.SEEKER:
        return stmt.where(Seeker.user_id == user.id)
    if user.role is Role.EMPLOYER:
        return stmt.where(Vacancy.employer_id == user.employer_id)
    return stmt.where(Referral.centre_id == user.centre_id)


@operation(
    "POST",
    "/referrals",
    summary="Refer a registered person to a published vacancy (centre staff)",
    roles=("staff",),
    body=ReferralCreate,
    response=ReferralOut,
    status=201,
    errors=(400, 401, 403, 422),
    description=(
        "The person must be registered at the caller's centre and, for a programme place,"
        " eligible by the programme rules (a refusal lists the rules' reasons). report_by is"
        " 5 working days after issue; for social jobs the employer answers within 3 working days"
        " (employer_answer_by). suitability holds the rules' assessment of the offer as suitable"
        " work. counted_as_suitable_offer follows that verdict unless the request sets it: then"
        " it is the centre's call, recorded in the audit log where it differs from the rules."
    ),
    tag="referrals",
)
def issue(call: Call) -> ResponseReturnValue:
    user = call.user
    assert user is not None
    body: ReferralCreate = call.body
    session = db_session()
    referral = issue_referral(
        session,
        user,
        body.seeker_id,
        body.vacancy_id,
        today(),
        note=body.note,
        counted_as_suitable=body.counted_as_suitable_offer,
    )
    session.commit()
    return out(referral, user).model_dump(mode="json"), 201


@operation(
    "GET",
    "/referrals",
    summary="Referrals: a centre's, to an employer's vacancies, or a seeker's own",
    description=(
        "Employers get the referral without the rules' suitable-work assessment, the centre's"
        " note and counted_as_suitable_offer: those hold health and income facts of the person."
    ),
    roles=("seeker", "employer", "staff"),
    query=ReferralQuery,
    response=ReferralPage,
    errors=(401, 403, 422),
    tag="referrals",
)
def list_referrals(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    params: ReferralQuery = call.query
    stmt = _scoped(call.user)
    if params.overdue:
        stmt = only_overdue(stmt)
    stmt = stmt.options(selectinload(Referral.vacancy)).order_by(Referral.id.desc())
    rows, next_cursor = fetch_page(db_session(), stmt, params.cursor, params.limit)
    page = ReferralPage(items=[out(r, call.user) for r in rows], next_cursor=next_cursor)
    return page.model_dump(mode="json")


@operation(
    "POST",
    "/referrals/{id}/outcome",
    summary="Record how a referral ended (centre staff; the employer for hired or rejected)",
    roles=("staff", "employer"),
    body=OutcomeRequest,
    response=OutcomeResult,
    errors=(400, 401, 403, 404, 409, 422),
    description=(
        "A refusal of an offer counted as suitable may deregister the person (two refusals);"
        " the decision is returned. Hired makes the person employed, with a placement."
    ),
    tag="referrals",
)
def outcome(call: Call, id: int) -> ResponseReturnValue:
    user = call.user
    assert user is not None
    body: OutcomeRequest = call.body
    session = db_session()
    referral = session.execute(_scoped(user).where(Referral.id == id)).scalar_one_or_none()
    if referral is None:
        raise ApiProblem(404, f"no referral {id}")
    if user.role is Role.EMPLOYER and body.outcome not in EMPLOYER_OUTCOMES:
        raise field_problem("outcome", "employers record only hired or rejected_by_employer", 403)
    if body.outcome is ReferralOutcome.PENDING:
        raise field_problem("outcome", "an outcome other than pending is required")
    if referral.outcome is not ReferralOutcome.PENDING:
        raise field_problem(
            "outcome", f"the referral already ended ({referral.outcome.value})", 409
        )
    decision = record_outcome(
        session, user, referral, body.outcome, today(), refusal_reason=body.refusal_reason
    )
    session.commit()
    result = OutcomeResult(
        referral=out(referral, user), decision=decision.to_dict() if decision else None
    )
    return result.model_dump(mode="json")
