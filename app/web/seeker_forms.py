"""What the seeker pages share: the signed-in seeker, and the services' field errors as
translated messages next to the fields."""

from __future__ import annotations

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Seeker, User
from app.services.errors import FieldError, ValidationFailed
from app.services.passwords import MIN_PASSWORD_LENGTH
from app.web.access import current_user


def me() -> User:
    user = current_user()
    if user is None:
        abort(401)
    return user


def own_seeker(session: Session, user: User) -> Seeker | None:
    return session.execute(select(Seeker).where(Seeker.user_id == user.id)).scalar_one_or_none()


def field_message(field: str, message: str) -> str:
    """A translated message for a service's field error (the field decides the wording)."""
    if field == "email":
        if "already" in message:
            return _("This e-mail is already registered. Sign in instead.")
        return _("Enter a valid e-mail address.")
    if field == "password":
        return _("The password must be at least %(n)d characters.", n=MIN_PASSWORD_LENGTH)
    if field == "consent":
        return _("Registration needs your consent to the processing of your personal data.")
    if field == "consent_publish":
        return _("To make the CV public, tick the consent box.")
    if field == "birth_date":
        return _("Enter your birth date (you must be 14 to 100 years old).")
    if field in ("first_name", "last_name", "employer_name", "position", "name"):
        return _("Fill in this field (up to 120 characters).")
    if field in ("started_on", "ended_on", "graduated_on"):
        if "before" in message:
            return _("The end cannot be before the start.")
        return _("Enter a date between 1940 and today.")
    if field in ("desired_salary", "max_commute_km"):
        return _("Enter a whole number.")
    if field == "cv_title":
        return _("Give the CV a title (up to 255 characters).")
    if field == "phone":
        return _("Enter a phone number, for example +7 701 123 45 67.")
    return _("Check this field.")


def errors_of(exc: ValidationFailed | FieldError) -> dict[str, str]:
    found = exc.errors if isinstance(exc, ValidationFailed) else [exc]
    return {e.field: field_message(e.field, e.message) for e in found}
