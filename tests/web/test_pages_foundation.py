"""Sign-in, language, CSRF, security headers and redirects: what every page stands on."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import AuditLog
from app.web.auth import MAX_FAILURES_PER_ACCOUNT
from app.web.security import safe_next
from tests.web.conftest import PASSWORD, People, SignIn, form_token


def test_kazakh_is_the_default_and_the_switch_is_remembered(client: FlaskClient) -> None:
    page = client.get("/login")
    assert '<html lang="kk">' in page.get_data(as_text=True)
    assert "Құпиясөз" in page.get_data(as_text=True)
    russian = client.get("/login?lang=ru")
    assert "Пароль" in russian.get_data(as_text=True)
    assert "lang=ru" in russian.headers["Set-Cookie"]
    again = client.get("/login")
    assert '<html lang="ru">' in again.get_data(as_text=True)
    english = client.get("/login?lang=en").get_data(as_text=True)
    assert "Password" in english


def test_security_headers_on_pages(client: FlaskClient) -> None:
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_posts_without_a_csrf_token_are_refused(client: FlaskClient, people: People) -> None:
    response = client.post("/login", data={"email": people.emails["staff"], "password": PASSWORD})
    assert response.status_code == 400
    assert "Пішіннің мерзімі өтті" in response.get_data(as_text=True)
    assert "zhumys_session" not in response.headers.get("Set-Cookie", "") or "uid" not in str(
        response.headers
    )


def test_sign_in_goes_home_by_role_and_sign_out_ends_it(
    client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "staff")
    page = client.get("/login")
    assert "staff" in page.get_data(as_text=True)
    token = form_token(client, "/login")
    out = client.post("/logout", data={"csrf_token": token})
    assert out.status_code == 302
    assert "staff" not in client.get("/login").get_data(as_text=True).split("<main")[0]


def test_session_cookie_flags(app: Flask, people: People) -> None:
    secure_app_config = app.config["SESSION_COOKIE_SECURE"]
    assert secure_app_config is False  # tests run over plain http; production default is True
    client = app.test_client()
    token = form_token(client)
    response = client.post(
        "/login", data={"email": people.emails["admin"], "password": PASSWORD, "csrf_token": token}
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_failed_logins_are_throttled_and_audited(
    app: Flask, client: FlaskClient, people: People
) -> None:
    email = people.emails["seeker"]
    for _ in range(MAX_FAILURES_PER_ACCOUNT):
        token = form_token(client)
        wrong = client.post("/login", data={"email": email, "password": "x", "csrf_token": token})
        assert wrong.status_code == 401
    token = form_token(client)
    right = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert right.status_code == 429, "even the right password waits once the account is locked"
    with extensions.database(app).session() as session:
        failures = session.execute(
            select(AuditLog).where(AuditLog.action == "login:failed")
        ).scalars()
        assert len(list(failures)) == MAX_FAILURES_PER_ACCOUNT


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "x"],
)
def test_no_open_redirects(target: str) -> None:
    assert safe_next(target, "/home") == "/home"


def test_login_returns_to_a_local_page_only(client: FlaskClient, people: People) -> None:
    token = form_token(client)
    data = {"email": people.emails["seeker"], "password": PASSWORD, "csrf_token": token}
    local = client.post("/login", data={**data, "next": "/search?q=аспаз"})
    assert unquote(local.headers["Location"]) == "/search?q=аспаз"
    client.post("/logout", data={"csrf_token": form_token(client)})
    token = form_token(client)
    away = client.post(
        "/login", data={**data, "csrf_token": token, "next": "https://evil.example/"}
    )
    assert "evil" not in away.headers["Location"]


def test_unknown_page_is_a_translated_404(client: FlaskClient) -> None:
    page = client.get("/no-such-page?lang=ru")
    assert page.status_code == 404
    assert "Страница не найдена" in page.get_data(as_text=True)
    api = client.get("/api/v1/no-such")
    assert api.status_code == 404 and api.mimetype == "application/problem+json"
