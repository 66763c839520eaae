"""Online applications: seekers apply to published vacancies, employers answer them."""

from __future__ import annotations

from flask.typing import ResponseReturnValue
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.api.pagination import decode_offset, encode_cursor
from app.api.problems import ApiProblem, field_problem
from app.api.registry import Call, operation
from app.api.schemas_referrals import (
    ApplicationCreate,
    ApplicationOut,
    ApplicationPage,
    ApplicationPatch,
    ApplicationQuery,
)
from app.extensions import db_session
from app.models import Application, ApplicationStatus, Role, Seeker, User, Vacancy, VacancyStatus

EMPLOYER_STATUSES = (
    ApplicationStatus.VIEWED,
    ApplicationStatus.INVITED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.HIRED,
)
ENDED = (ApplicationStatus.WITHDRAWN, ApplicationStatus.HIRED)


def own_seeker(session: Session, user: User) -> Seeker | None:
    """The job-seeker record linked to this login, if any."""
    return session.execute(select(Seeker).where(Seeker.user_id == user.id)).scalar_one_or_none()


def out(application: Application) -> ApplicationOut:
    return ApplicationOut(
        id=application.id,
        seeker_id=application.seeker_id,
        vacancy_id=application.vacancy_id,
        vacancy_title=application.vacancy.title,
        cover_letter=application.cover_letter,
        status=application.status,
        created_at=application.created_at,
    )


def _scoped(user: User) -> Select[Application]:
    """Applications the caller may see: their own, to their vacancies, or of their centre."""
    stmt = select(Application).join(Application.vacancy).join(Application.seeker)
    if user.role is Role.SEEKER:
        return stmt.where(Seeker.user_id == user.id)
    if user.role is Role.EMPLOYER:
        return stmt.where(Vacancy.employer_id == user.employer_id)
    return stmt.where(Seeker.centre_id == user.centre_id)


@operation(
    "POST",
    "/applications",
    summary="Apply to a published vacancy (seekers with a linked registration)",
    roles=("seeker",),
    body=ApplicationCreate,
    response=ApplicationOut,
    status=201,
    errors=(400, 401, 403, 404, 409, 422),
    tag="applications",
)
def apply(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    body: ApplicationCreate = call.body
    session = db_session()
    seeker = own_seeker(session, call.user)
    if seeker is None:
        raise ApiProblem(404, "this login has no job-seeker registration linked to it")
    vacancy = session.get(Vacancy, body.vacancy_id)
    if vacancy is None or vacancy.status is not VacancyStatus.PUBLISHED:
        raise field_problem("vacancy_id", f"no published vacancy {body.vacancy_id}")
    taken = session.execute(
        select(Application.id).where(
            Application.seeker_id == seeker.id, Application.vacancy_id == vacancy.id
        )
    ).first()
    if taken is not None:
        raise field_problem("vacancy_id", "you have already applied to this vacancy", 409)
    application = Application(
        seeker_id=seeker.id, vacancy_id=vacancy.id, cover_letter=body.cover_letter
    )
    application.vacancy = vacancy
    session.add(application)
    session.commit()
    return out(application).model_dump(mode="json"), 201


@operation(
    "GET",
    "/applications",
    summary="Applications: a seeker's own, to an employer's vacancies, of a centre's people",
    roles=("seeker", "employer", "staff"),
    query=ApplicationQuery,
    response=ApplicationPage,
    errors=(401, 403, 422),
    tag="applications",
)
def list_applications(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    params: ApplicationQuery = call.query
    offset = decode_offset(params.cursor)
    stmt = _scoped(call.user)
    if params.status is not None:
        stmt = stmt.where(Application.status == params.status)
    rows = list(
        db_session()
        .execute(
            stmt.options(selectinload(Application.vacancy))
            .order_by(Application.id.desc())
            .offset(offset)
            .limit(params.limit + 1)
        )
        .scalars()
    )
    more = len(rows) > params.limit
    page = ApplicationPage(
        items=[out(a) for a in rows[: params.limit]],
        next_cursor=encode_cursor({"o": offset + params.limit}) if more else None,
    )
    return page.model_dump(mode="json")


@operation(
    "PATCH",
    "/applications/{id}",
    summary="Answer an application (employer of the vacancy) or withdraw it (its seeker)",
    roles=("seeker", "employer"),
    body=ApplicationPatch,
    response=ApplicationOut,
    errors=(400, 401, 403, 404, 409, 422),
    tag="applications",
)
def patch_application(call: Call, id: int) -> ResponseReturnValue:
    user = call.user
    assert user is not None
    body: ApplicationPatch = call.body
    session = db_session()
    application = session.execute(_scoped(user).where(Application.id == id)).scalar_one_or_none()
    if application is None:
        raise ApiProblem(404, f"no application {id}")
    allowed = (ApplicationStatus.WITHDRAWN,) if user.role is Role.SEEKER else EMPLOYER_STATUSES
    if body.status not in allowed:
        names = ", ".join(s.value for s in allowed)
        raise field_problem("status", f"you may set only: {names}", 403)
    if application.status in ENDED:
        raise field_problem("status", f"the application is {application.status.value}", 409)
    application.status = body.status
    session.commit()
    return out(application).model_dump(mode="json")
