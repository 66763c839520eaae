"""The seeker's applications and referrals, and saved searches with their alerts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import (
    Application,
    ApplicationStatus,
    Notification,
    Referral,
    SavedSearch,
    User,
)
from app.services.saved_searches import run_alerts
from tests.db.factories import a_vacancy
from tests.web.conftest import People, SignIn, form_token


def _apply(app: Flask, seeker_id: int, title: str = "Повар") -> tuple[int, int]:
    with extensions.database(app).session() as session:
        vacancy = a_vacancy(session, title=title, published_at=datetime.now(UTC))
        application = Application(seeker_id=seeker_id, vacancy_id=vacancy.id)
        session.add(application)
        session.add(
            Referral(
                seeker_id=seeker_id,
                vacancy_id=vacancy.id,
                issued_on=date(2026, 11, 2),
                report_by=date(2026, 11, 9),
            )
        )
        session.commit()
        return vacancy.id, application.id


def test_applications_list_and_withdraw(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    _vacancy_id, application_id = _apply(app, people.seeker_id, "Повар горячего цеха")
    sign_in(client, "seeker")
    page = client.get("/me/applications").get_data(as_text=True)
    assert "Повар горячего цеха" in page
    assert f"/me/applications/{application_id}/withdraw" in page
    assert "09.11.2026" in page  # the referral's report-by date
    token = form_token(client, "/me/applications")
    response = client.post(
        f"/me/applications/{application_id}/withdraw", data={"csrf_token": token}
    )
    assert response.status_code == 302
    with extensions.database(app).session() as session:
        application = session.get(Application, application_id)
        assert application is not None and application.status is ApplicationStatus.WITHDRAWN
    page = client.get("/me/applications").get_data(as_text=True)
    assert f"/me/applications/{application_id}/withdraw" not in page


def test_another_seeker_cannot_withdraw_mine(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    _vacancy_id, application_id = _apply(app, people.seeker_id)
    sign_in(client, "other_seeker")
    assert "Повар" not in client.get("/me/applications").get_data(as_text=True)
    token = form_token(client, "/me/applications")
    response = client.post(
        f"/me/applications/{application_id}/withdraw", data={"csrf_token": token}
    )
    assert response.status_code == 404
    with extensions.database(app).session() as session:
        application = session.get(Application, application_id)
        assert application is not None and application.status is ApplicationStatus.SUBMITTED


def test_saved_search_crud_and_alert(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    token = form_token(client, "/me/searches")
    saved = client.post(
        "/me/searches",
        data={"q": "повар", "kind": ["regular"], "name": "Повар", "csrf_token": token},
    )
    assert saved.status_code == 302
    bad = client.post("/me/searches", data={"colour": "red", "csrf_token": token})
    assert bad.status_code == 422 and "colour" in bad.get_data(as_text=True)
    with extensions.database(app).session() as session:
        search = session.scalars(select(SavedSearch)).one()
        assert search.params == {"q": "повар", "kind": ["regular"]} and search.alert
        search.checked_at = datetime.now(UTC) - timedelta(minutes=5)
        session.commit()
        search_id = search.id
    page = client.get("/me/searches").get_data(as_text=True)
    assert "/search?kind=regular&amp;q=" in page
    _apply(app, people.other_seeker_id, "Повар на кухню")
    services = extensions.indexing(app)
    with extensions.database(app).session() as session:
        assert run_alerts(session, services).notified == 1
        assert run_alerts(session, services).notified == 0
    home = client.get("/me")
    assert home.status_code == 200
    assert "/search?kind=regular&amp;q=" in home.get_data(as_text=True)
    token = form_token(client, "/me")
    client.post("/me/notifications/read", data={"csrf_token": token})
    with extensions.database(app).session() as session:
        assert session.scalars(select(Notification)).one().read_at is not None
    off = client.post(f"/me/searches/{search_id}/alert", data={"alert": "off", "csrf_token": token})
    assert off.status_code == 302
    with extensions.database(app).session() as session:
        assert session.get(SavedSearch, search_id).alert is False  # type: ignore[union-attr]
    gone = client.post(f"/me/searches/{search_id}/delete", data={"csrf_token": token})
    assert gone.status_code == 302
    with extensions.database(app).session() as session:
        assert session.scalars(select(SavedSearch)).all() == []


def test_another_seeker_cannot_touch_my_saved_search(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    with extensions.database(app).session() as session:
        owner = session.get(User, people.users["seeker"])
        assert owner is not None
        search = SavedSearch(user_id=owner.id, name="Мой", params={"q": "повар"})
        session.add(search)
        session.commit()
        search_id = search.id
    sign_in(client, "other_seeker")
    token = form_token(client, "/me/searches")
    assert "Мой" not in client.get("/me/searches").get_data(as_text=True)
    for action in ("alert", "delete"):
        response = client.post(
            f"/me/searches/{search_id}/{action}", data={"alert": "off", "csrf_token": token}
        )
        assert response.status_code == 404
    with extensions.database(app).session() as session:
        kept = session.get(SavedSearch, search_id)
        assert kept is not None and kept.alert is True
