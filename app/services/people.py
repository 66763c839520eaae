"""The one adapter from a person's rows to what the rules, the ranker and the search
documents need: facts (``person_facts``), the education level (the highest, whenever it was
gained: ``highest_education``), years of experience, the "jobs for me" profile
(``seeker_profile``) and the person's side of "suitable work" (``worker_profile``).

The live pages, the API, candidates, the CV index and the demo generator all go through it,
so a person reads the same everywhere.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import EducationEntry as Education
from app.models import Locality, Referral, ReferralOutcome, Seeker, SeekerStatus
from matching.ranking import SeekerProfile
from matching.ranking.profile import education_rank
from matching.rules import (
    CARE_CHILD,
    CARE_DISABLED_ADULT,
    CARE_ELDERLY,
    CareRecipient,
    Deregistration,
    EducationEntry,
    PersonFacts,
    WorkerProfile,
)

# Without a recorded kind, the "carer" flag alone stands for a duty that always excuses the
# person from active measures, as a disabled dependant's care does.
_CARER = (CareRecipient(kind=CARE_DISABLED_ADULT),)


def _cares_for(seeker: Seeker) -> tuple[CareRecipient, ...]:
    """Whom the person looks after, as the rules read it (child, disabled or elderly)."""
    if not seeker.is_carer:
        return ()
    kind, born = seeker.care_recipient, seeker.care_recipient_birth_date
    if kind == "child":
        return (CareRecipient(kind=CARE_CHILD, birth_date=born),)
    if kind == "elderly":
        return (CareRecipient(kind=CARE_ELDERLY, birth_date=born),)
    if kind == "disabled":
        # A disabled child and a disabled adult excuse the carer alike.
        return (CareRecipient(kind=CARE_DISABLED_ADULT, birth_date=born),)
    return _CARER


def refused_suitable_offers(session: Session, seeker_id: int) -> int:
    stmt = select(func.count()).where(
        Referral.seeker_id == seeker_id,
        Referral.counted_as_suitable_offer.is_(True),
        Referral.outcome == ReferralOutcome.REFUSED_BY_SEEKER,
    )
    return int(session.execute(stmt).scalar_one())


def person_facts(
    seeker: Seeker,
    refused_offers: int = 0,
    *,
    as_status: SeekerStatus | None = None,
    locality: Locality | None = None,
) -> PersonFacts:
    """The person as the rules read them. ``as_status`` asks "what if they had this status"
    (the demo generator, before the status is recorded); ``locality`` stands in for a home
    not yet loaded (rows not flushed)."""
    status = as_status or seeker.status
    locality = locality or seeker.locality
    last_deregistration = None
    for change in reversed(seeker.status_history):
        if change.status == SeekerStatus.DEREGISTERED:
            last_deregistration = Deregistration(reason=change.reason_code, on=change.changed_on)
            break
    return PersonFacts(
        birth_date=seeker.birth_date,
        sex=seeker.sex.value,
        status=status.value if status else None,
        registered_on=seeker.registered_on,
        status_since=seeker.status_since,
        has_paid_work=seeker.has_paid_work,
        disability_group=seeker.disability_group,
        is_full_time_student=seeker.is_full_time_student,
        is_student=seeker.is_student,
        long_illness=seeker.long_illness,
        cares_for=_cares_for(seeker),
        receives_job_loss_payment=seeker.receives_job_loss_payment,
        on_downtime=seeker.on_downtime,
        is_rural=bool(locality and not locality.is_urban),
        suitable_offers_refused=refused_offers,
        last_deregistration=last_deregistration,
        education=tuple(
            EducationEntry(
                level=e.level.value,
                specialty_code=e.specialty_code,
                specialty_name=e.specialty_name,
                graduated_on=e.graduated_on,
            )
            for e in seeker.education
        ),
    )


def highest_education(seeker: Seeker) -> Education | None:
    """The entry with the highest level (a 2015 degree outranks a 2020 vocational course)."""
    levels = [e for e in seeker.education if education_rank(e.level.value) is not None]
    return max(levels, key=lambda e: education_rank(e.level.value) or 0, default=None)


def education_level(seeker: Seeker) -> str | None:
    highest = highest_education(seeker)
    return highest.level.value if highest else None


def experience_years(seeker: Seeker, today: date) -> float:
    """Years of work on record (a job still held counts up to ``today``)."""
    days = sum(max(((w.ended_on or today) - w.started_on).days, 0) for w in seeker.work_history)
    return round(days / 365.25, 1)


def seeker_profile(seeker: Seeker, today: date, person: PersonFacts | None = None) -> SeekerProfile:
    """What the ranker knows about a registered person (their CV text included)."""
    locality = seeker.locality
    highest = highest_education(seeker)
    cv = seeker.cv
    text_parts = [cv.title, cv.summary] if cv else []
    text_parts += [w.position for w in seeker.work_history]
    return SeekerProfile(
        text="\n".join(p for p in text_parts if p),
        skills=tuple(seeker.skills),
        desired_occupations=tuple(seeker.desired_occupations),
        past_occupations=tuple(w.occupation_code for w in seeker.work_history if w.occupation_code),
        specialty_codes=tuple(e.specialty_code for e in seeker.education if e.specialty_code),
        specialty_names=tuple(e.specialty_name for e in seeker.education if e.specialty_name),
        education_level=highest.level.value if highest else None,
        graduated_on=highest.graduated_on if highest else None,
        experience_years=experience_years(seeker, today),
        lat=locality.lat if locality else None,
        lon=locality.lon if locality else None,
        region_kato=locality.region.kato if locality else None,
        max_commute_km=float(seeker.max_commute_km) if seeker.max_commute_km else None,
        desired_salary=seeker.desired_salary,
        schedules=tuple(seeker.desired_schedules),
        languages=tuple(seeker.languages),
        birth_date=seeker.birth_date,
        person=person,
    )


def worker_profile(seeker: Seeker, on: date, locality: Locality | None = None) -> WorkerProfile:
    """The person's side of "suitable work": trades, health, last wage, schedules, place."""
    locality = locality or seeker.locality
    past = [w for w in seeker.work_history if w.ended_on is not None and w.ended_on <= on]
    last = max(past, key=lambda w: w.ended_on or w.started_on) if past else None
    own = [*seeker.desired_occupations, *(w.occupation_code for w in past if w.occupation_code)]
    return WorkerProfile(
        occupation_codes=tuple(dict.fromkeys(own)),
        specialty_codes=tuple(e.specialty_code for e in seeker.education if e.specialty_code),
        no_hazardous_work=seeker.health_restrictions is not None,
        disability_group=seeker.disability_group,
        previous_wage=last.last_wage if last else None,
        previous_job_ended_on=last.ended_on if last else None,
        schedules=tuple(seeker.desired_schedules),
        is_rural=bool(locality and not locality.is_urban),
    )
