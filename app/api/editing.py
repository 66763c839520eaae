"""Creating, changing and closing vacancies, through app.services.vacancies (and so the outbox)."""

from __future__ import annotations

from flask import request
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.api.present import detail
from app.api.problems import ApiProblem, field_problem
from app.api.registry import Call, operation
from app.api.schemas import VacancyCreate, VacancyDetail, VacancyPatch
from app.api.vacancies import may_manage, visible_vacancy
from app.extensions import db_session
from app.models import Employer, IdempotentRequest, Role, Vacancy, VacancySource
from app.services.vacancies import VacancyInput, apply_input, close_vacancy, create_vacancy

MANAGERS = ("employer", "staff")
IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_KEY = 128


def _managed(call: Call, vacancy_id: int) -> Vacancy:
    vacancy = visible_vacancy(call, vacancy_id)
    if not may_manage(call.user, vacancy):
        raise ApiProblem(403, "only the owning employer or staff may change this vacancy")
    return vacancy


@operation(
    "POST",
    "/vacancies",
    summary="Create a vacancy (employers for their employer; staff name employer_id)",
    roles=MANAGERS,
    body=VacancyCreate,
    response=VacancyDetail,
    status=201,
    errors=(400, 401, 403, 422),
    description=(
        "Send an `Idempotency-Key` header (up to 128 characters, unique per posting) to retry "
        "safely: a repeat with the same key returns the vacancy the first request created."
    ),
)
def create(call: Call) -> ResponseReturnValue:
    body: VacancyCreate = call.body
    user = call.user
    assert user is not None
    session = db_session()
    key = _idempotency_key()
    if key is not None:
        earlier = _earlier(session, user.id, key)
        if earlier is not None:
            return detail(earlier).model_dump(mode="json"), 201
    if user.role is Role.EMPLOYER:
        if body.employer_id not in (None, user.employer_id):
            raise field_problem("employer_id", "employers create vacancies for themselves", 403)
        employer_id = user.employer_id
    elif body.employer_id is None:
        raise field_problem("employer_id", "is required for staff")
    else:
        employer_id = body.employer_id
    employer = session.get(Employer, employer_id) if employer_id is not None else None
    if employer is None:
        raise field_problem("employer_id", f"no employer {employer_id}")
    staff = user.role is Role.STAFF
    vacancy = create_vacancy(
        session,
        employer,
        VacancyInput.of(**body.changes()),
        source=VacancySource.CENTRE if staff else VacancySource.EMPLOYER,
        publish=body.publish,
        centre_id=user.centre_id if staff else None,
        created_by_id=user.id,
    )
    if key is not None:
        session.add(IdempotentRequest(user_id=user.id, key=key, vacancy_id=vacancy.id))
    try:
        session.commit()
    except IntegrityError:  # the same key, committed by a concurrent retry in the meantime
        session.rollback()
        earlier = _earlier(session, user.id, key or "")
        if earlier is None:
            raise
        vacancy = earlier
    return detail(vacancy).model_dump(mode="json"), 201


def _idempotency_key() -> str | None:
    key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
    if len(key) > MAX_KEY:
        raise field_problem(IDEMPOTENCY_HEADER, f"at most {MAX_KEY} characters")
    return key or None


def _earlier(session: Session, user_id: int, key: str) -> Vacancy | None:
    """The vacancy an earlier request with this key created."""
    found = session.execute(
        select(IdempotentRequest.vacancy_id).where(
            IdempotentRequest.user_id == user_id, IdempotentRequest.key == key
        )
    ).scalar_one_or_none()
    return session.get(Vacancy, found) if found is not None else None


@operation(
    "PATCH",
    "/vacancies/{id}",
    summary="Change a vacancy (owning employer or staff)",
    roles=MANAGERS,
    body=VacancyPatch,
    response=VacancyDetail,
    errors=(400, 401, 403, 404, 422),
)
def patch(call: Call, id: int) -> ResponseReturnValue:
    vacancy = _managed(call, id)
    body: VacancyPatch = call.body
    session = db_session()
    apply_input(session, vacancy, VacancyInput.of(**body.changes()))
    session.commit()
    return detail(vacancy).model_dump(mode="json")


@operation(
    "DELETE",
    "/vacancies/{id}",
    summary="Close a vacancy (owning employer or staff)",
    roles=MANAGERS,
    response=VacancyDetail,
    errors=(401, 403, 404),
)
def close(call: Call, id: int) -> ResponseReturnValue:
    vacancy = _managed(call, id)
    close_vacancy(vacancy)
    db_session().commit()
    return detail(vacancy).model_dump(mode="json")
