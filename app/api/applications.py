"""Online applications: seekers apply to published vacancies, employers answer them."""

from __future__ import annotations

from flask.typing import ResponseReturnValue
from sqlalchemy.orm import selectinload

from app.api.pagination import fetch_page
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
from app.models import Application
from app.services import applications as service


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
    try:
        application = service.apply(db_session(), call.user, body.vacancy_id, body.cover_letter)
    except service.NoSeekerRecord as exc:
        raise ApiProblem(404, str(exc)) from exc
    except service.AlreadyApplied as exc:
        raise field_problem(exc.field, exc.message, 409) from exc
    except service.VacancyClosed as exc:
        raise field_problem(exc.field, exc.message) from exc
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
    stmt = service.scoped(call.user)
    if params.status is not None:
        stmt = stmt.where(Application.status == params.status)
    stmt = stmt.options(selectinload(Application.vacancy)).order_by(Application.id.desc())
    rows, next_cursor = fetch_page(db_session(), stmt, params.cursor, params.limit)
    page = ApplicationPage(items=[out(a) for a in rows], next_cursor=next_cursor)
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
    assert call.user is not None
    body: ApplicationPatch = call.body
    try:
        application = service.set_status(db_session(), call.user, id, body.status)
    except service.NoApplication as exc:
        raise ApiProblem(404, str(exc)) from exc
    except service.StatusNotAllowed as exc:
        raise field_problem(exc.field, exc.message, 403) from exc
    except service.ApplicationEnded as exc:
        raise field_problem(exc.field, exc.message, 409) from exc
    return out(application).model_dump(mode="json")
