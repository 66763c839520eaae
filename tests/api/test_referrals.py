"""Centre referrals: deadlines in working days, who sees them, outcomes and deregistration."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask

from app import extensions
from app.api import referrals
from app.models import Seeker, SeekerStatus, VacancyKind, VacancyStatus
from app.services.calendar import work_calendar
from tests.api.conftest import Call, World
from tests.db.factories import a_seeker, a_vacancy

pytestmark = pytest.mark.both_databases  # referral counts and constraints

URL = "/api/v1/referrals"
FRIDAY = date(2026, 11, 20)


@pytest.fixture
def friday(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(referrals, "today", lambda: FRIDAY)
    return FRIDAY


def _setup(app: Flask, world: World, **vacancy: Any) -> dict[str, int]:
    """A registered unemployed person of the staff's centre, linked to the seeker login."""
    staff, login = world.callers["staff"].user, world.callers["seeker"].user
    assert staff is not None and login is not None
    with extensions.database(app).session() as session:
        employer = session.merge(world.employer)
        seeker = a_seeker(
            session,
            user_id=login.id,
            centre_id=staff.centre_id,
            status=SeekerStatus.UNEMPLOYED,
            registered_on=FRIDAY - timedelta(days=60),
            status_since=FRIDAY - timedelta(days=50),
        )
        ids = {
            "seeker": seeker.id,
            "open": a_vacancy(session, employer, title="Ашық", **vacancy).id,
            "other": a_vacancy(session, employer, title="Екінші").id,
            "draft": a_vacancy(session, employer, title="Жоба", status=VacancyStatus.DRAFT).id,
        }
    return ids


def _refer(as_: Call, seeker: int, vacancy: int, suitable: bool = True) -> dict[str, Any]:
    body = {"seeker_id": seeker, "vacancy_id": vacancy, "counted_as_suitable_offer": suitable}
    response = as_("staff", "post", URL, json=body)
    assert response.status_code == 201, response.get_data()
    result: dict[str, Any] = response.get_json()
    return result


def test_deadlines_count_working_days_across_the_weekend(
    app: Flask, as_: Call, world: World, friday: date
) -> None:
    ids = _setup(app, world, kind=VacancyKind.SOCIAL_JOB)
    social = _refer(as_, ids["seeker"], ids["open"])
    regular = _refer(as_, ids["seeker"], ids["other"])
    with extensions.database(app).session() as session:
        calendar = work_calendar(session)
        assert social["issued_on"] == friday.isoformat()
        report_by = calendar.add_working_days(friday, 5)
        assert social["report_by"] == report_by.isoformat()
        assert (report_by - friday).days >= 7 and report_by.weekday() < 5
        answer_by = calendar.add_working_days(friday, 3)
        assert social["employer_answer_by"] == answer_by.isoformat()
        assert (answer_by - friday).days >= 5
    assert regular["employer_answer_by"] is None
    assert social["centre_id"] == world.callers["staff"].user.centre_id  # type: ignore[union-attr]
    assert social["issued_by_id"] == world.callers["staff"].user.id  # type: ignore[union-attr]
    assert social["outcome"] == "pending"
    checks = {c["name"]: c["passed"] for c in social["suitability"]["checks"]}
    assert set(checks) == {"qualification", "health", "commute", "wage", "schedule"}
    assert checks["wage"] is False and social["suitability"]["suitable"] is False


def test_a_programme_place_for_an_ineligible_person_is_refused_with_the_rules_reasons(
    app: Flask, as_: Call, world: World, friday: date
) -> None:
    ids = _setup(app, world, kind=VacancyKind.SOCIAL_JOB)
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, ids["seeker"])
        assert seeker is not None
        seeker.status = SeekerStatus.JOB_SEEKER
        session.commit()
    body = {
        "seeker_id": ids["seeker"],
        "vacancy_id": ids["open"],
        "counted_as_suitable_offer": True,
    }
    response = as_("staff", "post", URL, json=body)
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "vacancy_id" and "requires_unemployed_status" in error["message"]


