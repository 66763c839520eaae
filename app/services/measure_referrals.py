"""Referrals to a measure (направление на меру / шараға жолдама), like job referrals: the rules
decide eligibility, the person acts within 5 working days, the outcome is recorded
(enrolled → completed or dropped; or declined). A seeker may ask the centre for a measure: the
request is a pending referral the centre confirms or declines.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    MeasureCourse,
    MeasureKind,
    MeasureOutcome,
    MeasureProfile,
    MeasureReferral,
    Region,
    Seeker,
    User,
)
from app.services.audit import record
from app.services.calendar import work_calendar
from app.services.errors import FieldError
from app.services.family_plan import follow_referral, plan_item_for_referral
from app.services.people import person_facts
from app.services.referrals import REPORT_DAYS, centre_seeker
from matching.rules import Decision, MeasureFacts, MeasureOffer, measure_eligibility

# outcome → the outcomes it may follow
_FROM: dict[MeasureOutcome, tuple[MeasureOutcome, ...]] = {
    MeasureOutcome.ENROLLED: (MeasureOutcome.PENDING,),
    MeasureOutcome.DECLINED: (MeasureOutcome.PENDING,),
    MeasureOutcome.COMPLETED: (MeasureOutcome.ENROLLED,),
    MeasureOutcome.DROPPED: (MeasureOutcome.ENROLLED,),
}
OPEN = (MeasureOutcome.PENDING, MeasureOutcome.ENROLLED)


class MeasureNotEligible(FieldError):
    def __init__(self, kind: str, decision: Decision) -> None:
        texts = "; ".join(f"{r.code} ({r.ru})" for r in decision.reasons)
        super().__init__("kind", f"the person may not take {kind}: {texts}")
        self.decision = decision


def current_profile(session: Session, seeker: Seeker) -> MeasureProfile:
    """The person's measure facts, or the defaults (not added to the session) when none."""
    found = session.execute(
        select(MeasureProfile).where(MeasureProfile.seeker_id == seeker.id)
    ).scalar_one_or_none()
    return found or MeasureProfile(seeker_id=seeker.id, is_citizen=True)


def measure_profile(session: Session, seeker: Seeker) -> MeasureProfile:
    """The person's measure facts row (created on first use, flushed)."""
    found = session.execute(
        select(MeasureProfile).where(MeasureProfile.seeker_id == seeker.id)
    ).scalar_one_or_none()
    if found is None:
        found = MeasureProfile(seeker_id=seeker.id)
        session.add(found)
        session.flush()
    return found


TRAINING = (
    MeasureKind.SHORT_TRAINING,
    MeasureKind.TIPO,
    MeasureKind.RETRAINING,
    MeasureKind.BASTAU,
)


PROFILE_FLAGS = (
    "self_employed",
    "being_laid_off",
    "laid_off",
    "school_leaver",
    "in_hardship",
    "district_centre",
    "tax_registered",
    "orphanage_leaver",
    "is_citizen",
)
PROFILE_DATES = ("entrepreneurship_course_on", "certificate_on")


def update_measure_profile(
    session: Session,
    staff: User,
    seeker: Seeker,
    flags: dict[str, bool],
    dates: dict[str, date | None],
    today: date,
) -> MeasureProfile:
    """Record what the measures' rules read about the person (flushed, audited)."""
    for name, day in dates.items():
        if name not in PROFILE_DATES:
            raise FieldError(name, "unknown date field")
        if day is not None and day > today:
            raise FieldError(name, "a date in the past")
    unknown = set(flags) - set(PROFILE_FLAGS)
    if unknown:
        raise FieldError(sorted(unknown)[0], "unknown field")
    profile = measure_profile(session, seeker)
    for name, value in flags.items():
        setattr(profile, name, value)
    for name, day in dates.items():
        setattr(profile, name, day)
    record(session, user=staff, action="measure_profile:edit", entity_type="seeker",
           entity_id=seeker.id)  # fmt: skip
    return profile


