"""Staff's seeker records: register with the rules, find, read audited, correct; own centre only."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from app import extensions
from app.models import AuditLog, Centre, Referral, Role, Seeker, SeekerStatus
from matching.iin import make_iin
from tests.api.conftest import Call, World, _caller
from tests.db.factories import a_seeker, a_vacancy

pytestmark = pytest.mark.both_databases  # case-insensitive search (ilike) over Cyrillic names

URL = "/api/v1/seekers"
MAX_ID = 2**31 - 1
IIN = make_iin(date(1990, 5, 17), "female", 123)


def _person(**extra: Any) -> dict[str, Any]:
    return {
        "iin": IIN,
        "last_name": "Нұрланова",
        "first_name": "Әсел",
        "data_consent": True,
        "locality_kato": "710000000",
        "phone": "+77011234567",
        "skills": ["Excel"],
        **extra,
    }


def _audit(app: Flask, seeker_id: int) -> list[AuditLog]:
    with extensions.database(app).session() as session:
        stmt = select(AuditLog).where(
            AuditLog.entity_type == "seeker", AuditLog.entity_id == str(seeker_id)
        )
        return list(session.execute(stmt.order_by(AuditLog.id)).scalars())


def test_register_find_read_and_correct(app: Flask, as_: Call, world: World) -> None:
    created = as_("staff", "post", URL, json=_person())
    assert created.status_code == 201, created.get_data()
    body = created.get_json()
    seeker = body["seeker"]
    assert body["decision"]["allowed"] is True
    assert seeker["birth_date"] == "1990-05-17" and seeker["sex"] == "female"
    assert seeker["status"] == SeekerStatus.JOB_SEEKER.value
    assert seeker["centre_id"] == world.callers["staff"].user.centre_id  # type: ignore[union-attr]
    assert seeker["data_consent_at"] is not None
    sid = seeker["id"]

    by_iin = as_("staff", "post", f"{URL}/search", json={"q": f"{IIN[:6]}-{IIN[6:]}"}).get_json()
    assert [i["id"] for i in by_iin["items"]] == [sid]
    assert by_iin["items"][0]["iin_masked"] == "********" + IIN[-4:]
    by_name = as_("staff", "get", f"{URL}?q=нұрлан").get_json()
    assert [i["id"] for i in by_name["items"]] == [sid]
    typed_in_russian = as_("staff", "get", f"{URL}?q=НУРЛАН").get_json()  # ұ typed as у
    assert [i["id"] for i in typed_in_russian["items"]] == [sid]
    assert as_("staff", "get", f"{URL}?q=%25").get_json()["items"] == []  # % is literal
    assert as_("staff", "get", f"{URL}?q=Ахметов").get_json()["items"] == []
    unemployed = as_("staff", "get", f"{URL}?status=unemployed").get_json()
    assert unemployed["items"] == []

    masked = as_("staff", "get", f"{URL}/{sid}").get_json()
    assert masked["iin"] is None and masked["iin_masked"].endswith(IIN[-4:])
    reason = {"X-Access-Reason": "заявление № 15 от 24.11"}
    full = as_("admin", "get", f"{URL}/{sid}", headers=reason).get_json()
    assert full["iin"] == IIN
    reads = [a for a in _audit(app, sid) if a.action == "client:view"]
    assert [(a.user_id, a.reason, a.detail["iin_shown"]) for a in reads] == [
        (world.callers["staff"].user.id, None, False),  # type: ignore[union-attr]
        (world.callers["admin"].user.id, reason["X-Access-Reason"], True),  # type: ignore[union-attr]
    ]

    patch = {"phone": "+77770000000", "is_carer": True, "care_recipient": "elderly"}
    changed = as_("staff", "patch", f"{URL}/{sid}", json=patch)
    assert changed.status_code == 200, changed.get_data()
    assert changed.get_json()["phone"] == "+77770000000"
    assert changed.get_json()["care_recipient"] == "elderly"
    assert [a.action for a in _audit(app, sid)][-1] == "client:edit"
    kept = as_("staff", "get", f"{URL}/{sid}").get_json()
    assert kept["skills"] == ["Excel"] and kept["locality_kato"] == "710000000"
    assert kept["is_carer"] is True and kept["first_name"] == "Әсел"


def test_bad_input_names_the_field(as_: Call) -> None:
    cases = {
        "iin": _person(iin="900517400000"),
        "data_consent": _person(data_consent=False),
        "locality_kato": _person(locality_kato="999999999"),
        "email": _person(email="not-an-email"),
        "last_name": _person(last_name=""),
    }
    for field, body in cases.items():
        response = as_("staff", "post", URL, json=body)
        assert response.status_code == 422, (field, response.get_data())
        assert response.mimetype == "application/problem+json"
        assert field in [e["field"] for e in response.get_json()["errors"]], field
    bad_iin = as_("staff", "post", f"{URL}/search", json={"q": "123456789012"}).get_json()
    assert bad_iin["errors"][0]["field"] == "q"
    in_url = as_("staff", "get", f"{URL}?q={IIN}")
    assert in_url.status_code == 422 and "POST /seekers/search" in in_url.get_json()["detail"]
    assert as_("staff", "get", f"{URL}?limit=1000").status_code == 422
    assert as_("staff", "get", URL).get_json()["items"] == []


def test_duplicate_iin_is_a_conflict_and_refusal_gives_the_reasons(as_: Call) -> None:
    assert as_("staff", "post", URL, json=_person()).status_code == 201
    again = as_("staff", "post", URL, json=_person(first_name="Басқа"))
    assert again.status_code == 409
    assert again.get_json()["errors"][0]["field"] == "iin"
    today = date.today()
    child = make_iin(date(today.year - 10, 1, 15), "male", 7)
    refused = as_("staff", "post", URL, json=_person(iin=child))
    assert refused.status_code == 422
    problem = refused.get_json()
    assert "under_min_age" in [e["message"] for e in problem["errors"]]
    assert "refuse" in problem["detail"]
    listed = as_("staff", "post", f"{URL}/search", json={"q": f"{child}"}).get_json()
    assert listed["items"] == []  # nothing stored


def test_other_centres_people_are_not_found(app: Flask, as_: Call, world: World) -> None:
    sid = as_("staff", "post", URL, json=_person()).get_json()["seeker"]["id"]
    with extensions.database(app).session() as session:
        other = Centre(name_kk="Басқа", name_ru="Другой", region_id=1)
        session.add(other)
        session.flush()
        stranger = _caller(session, "stranger", Role.STAFF, centre_id=other.id)
        session.expunge_all()
    world.callers["stranger"] = stranger
    assert as_("stranger", "get", f"{URL}/{sid}").status_code == 404
    assert as_("stranger", "patch", f"{URL}/{sid}", json={"phone": "1"}).status_code == 404
    assert as_("stranger", "post", f"{URL}/search", json={"q": f"{IIN}"}).get_json()["items"] == []
    assert (
        as_("admin", "post", f"{URL}/search", json={"q": f"{IIN}"}).get_json()["items"][0]["id"]
        == sid
    )
    assert as_("admin", "patch", f"{URL}/{sid}", json={"phone": "1"}).status_code == 403
    with extensions.database(app).session() as session:
        assert session.get(Seeker, sid).phone == "+77011234567"  # type: ignore[union-attr]
        online = a_seeker(session, iin=make_iin(date(1995, 1, 9), "male", 5), last_name="Онлайн")
        online_id, online_iin = online.id, online.iin
    found = as_("stranger", "post", f"{URL}/search", json={"q": f"{online_iin}"}).get_json()[
        "items"
    ]
    assert [i["id"] for i in found] == [online_id]  # on file with no centre: found by IIN
    assert as_("stranger", "get", f"{URL}?q=Онлайн").get_json()["items"] == []


def test_paging_uses_a_cursor(as_: Call) -> None:
    for serial in range(3):
        body = _person(iin=make_iin(date(1985, 3, 2), "male", serial * 10), last_name="Абай")
        assert as_("staff", "post", URL, json=body).status_code == 201
    first = as_("staff", "get", f"{URL}?q=абай&limit=2").get_json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = as_("staff", "get", f"{URL}?q=абай&limit=2&cursor={first['next_cursor']}").get_json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    forged = as_("staff", "get", f"{URL}?cursor=abc.def")
    assert forged.status_code == 422


def test_a_persons_referrals(app: Flask, as_: Call, world: World) -> None:
    staff = world.callers["staff"].user
    assert staff is not None
    with extensions.database(app).session() as session:
        person = a_seeker(session, centre_id=staff.centre_id)
        vacancy = a_vacancy(session, session.merge(world.employer), title="Аспаз")
        for days in (30, 3):
            session.add(
                Referral(
                    seeker_id=person.id,
                    vacancy_id=vacancy.id,
                    centre_id=staff.centre_id,
                    issued_on=date.today() - timedelta(days=days),
                    report_by=date.today() - timedelta(days=days - 5),
                )
            )
        sid = person.id
    page = as_("admin", "get", f"{URL}/{sid}/referrals?limit=1").get_json()
    assert [r["vacancy_title"] for r in page["items"]] == ["Аспаз"]
    assert page["items"][0]["issued_on"] == (date.today() - timedelta(days=3)).isoformat()
    rest = as_("staff", "get", f"{URL}/{sid}/referrals?cursor={page['next_cursor']}").get_json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    overdue = as_("staff", "get", f"{URL}/{sid}/referrals?overdue=true").get_json()
    assert [r["report_by"] for r in overdue["items"]] == [
        (date.today() - timedelta(days=25)).isoformat()
    ]
    assert as_("staff", "get", f"{URL}/{MAX_ID}/referrals").status_code == 404
