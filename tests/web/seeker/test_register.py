"""Registering a seeker account online: consent, password length and duplicate e-mail."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import Role, Seeker, User
from tests.db.factories import a_locality
from tests.web.conftest import People, form_token

FORM = {
    "email": "Aigerim.New@example.kz",
    "password": "a-long-password",
    "last_name": "Сейткали",
    "first_name": "Айгерім",
    "birth_date": "1999-05-04",
    "sex": "female",
    "locality": "",
    "phone": "+7 701 123 45 67",
    "consent": "yes",
}


def _form(app: Flask, **changes: str) -> dict[str, str]:
    with extensions.database(app).session() as session:
        locality = a_locality(session).kato
    return {**FORM, "locality": locality, **changes}


def test_register_signs_in_and_opens_the_profile(app: Flask, client: FlaskClient) -> None:
    data = _form(app, csrf_token=form_token(client, "/register"))
    response = client.post("/register", data=data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/me/profile")
    with extensions.database(app).session() as session:
        user = session.scalars(select(User).where(User.email == "aigerim.new@example.kz")).one()
        assert user.role is Role.SEEKER
        seeker = session.scalars(select(Seeker).where(Seeker.user_id == user.id)).one()
        assert seeker.iin is None and seeker.data_consent_at is not None
        assert seeker.phone == "+77011234567"
    assert client.get("/me/profile").status_code == 200


def test_register_needs_consent(app: Flask, client: FlaskClient) -> None:
    data = _form(app, csrf_token=form_token(client, "/register"))
    del data["consent"]
    response = client.post("/register", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="error-consent"' in page
    with extensions.database(app).session() as session:
        assert session.scalars(select(User)).all() == []


def test_short_password_and_duplicate_email(
    app: Flask, client: FlaskClient, people: People
) -> None:
    token = form_token(client, "/register")
    short = client.post("/register", data=_form(app, password="short", csrf_token=token))
    assert short.status_code == 422
    assert 'id="error-password"' in short.get_data(as_text=True)
    taken = client.post(
        "/register", data=_form(app, email=people.emails["seeker"], csrf_token=token)
    )
    assert taken.status_code == 422
    page = taken.get_data(as_text=True)
    assert 'id="error-email"' in page and "aria-invalid" in page


def test_register_page_in_russian(client: FlaskClient) -> None:
    page = client.get("/register?lang=ru").get_data(as_text=True)
    assert 'lang="ru"' in page and "csrf_token" in page