def measure_facts(
    seeker: Seeker,
    profile: MeasureProfile | None,
    completed: Sequence[MeasureReferral] = (),
) -> MeasureFacts:
    """The one adapter from a person's rows to what the measures' rules read; ``completed``:
    their completed measure referrals (training under the programme, Bastau Business)."""
    trained = any(r.kind in TRAINING for r in completed)
    bastau = max(
        (r.ended_on for r in completed if r.kind is MeasureKind.BASTAU and r.ended_on), default=None
    )
    p = profile or MeasureProfile(is_citizen=True)
    return MeasureFacts(
        self_employed=bool(p.self_employed),
        being_laid_off=bool(p.being_laid_off),
        laid_off=bool(p.laid_off),
        school_leaver=bool(p.school_leaver),
        in_hardship=bool(p.in_hardship) or seeker.family_id is not None,
        district_centre=bool(p.district_centre),
        tax_registered=bool(p.tax_registered),
        entrepreneurship_course_on=p.entrepreneurship_course_on or bastau,
        certificate_on=p.certificate_on,
        completed_programme_training=trained,
        is_kandas=seeker.is_kandas,
        is_citizen=p.is_citizen is not False,
        orphanage_leaver=bool(p.orphanage_leaver),
    )


def _facts(session: Session, seeker: Seeker) -> MeasureFacts:
    profile = session.execute(
        select(MeasureProfile).where(MeasureProfile.seeker_id == seeker.id)
    ).scalar_one_or_none()
    completed = session.execute(
        select(MeasureReferral).where(
            MeasureReferral.seeker_id == seeker.id,
            MeasureReferral.outcome == MeasureOutcome.COMPLETED,
        )
    ).scalars()
    return measure_facts(seeker, profile, list(completed))


def offer_for(
    kind: MeasureKind, course: MeasureCourse | None, family_size: int = 1
) -> MeasureOffer:
    return MeasureOffer(
        kind=kind.value,
        duration_months=course.duration_months if course else None,
        duration_days=course.duration_days if course else None,
        family_size=family_size,
    )


def decisions_for(session: Session, seeker: Seeker, today: date) -> dict[str, Decision]:
    """The rules' decision on every measure kind for this person today."""
    facts = person_facts(seeker)
    extra = _facts(session, seeker)
    size = len(seeker.family.members) if seeker.family is not None else 1
    return {
        kind.value: measure_eligibility(facts, offer_for(kind, None, size), today, extra)
        for kind in MeasureKind
    }


def decide(
    session: Session, seeker: Seeker, kind: MeasureKind, course: MeasureCourse | None, today: date
) -> Decision:
    size = len(seeker.family.members) if seeker.family is not None else 1
    return measure_eligibility(
        person_facts(seeker), offer_for(kind, course, size), today, _facts(session, seeker)
    )


def _course(
    session: Session, course_id: int | None, kind: MeasureKind | None
) -> MeasureCourse | None:
    if course_id is None:
        return None
    course = session.get(MeasureCourse, course_id)
    if course is None or not course.active:
        raise FieldError("course_id", f"no open course {course_id} in the catalogue")
    if kind is not None and course.kind is not kind:
        raise FieldError(
            "course_id", f"course {course_id} is {course.kind.value}, not {kind.value}"
        )
    return course


def _open_one(
    session: Session, seeker_id: int, kind: MeasureKind, course_id: int | None
) -> int | None:
    return session.execute(
        select(MeasureReferral.id).where(
            MeasureReferral.seeker_id == seeker_id,
            MeasureReferral.kind == kind,
            MeasureReferral.course_id.is_(None)
            if course_id is None
            else MeasureReferral.course_id == course_id,
            MeasureReferral.outcome.in_(OPEN),
        )
    ).scalar()


