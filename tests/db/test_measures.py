"""The measures catalogue, referrals to measures, and the family plan with its breaches."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AuditLog,
    Centre,
    Family,
    MeasureCourse,
    MeasureKind,
    MeasureOutcome,
    Placement,
    PlanItemKind,
    PlanItemStatus,
    Role,
    SeekerStatus,
    User,
    VacancyKind,
)
from app.services.calendar import work_calendar
from app.services.errors import FieldError, ValidationFailed
from app.services.family_plan import (
    add_plan_item,
    close_plan_item,
    family_standing,
    overdue_plan_items,
    plan_items,
    record_breach,
)
from app.services.figures import Scope, compute
from app.services.measure_catalogue import add_course, import_courses
from app.services.measure_referrals import (
    MeasureNotEligible,
    decisions_for,
    issue_measure_referral,
    measure_profile,
    record_measure_outcome,
)

from .factories import a_locality, a_seeker

TODAY = date(2026, 3, 2)  # a Monday


@pytest.fixture
def staff(session: Session) -> User:
    locality = a_locality(session)
    centre = Centre(name_kk="Астана ХЖҚО", name_ru="ЦЗН Астаны", region_id=locality.region_id)
    session.add(centre)
    session.flush()
    user = User(
        email="c@zhumys.kz",
        role=Role.STAFF,
        centre_id=centre.id,
        password_hash="x",
        display_name="К",
    )
    session.add(user)
    session.flush()
    return user


def client(session: Session, staff: User, **fields: object):  # type: ignore[no-untyped-def]
    return a_seeker(
        session,
        centre_id=staff.centre_id,
        locality=a_locality(session),
        status=SeekerStatus.UNEMPLOYED,
        registered_on=date(2026, 1, 12),
        **fields,
    )


CSV = (
    "kind,title_kk,title_ru,provider,region_kato,skills,duration_months\n"
    "short_training,1С курсы,Курсы 1С: Бухгалтерия,Колледж №1,,1С: Бухгалтерия;Excel,2\n"
    "bastau_business,Бастау Бизнес,Бастау Бизнес,Атамекен,,,\n"
)


def test_csv_import_adds_courses_in_the_staff_region(session: Session, staff: User) -> None:
    courses = import_courses(session, staff, CSV)
    assert [c.kind for c in courses] == [MeasureKind.SHORT_TRAINING, MeasureKind.BASTAU]
    assert courses[0].skills == ["1С: Бухгалтерия", "Excel"]
    assert courses[0].region_id == staff.centre.region_id


def test_csv_import_reports_every_bad_row_and_adds_nothing(session: Session, staff: User) -> None:
    bad = CSV + "lessons,,x,y,999,,99\n"
    with pytest.raises(ValidationFailed) as info:
        import_courses(session, staff, bad)
    fields = {e.field for e in info.value.errors}
    assert {
        "line 4: kind",
        "line 4: title_kk",
        "line 4: region_kato",
        "line 4: duration_months",
    } <= fields
    assert session.execute(select(MeasureCourse)).first() is None
    with pytest.raises(ValidationFailed, match="unknown columns: colour"):
        import_courses(session, staff, "kind,title_kk,title_ru,provider,colour\n")


def test_referral_to_a_course_with_deadline_and_outcomes(session: Session, staff: User) -> None:
    course = add_course(
        session,
        staff,
        {"kind": "short_training", "title_kk": "Дәнекерлеу", "title_ru": "Сварка",
         "provider": "Колледж", "duration_months": "3"},
    )  # fmt: skip
    person = client(session, staff)
    referral = issue_measure_referral(
        session, staff, person.id, MeasureKind.SHORT_TRAINING, TODAY, course_id=course.id
    )
    assert referral.report_by == work_calendar(session).add_working_days(TODAY, 5)
    assert referral.report_by == date(2026, 3, 10)  # Monday + 5 working days over a weekend
    assert referral.eligibility["allowed"] is True
    with pytest.raises(FieldError, match="already has an open referral"):
        issue_measure_referral(
            session, staff, person.id, MeasureKind.SHORT_TRAINING, TODAY, course_id=course.id
        )
    with pytest.raises(FieldError, match="cannot go from pending to completed"):
        record_measure_outcome(session, staff, referral, MeasureOutcome.COMPLETED, TODAY)
    record_measure_outcome(session, staff, referral, MeasureOutcome.ENROLLED, TODAY)
    record_measure_outcome(session, staff, referral, MeasureOutcome.COMPLETED, date(2026, 6, 1))
    assert (referral.enrolled_on, referral.ended_on) == (TODAY, date(2026, 6, 1))
    actions = session.execute(select(AuditLog.action)).scalars().all()
    assert "measure_referral:completed" in actions
    # completing programme training gives the resettlement priority
    reasons = decisions_for(session, person, date(2026, 6, 2))["resettlement"].codes
    assert "priority_trained" in reasons


def test_rules_refuse_bastau_in_a_city(session: Session, staff: User) -> None:
    person = client(session, staff)
    with pytest.raises(MeasureNotEligible) as info:
        issue_measure_referral(session, staff, person.id, MeasureKind.BASTAU, TODAY)
    assert "not_rural" in info.value.decision.codes
    measure_profile(session, person).district_centre = True
    session.flush()
    assert issue_measure_referral(session, staff, person.id, MeasureKind.BASTAU, TODAY).id


def test_family_plan_breaches_halve_then_stop(session: Session, staff: User) -> None:
    family = Family(
        centre_id=staff.centre_id, contract_from=date(2026, 2, 2), contract_to=date(2026, 8, 2)
    )
    session.add(family)
    session.flush()
    mother = client(session, staff, family=family, birth_date=date(1990, 5, 1))
    son = client(session, staff, family=family, birth_date=date(2012, 5, 1), first_name="Ерлан")
    session.refresh(family)
    item = add_plan_item(
        session, staff, family, mother.id, PlanItemKind.JOB_SEARCH, TODAY, due_in_days=3
    )
    assert item.due_on == date(2026, 3, 5)
    with pytest.raises(FieldError, match="able-bodied"):
        add_plan_item(session, staff, family, son.id, PlanItemKind.TRAINING, TODAY)
    later = add_plan_item(session, staff, family, mother.id, PlanItemKind.TRAINING, TODAY)
    assert [o.item.id for o in overdue_plan_items(session, staff.centre_id, date(2026, 3, 10))] == [
        item.id
    ]

    first = record_breach(session, staff, family, date(2026, 3, 10), item=item)
    assert item.status is PlanItemStatus.BREACHED
    assert (first.consequence.state, first.consequence.until) == ("halved", date(2026, 4, 10))
    assert first.affected == (mother.id,)  # the minor's share is not cut
    assert overdue_plan_items(session, staff.centre_id, date(2026, 3, 10)) == []
    close_plan_item(session, staff, later, PlanItemStatus.DONE, date(2026, 3, 12))
    with pytest.raises(FieldError, match="already done"):
        record_breach(session, staff, family, date(2026, 3, 12), item=later)
    second = record_breach(session, staff, family, date(2026, 4, 20), note="не явилась")
    assert second.consequence.state == "stopped"
    assert family_standing(session, family, date(2026, 4, 21)).consequence.state == "stopped"


def test_employed_after_short_training_figure(session: Session, staff: User) -> None:
    course = add_course(
        session,
        staff,
        {"kind": "short_training", "title_kk": "1С", "title_ru": "1С", "provider": "Колледж"},
    )
    people = [client(session, staff, first_name=f"Н{n}") for n in range(3)]
    for n, person in enumerate(people):
        referral = issue_measure_referral(
            session, staff, person.id, MeasureKind.SHORT_TRAINING, TODAY, course_id=course.id
        )
        record_measure_outcome(session, staff, referral, MeasureOutcome.ENROLLED, TODAY)
        if n < 2:  # the third one is still in training
            record_measure_outcome(
                session, staff, referral, MeasureOutcome.COMPLETED, date(2026, 5, 4)
            )
    # the first found a job after the course; the second had one only before it
    session.add_all([
        Placement(seeker_id=people[0].id, kind=VacancyKind.REGULAR, started_on=date(2026, 5, 20)),
        Placement(seeker_id=people[1].id, kind=VacancyKind.REGULAR, started_on=date(2026, 2, 2)),
    ])  # fmt: skip
    session.flush()
    scope = Scope(date(2026, 1, 1), date(2026, 12, 31), centre_id=staff.centre_id)
    figure = compute(session, scope, today=date(2026, 12, 31)).shares["employed_after_training"]
    assert (figure.total.count, figure.total.base) == (1, 2)


def test_a_family_members_referral_joins_the_plan(session: Session, staff: User) -> None:
    family = Family(centre_id=staff.centre_id, contract_from=date(2026, 2, 2))
    session.add(family)
    session.flush()
    member = client(session, staff, family=family, birth_date=date(1990, 5, 1))
    course = add_course(
        session,
        staff,
        {"kind": "short_training", "title_kk": "Курс", "title_ru": "Курс 1С",
         "provider": "Колледж", "duration_months": "2"},
    )  # fmt: skip
    referral = issue_measure_referral(
        session, staff, member.id, MeasureKind.SHORT_TRAINING, TODAY, course_id=course.id
    )
    (item,) = plan_items(session, family.id)
    assert (item.kind, item.due_on, item.description) == (
        PlanItemKind.TRAINING,
        referral.report_by,
        "Курс 1С",
    )
    record_measure_outcome(session, staff, referral, MeasureOutcome.ENROLLED, TODAY)
    assert item.due_on == date(2026, 5, 2)  # the course's two months
    record_measure_outcome(session, staff, referral, MeasureOutcome.COMPLETED, date(2026, 5, 4))
    assert (item.status, item.done_on) == (PlanItemStatus.DONE, date(2026, 5, 4))
