"""Centre referrals (направление / жолдама): who may be sent where, with which deadlines, and
whether the offer counts as suitable work (two refused suitable offers deregister a person).

The API and the staff desk both issue and close referrals through these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    EmploymentType,
    Locality,
    Referral,
    ReferralOutcome,
    Seeker,
    SeekerStatus,
    User,
    Vacancy,
    VacancyKind,
    VacancyStatus,
)
from app.services.audit import record
from app.services.calendar import work_calendar
from app.services.errors import FieldError
from app.services.people import person_facts, refused_suitable_offers, worker_profile
from app.services.registration import record_referral_outcome
from matching.calendar import WorkCalendar
from matching.geo import distance_km
from matching.rules import (
    REFUSED_SUITABLE_OFFERS,
    Decision,
    Deregistration,
    OfferTerms,
    PersonFacts,
    PlacementFacts,
    Reason,
    assess_suitability,
    params_for,
    programme_eligibility,
    reason,
    reregistration_allowed_from,
    same_group,
)

REPORT_DAYS = 5  # domain.md: the person acts on a referral within 5 working days
EMPLOYER_ANSWER_DAYS = 3  # and for social jobs the employer answers within 3
REGISTERED = (SeekerStatus.JOB_SEEKER, SeekerStatus.UNEMPLOYED)
SPECIALTY_DIGITS = 3  # an occupation in the same ISCO minor group counts as "in specialty"


class NotEligible(FieldError):
    """The programme rules refuse this person this place; ``decision`` carries the reasons."""

    def __init__(self, kind: str, decision: Decision) -> None:
        texts = "; ".join(f"{r.code} ({r.ru})" for r in decision.reasons)
        super().__init__("vacancy_id", f"the person may not take this {kind} place: {texts}")
        self.decision = decision


class AlreadyReferred(FieldError):
    """A pending referral of this person to this vacancy exists (a double submit, say)."""

    def __init__(self, referral_id: int) -> None:
        super().__init__(
            "vacancy_id", f"the person already has pending referral {referral_id} here"
        )
        self.referral_id = referral_id


def offer_terms(vacancy: Vacancy, place: tuple[float, float] | None) -> OfferTerms:
    """The offer's side; the distance is from the person's locality (unknown without one)."""
    there = (
        (vacancy.lat, vacancy.lon) if vacancy.lat is not None and vacancy.lon is not None else place
    )
    far = round(distance_km(place, there), 1) if place and there else None
    return OfferTerms(
        occupation_code=vacancy.occupation_code,
        hazardous=vacancy.hazardous,
        wage=vacancy.salary_from or vacancy.salary_to,
        work_rate=0.5 if vacancy.employment_type == EmploymentType.PART else 1.0,
        schedule=vacancy.schedule.value,
        distance_km=far,
    )


def assess_offer(
    seeker: Seeker, vacancy: Vacancy, on: date, locality: Locality | None = None
) -> tuple[bool, dict[str, Any]]:
    """The rules' suitability record, and whether a refusal would count (public works never
    count: their pay is set not to keep people there)."""
    locality = locality or seeker.locality
    place = (locality.lat, locality.lon) if locality is not None else None
    offer = offer_terms(vacancy, place)
    assessment = assess_suitability(worker_profile(seeker, on, locality), offer, on)
    checks = assessment.to_dict()
    checks["distance_km"] = offer.distance_km
    return assessment.suitable and vacancy.kind != VacancyKind.PUBLIC_WORKS, checks


def _in_specialty(seeker: Seeker, vacancy: Vacancy) -> bool | None:
    """Youth practice must be in the person's trade: judged by occupation group or by the
    specialty's name in the title; None when there is nothing to compare."""
    own = [*seeker.desired_occupations, *(w.occupation_code for w in seeker.work_history)]
    codes = [c for c in own if c]
    code = vacancy.occupation_code
    if code and any(same_group(code, c, SPECIALTY_DIGITS) for c in codes):
        return True
    title = vacancy.title.casefold()
    names = [e.specialty_name for e in seeker.education if e.specialty_name]
    if any(name.casefold() in title for name in names):
        return True
    return False if names or (code and codes) else None


def eligibility(
    session: Session, seeker: Seeker, vacancy: Vacancy, on: date, facts: PersonFacts | None = None
) -> Decision | None:
    """The programme rules' decision for a programme place (None for a regular vacancy)."""
    if vacancy.kind == VacancyKind.REGULAR:
        return None
    placement = PlacementFacts(
        kind=vacancy.kind.value,
        occupation_code=vacancy.occupation_code,
        hazardous=vacancy.hazardous,
        duration_months=vacancy.max_duration_months,
        in_specialty=_in_specialty(seeker, vacancy)
        if vacancy.kind == VacancyKind.YOUTH_PRACTICE
        else None,
    )
    facts = facts or person_facts(seeker, refused_suitable_offers(session, seeker.id))
    return programme_eligibility(facts, placement, on)


def deadlines(
    calendar: WorkCalendar, issued_on: date, kind: VacancyKind
) -> tuple[date, date | None]:
    """report_by, and employer_answer_by for social jobs, in working days."""
    report_by = calendar.add_working_days(issued_on, REPORT_DAYS)
    answer_by = (
        calendar.add_working_days(issued_on, EMPLOYER_ANSWER_DAYS)
        if kind == VacancyKind.SOCIAL_JOB
        else None
    )
    return report_by, answer_by


