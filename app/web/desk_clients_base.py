"""What the client pages of the staff desk share: the blueprint, the service day, the client the
signed-in user may see (others: 404), and translated labels and field messages."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort
from flask_babel import gettext as _

from app.extensions import db_session
from app.models import Role, Seeker, SeekerStatus, User
from app.services.clients import NotFound, client_for
from app.services.errors import FieldError, ValidationFailed
from app.web.access import current_user
from app.web.i18n import current_language
from matching.iin import mask_iin
from matching.rules.texts import PROGRAMME_NAMES

bp = Blueprint("desk_clients", __name__)


def today() -> date:
    """The service day (tests replace it to freeze time)."""
    return date.today()


def viewer() -> User:
    user = current_user()
    assert user is not None
    if user.role != Role.ADMIN and user.centre_id is None:
        abort(404)
    return user


def staff() -> User:
    """Changes are made by centre staff only."""
    user = viewer()
    if user.role != Role.STAFF:
        abort(403)
    return user


def the_client(user: User, seeker_id: int) -> Seeker:
    try:
        return client_for(db_session(), user, seeker_id)
    except NotFound:
        abort(404)


def own_client(user: User, seeker_id: int) -> Seeker:
    """A client the staff member may change: one of their own centre."""
    seeker = the_client(user, seeker_id)
    if seeker.centre_id != user.centre_id:
        abort(404)
    return seeker


def said(item: Any) -> str:
    """A rule's reason in the page's language (Russian for English: the rules speak kk/ru)."""
    return str(getattr(item, "kk" if current_language() == "kk" else "ru"))


def programme(kind: str) -> str:
    names = PROGRAMME_NAMES.get(kind)
    if names is None:
        return kind
    return names.kk if current_language() == "kk" else names.ru


def status_label(status: SeekerStatus | None) -> str:
    labels = {
        SeekerStatus.JOB_SEEKER: _("Job seeker"),
        SeekerStatus.UNEMPLOYED: _("Unemployed"),
        SeekerStatus.EMPLOYED: _("Employed"),
        SeekerStatus.DEREGISTERED: _("Deregistered"),
    }
    return labels[status] if status is not None else _("Not registered")


def reason_label(code: str) -> str:
    labels = {
        "registered": _("Registered as a job seeker"),
        "no_suitable_work_found": _("No suitable work found in the search period"),
        "employed_through_referral": _("Employed through a referral"),
        "found_work": _("Found work"),
        "own_request": _("At the client's own request"),
        "refused_suitable_offers": _("Refused two suitable job offers"),
        "no_show": _("Did not come to the centre without a good reason"),
        "quit_active_measure": _("Quit an active employment measure"),
        "missed_check_in": _("Missed a check-in at the centre"),
        "custody": _("Taken into custody"),
        "false_documents": _("Gave false documents"),
    }
    return labels.get(code, code)


def day(value: date) -> str:
    """Dates as people in Kazakhstan write them (and as the rules' reasons do)."""
    return f"{value:%d.%m.%Y}"


def outcome_text(outcome: str) -> str:
    labels = {
        "pending": _("Pending"),
        "hired": _("Hired"),
        "refused_by_seeker": _("Refused by the client"),
        "rejected_by_employer": _("Rejected by the employer"),
        "no_show": _("Did not show up"),
        "expired": _("Expired"),
    }
    return labels.get(outcome, outcome)


def sex_label(sex: str) -> str:
    return _("Male") if sex == "male" else _("Female")


def education_label(level: str) -> str:
    labels = {
        "none": _("No formal education"),
        "secondary": _("Secondary school"),
        "tipo": _("Vocational (TVET)"),
        "post_secondary": _("Post-secondary"),
        "higher": _("Higher education"),
        "postgraduate": _("Postgraduate"),
    }
    return labels.get(level, level)


def care_label(kind: str) -> str:
    labels = {
        "child": _("A child"),
        "disabled": _("A person with a disability"),
        "elderly": _("An elderly person"),
    }
    return labels.get(kind, kind)


def role_label(role: str) -> str:
    labels = {
        "head": _("Head of the family"),
        "spouse": _("Spouse"),
        "child": _("Child"),
        "parent": _("Parent"),
        "other": _("Other relative"),
    }
    return labels.get(role, role)


def field_message(field: str, message: str) -> str:
    """A translated message for a service's field error (the field decides the wording)."""
    if field == "iin":
        if "already" in message:
            return _(
                "A person with this IIN is already on file. To take on a person who is not"
                " yet a client of any centre, find them by IIN giving the reason."
            )
        if "your centre" in message:
            return _("This person is not a client of your centre.")
        if "family" in message:
            return _("This person already belongs to a family.")
        return _("Enter a valid IIN: 12 digits with a correct birth date and check digit.")
    if field == "birth_date":
        if "match" in message:
            return _("The birth date does not match the one in the IIN.")
        return _("Enter a date as YYYY-MM-DD.")
    if field == "care_recipient_birth_date":
        return _("Enter a past date as YYYY-MM-DD.")
    if field == "consent":
        return _("Confirm that the client has given consent to the processing of personal data.")
    if field in ("last_name", "first_name", "patronymic"):
        return _("Fill in this field (up to 120 characters).")
    if field == "care_recipient":
        return _("Choose whom the client cares for.")
    if field == "reason":
        return _("Give a reason.")
    return _("Check this field.")


def errors_of(exc: ValidationFailed | FieldError) -> dict[str, str]:
    found = exc.errors if isinstance(exc, ValidationFailed) else [exc]
    return {e.field: field_message(e.field, e.message) for e in found}


@bp.context_processor
def helpers() -> dict[str, Any]:
    return {
        "said": said,
        "programme": programme,
        "status_label": status_label,
        "reason_label": reason_label,
        "sex_label": sex_label,
        "education_label": education_label,
        "care_label": care_label,
        "role_label": role_label,
        "mask_iin": mask_iin,
        "outcome_text": outcome_text,
        "day": day,
    }
