"""A client's status transitions at the desk, programme eligibility and families.

The rules decide (``matching.rules``); every transition writes a StatusChange and an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.models import Family, FamilyRole, Seeker, SeekerStatus, User
from app.services.audit import record
from app.services.calendar import work_calendar
from app.services.errors import FieldError
from app.services.people import person_facts, refused_suitable_offers
from app.services.registration import NO_SUITABLE_WORK, RuleRefused, change_status, register
from matching.rules import (
    PUBLIC_WORKS,
    REFUSED_SUITABLE_OFFERS,
    SOCIAL_JOB,
    WAIT_BEFORE_REREGISTRATION,
    YOUTH_PRACTICE,
    Decision,
    Deregistration,
    PersonFacts,
    PlacementFacts,
    age_in_years,
    deregistration_due,
    is_pension_age,
    may_be_unemployed,
    may_register,
    programme_eligibility,
    reregistration_allowed_from,
)

FOUND_WORK = "found_work"
OWN_REQUEST = "own_request"
# Grounds staff may record (art. 16 p. 1); the first four make re-registration wait 30 days.
DEREGISTRATION_REASONS = (
    FOUND_WORK,
    OWN_REQUEST,
    REFUSED_SUITABLE_OFFERS,
    "no_show",
    "quit_active_measure",
    "missed_check_in",
    "custody",
    "false_documents",
)
PROGRAMMES = (SOCIAL_JOB, YOUTH_PRACTICE, PUBLIC_WORKS)
MIN_WORKING_AGE = 16
REGISTERED = (SeekerStatus.JOB_SEEKER, SeekerStatus.UNEMPLOYED)


def facts_of(session: Session, seeker: Seeker) -> PersonFacts:
    return person_facts(seeker, refused_suitable_offers(session, seeker.id))


def unemployed_decision(session: Session, seeker: Seeker, today: date) -> Decision:
    calendar = work_calendar(session)
    return may_be_unemployed(facts_of(session, seeker), today, calendar=calendar)


def make_unemployed(session: Session, seeker: Seeker, today: date, by: User) -> Decision:
    """Job seeker → unemployed, once the working days have passed without suitable work."""
    if seeker.status != SeekerStatus.JOB_SEEKER:
        raise FieldError("status", "only a job seeker can become unemployed")
    decision = unemployed_decision(session, seeker, today)
    if not decision.allowed:
        raise RuleRefused(decision)
    change_status(session, seeker, SeekerStatus.UNEMPLOYED, today, NO_SUITABLE_WORK, by)
    session.flush()
    return decision


def deregister(
    session: Session, seeker: Seeker, reason_code: str, today: date, by: User, note: str | None
) -> date:
    """Take the client off the register; returns the first day they may register again.

    Two refused suitable offers is a ground only when the referrals show them.
    """
    if seeker.status not in REGISTERED:
        raise FieldError("status", "the client is not registered")
    if reason_code not in DEREGISTRATION_REASONS:
        raise FieldError("reason", f"unknown deregistration reason {reason_code!r}")
    if reason_code == REFUSED_SUITABLE_OFFERS:
        due = deregistration_due(facts_of(session, seeker), today)
        if REFUSED_SUITABLE_OFFERS not in due.codes:
            raise RuleRefused(due)
    change_status(session, seeker, SeekerStatus.DEREGISTERED, today, reason_code, by, note)
    session.flush()
    return reregistration_allowed_from(Deregistration(reason=reason_code, on=today))


def wait_until(seeker: Seeker) -> date | None:
    """The first day a deregistered client may register again, when the ground imposes a wait."""
    for change in reversed(seeker.status_history):
        if change.status == SeekerStatus.DEREGISTERED:
            if change.reason_code not in WAIT_BEFORE_REREGISTRATION:
                return None
            return reregistration_allowed_from(
                Deregistration(change.reason_code, change.changed_on)
            )
    return None


def registration_decision(session: Session, seeker: Seeker, today: date) -> Decision:
    return may_register(facts_of(session, seeker), today)


def register_again(session: Session, seeker: Seeker, today: date, by: User) -> Decision:
    """(Re-)register a client with no current registration at the staff member's centre
    (a person with no centre is taken on); RuleRefused inside the 30-day wait."""
    if by.centre_id is None:
        raise FieldError("centre", "only centre staff register clients")
    decision = register(session, seeker, today, by=by)
    seeker.centre_id = by.centre_id
    seeker.consultant_id = by.id
    seeker.retained_until = None  # a kept record of a deleted account is live again
    session.flush()
    return decision


@dataclass(frozen=True)
class Eligibility:
    kind: str
    decision: Decision


def eligibility(session: Session, seeker: Seeker, today: date) -> list[Eligibility]:
    facts = facts_of(session, seeker)
    return [
        Eligibility(kind, programme_eligibility(facts, PlacementFacts(kind=kind), today))
        for kind in PROGRAMMES
    ]


def able_bodied(seeker: Seeker, today: date) -> bool:
    """Of working age, without disability group 1-2 or a long illness."""
    facts = person_facts(seeker)
    return (
        age_in_years(seeker.birth_date, today) >= MIN_WORKING_AGE
        and not is_pension_age(facts, today)
        and seeker.disability_group not in (1, 2)
        and not seeker.long_illness
    )


def create_family(session: Session, staff: User, head: Seeker) -> Family:
    if head.family_id is not None:
        raise FieldError("family", "the client already belongs to a family")
    family = Family(centre_id=staff.centre_id)
    session.add(family)
    session.flush()
    head.family_id = family.id
    head.family_role = FamilyRole.HEAD
    record(session, user=staff, action="family:create", entity_type="family", entity_id=family.id)
    session.flush()
    return family


def add_member(session: Session, staff: User, family: Family, seeker: Seeker, role: str) -> None:
    try:
        family_role = FamilyRole(role)
    except ValueError:
        raise FieldError("role", f"unknown family role {role!r}") from None
    if seeker.centre_id != staff.centre_id:
        raise FieldError("iin", "the person is not a client of your centre")
    if seeker.family_id is not None:
        raise FieldError("iin", "the person already belongs to a family")
    seeker.family_id = family.id
    seeker.family_role = family_role
    record(
        session,
        user=staff,
        action="family:add_member",
        entity_type="family",
        entity_id=family.id,
        seeker_id=seeker.id,
    )
    session.flush()
