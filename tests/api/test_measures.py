"""The measures API: catalogue, routing, referrals to measures, seekers' requests, family plans."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask

from app import extensions
from app.api import measures as api_measures
from app.models import Family, Seeker, SeekerStatus
from tests.api.conftest import Call, World
from tests.db.factories import a_locality, a_seeker

TODAY = date(2026, 12, 7)  # a Monday
CSV = "kind,title_kk,title_ru,provider,skills\nbastau_business,Бастау,Бастау Бизнес,Атамекен,\n"


@pytest.fixture(autouse=True)
def monday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api_measures, "today", lambda: TODAY)


def _family(app: Flask, world: World) -> tuple[int, int, int]:
    staff, seeker_user = world.callers["staff"].user, world.callers["seeker"].user
    assert staff is not None and seeker_user is not None
    with extensions.database(app).session() as session:
        family = Family(
            centre_id=staff.centre_id, contract_from=date(2026, 11, 2), contract_to=date(2027, 5, 2)
        )
        session.add(family)
        session.flush()
        person = a_seeker(
            session, user_id=seeker_user.id, centre_id=staff.centre_id,
            locality=a_locality(session), status=SeekerStatus.UNEMPLOYED,
            registered_on=date(2026, 10, 1), family_id=family.id,
        )  # fmt: skip
        session.commit()
        return family.id, person.id, staff.centre_id or 0


def test_catalogue_referral_outcomes_and_requests(app: Flask, as_: Call, world: World) -> None:
    _family_id, person_id, _centre = _family(app, world)
    created = as_("staff", "post", "/api/v1/measures", json={
        "kind": "short_training", "title_kk": "1С", "title_ru": "1С: Бухгалтерия",
        "provider": "Колледж", "skills": ["1С: Бухгалтерия"], "duration_months": 2,
    })  # fmt: skip
    assert created.status_code == 201, created.get_json()
    course_id = created.get_json()["id"]
    bad = as_("staff", "post", "/api/v1/measures", json={"kind": "short_training"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.get_json()["errors"]} >= {"title_kk", "provider"}
    imported = as_("staff", "post", "/api/v1/measures/import", data=CSV.encode(),
                   content_type="text/csv")  # fmt: skip
    assert imported.status_code == 200 and imported.get_json()["added"] == 1
    broken = as_("staff", "post", "/api/v1/measures/import", data=b"kind\nx\n",
                 content_type="text/csv")  # fmt: skip
    assert broken.status_code == 422
    listed = as_("seeker", "get", "/api/v1/measures?kind=short_training").get_json()
    assert [c["id"] for c in listed["items"]] == [course_id]

    issued = as_("staff", "post", "/api/v1/measure-referrals", json={
        "seeker_id": person_id, "kind": "short_training", "course_id": course_id,
    })  # fmt: skip
    assert issued.status_code == 201
    referral = issued.get_json()
    assert referral["report_by"] == "2026-12-14" and referral["eligibility"]["allowed"]
    refused = as_("staff", "post", "/api/v1/measure-referrals", json={
        "seeker_id": person_id, "kind": "bastau_business",
    })  # fmt: skip
    assert refused.status_code == 422 and "not_rural" in refused.get_json()["detail"]
    path = f"/api/v1/measure-referrals/{referral['id']}/outcome"
    assert as_("staff", "post", path, json={"outcome": "completed"}).status_code == 422
    assert as_("staff", "post", path, json={"outcome": "enrolled"}).get_json()["outcome"] == (
        "enrolled"
    )
    assert as_("seeker", "post", path, json={"outcome": "completed"}).status_code == 403
    mine = as_("seeker", "get", "/api/v1/measure-referrals").get_json()["items"]
    assert [r["id"] for r in mine] == [referral["id"]]
    asked = as_("seeker", "post", "/api/v1/measure-requests", json={"kind": "orientation"})
    assert asked.status_code == 201 and asked.get_json()["requested_by_seeker"] is True
    centre = as_("staff", "get", f"/api/v1/measure-referrals?seeker_id={person_id}").get_json()
    assert len(centre["items"]) == 2
    assert as_("employer", "get", "/api/v1/measure-referrals").status_code == 403


def test_routing_and_the_family_plan_with_breaches(app: Flask, as_: Call, world: World) -> None:
    family_id, person_id, _centre = _family(app, world)
    routing = as_("staff", "get", f"/api/v1/seekers/{person_id}/measures")
    assert routing.status_code == 200
    body = routing.get_json()
    assert body["scarce"] is True and body["local_count"] == 0
    assert body["decisions"]["bastau_business"]["allowed"] is False  # a city dweller
    assert "orientation" in [p["kind"] for p in body["proposals"]]
    item = as_("staff", "post", f"/api/v1/families/{family_id}/plan-items", json={
        "seeker_id": person_id, "kind": "job_search", "due_in_days": 5,
    })  # fmt: skip
    assert item.status_code == 201 and item.get_json()["due_on"] == "2026-12-14"
    other = as_("staff", "post", f"/api/v1/families/{family_id}/plan-items", json={
        "seeker_id": person_id, "kind": "training",
    })  # fmt: skip
    closed = as_("staff", "post", f"/api/v1/plan-items/{other.get_json()['id']}/close",
                 json={"status": "done"})  # fmt: skip
    assert closed.get_json()["status"] == "done"
    first = as_("staff", "post", f"/api/v1/families/{family_id}/breaches",
                json={"item_id": item.get_json()["id"]})  # fmt: skip
    assert first.status_code == 201
    assert first.get_json()["consequence"]["state"] == "halved"
    assert first.get_json()["consequence"]["until"] == "2027-01-07"
    assert first.get_json()["affected_member_ids"] == [person_id]
    second = as_("staff", "post", f"/api/v1/families/{family_id}/breaches", json={"note": "x"})
    assert second.get_json()["consequence"]["state"] == "stopped"
    plan = as_("staff", "get", f"/api/v1/families/{family_id}/plan").get_json()
    assert [i["status"] for i in plan["items"]] == ["breached", "done"]
    assert as_("admin", "get", f"/api/v1/families/{family_id}/plan").status_code == 403
    assert as_("staff", "get", "/api/v1/families/999/plan").status_code == 404
    with extensions.database(app).session() as session:
        assert session.get(Seeker, person_id) is not None
