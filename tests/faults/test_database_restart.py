"""PostgreSQL drops the app's connections (a restart, a failover): the next request succeeds.

``app.db.make_engine`` turns on ``pool_pre_ping`` for PostgreSQL, so a pooled connection the
server has closed is noticed and replaced before a request uses it.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from app import extensions
from app.db import Database
from app.search.indexing import pending_count
from indexer import DocType
from tests.conftest import PG_ADMIN_URL
from tests.faults.conftest import employer_token, post_vacancy


def _terminate_backends(database_url: str) -> int:
    """Close every server connection to the app's database except the admin one doing it."""
    name = database_url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            ).scalar_one()
    finally:
        admin.dispose()
    return int(killed)


def test_requests_survive_terminated_connections(
    app: Flask, client: FlaskClient, database_url: str, database: Database
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    headers = employer_token(app)
    engine = extensions.database(app).engine
    assert engine.dialect.name == "postgresql"
    first = post_vacancy(client, headers, "Электрогазосварщик")
    assert client.get("/api/v1/vacancies?q=электрогазосварщик").status_code == 200
    assert engine.pool.checkedin() >= 1, "the app should hold a pooled connection to lose"

    assert _terminate_backends(database_url) >= 1
    # Each of these would draw a dead pooled connection without the pre-ping.
    assert client.get(f"/api/v1/vacancies/{first}").status_code == 200
    second = post_vacancy(client, headers, "Электрогазосварщик 5 разряда")
    assert client.get("/api/v1/vacancies?q=электрогазосварщик").status_code == 200

    for _ in range(3):  # again mid-run, several times: the pool keeps recovering
        _terminate_backends(database_url)
        page = client.get("/search?q=электрогазосварщик")
        assert page.status_code == 200
        assert client.get(f"/api/v1/vacancies/{second}", headers=headers).status_code == 200

    with database.session() as session:
        assert pending_count(session) == 0
    index = extensions.indexing(app).engine
    assert index.get(DocType.VACANCIES, first) is not None
    assert index.get(DocType.VACANCIES, second) is not None


def test_worker_drain_survives_terminated_connections(
    app: Flask, database_url: str, database: Database
) -> None:
    """The in-process drain (and the worker, which uses the same Database) reconnects too."""
    if not database_url.startswith("postgresql"):
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    services = extensions.indexing(app)
    client = app.test_client()
    headers = employer_token(app)
    post_vacancy(client, headers, "Крановщик")
    _terminate_backends(database_url)
    vacancy = post_vacancy(client, headers, "Крановщик башенного крана")
    services.drain()
    assert services.engine.get(DocType.VACANCIES, vacancy) is not None
    with database.session() as session:
        assert pending_count(session) == 0