def centre_seeker(session: Session, staff: User, seeker_id: int) -> Seeker:
    """A person of the staff member's centre (others are reported as not found)."""
    seeker = session.get(Seeker, seeker_id)
    if seeker is None or staff.centre_id is None or seeker.centre_id != staff.centre_id:
        raise FieldError("seeker_id", f"no job seeker {seeker_id} at your centre")
    return seeker


def issue_referral(
    session: Session,
    staff_user: User,
    seeker_id: int,
    vacancy_id: int,
    today: date,
    note: str | None = None,
    counted_as_suitable: bool | None = None,
) -> Referral:
    """Refer a registered person of the centre to a published vacancy (flushed, not committed).

    ``counted_as_suitable`` None takes the rules' verdict; a value is the staff's override and
    is recorded as such in the audit log.
    """
    seeker = centre_seeker(session, staff_user, seeker_id)
    if seeker.status not in REGISTERED:
        raise FieldError("seeker_id", "the person is not registered as a job seeker or unemployed")
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.status is not VacancyStatus.PUBLISHED:
        raise FieldError("vacancy_id", f"no published vacancy {vacancy_id}")
    open_one = session.execute(
        select(Referral.id).where(
            Referral.seeker_id == seeker.id,
            Referral.vacancy_id == vacancy.id,
            Referral.outcome == ReferralOutcome.PENDING,
        )
    ).scalar()
    if open_one is not None:
        raise AlreadyReferred(open_one)
    decision = eligibility(session, seeker, vacancy, today)
    if decision is not None and not decision.allowed:
        raise NotEligible(vacancy.kind.value, decision)
    suitable, checks = assess_offer(seeker, vacancy, today)
    counted = suitable if counted_as_suitable is None else counted_as_suitable
    report_by, answer_by = deadlines(work_calendar(session), today, vacancy.kind)
    referral = Referral(
        seeker_id=seeker.id,
        vacancy_id=vacancy.id,
        centre_id=staff_user.centre_id,
        issued_by_id=staff_user.id,
        issued_on=today,
        report_by=report_by,
        employer_answer_by=answer_by,
        counted_as_suitable_offer=counted,
        suitability=checks,
        note=note,
    )
    referral.vacancy = vacancy
    referral.seeker = seeker
    session.add(referral)
    session.flush()
    override = counted_as_suitable is not None and counted_as_suitable != suitable
    record(
        session,
        user=staff_user,
        action="referral:issue",
        entity_type="referral",
        entity_id=referral.id,
        reason="staff_override" if override else None,
        seeker_id=seeker.id,
        vacancy_id=vacancy.id,
        counted_as_suitable_offer=counted,
        rules_verdict=suitable,
        overridden=override,
    )
    return referral


def record_outcome(
    session: Session,
    user: User,
    referral: Referral,
    outcome: ReferralOutcome,
    today: date,
    refusal_reason: str | None = None,
) -> Decision | None:
    """Close a pending referral and apply what follows (hire, or deregistration after the
    second refused suitable offer); the returned decision says whether deregistration came."""
    if outcome is ReferralOutcome.PENDING:
        raise FieldError("outcome", "an outcome other than pending is required")
    if referral.outcome is not ReferralOutcome.PENDING:
        raise FieldError("outcome", f"the referral already ended ({referral.outcome.value})")
    decision = record_referral_outcome(
        session, referral, outcome, today, by=user, refusal_reason=refusal_reason
    )
    record(
        session,
        user=user,
        action=f"referral:{outcome.value}",
        entity_type="referral",
        entity_id=referral.id,
        reason=refusal_reason,
    )
    return decision


@dataclass(frozen=True)
class OutcomeSummary:
    """What followed from a closed referral, as the desk shows it."""

    counted: bool  # a refusal of this offer counts as refusing suitable work
    failed_checks: tuple[dict[str, Any], ...]  # why the offer was not suitable work
    deregistered: bool
    reasons: tuple[Reason, ...]  # the deregistration grounds, or the refusals so far
    reregister_from: date | None


def outcome_summary(session: Session, referral: Referral) -> OutcomeSummary | None:
    """None while pending. For a refusal: whether it counted and where it left the person."""
    if referral.outcome is ReferralOutcome.PENDING:
        return None
    checks = (referral.suitability or {}).get("checks", [])
    failed = tuple(c for c in checks if not c.get("passed"))
    counted = referral.counted_as_suitable_offer
    seeker = referral.seeker
    last = seeker.status_history[-1] if seeker.status_history else None
    if (
        referral.outcome is ReferralOutcome.REFUSED_BY_SEEKER
        and counted
        and seeker.status is SeekerStatus.DEREGISTERED
        and last is not None
        and last.changed_on == referral.outcome_on
        and last.reason_code == REFUSED_SUITABLE_OFFERS
    ):
        refusals = refused_suitable_offers(session, seeker.id)
        grounds = (reason(REFUSED_SUITABLE_OFFERS, count=refusals),)
        wait_until = reregistration_allowed_from(Deregistration(last.reason_code, last.changed_on))
        return OutcomeSummary(True, failed, True, grounds, wait_until)
    reasons: tuple[Reason, ...] = ()
    if referral.outcome is ReferralOutcome.REFUSED_BY_SEEKER and counted:
        on = referral.outcome_on or referral.issued_on
        limit = params_for(on).refusals_before_deregistration
        refusals = refused_suitable_offers(session, seeker.id)
        reasons = (reason("refusals_so_far", count=refusals, limit=limit),)
    return OutcomeSummary(counted, failed, False, reasons, None)
