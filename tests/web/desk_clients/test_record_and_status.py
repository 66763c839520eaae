"""The client's record (masked IIN, audit of every view) and status transitions under the rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import Employer, Referral, ReferralOutcome, Seeker, SeekerStatus
from app.services.calendar import work_calendar
from tests.db.factories import a_vacancy
from tests.web.conftest import People, SignIn, form_token
from tests.web.desk_clients.helpers import (
    OTHER_IIN,
    SEEKER_IIN,
    audit,
    freeze,
    post,
    valid_iins,
)

REGISTERED_ON = date(2026, 11, 2)  # the shared fixture's job seeker


@pytest.fixture(autouse=True)
def _iins(app: Flask, people: People) -> None:
    valid_iins(app, people)


def _post(client: FlaskClient, seeker_id: int, action: str, **data: str) -> object:
    token = form_token(client, f"/desk/clients/{seeker_id}")
    return client.post(f"/desk/clients/{seeker_id}/{action}", data={"csrf_token": token, **data})


def _load(app: Flask, seeker_id: int) -> Seeker:
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, seeker_id)
        assert seeker is not None
        _ = list(seeker.status_history)
        return seeker


def _due_day(app: Flask) -> date:
    with extensions.database(app).session() as session:
        return work_calendar(session).add_working_days(REGISTERED_ON, 10)


def _refusals(app: Flask, people: People, seeker_id: int, count: int) -> None:
    with extensions.database(app).session() as session:
        employer = session.get(Employer, people.employer_id)
        for n in range(count):
            vacancy = a_vacancy(session, employer, title=f"Жүргізуші {n}")
            session.add(
                Referral(
                    seeker_id=seeker_id,
                    vacancy_id=vacancy.id,
                    centre_id=people.centre_id,
                    issued_on=REGISTERED_ON,
                    report_by=REGISTERED_ON + timedelta(days=5),
                    outcome=ReferralOutcome.REFUSED_BY_SEEKER,
                    outcome_on=REGISTERED_ON + timedelta(days=3),
                    counted_as_suitable_offer=True,
                )
            )
        session.commit()


def test_other_centres_client_is_not_found(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    assert client.get(f"/desk/clients/{people.other_seeker_id}").status_code == 404
    assert client.get(f"/desk/clients/{people.other_seeker_id}/edit").status_code == 404
    assert client.get("/desk/clients/999999").status_code == 404
    sign_in(client, "other_staff")
    assert client.get(f"/desk/clients/{people.seeker_id}").status_code == 404


@pytest.mark.parametrize("who", ["seeker", "employer"])
def test_record_is_for_staff(
    client: FlaskClient, sign_in: SignIn, people: People, who: str
) -> None:
    sign_in(client, who)
    assert client.get(f"/desk/clients/{people.seeker_id}").status_code == 403


def test_iin_is_masked_until_a_reason_is_given_and_every_view_is_audited(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    page = client.get(f"/desk/clients/{people.seeker_id}").get_data(as_text=True)
    assert "********" + SEEKER_IIN[-4:] in page
    assert SEEKER_IIN not in page
    token = form_token(client, f"/desk/clients/{people.seeker_id}")
    refused = client.post(
        f"/desk/clients/{people.seeker_id}/iin", data={"csrf_token": token, "reason": " "}
    )
    assert refused.status_code == 422
    assert 'id="f-reason-error"' in refused.get_data(as_text=True)
    assert SEEKER_IIN not in refused.get_data(as_text=True)
    shown = client.post(
        f"/desk/clients/{people.seeker_id}/iin",
        data={"csrf_token": token, "reason": "Сверка с удостоверением"},
    )
    assert shown.status_code == 200
    assert SEEKER_IIN in shown.get_data(as_text=True)
    views = audit(app, "client:view", people.seeker_id)
    assert len(views) == 4  # two plain views, the refused reveal, the reveal
    assert all(v.user_id == people.users["staff"] for v in views)
    assert views[-1].reason == "Сверка с удостоверением"
    assert views[-1].detail == {"iin_shown": True}
    assert [v.reason for v in views[:-1]] == [None, None, None]


def test_admin_may_view(client: FlaskClient, sign_in: SignIn, people: People) -> None:
    sign_in(client, "admin")
    assert client.get(f"/desk/clients/{people.other_seeker_id}").status_code == 200


def test_unemployed_only_after_ten_working_days(
    app: Flask,
    client: FlaskClient,
    sign_in: SignIn,
    people: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    due = _due_day(app)
    sign_in(client, "staff")
    freeze(monkeypatch, due - timedelta(days=1))
    refused = _post(client, people.seeker_id, "unemployed")
    assert refused.status_code == 422  # type: ignore[attr-defined]
    page = refused.get_data(as_text=True)  # type: ignore[attr-defined]
    assert 'id="refusal"' in page and f"{due:%d.%m.%Y}" in page
    assert _load(app, people.seeker_id).status == SeekerStatus.JOB_SEEKER
    freeze(monkeypatch, due)
    assert 'id="due-list"' in client.get("/desk").get_data(as_text=True)
    done = _post(client, people.seeker_id, "unemployed")
    assert done.status_code == 303  # type: ignore[attr-defined]
    seeker = _load(app, people.seeker_id)
    assert seeker.status == SeekerStatus.UNEMPLOYED
    assert seeker.status_history[-1].reason_code == "no_suitable_work_found"
    assert seeker.status_history[-1].by_user_id == people.users["staff"]
    assert audit(app, "status:unemployed", people.seeker_id)


def test_deregistration_for_refusals_needs_two_and_makes_a_30_day_wait(
    app: Flask,
    client: FlaskClient,
    sign_in: SignIn,
    people: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    today = date(2026, 11, 20)
    freeze(monkeypatch, today)
    sign_in(client, "staff")
    _refusals(app, people, people.seeker_id, 1)
    page = client.get("/desk").get_data(as_text=True)
    assert 'id="once-list"' in page and f"/desk/clients/{people.seeker_id}" in page
    refused = _post(client, people.seeker_id, "deregister", reason="refused_suitable_offers")
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert _load(app, people.seeker_id).status == SeekerStatus.JOB_SEEKER
    _refusals(app, people, people.seeker_id, 1)
    record = client.get(f"/desk/clients/{people.seeker_id}").get_data(as_text=True)
    assert 'value="refused_suitable_offers"' in record
    done = _post(client, people.seeker_id, "deregister", reason="refused_suitable_offers")
    assert done.status_code == 303  # type: ignore[attr-defined]
    seeker = _load(app, people.seeker_id)
    assert seeker.status == SeekerStatus.DEREGISTERED
    wait_end = today + timedelta(days=30)
    page = client.get(f"/desk/clients/{people.seeker_id}").get_data(as_text=True)
    assert 'id="wait"' in page and f"{wait_end:%d.%m.%Y}" in page
    again = _post(client, people.seeker_id, "register")
    assert again.status_code == 422  # type: ignore[attr-defined]
    assert f"{wait_end:%d.%m.%Y}" in again.get_data(as_text=True)  # type: ignore[attr-defined]
    assert _load(app, people.seeker_id).status == SeekerStatus.DEREGISTERED
    freeze(monkeypatch, wait_end)
    assert _post(client, people.seeker_id, "register").status_code == 303  # type: ignore[attr-defined]
    seeker = _load(app, people.seeker_id)
    assert seeker.status == SeekerStatus.JOB_SEEKER
    assert seeker.registered_on == wait_end
    assert [c.status for c in seeker.status_history][-2:] == [
        SeekerStatus.DEREGISTERED,
        SeekerStatus.JOB_SEEKER,
    ]


def test_found_work_deregisters_without_a_wait(
    app: Flask,
    client: FlaskClient,
    sign_in: SignIn,
    people: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    freeze(monkeypatch, date(2026, 11, 20))
    sign_in(client, "staff")
    assert _post(client, people.seeker_id, "deregister", reason="bogus").status_code == 422  # type: ignore[attr-defined]
    done = _post(client, people.seeker_id, "deregister", reason="found_work", note="ТОО Дала")
    assert done.status_code == 303  # type: ignore[attr-defined]
    seeker = _load(app, people.seeker_id)
    assert seeker.status == SeekerStatus.DEREGISTERED
    assert seeker.status_history[-1].note == "ТОО Дала"
    assert audit(app, "status:deregistered", people.seeker_id)[0].reason == "found_work"
    assert _post(client, people.seeker_id, "register").status_code == 303  # type: ignore[attr-defined]


def test_other_centre_staff_cannot_change_status(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "other_staff")
    token = form_token(client, "/desk")
    response = client.post(
        f"/desk/clients/{people.seeker_id}/deregister",
        data={"csrf_token": token, "reason": "found_work"},
    )
    assert response.status_code == 404


def test_a_person_with_no_centre_is_taken_on_by_registering(
    app: Flask,
    client: FlaskClient,
    sign_in: SignIn,
    people: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    freeze(monkeypatch, date(2026, 11, 20))
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.other_seeker_id)
        assert seeker is not None
        seeker.centre_id = None
        session.commit()
    sign_in(client, "staff")
    record = f"/desk/clients/{people.other_seeker_id}"
    assert client.get(record).status_code == 404, "not by plain id"
    page = post(client, "/desk", {"iin": OTHER_IIN}).get_data(as_text=True)
    assert record not in page, "not by IIN without a reason"
    page = post(client, "/desk", {"iin": OTHER_IIN, "reason": "at the desk"}).get_data(as_text=True)
    assert record in page
    found = audit(app, "seeker:search_iin", people.other_seeker_id)
    assert [(a.user_id, a.reason) for a in found] == [(people.users["staff"], "at the desk")]
    assert client.get(record).status_code == 200
    assert _post(client, people.other_seeker_id, "register").status_code == 303  # type: ignore[attr-defined]
    seeker = _load(app, people.other_seeker_id)
    assert seeker.centre_id == people.centre_id
    assert seeker.status == SeekerStatus.JOB_SEEKER
    sign_in(client, "other_staff")
    assert client.get(f"/desk/clients/{people.other_seeker_id}").status_code == 404


def test_admin_views_but_does_not_change(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "admin")
    token = form_token(client, f"/desk/clients/{people.seeker_id}")
    response = client.post(
        f"/desk/clients/{people.seeker_id}/deregister",
        data={"csrf_token": token, "reason": "found_work"},
    )
    assert response.status_code == 403
