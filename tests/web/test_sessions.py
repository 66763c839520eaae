"""Signing out ends the session on the server: a copied cookie is useless afterwards; the
cookie holds only a random id, nothing derived from the password hash."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import User
from tests.web.conftest import People, SignIn, form_token

COOKIE = "zhumys_session"


def _signed_in(client: FlaskClient) -> bool:
    return client.get("/me").status_code == 200


def test_a_copied_cookie_dies_with_the_logout(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "seeker")
    cookie = client.get_cookie(COOKIE)
    assert cookie is not None and _signed_in(client)
    thief = app.test_client()
    thief.set_cookie(COOKIE, cookie.value)
    assert _signed_in(thief), "the copy works while the session lives"
    client.post("/logout", data={"csrf_token": form_token(client, "/me")})
    assert not _signed_in(client)
    assert not _signed_in(thief), "the copied cookie no longer works after the logout"


def test_the_cookie_is_a_random_id_renewed_at_sign_in(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    client.get("/login")
    before = client.get_cookie(COOKIE)
    assert before is not None, "the login form's CSRF token lives in a session"
    sign_in(client, "seeker")
    after = client.get_cookie(COOKIE)
    assert after is not None and after.value != before.value, "no session fixation"
    with extensions.database(app).session() as session:
        user = session.get(User, people.users["seeker"])
        assert user is not None
        password_hash = user.password_hash
    assert password_hash[-16:] not in after.value
    assert "." not in after.value and len(after.value) >= 32, "an opaque id, not signed data"
    stale = app.test_client()
    stale.set_cookie(COOKIE, before.value)
    assert not _signed_in(stale)
