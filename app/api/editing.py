"""Creating, changing and closing vacancies, through app.services.vacancies (and so the outbox)."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from app.api.present import detail
from app.api.problems import ApiProblem, field_problem
from app.api.registry import Call, operation
from app.api.schemas import VacancyCreate, VacancyDetail, VacancyPatch
from app.api.vacancies import may_manage, visible_vacancy
from app.extensions import db_session
from app.models import Employer, Role, Vacancy, VacancySource
from app.services.vacancies import VacancyInput, apply_input, close_vacancy, create_vacancy

MANAGERS = ("employer", "staff")


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
)
def create(call: Call) -> ResponseReturnValue:
    body: VacancyCreate = call.body
    user = call.user
    assert user is not None
    session = db_session()
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
    session.commit()
    return detail(vacancy).model_dump(mode="json"), 201


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
