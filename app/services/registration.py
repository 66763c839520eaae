"""A person's path through the register: job seeker → unemployed → employed or deregistered.

Every transition is decided by the pure rules (``matching.rules``) on the person's facts and the
editable working-day calendar, and recorded in the status history with its reason.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Placement,
    Referral,
    ReferralOutcome,
    Seeker,
    SeekerStatus,
    StatusChange,
    User,
    VacancyKind,
)
from app.services.audit import record
from app.services.calendar import work_calendar
from app.services.people import person_facts, refused_suitable_offers
from matching.rules import Decision, deregistration_due, may_be_unemployed, may_register

REGISTERED = "registered"
NO_SUITABLE_WORK = "no_suitable_work_found"
EMPLOYED = "employed_through_referral"


class RuleRefused(ValueError):
    """The rules do not allow the transition; ``decision`` says why (kk/ru texts included)."""

    def __init__(self, decision: Decision) -> None:
        super().__init__("; ".join(r.code for r in decision.reasons))
        self.decision = decision


def change_status(
    session: Session,
    seeker: Seeker,
    status: SeekerStatus,
    on: date,
    reason_code: str,
    by: User | None,
    note: str | None = None,
) -> None:
    """Move the person to ``status`` from ``on``: history row and audit entry with the reason."""
    seeker.status = status
    seeker.status_since = on
    seeker.status_history.append(
        StatusChange(
            status=status,
            changed_on=on,
            reason_code=reason_code,
            note=note,
            by_user_id=by.id if by else None,
        )
    )
    record(
        session,
        user=by,
        action=f"status:{status.value}",
        entity_type="seeker",
        entity_id=seeker.id,
        reason=reason_code,
    )


def register(session: Session, seeker: Seeker, today: date, by: User | None = None) -> Decision:
    """Register the person as a job seeker (raises RuleRefused with the reasons if not allowed)."""
    decision = may_register(person_facts(seeker), today)
    if not decision.allowed:
        raise RuleRefused(decision)
    seeker.registered_on = today
    change_status(session, seeker, SeekerStatus.JOB_SEEKER, today, REGISTERED, by)
    session.flush()
    return decision


def promote_due_job_seekers(session: Session, today: date) -> list[int]:
    """Job seekers for whom no suitable work was found within the working days the law gives
    become registered unemployed (unless a rule excludes them: paid work, pension age...)."""
    calendar = work_calendar(session)
    seekers = session.execute(
        select(Seeker)
        .where(Seeker.status == SeekerStatus.JOB_SEEKER)
        .options(selectinload(Seeker.status_history), selectinload(Seeker.education))
    ).scalars()
    promoted = []
    for seeker in seekers:
        facts = person_facts(seeker, refused_suitable_offers(session, seeker.id))
        if may_be_unemployed(facts, today, calendar=calendar).allowed:
            change_status(session, seeker, SeekerStatus.UNEMPLOYED, today, NO_SUITABLE_WORK, None)
            promoted.append(seeker.id)
    session.flush()
    return promoted


def record_referral_outcome(
    session: Session,
    referral: Referral,
    outcome: ReferralOutcome,
    today: date,
    by: User | None = None,
    refusal_reason: str | None = None,
) -> Decision | None:
    """Record how a referral ended and apply what follows from it.

    Hired → employed, with a placement. A refusal of an offer that counted as suitable work
    may make deregistration due (two refusals); the returned decision says whether it did.
    """
    if referral.outcome != ReferralOutcome.PENDING:
        raise ValueError(
            f"outcome: referral #{referral.id} already ended ({referral.outcome.value})"
        )
    referral.outcome = outcome
    referral.outcome_on = today
    referral.refusal_reason = refusal_reason
    seeker = referral.seeker
    session.flush()
    if outcome == ReferralOutcome.HIRED:
        vacancy = referral.vacancy
        session.add(
            Placement(
                seeker_id=seeker.id,
                vacancy_id=vacancy.id,
                referral_id=referral.id,
                employer_id=vacancy.employer_id,
                kind=vacancy.kind,
                is_permanent=vacancy.kind == VacancyKind.REGULAR,
                started_on=today,
            )
        )
        change_status(session, seeker, SeekerStatus.EMPLOYED, today, EMPLOYED, by)
        session.flush()
        return None
    if outcome != ReferralOutcome.REFUSED_BY_SEEKER or not referral.counted_as_suitable_offer:
        return None
    facts = person_facts(seeker, refused_suitable_offers(session, seeker.id))
    decision = deregistration_due(facts, today)
    if decision.allowed:
        reason_code = decision.reasons[0].code
        change_status(session, seeker, SeekerStatus.DEREGISTERED, today, reason_code, by)
        session.flush()
    return decision
