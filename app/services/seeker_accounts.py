"""A job seeker's own account: registering online (login + person record, with consent to the
processing of personal data), exporting everything held about them, and deleting it all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.models import (
    ApiToken,
    Application,
    AuditLog,
    Locality,
    Notification,
    Placement,
    Referral,
    Role,
    SavedSearch,
    Seeker,
    Sex,
    User,
)
from app.services.audit import record
from app.services.errors import FieldError, ValidationFailed
from app.services.passwords import MIN_PASSWORD_LENGTH, verify_password
from app.services.users import UserError, create_user
from matching.rules.params import params_for

MIN_AGE = 14  # the Labour Code's youngest worker (light work, with a parent's consent)
MAX_AGE = 100
PHONE_RE = re.compile(r"^\+?[0-9]{10,15}$")


@dataclass(frozen=True)
class Registration:
    email: str
    password: str
    first_name: str
    last_name: str
    birth_date: date | None
    sex: str
    locality_id: int | None
    phone: str = ""
    consent: bool = False
    locale: str = "kk"


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _check(session: Session, form: Registration, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    if len(form.password) < MIN_PASSWORD_LENGTH:
        errors.append(FieldError("password", f"must be at least {MIN_PASSWORD_LENGTH} characters"))
    for name in ("first_name", "last_name"):
        value = getattr(form, name).strip()
        if not value:
            errors.append(FieldError(name, "is required"))
        elif len(value) > 120:
            errors.append(FieldError(name, "must be at most 120 characters"))
    if form.birth_date is None:
        errors.append(FieldError("birth_date", "is required"))
    elif not MIN_AGE <= _age(form.birth_date, today) <= MAX_AGE:
        errors.append(FieldError("birth_date", f"age must be from {MIN_AGE} to {MAX_AGE}"))
    if form.sex not in {s.value for s in Sex}:
        errors.append(FieldError("sex", "choose one"))
    if form.locality_id is None or session.get(Locality, form.locality_id) is None:
        errors.append(FieldError("locality_id", "choose a locality"))
    phone = re.sub(r"[\s()-]", "", form.phone)
    if phone and not PHONE_RE.match(phone):
        errors.append(FieldError("phone", "not a phone number"))
    if not form.consent:
        errors.append(FieldError("consent", "consent to personal-data processing is required"))
    return errors


def register_seeker(session: Session, form: Registration, now: datetime | None = None) -> User:
    """Create the login and the linked person record (no IIN: it is checked at the centre).
    Raises ``ValidationFailed`` with every field problem; flushes, the caller commits."""
    now = now or datetime.now(UTC)
    errors = _check(session, form, now.date())
    user: User | None = None
    if not errors:
        try:
            user = create_user(
                session,
                email=form.email,
                password=form.password,
                role=Role.SEEKER,
                display_name=f"{form.first_name.strip()} {form.last_name.strip()}",
                locale=form.locale if form.locale in ("kk", "ru", "en") else "kk",
            )
        except UserError as exc:
            errors.append(FieldError(exc.field, str(exc).split(": ", 1)[-1]))
    else:
        email = form.email.strip().lower()
        if email and session.execute(select(User.id).where(User.email == email)).first():
            errors.append(FieldError("email", "already registered"))
    if errors or user is None:
        raise ValidationFailed(errors)
    assert form.birth_date is not None
    phone = re.sub(r"[\s()-]", "", form.phone)
    session.add(
        Seeker(
            user_id=user.id,
            first_name=form.first_name.strip(),
            last_name=form.last_name.strip(),
            birth_date=form.birth_date,
            sex=Sex(form.sex),
            locality_id=form.locality_id,
            phone=phone or None,
            email=user.email,
            data_consent_at=now,
        )
    )
    session.flush()
    return user


def mask_iin(iin: str | None) -> str | None:
    return None if not iin else "*" * (len(iin) - 4) + iin[-4:]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


def _row(obj: Any, *names: str) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in names}


def own_seeker(session: Session, user: User) -> Seeker | None:
    return session.execute(select(Seeker).where(Seeker.user_id == user.id)).scalar_one_or_none()


def _person(session: Session, seeker: Seeker) -> dict[str, Any]:
    person = _row(
        seeker,
        "last_name",
        "first_name",
        "patronymic",
        "birth_date",
        "sex",
        "address",
        "phone",
        "email",
        "languages",
        "skills",
        "desired_occupations",
        "desired_salary",
        "desired_schedules",
        "max_commute_km",
        "status",
        "status_since",
        "registered_on",
        "data_consent_at",
    )
    person["iin"] = mask_iin(seeker.iin)
    person["locality"] = seeker.locality.name_ru if seeker.locality else None
    person["centre"] = seeker.centre.name_ru if seeker.centre else None
    cv = seeker.cv
    person["cv"] = (
        None
        if cv is None
        else _row(cv, "title", "summary", "visibility", "consent_publish_at", "updated_at")
    )
    person["education"] = [
        _row(e, "level", "institution", "specialty_code", "specialty_name", "graduated_on")
        for e in seeker.education
    ]
    person["work_history"] = [
        _row(w, "employer_name", "position", "occupation_code", "started_on", "ended_on")
        for w in seeker.work_history
    ]
    person["status_history"] = [
        _row(s, "status", "changed_on", "reason_code", "note") for s in seeker.status_history
    ]
    applications = session.scalars(
        select(Application).where(Application.seeker_id == seeker.id).order_by(Application.id)
    )
    person["applications"] = [
        {
            **_row(a, "vacancy_id", "status", "cover_letter", "created_at"),
            "vacancy": a.vacancy.title,
        }
        for a in applications
    ]
    referrals = session.scalars(
        select(Referral).where(Referral.seeker_id == seeker.id).order_by(Referral.id)
    )
    person["referrals"] = [
        {
            **_row(r, "vacancy_id", "issued_on", "report_by", "outcome", "outcome_on"),
            "vacancy": r.vacancy.title,
        }
        for r in referrals
    ]
    placements = session.scalars(
        select(Placement).where(Placement.seeker_id == seeker.id).order_by(Placement.id)
    )
    person["placements"] = [
        _row(p, "vacancy_id", "kind", "is_permanent", "started_on", "ended_on") for p in placements
    ]
    return person


def export_data(session: Session, user: User, now: datetime | None = None) -> dict[str, Any]:
    """Everything held about this login and its person record (the IIN masked)."""
    seeker = own_seeker(session, user)
    searches = session.scalars(
        select(SavedSearch).where(SavedSearch.user_id == user.id).order_by(SavedSearch.id)
    )
    notes = session.scalars(
        select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    )
    return {
        "exported_at": (now or datetime.now(UTC)).isoformat(),
        "account": _row(user, "email", "display_name", "role", "locale", "created_at"),
        "person": None if seeker is None else _person(session, seeker),
        "saved_searches": [
            _row(s, "name", "params", "alert", "created_at", "checked_at") for s in searches
        ],
        "notifications": [
            _row(n, "kind", "title", "body", "link", "created_at", "read_at") for n in notes
        ],
    }


def delete_account(
    session: Session, user: User, password: str, ip: str | None = None, today: date | None = None
) -> int | None:
    """Remove the login and the person's own data (the CV leaves the index through the
    outbox). Password re-typed as confirmation. Commits; returns the deleted CV's id, if any.

    A person on a centre's register keeps a minimised centre record (``keep_centre_record``):
    the centre must keep its registration record for the legal retention period, and a
    refusal counted there still counts if the person registers again."""
    if not verify_password(user.password_hash, password):
        raise FieldError("password", "wrong password")
    today = today or date.today()
    seeker = own_seeker(session, user)
    cv_id = seeker.cv.id if seeker is not None and seeker.cv is not None else None
    user_id = user.id
    kept = seeker is not None and has_centre_record(session, seeker)
    if seeker is not None and kept:
        keep_centre_record(session, seeker, today)
    elif seeker is not None:
        for model in (Placement, Referral, Application):  # placements point at referrals
            session.execute(delete(model).where(model.seeker_id == seeker.id))
        session.delete(seeker)
        session.flush()
    session.execute(update(AuditLog).where(AuditLog.user_id == user_id).values(user_id=None))
    for owned in (ApiToken, SavedSearch, Notification):
        session.execute(delete(owned).where(owned.user_id == user_id))
    session.delete(user)
    record(
        session,
        user=None,
        action="account:deleted",
        entity_type="user",
        entity_id=user_id,
        ip=ip,
        had_person_record=seeker is not None,
        centre_record_kept=kept,
    )
    session.commit()
    return cv_id


def has_centre_record(session: Session, seeker: Seeker) -> bool:
    """The person has (or had) a registration at a centre: a status, or referrals."""
    if seeker.centre_id is not None or seeker.status is not None or seeker.status_history:
        return True
    referral = select(Referral.id).where(Referral.seeker_id == seeker.id).limit(1)
    return session.execute(referral).first() is not None


def keep_centre_record(session: Session, seeker: Seeker, today: date) -> None:
    """Erase the account's part of a person record and keep the centre's part, minimised,
    until the retention period ends: identity (IIN, name, birth date), registration status
    and history, referrals and placements, and the facts the rules decided on. The CV,
    contacts, wishes, skills and online applications go."""
    session.execute(delete(Application).where(Application.seeker_id == seeker.id))
    seeker.user_id = None
    seeker.cv = None
    seeker.email = seeker.phone = seeker.address = None
    seeker.skills, seeker.languages = [], []
    seeker.desired_occupations, seeker.desired_schedules = [], []
    seeker.desired_salary = seeker.max_commute_km = None
    years = params_for(today).registration_record_retention_years
    seeker.retained_until = _years_after(today, years)
    session.flush()


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def purge_expired_records(session: Session, today: date) -> int:
    """Delete kept centre records whose retention period has ended (daily maintenance);
    returns how many went. The caller commits."""
    expired = list(
        session.execute(
            select(Seeker).where(Seeker.retained_until.is_not(None), Seeker.retained_until < today)
        ).scalars()
    )
    for seeker in expired:
        for model in (Placement, Referral, Application):
            session.execute(delete(model).where(model.seeker_id == seeker.id))
        session.delete(seeker)
    session.flush()
    return len(expired)
