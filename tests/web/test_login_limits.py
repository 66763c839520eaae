"""Failed sign-ins are limited per account and per address, on the pages and on the API alike;
other traffic does not reset the counters; an unknown e-mail costs as much as a wrong password."""

from __future__ import annotations

from typing import Any

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import AuditLog
from app.rate_limits import FAILED_LOGINS_PER_ACCOUNT, FAILED_LOGINS_PER_ADDRESS
from app.services import passwords
from tests.web.conftest import PASSWORD, People, form_token

TOKENS = "/api/v1/auth/tokens"


def _api_login(client: FlaskClient, email: str, password: str) -> Any:
    return client.post(TOKENS, json={"email": email, "password": password, "name": "t"})


def test_the_token_endpoint_is_limited_like_the_form(client: FlaskClient, people: People) -> None:
    email = people.emails["seeker"]
    for _ in range(FAILED_LOGINS_PER_ACCOUNT):
        assert _api_login(client, email, "wrong password").status_code == 401
    right = _api_login(client, email, PASSWORD)
    assert right.status_code == 429, "the right password waits too once the account is locked"
    assert right.mimetype == "application/problem+json"
    assert int(right.headers["Retry-After"]) >= 1
    other = _api_login(client, people.emails["employer"], PASSWORD)
    assert other.status_code == 201, "other accounts are not locked"


def test_pages_and_api_share_the_account_counter(client: FlaskClient, people: People) -> None:
    email = people.emails["seeker"]
    for _ in range(FAILED_LOGINS_PER_ACCOUNT - 2):
        data = {"email": email, "password": "x", "csrf_token": form_token(client)}
        assert client.post("/login", data=data).status_code == 401
    for _ in range(2):
        assert _api_login(client, email, "wrong password").status_code == 401
    data = {"email": email, "password": PASSWORD, "csrf_token": form_token(client)}
    page = client.post("/login", data=data)
    assert page.status_code == 429 and int(page.headers["Retry-After"]) >= 1
    assert 'name="password"' in page.get_data(as_text=True), "the form is shown again"


def test_anonymous_searches_do_not_wipe_the_login_counters(
    client: FlaskClient, people: People
) -> None:
    """The old in-process store dropped other windows' keys on every count: a search between
    two wrong passwords reset the login counter, so the lock never came."""
    email = people.emails["seeker"]
    for _ in range(FAILED_LOGINS_PER_ACCOUNT):
        assert _api_login(client, email, "wrong password").status_code == 401
        assert client.get("/api/v1/vacancies?limit=1").status_code == 200
        assert client.get("/search?q=аспаз").status_code == 200
    assert _api_login(client, email, PASSWORD).status_code == 429


def test_head_login_is_not_a_failed_login(app: Flask, client: FlaskClient, people: People) -> None:
    for _ in range(FAILED_LOGINS_PER_ADDRESS + 1):
        assert client.head("/login").status_code == 200
    data = {
        "email": people.emails["seeker"],
        "password": PASSWORD,
        "csrf_token": form_token(client),
    }
    assert client.post("/login", data=data).status_code == 302
    with extensions.database(app).session() as session:
        failed = session.scalars(select(AuditLog).where(AuditLog.action == "login:failed"))
        assert list(failed) == []


class _CountingHasher(PasswordHasher):
    calls = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        type(self).calls += 1
        return super().verify(hash, password)


@pytest.mark.parametrize("known", [True, False], ids=["known", "unknown"])
def test_an_unknown_email_costs_one_password_check(
    monkeypatch: pytest.MonkeyPatch, client: FlaskClient, people: People, known: bool
) -> None:
    """No user enumeration by timing: the answer for an unknown address verifies a password
    hash just like the answer for a known one with a wrong password."""
    monkeypatch.setattr(passwords, "_hasher", _CountingHasher())
    _CountingHasher.calls = 0
    email = people.emails["seeker"] if known else "nobody-here@example.kz"
    response = _api_login(client, email, "wrong password")
    assert response.status_code == 401
    assert response.get_json()["detail"] == "wrong e-mail or password"
    assert _CountingHasher.calls == 1
