"""Online applications: a seeker applies once to a published vacancy, withdraws, and the
vacancy's employer answers. The API and the pages both go through these functions."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.models import Application, ApplicationStatus, Role, Seeker, User, Vacancy, VacancyStatus
from app.services.errors import FieldError

EMPLOYER_STATUSES = (
    ApplicationStatus.VIEWED,
    ApplicationStatus.INVITED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.HIRED,
)
SEEKER_STATUSES = (ApplicationStatus.WITHDRAWN,)
ENDED = (ApplicationStatus.WITHDRAWN, ApplicationStatus.HIRED)
ALLOWED_BY_ROLE = {Role.SEEKER: SEEKER_STATUSES, Role.EMPLOYER: EMPLOYER_STATUSES}


class NoSeekerRecord(LookupError):
    """The login has no job-seeker registration linked to it (nothing to apply with)."""

    def __init__(self) -> None:
        super().__init__("this login has no job-seeker registration linked to it")


class VacancyClosed(FieldError):
    """No such vacancy, or it is not published."""

    def __init__(self, vacancy_id: int) -> None:
        super().__init__("vacancy_id", f"no published vacancy {vacancy_id}")


class AlreadyApplied(FieldError):
    def __init__(self, application: Application) -> None:
        super().__init__("vacancy_id", "you have already applied to this vacancy")
        self.application = application


class StatusNotAllowed(FieldError):
    """This caller may not set this status (a seeker only withdraws; an employer answers)."""

    def __init__(self, allowed: tuple[ApplicationStatus, ...]) -> None:
        names = ", ".join(s.value for s in allowed)
        super().__init__("status", f"you may set only: {names}")


class ApplicationEnded(FieldError):
    """A withdrawn or hired application is final."""

    def __init__(self, status: ApplicationStatus) -> None:
        super().__init__("status", f"the application is {status.value}")


class NoApplication(LookupError):
    def __init__(self, application_id: int) -> None:
        super().__init__(f"no application {application_id}")


def own_seeker(session: Session, user: User) -> Seeker | None:
    """The job-seeker record linked to this login, if any."""
    return session.execute(select(Seeker).where(Seeker.user_id == user.id)).scalar_one_or_none()


def scoped(user: User) -> Select[Application]:
    """Applications the user may see: their own, to their vacancies, or of their centre."""
    stmt = select(Application).join(Application.vacancy).join(Application.seeker)
    if user.role is Role.SEEKER:
        return stmt.where(Seeker.user_id == user.id)
    if user.role is Role.EMPLOYER:
        return stmt.where(Vacancy.employer_id == user.employer_id)
    return stmt.where(Seeker.centre_id == user.centre_id)


def application_for(session: Session, user: User, vacancy_id: int) -> Application | None:
    """This seeker login's application to the vacancy, if it has one."""
    seeker = own_seeker(session, user)
    if seeker is None:
        return None
    return session.execute(
        select(Application).where(
            Application.seeker_id == seeker.id, Application.vacancy_id == vacancy_id
        )
    ).scalar_one_or_none()


def apply(
    session: Session, user: User, vacancy_id: int, cover_letter: str | None = None
) -> Application:
    """Apply once to a published vacancy; committed. Raises ``NoSeekerRecord``,
    ``VacancyClosed`` or ``AlreadyApplied``."""
    seeker = own_seeker(session, user)
    if seeker is None:
        raise NoSeekerRecord()
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.status is not VacancyStatus.PUBLISHED:
        raise VacancyClosed(vacancy_id)
    taken = session.execute(
        select(Application).where(
            Application.seeker_id == seeker.id, Application.vacancy_id == vacancy.id
        )
    ).scalar_one_or_none()
    if taken is not None:
        raise AlreadyApplied(taken)
    letter = (cover_letter or "").strip() or None
    application = Application(seeker_id=seeker.id, vacancy_id=vacancy.id, cover_letter=letter)
    application.vacancy = vacancy
    session.add(application)
    session.commit()
    return application


def set_status(
    session: Session, user: User, application_id: int, status: ApplicationStatus
) -> Application:
    """The seeker withdraws, or the vacancy's employer answers; committed. Raises
    ``NoApplication`` (not visible to this user), ``StatusNotAllowed`` or ``ApplicationEnded``."""
    application = session.execute(
        scoped(user).where(Application.id == application_id)
    ).scalar_one_or_none()
    if application is None:
        raise NoApplication(application_id)
    allowed = ALLOWED_BY_ROLE.get(user.role, ())
    if status not in allowed:
        raise StatusNotAllowed(allowed)
    if application.status in ENDED:
        raise ApplicationEnded(application.status)
    application.status = status
    session.commit()
    return application


def withdraw(session: Session, user: User, application_id: int) -> Application:
    return set_status(session, user, application_id, ApplicationStatus.WITHDRAWN)