def test_who_sees_which_referrals_and_the_overdue_filter(
    app: Flask, as_: Call, world: World, friday: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _setup(app, world)
    referral = _refer(as_, ids["seeker"], ids["open"])
    for who in ("staff", "employer", "seeker"):
        items = as_(who, "get", URL).get_json()["items"]
        assert [r["id"] for r in items] == [referral["id"]], who
    assert as_("other_employer", "get", URL).get_json()["items"] == []
    assert as_("staff", "get", f"{URL}?overdue=true").get_json()["items"] == []
    later = date.fromisoformat(referral["report_by"]) + timedelta(days=1)
    monkeypatch.setattr(referrals, "today", lambda: later)
    overdue = as_("staff", "get", f"{URL}?overdue=true").get_json()["items"]
    assert [r["id"] for r in overdue] == [referral["id"]]
    assert as_("staff", "get", f"{URL}?overdue=maybe").status_code == 422
    _refer(as_, ids["seeker"], ids["other"])
    page = as_("staff", "get", f"{URL}?limit=1").get_json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    rest = as_("staff", "get", f"{URL}?limit=1&cursor={page['next_cursor']}").get_json()
    assert rest["items"][0]["id"] == referral["id"] and rest["next_cursor"] is None


def test_wrong_roles_and_bad_bodies_get_problems_not_data(
    app: Flask, as_: Call, world: World
) -> None:
    ids = _setup(app, world)
    body = {
        "seeker_id": ids["seeker"],
        "vacancy_id": ids["open"],
        "counted_as_suitable_offer": True,
    }
    for who, status in (
        ("anonymous", 401),
        ("seeker", 403),
        ("employer", 403),
        ("other_employer", 403),
        ("admin", 403),
    ):
        response = as_(who, "post", URL, json=body)
        assert response.status_code == status, who
        assert response.mimetype == "application/problem+json"
        assert "report_by" not in response.get_json()
    assert as_("admin", "get", URL).status_code == 403
    assert as_("anonymous", "get", URL).status_code == 401
    for field, value in (("vacancy_id", ids["draft"]), ("seeker_id", 999_999)):
        response = as_("staff", "post", URL, json={**body, field: value})
        assert response.status_code == 422
        assert response.get_json()["errors"][0]["field"] == field
    missing = as_("staff", "post", URL, json={"vacancy_id": ids["open"]})
    assert missing.get_json()["errors"][0]["field"] == "seeker_id"

    referral = _refer(as_, ids["seeker"], ids["open"])
    outcome = f"{URL}/{referral['id']}/outcome"
    refused = {"outcome": "refused_by_seeker"}
    for who, status in (
        ("anonymous", 401),
        ("seeker", 403),
        ("admin", 403),
        ("other_employer", 404),
        ("employer", 403),
    ):
        response = as_(who, "post", outcome, json=refused)
        assert response.status_code == status, who
        assert "referral" not in response.get_json()
    assert as_("staff", "post", outcome, json={"outcome": "pending"}).status_code == 422
    assert as_("staff", "post", f"{URL}/999999/outcome", json=refused).status_code == 404


def test_employer_records_hire_and_a_second_outcome_conflicts(
    app: Flask, as_: Call, world: World
) -> None:
    ids = _setup(app, world)
    referral = _refer(as_, ids["seeker"], ids["open"])
    outcome = f"{URL}/{referral['id']}/outcome"
    hired = as_("employer", "post", outcome, json={"outcome": "hired"})
    assert hired.status_code == 200, hired.get_data()
    assert hired.get_json()["referral"]["outcome"] == "hired"
    assert hired.get_json()["decision"] is None
    again = as_("staff", "post", outcome, json={"outcome": "no_show"})
    assert again.status_code == 409
    assert again.get_json()["errors"][0]["field"] == "outcome"
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, ids["seeker"])
        assert seeker is not None and seeker.status is SeekerStatus.EMPLOYED


def test_two_refused_suitable_offers_deregister(app: Flask, as_: Call, world: World) -> None:
    ids = _setup(app, world)
    first = _refer(as_, ids["seeker"], ids["open"])
    second = _refer(as_, ids["seeker"], ids["other"])
    body = {"outcome": "refused_by_seeker", "refusal_reason": "алыс"}
    one = as_("staff", "post", f"{URL}/{first['id']}/outcome", json=body).get_json()
    assert one["referral"]["refusal_reason"] == "алыс"
    assert one["decision"]["allowed"] is False
    two = as_("staff", "post", f"{URL}/{second['id']}/outcome", json=body)
    assert two.status_code == 200
    assert two.get_json()["decision"]["allowed"] is True
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, ids["seeker"])
        assert seeker is not None and seeker.status is SeekerStatus.DEREGISTERED


def test_without_an_override_the_rules_decide_whether_the_offer_counts(
    app: Flask, as_: Call, world: World
) -> None:
    ids = _setup(app, world)
    body = {"seeker_id": ids["seeker"], "vacancy_id": ids["open"]}
    made = as_("staff", "post", URL, json=body)
    assert made.status_code == 201, made.get_data()
    referral = made.get_json()
    assert referral["suitability"]["checks"], "the rules assessed the offer"
    assert referral["counted_as_suitable_offer"] is referral["suitability"]["suitable"]
