"""The seeker endpoints' JSON bodies as the clients service's form values, and back.

``app.services.clients`` checks a client the way the desk's form sends it (strings, ``yes``
flags); the API reuses those checks so a person is validated the same way on both. Fields the
desk form does not have (email, skills, wishes) are set here directly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api.problems import ApiProblem, field_problem
from app.api.schemas_people import SeekerFields
from app.models import Locality, Occupation, Seeker
from app.services.clients import FLAGS
from app.services.errors import FieldError, ValidationFailed

# The service's field names and ours.
API_NAMES = {"consent": "data_consent", "locality_id": "locality_kato"}
FORM_FIELDS = (
    "last_name",
    "first_name",
    "patronymic",
    "address",
    "phone",
    "disability_group",
    "care_recipient",
    "care_recipient_birth_date",
)
EXTRA_FIELDS = (
    "email",
    "languages",
    "skills",
    "desired_occupations",
    "desired_salary",
    "desired_schedules",
    "max_commute_km",
    "health_restrictions",
)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def client_form(session: Session, seeker: Seeker | None, body: SeekerFields) -> dict[str, str]:
    """The record's current values (none for a new person) with the body's on top."""
    form: dict[str, str] = {}
    if seeker is not None:
        for name in (*FORM_FIELDS, *FLAGS):
            form[name] = _text(getattr(seeker, name))
        form["locality_id"] = _text(seeker.locality_id)
    given = body.model_dump(exclude_unset=True)
    for name, value in given.items():
        if name == "locality_kato":
            form["locality_id"] = _locality_id(session, value)
        elif name == "data_consent":
            form["consent"] = "yes" if value else ""
        elif name in FORM_FIELDS or name in FLAGS or name == "iin":
            form[name] = _text(value)
    return form


def _locality_id(session: Session, kato: str | None) -> str:
    if not kato:
        return ""
    found = session.execute(select(Locality.id).where(Locality.kato == kato)).scalar()
    if found is None:
        raise field_problem("locality_kato", f"{kato!r} is not a known locality")
    return str(found)


def check_occupations(session: Session, body: SeekerFields) -> None:
    """Wished occupations must be codes of the classifier (an unknown one breaks matching)."""
    codes = body.model_dump(exclude_unset=True).get("desired_occupations") or []
    known = set(session.scalars(select(Occupation.code).where(Occupation.code.in_(codes))))
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise field_problem("desired_occupations", f"unknown occupation codes: {unknown}")


def set_extras(seeker: Seeker, body: SeekerFields) -> None:
    """The fields the desk form lacks: contact email, skills, languages and wishes."""
    for name, value in body.model_dump(exclude_unset=True).items():
        if name not in EXTRA_FIELDS:
            continue
        if name in ("languages", "skills", "desired_occupations", "desired_schedules"):
            value = [str(v) for v in value or []]
        setattr(seeker, name, value)


def problem_of(exc: ValidationFailed | FieldError, status: int = 422) -> ApiProblem:
    """The service's field errors under the API's field names."""
    errors = exc.errors if isinstance(exc, ValidationFailed) else [exc]
    named = [{"field": API_NAMES.get(e.field, e.field), "message": e.message} for e in errors]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in named)
    return ApiProblem(status, detail, named)
