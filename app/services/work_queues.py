"""A centre's work lists: the public-works queue in the legal priority order, referrals past
their deadlines, and job seekers whose search window has closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Centre,
    Referral,
    ReferralOutcome,
    Seeker,
    SeekerStatus,
    Vacancy,
    VacancyKind,
    VacancyStatus,
)
from app.services.calendar import work_calendar
from app.services.people import person_facts
from app.services.referrals import REGISTERED
from matching.rules import (
    PUBLIC_WORKS,
    Decision,
    PlacementFacts,
    Priority,
    QueueCandidate,
    becomes_unemployed_on,
    may_be_unemployed,
    priority,
    programme_eligibility,
    queue_order,
)

REPORT = "report"  # the person did not report back on the referral
EMPLOYER_ANSWER = "employer_answer"  # the social-job employer did not answer


@dataclass(frozen=True)
class QueueEntry:
    position: int
    seeker: Seeker
    priority: Priority
    eligibility: Decision
    pending: Referral | None  # an open public-works referral: already sent, not offered again


@dataclass(frozen=True)
class OverdueReferral:
    referral: Referral
    missed: str  # REPORT or EMPLOYER_ANSWER
    due: date
    days: int  # working days past the deadline


@dataclass(frozen=True)
class DueUnemployed:
    seeker: Seeker
    due_on: date


def _registered(session: Session, centre_id: int) -> list[Seeker]:
    stmt = (
        select(Seeker)
        .where(Seeker.centre_id == centre_id, Seeker.status.in_(REGISTERED))
        .options(
            selectinload(Seeker.education),
            selectinload(Seeker.status_history),
            selectinload(Seeker.locality),
        )
    )
    return list(session.execute(stmt).scalars())


def public_works_queue(session: Session, centre_id: int, today: date) -> list[QueueEntry]:
    """Everyone of the centre the rules let take public works, in the queue's order."""
    placement = PlacementFacts(kind=PUBLIC_WORKS)
    eligible: dict[int, tuple[Seeker, Decision]] = {}
    candidates = []
    for seeker in _registered(session, centre_id):
        facts = person_facts(seeker)
        decision = programme_eligibility(facts, placement, today)
        if decision.allowed:
            eligible[seeker.id] = (seeker, decision)
            candidates.append(QueueCandidate.from_facts(seeker.id, facts))
    pending = {
        r.seeker_id: r
        for r in session.execute(
            select(Referral)
            .join(Referral.vacancy)
            .where(
                Referral.seeker_id.in_(list(eligible)),
                Referral.outcome == ReferralOutcome.PENDING,
                Vacancy.kind == VacancyKind.PUBLIC_WORKS,
            )
        ).scalars()
    }
    entries = []
    for n, candidate in enumerate(queue_order(candidates, today), start=1):
        seeker, decision = eligible[candidate.person_id]
        entries.append(
            QueueEntry(n, seeker, priority(candidate, today), decision, pending.get(seeker.id))
        )
    return entries


def open_public_works(session: Session, centre: Centre) -> list[Vacancy]:
    """Published public-works places in the centre's region."""
    stmt = (
        select(Vacancy)
        .where(
            Vacancy.kind == VacancyKind.PUBLIC_WORKS,
            Vacancy.status == VacancyStatus.PUBLISHED,
            Vacancy.region_id == centre.region_id,
        )
        .options(selectinload(Vacancy.employer))
        .order_by(Vacancy.title, Vacancy.id)
    )
    return list(session.execute(stmt).scalars())


def overdue_referrals(session: Session, centre_id: int, today: date) -> list[OverdueReferral]:
    """Pending referrals past report_by, and social jobs past employer_answer_by, latest first."""
    calendar = work_calendar(session)
    stmt = (
        select(Referral)
        .where(
            Referral.centre_id == centre_id,
            Referral.outcome == ReferralOutcome.PENDING,
            (Referral.report_by < today) | (Referral.employer_answer_by < today),
        )
        .options(
            selectinload(Referral.seeker),
            selectinload(Referral.vacancy).selectinload(Vacancy.employer),
        )
    )
    found: list[OverdueReferral] = []
    for referral in session.execute(stmt).scalars():
        deadlines = [(REPORT, referral.report_by), (EMPLOYER_ANSWER, referral.employer_answer_by)]
        for missed, due in deadlines:
            if due is not None and due < today:
                days = calendar.working_days_between(due, today)
                found.append(OverdueReferral(referral, missed, due, days))
    found.sort(key=lambda o: (-o.days, o.due, o.referral.id, o.missed))
    return found


def due_unemployed(session: Session, centre_id: int, today: date) -> list[DueUnemployed]:
    """Job seekers whose 10-working-day search window has closed (the rules allow the change)."""
    calendar = work_calendar(session)
    due = []
    for seeker in _registered(session, centre_id):
        if seeker.status != SeekerStatus.JOB_SEEKER or seeker.registered_on is None:
            continue
        if may_be_unemployed(person_facts(seeker), today, calendar=calendar).allowed:
            due.append(DueUnemployed(seeker, becomes_unemployed_on(seeker.registered_on, calendar)))
    due.sort(key=lambda d: (d.due_on, d.seeker.id))
    return due
