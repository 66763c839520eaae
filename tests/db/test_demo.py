"""The demo fill: every kind of row, consistent with the rules, deterministic, never mixed in."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

import pytest
from flask import Flask
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.cli import cli
from app.db import Database
from app.demo import DemoAlreadyLoaded, DemoReport, fill_demo
from app.models import (
    Base,
    Centre,
    Cv,
    CvVisibility,
    Employer,
    Placement,
    Referral,
    ReferralOutcome,
    Region,
    Role,
    Seeker,
    SeekerStatus,
    StatusChange,
    User,
    Vacancy,
    VacancyKind,
    VacancySource,
)
from app.services.calendar import work_calendar
from app.services.passwords import verify_password
from matching.iin import check_digit, validate_iin
from matching.rules import REFUSED_SUITABLE_OFFERS, age_in_years, becomes_unemployed_on
from matching.rules.params import params_for

TODAY = date(2026, 3, 16)
REFERENCE_TABLES = {"region", "locality", "occupation", "calendar_day"}


def _fill(session: Session, seed: int = 7, vacancies: int = 120, seekers: int = 60) -> DemoReport:
    report = fill_demo(
        session, seed=seed, vacancies=vacancies, seekers=seekers, shared_data=None, today=TODAY
    )
    session.commit()
    return report


def _count(session: Session, model: type[Base]) -> int:
    return session.execute(select(func.count()).select_from(model)).scalar_one()


def _digest(session: Session) -> str:
    """Everything that must repeat exactly, without database ids or wall-clock times."""
    vacancies = session.execute(
        select(
            Vacancy.title,
            Vacancy.salary_from,
            Vacancy.salary_to,
            Vacancy.kind,
            Vacancy.status,
            Vacancy.lang,
            Vacancy.occupation_code,
            Vacancy.published_at,
            Vacancy.lat,
            Vacancy.description,
        )
    ).all()
    seekers = session.execute(
        select(Seeker.iin, Seeker.last_name, Seeker.first_name, Seeker.status, Seeker.registered_on)
    ).all()
    employers = session.execute(select(Employer.bin, Employer.name)).all()
    referrals = session.execute(
        select(Seeker.iin, Referral.issued_on, Referral.report_by, Referral.outcome).join(
            Seeker, Referral.seeker_id == Seeker.id
        )
    ).all()
    parts = [sorted(map(repr, rows)) for rows in (vacancies, seekers, employers, referrals)]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _empty(database: Database) -> None:
    with database.session() as s:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in REFERENCE_TABLES:
                s.execute(delete(table))


def test_demo_has_every_kind_of_row(session: Session) -> None:
    report = _fill(session)
    assert (report.vacancies, report.seekers, report.centres, report.staff) == (120, 60, 20, 40)
    assert _count(session, Vacancy) == 120
    assert _count(session, Seeker) == 60
    assert _count(session, Centre) == _count(session, Region) == 20
    assert 60 <= _count(session, Employer) <= 100
    vacancies = session.execute(select(Vacancy)).scalars().all()
    assert {v.kind for v in vacancies} == set(VacancyKind)
    kinds = Counter(v.kind for v in vacancies)
    assert kinds[VacancyKind.REGULAR] >= 0.6 * 120
    assert {v.region_id for v in vacancies} == set(session.execute(select(Region.id)).scalars())
    assert {v.lang for v in vacancies} == {"kk", "ru"}
    assert all(v.occupation_code for v in vacancies if v.source != VacancySource.IMPORT)
    statuses = {s.status for s in session.execute(select(Seeker)).scalars()}
    assert set(SeekerStatus) <= statuses
    assert _count(session, Referral) > 0 and _count(session, Placement) > 0
    summary = report.summary()
    assert "admin@demo.kz" in summary and "social_job" in summary and "120 vacancies" in summary


def test_programme_places_follow_the_rules(session: Session) -> None:
    _fill(session)
    for vacancy in session.execute(select(Vacancy)).scalars():
        if vacancy.kind != VacancyKind.REGULAR:
            assert not vacancy.hazardous, vacancy.title
        limit = params_for(date.today()).max_duration_months(vacancy.kind.value)
        if limit is not None:
            assert vacancy.max_duration_months is not None
            assert vacancy.max_duration_months <= limit
        if vacancy.kind in (VacancyKind.SOCIAL_JOB, VacancyKind.YOUTH_PRACTICE):
            assert vacancy.centre_id is not None
        if vacancy.published_at is not None:
            assert vacancy.expires_at is not None
            assert (vacancy.expires_at - vacancy.published_at).days == 30
            assert 0 <= (TODAY - vacancy.published_at.date()).days <= 61


def test_people_are_valid_and_consistent(session: Session) -> None:
    _fill(session)
    calendar = work_calendar(session)
    seekers = session.execute(select(Seeker)).scalars().all()
    iins = [s.iin for s in seekers]
    assert all(iin is not None and validate_iin(iin) == iin for iin in iins)
    assert len(set(iins)) == len(iins)
    assert all(16 <= age_in_years(s.birth_date, TODAY) <= 63 for s in seekers)
    centres = {c.region_id: c.id for c in session.execute(select(Centre)).scalars()}
    staff_centre = {
        u.id: u.centre_id
        for u in session.execute(select(User).where(User.role == Role.STAFF)).scalars()
    }
    for seeker in seekers:
        history = seeker.status_history
        if seeker.status is None:
            assert not history and seeker.centre_id is None
            continue
        assert seeker.locality is not None
        assert seeker.centre_id == centres[seeker.locality.region_id]
        assert seeker.consultant_id is not None
        assert staff_centre[seeker.consultant_id] == seeker.centre_id
        assert history[0].status == SeekerStatus.JOB_SEEKER
        assert history[0].changed_on == seeker.registered_on
        assert history[-1].status == seeker.status
        assert seeker.status_since is not None
        assert history[-1].changed_on == seeker.status_since <= TODAY
        days = [c.changed_on for c in history]
        assert days == sorted(days)
        for change in history:
            if change.status == SeekerStatus.UNEMPLOYED:
                assert seeker.registered_on is not None
                assert change.changed_on == becomes_unemployed_on(seeker.registered_on, calendar)
        if seeker.status == SeekerStatus.JOB_SEEKER:
            assert seeker.registered_on is not None
            assert calendar.working_days_between(seeker.registered_on, TODAY) < 10
    unemployed = [s for s in seekers if s.status == SeekerStatus.UNEMPLOYED]
    assert any((TODAY - (s.registered_on or TODAY)).days > 183 for s in unemployed)
    ages = {age_in_years(s.birth_date, TODAY) for s in unemployed}
    assert {29, 30} <= ages  # the youth-practice age bound, both sides
    employed = [s for s in seekers if s.status == SeekerStatus.EMPLOYED]
    placed = set(session.execute(select(Placement.seeker_id)).scalars())
    assert employed and all(s.id in placed for s in employed)
    assert any(s.family_id is not None for s in seekers)
    for cv in session.execute(select(Cv)).scalars():
        if cv.visibility == CvVisibility.PUBLIC:
            assert cv.consent_publish_at is not None


def test_referrals_have_working_day_deadlines(session: Session) -> None:
    _fill(session)
    calendar = work_calendar(session)
    referrals = session.execute(select(Referral)).scalars().all()
    assert {r.outcome for r in referrals} >= {ReferralOutcome.PENDING, ReferralOutcome.HIRED}
    for referral in referrals:
        assert referral.report_by == calendar.add_working_days(referral.issued_on, 5)
        assert calendar.is_working_day(referral.report_by)
        if referral.vacancy.kind == VacancyKind.SOCIAL_JOB:
            assert referral.employer_answer_by == calendar.add_working_days(referral.issued_on, 3)
        else:
            assert referral.employer_answer_by is None
        assert "checks" in referral.suitability
        assert referral.issued_on <= TODAY
        if referral.outcome_on is not None:
            assert referral.issued_on <= referral.outcome_on <= TODAY
    # Deregistered for refusing two suitable offers: the two refusals are on record.
    refused = session.execute(
        select(StatusChange).where(StatusChange.reason_code == REFUSED_SUITABLE_OFFERS)
    ).scalars()
    for change in refused:
        offers = [
            r
            for r in referrals
            if r.seeker_id == change.seeker_id
            and r.outcome == ReferralOutcome.REFUSED_BY_SEEKER
            and r.counted_as_suitable_offer
        ]
        assert len(offers) == 2


def test_employers_have_valid_bins_and_logins_work(session: Session) -> None:
    _fill(session)
    bins = [b for b in session.execute(select(Employer.bin)).scalars() if b]
    assert len(bins) == len(set(bins)) >= 60
    for bin_ in bins:
        assert len(bin_) == 12 and bin_.isdigit()
        assert bin_[4] in "456"
        assert check_digit(bin_[:11]) == int(bin_[11])
    users = {u.email: u for u in session.execute(select(User)).scalars()}
    for email in ("admin@demo.kz", "staff1@demo.kz", "employer1@demo.kz", "seeker1@demo.kz"):
        assert email in users
    assert users["employer1@demo.kz"].employer_id is not None
    assert users["staff40@demo.kz"].centre_id is not None
    seeker = session.execute(select(Seeker).where(Seeker.user_id.is_not(None))).scalars().first()
    assert seeker is not None
    assert len({u.password_hash for u in users.values()}) == 1  # hashed once
    assert verify_password(users["seeker1@demo.kz"].password_hash, "demo-password")


def test_demo_is_deterministic(database: Database) -> None:
    def run(seed: int) -> str:
        with database.sessionmaker() as s:
            _fill(s, seed=seed, vacancies=60, seekers=30)
            digest = _digest(s)
        _empty(database)
        return digest

    first = run(7)
    assert run(7) == first
    assert run(8) != first


def test_demo_is_never_mixed_into_real_data(session: Session) -> None:
    _fill(session, vacancies=30, seekers=10)
    with pytest.raises(DemoAlreadyLoaded, match="already has"):
        fill_demo(session, seed=1, vacancies=5, seekers=5, shared_data=None, today=TODAY)
    session.rollback()
    assert _count(session, Vacancy) == 30


def test_cli_demo_command(app: Flask) -> None:
    runner = app.test_cli_runner()
    args = ["demo", "--vacancies", "50", "--seekers", "20", "--seed", "3"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "50 vacancies" in result.output and "admin@demo.kz" in result.output
    again = runner.invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "already" in again.output
