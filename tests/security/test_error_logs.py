"""A database error during a request is logged (the error page promises it) without its SQL
parameters: the IIN of the person being registered never reaches the log."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import text

from app import create_app, extensions
from app.db import Database
from app.models import Centre, Role
from app.settings import Settings
from tests.api.conftest import _caller
from tests.db.factories import a_locality
from tests.security.conftest import SEEKER_IIN

FAILING = {
    "sqlite": [
        "CREATE TRIGGER forced_failure BEFORE INSERT ON seeker "
        "BEGIN SELECT RAISE(ABORT, 'forced failure'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION forced_failure() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'forced failure'; END $$",
        "CREATE TRIGGER forced_failure BEFORE INSERT ON seeker "
        "FOR EACH ROW EXECUTE FUNCTION forced_failure()",
    ],
}
CLEAN_UP = {
    "sqlite": ["DROP TRIGGER forced_failure"],
    "postgresql": ["DROP TRIGGER forced_failure ON seeker", "DROP FUNCTION forced_failure()"],
}


@pytest.fixture
def production_app(settings: Settings, database: Database) -> Iterator[Flask]:
    """The app as deployed (not testing, not debug), with inserts into ``seeker`` failing."""
    app = create_app(
        settings.with_overrides(
            testing=False, secret_key="a-real-secret-" * 3, password_hash_cost="production"
        )
    )
    dialect = database.engine.dialect.name
    with database.engine.begin() as conn:
        for statement in FAILING[dialect]:
            conn.execute(text(statement))
    yield app
    with database.engine.begin() as conn:
        for statement in CLEAN_UP[dialect]:
            conn.execute(text(statement))


def test_a_database_error_is_logged_without_sql_parameters(
    production_app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    with extensions.database(production_app).session() as session:
        locality = a_locality(session)
        centre = Centre(name_kk="Орталық", name_ru="Центр", region_id=locality.region_id)
        session.add(centre)
        session.flush()
        staff = _caller(session, "staff", Role.STAFF, centre_id=centre.id)
        kato = locality.kato
    body = {
        "iin": SEEKER_IIN,
        "last_name": "Нұрланова",
        "first_name": "Әсел",
        "data_consent": True,
        "locality_kato": kato,
    }
    with caplog.at_level(logging.INFO):
        response = production_app.test_client().post(
            "/api/v1/seekers", json=body, headers=staff.headers
        )
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    assert SEEKER_IIN not in response.get_data(as_text=True)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors, "the 500 is logged"
    assert any("forced failure" in r.getMessage() or r.exc_info for r in errors)
    logged = caplog.text + "".join(
        logging.Formatter().formatException(r.exc_info) for r in errors if r.exc_info
    )
    assert "forced failure" in logged
    assert SEEKER_IIN not in logged
    assert "Нұрланова" not in logged


def test_a_web_500_is_logged(production_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    @production_app.get("/boom-for-test")
    def boom() -> str:
        raise RuntimeError("page failed")

    with caplog.at_level(logging.ERROR):
        response = production_app.test_client().get("/boom-for-test")
    assert response.status_code == 500
    assert any(r.exc_info and "page failed" in str(r.exc_info[1]) for r in caplog.records)
