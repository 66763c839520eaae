"""Issuing referrals from the desk and recording how they ended (deregistration included)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import AuditLog, SeekerStatus
from app.services.calendar import work_calendar
from app.web import desk_work
from tests.web.conftest import People, SignIn
from tests.web.desk_work.helpers import (
    MONDAY,
    PUBLIC,
    SOCIAL,
    a_client,
    a_place,
    close,
    load,
    refer,
    referral_id,
)


@pytest.fixture(autouse=True)
def monday(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(desk_work, "today", lambda: MONDAY)
    return MONDAY


def test_a_referral_runs_its_deadlines_over_the_weekend_and_the_holiday(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    seeker = a_client(app, people)
    social = a_place(app, people, kind=SOCIAL, title="Әлеуметтік жұмыс: жүргізуші")
    sign_in(client, "staff")
    rid = referral_id(refer(client, seeker, social))
    referral, _ = load(app, rid)
    with extensions.database(app).session() as session:
        calendar = work_calendar(session)
        assert not calendar.is_working_day(date(2026, 12, 16))
        assert referral.report_by == calendar.add_working_days(MONDAY, 5) == date(2026, 12, 22)
        assert referral.employer_answer_by == date(2026, 12, 18)
        audit = session.execute(
            select(AuditLog).where(AuditLog.action == "referral:issue")
        ).scalar_one()
        assert audit.entity_id == str(rid) and audit.detail["overridden"] is False
    assert referral.issued_on == MONDAY
    checks = {c["name"]: c["passed"] for c in referral.suitability["checks"]}
    assert all(checks.values()) and referral.counted_as_suitable_offer is True
    page = client.get(f"/desk/referrals/{rid}?lang=ru").get_data(as_text=True)
    for text in ("14.12.2026", "22.12.2026", "18.12.2026", "Бейбітшілік", "ТОО Дала"):
        assert text in page
    assert "desk_work.css" in page and "desk_work.js" in page


def test_the_counted_flag_follows_the_rules_unless_staff_override_it(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    seeker = a_client(app, people)
    cheap = a_place(app, people, salary_from=20_000, title="Арзан")
    works = a_place(app, people, kind=PUBLIC, title="Көгалдандыру")
    suitable = a_place(app, people)
    sign_in(client, "staff")
    low, _ = load(app, referral_id(refer(client, seeker, cheap)))
    assert low.counted_as_suitable_offer is False
    wage = next(c for c in low.suitability["checks"] if c["name"] == "wage")
    assert wage["passed"] is False and wage["detail"]["code"] == "wage_below_minimum"
    public, _ = load(app, referral_id(refer(client, seeker, works)))
    assert public.counted_as_suitable_offer is False
    overridden, _ = load(app, referral_id(refer(client, seeker, suitable, counted="no")))
    assert overridden.counted_as_suitable_offer is False
    with extensions.database(app).session() as session:
        audit = session.execute(
            select(AuditLog).where(AuditLog.entity_id == str(overridden.id))
        ).scalar_one()
        assert audit.reason == "staff_override"
        assert audit.detail["rules_verdict"] is True and audit.detail["overridden"] is True
    page = client.get(f"/desk/referrals/{overridden.id}").get_data(as_text=True)
    assert 'id="staff-decision"' in page
    assert 'id="staff-decision"' not in client.get(f"/desk/referrals/{low.id}").get_data(
        as_text=True
    )
    assert refer(client, seeker, suitable, counted="maybe").status_code == 422
    twice = refer(client, seeker, suitable)
    assert twice.status_code == 422 and f"(№ {overridden.id})" in twice.get_data(as_text=True)


def test_a_social_job_for_a_job_seeker_is_refused_with_the_rules_reasons(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    social = a_place(app, people, kind=SOCIAL, title="Әлеуметтік орын")
    sign_in(client, "staff")
    response = refer(client, people.seeker_id, social)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "тек тіркелген жұмыссыздарға арналған" in page
    with extensions.database(app).session() as session:
        assert (
            session.execute(select(AuditLog).where(AuditLog.action == "referral:issue")).first()
            is None
        )


def test_two_refused_suitable_offers_take_the_client_off_the_register(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    seeker = a_client(app, people)
    sign_in(client, "staff")
    first = referral_id(refer(client, seeker, a_place(app, people)))
    second = referral_id(refer(client, seeker, a_place(app, people, title="Такси")))
    assert close(client, first, "refused_by_seeker").status_code == 422  # reason required
    assert close(client, first, "refused_by_seeker", "Алыс").status_code == 302
    page = client.get(f"/desk/referrals/{first}?lang=ru").get_data(as_text=True)
    assert 'id="counted"' in page and "Отказов от подходящей работы: 1 из 2" in page
    assert load(app, first)[1].status is SeekerStatus.UNEMPLOYED
    assert close(client, second, "refused_by_seeker", "Жалақы төмен").status_code == 302
    referral, person = load(app, second)
    assert person.status is SeekerStatus.DEREGISTERED and referral.outcome_on == MONDAY
    page = client.get(f"/desk/referrals/{second}?lang=ru").get_data(as_text=True)
    assert 'id="deregistered"' in page
    assert "Отказ от 2 предложенных вариантов подходящей работы" in page
    assert (MONDAY + timedelta(days=30)).strftime("%d.%m.%Y") in page
    matches = client.get(f"/desk/clients/{seeker}/match").get_data(as_text=True)
    assert 'id="not-registered"' in matches and 'name="vacancy_id"' not in matches
    again = close(client, second, "hired")
    assert again.status_code == 422 and load(app, second)[0].outcome.value == "refused_by_seeker"


def test_refusing_unsuitable_offers_does_not_count(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    seeker = a_client(app, people)
    sign_in(client, "staff")
    ids = [
        referral_id(refer(client, seeker, a_place(app, people, salary_from=None, title=t)))
        for t in ("Жалақысы белгісіз", "Тағы біреуі")
    ]
    for rid in ids:
        assert close(client, rid, "refused_by_seeker", "Жалақы белгісіз").status_code == 302
    referral, person = load(app, ids[-1])
    assert referral.counted_as_suitable_offer is False
    assert person.status is SeekerStatus.UNEMPLOYED
    page = client.get(f"/desk/referrals/{ids[-1]}?lang=ru").get_data(as_text=True)
    assert 'id="not-counted"' in page and 'id="deregistered"' not in page


def test_hired_makes_the_client_employed(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    seeker = a_client(app, people)
    sign_in(client, "staff")
    rid = referral_id(refer(client, seeker, a_place(app, people)))
    assert close(client, rid, "").status_code == 422
    assert close(client, rid, "hired").status_code == 302
    assert load(app, rid)[1].status is SeekerStatus.EMPLOYED
