"""What an employer sees and changes in their own account: the organisation's profile, an
overview of their vacancies with their applications, and the centre's referrals to them.

Everything here is scoped by ``employer_id``: a row of another employer is reported as absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Application,
    ApplicationStatus,
    Cv,
    CvVisibility,
    Employer,
    Locality,
    OwnershipForm,
    Referral,
    ReferralOutcome,
    User,
    Vacancy,
    VacancyStatus,
    WorkExperience,
)
from app.services.errors import FieldError, ValidationFailed
from matching.iin import check_digit

DUE_SOON_DAYS = 2  # calendar days before employer_answer_by that a pending answer is "due soon"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{7,20}$")


@dataclass(frozen=True)
class VacancyOverview:
    """One line of the employer's vacancy list."""

    vacancy: Vacancy
    applications: int
    referrals: int
    answers_due_soon: int
    answers_overdue: int


def own_vacancy(session: Session, employer_id: int | None, vacancy_id: int) -> Vacancy | None:
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None or employer_id is None or vacancy.employer_id != employer_id:
        return None
    return vacancy


def vacancy_overview(
    session: Session, employer_id: int, today: date, status: VacancyStatus | None = None
) -> list[VacancyOverview]:
    """The employer's vacancies, newest first, with counts of applications and referrals and
    how many pending referral answers (``answer_deadline``) are due within ``DUE_SOON_DAYS``
    or already overdue."""
    stmt = select(Vacancy).where(Vacancy.employer_id == employer_id)
    if status is not None:
        stmt = stmt.where(Vacancy.status == status)
    vacancies = list(
        session.execute(
            stmt.options(selectinload(Vacancy.locality), selectinload(Vacancy.region)).order_by(
                Vacancy.created_at.desc(), Vacancy.id.desc()
            )
        ).scalars()
    )
    ids = [v.id for v in vacancies]
    applications = dict(
        session.execute(
            select(Application.vacancy_id, func.count())
            .where(Application.vacancy_id.in_(ids))
            .group_by(Application.vacancy_id)
        ).all()
    )
    referrals = dict(
        session.execute(
            select(Referral.vacancy_id, func.count())
            .where(Referral.vacancy_id.in_(ids))
            .group_by(Referral.vacancy_id)
        ).all()
    )
    soon: dict[int, int] = {}
    overdue: dict[int, int] = {}
    pending = session.execute(
        select(
            Referral.vacancy_id, func.coalesce(Referral.employer_answer_by, Referral.report_by)
        ).where(Referral.vacancy_id.in_(ids), Referral.outcome == ReferralOutcome.PENDING)
    ).all()
    for vacancy_id, answer_by in pending:
        if answer_by < today:
            overdue[vacancy_id] = overdue.get(vacancy_id, 0) + 1
        elif answer_by <= today + timedelta(days=DUE_SOON_DAYS):
            soon[vacancy_id] = soon.get(vacancy_id, 0) + 1
    return [
        VacancyOverview(
            v,
            applications.get(v.id, 0),
            referrals.get(v.id, 0),
            soon.get(v.id, 0),
            overdue.get(v.id, 0),
        )
        for v in vacancies
    ]


def answer_deadline(referral: Referral) -> date:
    """The day the employer's answer is due: employer_answer_by (social jobs), else report_by."""
    return referral.employer_answer_by or referral.report_by


def is_overdue(referral: Referral, today: date) -> bool:
    return referral.outcome is ReferralOutcome.PENDING and answer_deadline(referral) < today


def employer_referrals(
    session: Session, employer_id: int, vacancy_id: int | None = None
) -> list[Referral]:
    """Referrals to the employer's vacancies: pending ones first, by deadline; then the rest."""
    stmt = (
        select(Referral)
        .join(Referral.vacancy)
        .where(Vacancy.employer_id == employer_id)
        .options(selectinload(Referral.vacancy), selectinload(Referral.seeker))
    )
    if vacancy_id is not None:
        stmt = stmt.where(Referral.vacancy_id == vacancy_id)
    rows = list(session.execute(stmt).scalars())
    rows.sort(
        key=lambda r: (
            r.outcome is not ReferralOutcome.PENDING,
            answer_deadline(r) if r.outcome is ReferralOutcome.PENDING else date.max,
            -r.id,
        )
    )
    return rows


def own_referral(session: Session, employer_id: int | None, referral_id: int) -> Referral | None:
    referral = session.get(Referral, referral_id)
    if referral is None or employer_id is None or referral.vacancy.employer_id != employer_id:
        return None
    return referral


