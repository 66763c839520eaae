"""Shared fixtures.

Which database a test runs on. A test that uses ``database_url`` (directly or through
``database``, ``session``, ``settings``, ``app``, ``client``) runs on SQLite and again on the
machine's PostgreSQL (127.0.0.1:5432, trust auth; marked ``postgres``), except:

- page and API tests (``tests/web``, ``tests/api``: ``SQLITE_ONLY``) run on SQLite alone: their
  database code is the services', which tests/db, tests/integration, tests/faults and
  tests/security run on both;
- a page or API module whose queries differ between the two (aggregates, case-insensitive
  search in Cyrillic, bulk writes, cascades) is kept on both by marking it
  ``pytestmark = pytest.mark.both_databases``: the PostgreSQL smoke set of those directories.

``pytest_generate_tests`` below applies this (``pytest --collect-only -q -m postgres`` lists
what runs on PostgreSQL). Each test session migrates a fresh database per backend to head
and loads the reference data once; after each test the non-reference tables are emptied, so
tests may commit freely.

Cheap by design, correct regardless: apps built here hash passwords at the cheapest argon2id
cost (``password_hash_cost="test"``; the production cost is asserted in
tests/unit/test_passwords.py), and share one folder of compiled catalogues per session
(recompiled only when a ``.po`` fragment changes).

Fixtures:
- ``database_url``: the URL of that session's database, one per backend (ids sqlite/postgres)
- ``database``: an ``app.db.Database`` on it
- ``session``: a plain SQLAlchemy session (the outbox listener installed, no dispatcher)
- ``app`` / ``client``: the Flask app (and test client) on the same database
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, delete, text
from sqlalchemy.orm import Session

from app import create_app
from app.db import Database
from app.migrate import upgrade
from app.models import Base
from app.search.outbox import install_outbox
from app.services import passwords
from app.services.reference_data import load_all
from app.settings import Settings

PG_ADMIN_URL = os.environ.get(
    "TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REFERENCE_TABLES = {"region", "locality", "occupation", "calendar_day"}
TESTS = Path(__file__).resolve().parent
SQLITE_ONLY = {"api", "web"}  # directories under tests/ whose database tests run on SQLite alone


def backends_for(definition: pytest.Item) -> list[str]:
    """``["sqlite", "postgres"]``, or ``["sqlite"]`` in ``SQLITE_ONLY`` outside the smoke set."""
    area = definition.path.relative_to(TESTS).parts[0]
    if area in SQLITE_ONLY and definition.get_closest_marker("both_databases") is None:
        return ["sqlite"]
    return ["sqlite", "postgres"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_url" not in metafunc.fixturenames:
        return
    metafunc.parametrize(
        "database_url",
        [
            pytest.param(name, marks=[pytest.mark.postgres] if name == "postgres" else [])
            for name in backends_for(metafunc.definition)
        ],
        indirect=True,
        scope="session",
    )


def _create_pg_database() -> tuple[str, str]:
    name = f"zhumys_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", name


def _drop_pg_database(name: str) -> None:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        name = None
    else:
        url, name = _create_pg_database()
    upgrade(url)
    db = Database(url)
    with db.session() as session:
        load_all(session)
    db.dispose()
    yield url
    if name:
        _drop_pg_database(name)


def _empty_tables(db: Database) -> None:
    with db.session() as session:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in REFERENCE_TABLES:
                session.execute(delete(table))


@pytest.fixture(autouse=True)
def _close_connections_of_each_test(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every app a test builds (the ``app`` fixture, or ``create_app`` in the test) opens its
    own connection pool; close them when the test ends, or PostgreSQL runs out of
    connections long before the suite does."""
    made: list[Database] = []
    original = Database.__init__

    def recording_init(self: Database, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Database, "__init__", recording_init)
    yield
    for db in made:
        db.dispose()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    install_outbox(db.sessionmaker, on_commit=None)
    try:
        yield db
    finally:
        _empty_tables(db)
        db.dispose()


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.sessionmaker() as s:
        yield s


@pytest.fixture(autouse=True)
def _cheap_password_hashes() -> None:
    """Services called without an app (tests/db) hash at the test cost too; a test that
    builds an app with the production cost gets it back for the next test."""
    passwords.configure("test")


@pytest.fixture(scope="session")
def translations_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder of compiled catalogues for every app of the session."""
    return tmp_path_factory.mktemp("translations")


@pytest.fixture
def settings(database_url: str, tmp_path: Path, translations_path: Path) -> Settings:
    return Settings(
        database_url=database_url,
        instance_path=tmp_path / "instance",
        testing=True,
        secret_key="test-secret",
        embedding_model="none",
        secure_cookies=False,
        password_hash_cost="test",
        translations_path=translations_path,
    )


@pytest.fixture
def app(settings: Settings, database: Database):
    flask_app = create_app(settings)
    yield flask_app


@pytest.fixture
def client(app):
    return app.test_client()
