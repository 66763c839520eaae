"""Inputs an outside probe turned into 5xx: each is now a named 4xx (or a normal answer)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from app import create_app, extensions
from app.db import Database
from app.settings import Settings, SettingsError
from tests.api.conftest import Call, World
from tests.db.factories import a_seeker

NESTED = "[" * 100_000 + "]" * 100_000
VACANCY = {"title": "Аспаз", "locality_kato": "710000000"}


def _field(response: Any) -> str:
    return str(response.get_json()["errors"][0]["field"])


def test_deeply_nested_json_is_a_400(as_: Call) -> None:
    for path in ("/api/v1/vacancies", "/api/v1/auth/tokens", "/api/v1/match/vacancies"):
        response = as_("employer", "post", path, data=NESTED, content_type="application/json")
        assert response.status_code == 400, path
        assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize("media", ["application/json", "application/x-ndjson"])
def test_deeply_nested_json_in_an_hh_import_is_reported(as_: Call, media: str) -> None:
    response = as_("staff", "post", "/api/v1/imports", data=NESTED, content_type=media)
    assert response.status_code in (200, 201, 422), response.get_data(as_text=True)[:300]


@pytest.mark.parametrize("radius", ["5e-324", "1e-300", "0.0000001"])
def test_a_vanishing_radius_is_not_a_500(as_: Call, radius: str) -> None:
    response = as_("seeker", "get", f"/api/v1/vacancies?near=710000000&radius_km={radius}")
    assert response.status_code in (200, 422), response.get_data(as_text=True)[:300]


@pytest.mark.parametrize("cursor", ["é", "ф.ы", "\u00ff\u00fe.abc", "%FF"])
def test_a_non_ascii_cursor_is_a_422(as_: Call, cursor: str) -> None:
    for path, name in (
        ("/api/v1/vacancies", "cursor"),
        ("/api/v1/applications", "cursor"),
        ("/api/v1/vacancies/changes", "since"),
    ):
        response = as_("seeker", "get", path, query_string={name: cursor})
        assert response.status_code == 422, (path, response.get_data(as_text=True)[:300])
        assert _field(response) == name


@pytest.mark.parametrize(
    ("expires", "status"),
    [
        ("2030-01-01T00:00:00", 201),  # no zone: read as UTC
        ("2030-01-01T00:00:00-14:00", 422),  # beyond the -12:00 .. +14:00 zones
        ("9999-12-31T23:59:59Z", 422),
        ("2030-01-01T00:00:00+05:00", 201),
    ],
)
def test_expiry_dates_are_checked(as_: Call, expires: str, status: int) -> None:
    response = as_("employer", "post", "/api/v1/vacancies", json={**VACANCY, "expires_at": expires})
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    if status == 422:
        assert _field(response) == "expires_at"
    else:
        listed = as_("employer", "get", f"/api/v1/vacancies/{response.get_json()['id']}")
        assert listed.get_json()["expires_at"].endswith(("Z", "+00:00"))


def test_an_unknown_occupation_code_is_refused(app: Flask, as_: Call, world: World) -> None:
    staff = world.callers["staff"].user
    assert staff is not None
    with extensions.database(app).session() as session:
        sid = a_seeker(session, centre_id=staff.centre_id).id
    url = f"/api/v1/seekers/{sid}"
    response = as_("staff", "patch", url, json={"desired_occupations": ["99999"]})
    assert response.status_code == 422 and _field(response) == "desired_occupations"
    assert as_("staff", "get", url).status_code == 200


def test_the_default_secret_key_is_refused_outside_debug_and_tests(
    settings: Settings, database: Database
) -> None:
    production = settings.with_overrides(
        testing=False, secret_key=Settings().secret_key, password_hash_cost="production"
    )
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        create_app(production)
    create_app(production.with_overrides(debug=True))
    create_app(production.with_overrides(testing=True))
