"""The register's transitions, decided by the rules and recorded in the status history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Placement, Referral, ReferralOutcome, SeekerStatus
from app.services.calendar import work_calendar
from app.services.registration import (
    RuleRefused,
    promote_due_job_seekers,
    record_referral_outcome,
    register,
)
from matching.rules import becomes_unemployed_on

from .factories import a_seeker, a_vacancy

TODAY = date(2026, 3, 16)


def test_register_checks_the_minimum_age(session: Session) -> None:
    young = a_seeker(session, birth_date=TODAY.replace(year=TODAY.year - 16) + timedelta(days=1))
    with pytest.raises(RuleRefused) as info:
        register(session, young, TODAY)
    assert "under_min_age" in info.value.decision.codes
    adult = a_seeker(session, birth_date=TODAY.replace(year=TODAY.year - 16))
    register(session, adult, TODAY)
    assert adult.status is SeekerStatus.JOB_SEEKER and adult.registered_on == TODAY
    assert [c.reason_code for c in adult.status_history] == ["registered"]
    with pytest.raises(RuleRefused, match="already_registered"):
        register(session, adult, TODAY)


def test_job_seekers_become_unemployed_after_the_working_days(session: Session) -> None:
    seeker = a_seeker(session)
    working = a_seeker(session, last_name="Работающий", has_paid_work=True)
    register(session, seeker, TODAY)
    register(session, working, TODAY)
    due = becomes_unemployed_on(TODAY, work_calendar(session))
    assert (due - TODAY).days > 14, "Nauryz holidays fall inside this window"
    assert promote_due_job_seekers(session, due - timedelta(days=1)) == []
    assert promote_due_job_seekers(session, due) == [seeker.id]
    assert seeker.status is SeekerStatus.UNEMPLOYED and seeker.status_since == due
    assert working.status is SeekerStatus.JOB_SEEKER


def _referral(session: Session, seeker, suitable: bool) -> Referral:
    referral = Referral(
        seeker=seeker,
        vacancy=a_vacancy(session),
        issued_on=TODAY,
        report_by=TODAY + timedelta(days=7),
        counted_as_suitable_offer=suitable,
    )
    session.add(referral)
    session.flush()
    return referral


def test_two_refused_suitable_offers_deregister(session: Session) -> None:
    seeker = a_seeker(session)
    register(session, seeker, TODAY)
    refused = ReferralOutcome.REFUSED_BY_SEEKER
    unsuitable = _referral(session, seeker, suitable=False)
    assert record_referral_outcome(session, unsuitable, refused, TODAY) is None
    first = record_referral_outcome(session, _referral(session, seeker, True), refused, TODAY)
    assert first is not None and not first.allowed
    assert seeker.status is SeekerStatus.JOB_SEEKER
    second = record_referral_outcome(session, _referral(session, seeker, True), refused, TODAY)
    assert second is not None and second.allowed
    assert seeker.status is SeekerStatus.DEREGISTERED
    assert seeker.status_history[-1].reason_code == "refused_suitable_offers"
    with pytest.raises(RuleRefused, match="reregistration_wait"):
        register(session, seeker, TODAY + timedelta(days=29))
    register(session, seeker, TODAY + timedelta(days=30))


def test_hired_referral_places_the_person(session: Session) -> None:
    seeker = a_seeker(session)
    register(session, seeker, TODAY)
    referral = _referral(session, seeker, suitable=True)
    record_referral_outcome(session, referral, ReferralOutcome.HIRED, TODAY + timedelta(days=3))
    assert seeker.status is SeekerStatus.EMPLOYED
    placement = session.execute(select(Placement)).scalar_one()
    assert placement.referral_id == referral.id and placement.is_permanent
    with pytest.raises(ValueError, match="already ended"):
        record_referral_outcome(session, referral, ReferralOutcome.NO_SHOW, TODAY)