def issue_measure_referral(
    session: Session,
    staff: User,
    seeker_id: int,
    kind: MeasureKind,
    today: date,
    *,
    course_id: int | None = None,
    target_region_kato: str | None = None,
    evidence: dict[str, Any] | None = None,
    note: str | None = None,
) -> MeasureReferral:
    """Refer a person of the staff member's centre to a measure (flushed, not committed)."""
    seeker = centre_seeker(session, staff, seeker_id)
    course = _course(session, course_id, kind)
    target = None
    if target_region_kato:
        target = session.execute(select(Region).where(Region.kato == target_region_kato)).scalar()
        if target is None:
            raise FieldError("target_region", f"unknown region {target_region_kato!r}")
    if _open_one(session, seeker.id, kind, course_id) is not None:
        raise FieldError("kind", "the person already has an open referral to this measure")
    decision = decide(session, seeker, kind, course, today)
    if not decision.allowed:
        raise MeasureNotEligible(kind.value, decision)
    referral = MeasureReferral(
        seeker_id=seeker.id,
        kind=kind,
        course_id=course.id if course else None,
        centre_id=staff.centre_id,
        issued_by_id=staff.id,
        issued_on=today,
        report_by=work_calendar(session).add_working_days(today, REPORT_DAYS),
        target_region_id=target.id if target else None,
        eligibility=decision.to_dict(),
        evidence=evidence or {},
        note=note,
    )
    referral.seeker, referral.course, referral.target_region = seeker, course, target
    session.add(referral)
    session.flush()
    plan_item_for_referral(session, referral, today)
    record(session, user=staff, action="measure_referral:issue", entity_type="measure_referral",
           entity_id=referral.id, seeker_id=seeker.id, kind=kind.value)  # fmt: skip
    return referral


def request_measure(
    session: Session, user: User, seeker: Seeker, kind: MeasureKind, today: date,
    course_id: int | None = None,
) -> MeasureReferral:  # fmt: skip
    """A seeker asks the centre for a measure; the centre confirms or declines it."""
    course = _course(session, course_id, kind)
    if _open_one(session, seeker.id, kind, course_id) is not None:
        raise FieldError("kind", "you already asked for this measure")
    decision = decide(session, seeker, kind, course, today)
    if not decision.allowed:
        raise MeasureNotEligible(kind.value, decision)
    referral = MeasureReferral(
        seeker_id=seeker.id, kind=kind, course_id=course.id if course else None,
        centre_id=seeker.centre_id, requested_by_seeker=True, issued_on=today,
        report_by=work_calendar(session).add_working_days(today, REPORT_DAYS),
        eligibility=decision.to_dict(),
    )  # fmt: skip
    session.add(referral)
    session.flush()
    record(session, user=user, action="measure_referral:request", entity_type="measure_referral",
           entity_id=referral.id, kind=kind.value)  # fmt: skip
    return referral


def record_measure_outcome(
    session: Session, user: User, referral: MeasureReferral, outcome: MeasureOutcome, today: date
) -> None:
    """Move a referral on: enrolled or declined from pending; completed or dropped once enrolled."""
    allowed_from = _FROM.get(outcome)
    if allowed_from is None:
        raise FieldError("outcome", "one of enrolled, declined, completed, dropped")
    if referral.outcome not in allowed_from:
        raise FieldError("outcome", f"cannot go from {referral.outcome.value} to {outcome.value}")
    referral.outcome = outcome
    if outcome is MeasureOutcome.ENROLLED:
        referral.enrolled_on = today
    else:
        referral.ended_on = today
    follow_referral(session, referral, today)
    record(session, user=user, action=f"measure_referral:{outcome.value}",
           entity_type="measure_referral", entity_id=referral.id)  # fmt: skip


def centre_measure_referral(session: Session, staff: User, referral_id: int) -> MeasureReferral:
    referral = session.get(MeasureReferral, referral_id)
    if referral is None or staff.centre_id is None or referral.centre_id != staff.centre_id:
        raise FieldError("referral_id", f"no measure referral {referral_id} at your centre")
    return referral


def seeker_measure_referrals(session: Session, seeker_id: int) -> list[MeasureReferral]:
    stmt = (
        select(MeasureReferral)
        .where(MeasureReferral.seeker_id == seeker_id)
        .order_by(MeasureReferral.issued_on.desc(), MeasureReferral.id.desc())
    )
    return list(session.execute(stmt).scalars())