def vacancy_applications(session: Session, vacancy_id: int) -> list[Application]:
    return list(
        session.execute(
            select(Application)
            .where(Application.vacancy_id == vacancy_id)
            .options(selectinload(Application.seeker))
            .order_by(Application.created_at.desc(), Application.id.desc())
        ).scalars()
    )


@dataclass(frozen=True)
class Applicant:
    """What a person who applied shares with the vacancy's employer: by applying they chose to
    send their CV and contacts (the Apply box says so). A withdrawn application shares nothing
    more than the name; a CV its owner hid from everyone is not shown."""

    application: Application
    phone: str | None
    email: str | None
    cv: Cv | None
    skills: list[str]
    work: list[WorkExperience]


def applicants(session: Session, vacancy_id: int) -> list[Applicant]:
    """The vacancy's applications, newest first, each with what its applicant shares."""
    found = vacancy_applications(session, vacancy_id)
    logins = {
        user.id: user.email
        for user in session.scalars(
            select(User).where(User.id.in_({a.seeker.user_id for a in found if a.seeker.user_id}))
        )
    }
    out: list[Applicant] = []
    for application in found:
        seeker = application.seeker
        if application.status is ApplicationStatus.WITHDRAWN:
            out.append(Applicant(application, None, None, None, [], []))
            continue
        cv = seeker.cv if seeker.cv and seeker.cv.visibility is not CvVisibility.HIDDEN else None
        email = seeker.email or (logins.get(seeker.user_id) if seeker.user_id else None)
        work = sorted(seeker.work_history, key=lambda w: w.started_on, reverse=True)
        out.append(Applicant(application, seeker.phone, email, cv, list(seeker.skills), work))
    return out


@dataclass
class ProfileInput:
    """The organisation's profile as an employer fills it in (strings as typed)."""

    name: str = ""
    bin: str = ""
    ownership_form: str = OwnershipForm.PRIVATE.value
    locality_kato: str = ""
    address: str = ""
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""


def valid_bin(value: str) -> bool:
    """12 digits whose last is the check digit (the IIN algorithm, which BINs share)."""
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        return False
    return check_digit(value[:11]) == int(value[11])


def _text(value: str, limit: int = 255) -> str | None:
    return " ".join(value.split())[:limit] or None


def update_profile(session: Session, employer: Employer, data: ProfileInput) -> None:
    """Validate every field first and change nothing unless all are good."""
    errors: list[FieldError] = []
    name = " ".join(data.name.split())
    if not name:
        errors.append(FieldError("name", "is required"))
    elif len(name) > 255:
        errors.append(FieldError("name", "at most 255 characters"))
    bin_value = "".join(data.bin.split())
    if bin_value and not valid_bin(bin_value):
        errors.append(FieldError("bin", "must be 12 digits with a valid check digit"))
    elif bin_value:
        taken = session.execute(
            select(Employer.id).where(Employer.bin == bin_value, Employer.id != employer.id)
        ).first()
        if taken is not None:
            errors.append(FieldError("bin", "another organisation has this BIN"))
    try:
        ownership = OwnershipForm(data.ownership_form)
    except ValueError:
        errors.append(FieldError("ownership_form", f"unknown form {data.ownership_form!r}"))
        ownership = employer.ownership_form
    locality = None
    if data.locality_kato:
        locality = session.execute(
            select(Locality).where(Locality.kato == data.locality_kato)
        ).scalar_one_or_none()
        if locality is None:
            errors.append(FieldError("locality_kato", f"unknown KATO code {data.locality_kato!r}"))
    phone = data.phone.strip()
    if phone and not _PHONE.match(phone):
        errors.append(FieldError("phone", "is not a phone number"))
    email = data.email.strip()
    if email and not _EMAIL.match(email):
        errors.append(FieldError("email", "is not an e-mail address"))
    website = data.website.strip()
    if website and not website.startswith(("http://", "https://")):
        errors.append(FieldError("website", "must start with http:// or https://"))
    if errors:
        raise ValidationFailed(errors)
    employer.name = name
    employer.bin = bin_value or None
    employer.ownership_form = ownership
    employer.locality_id = locality.id if locality else None
    employer.region_id = locality.region_id if locality else None
    employer.address = _text(data.address)
    employer.contact_name = _text(data.contact_name)
    employer.phone = phone[:32] or None
    employer.email = email[:255] or None
    employer.website = website[:255] or None
