"""Per-app services (database, search engine), created without an app and bound in the factory.

Flask's ``app.extensions`` holds them, so several apps (tests) can live in one process.
"""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from app.db import Database
from app.search.outbox import install_outbox
from app.search.services import IndexingServices
from app.services import passwords
from app.settings import Settings

_DB_KEY = "zhumys.db"
_SETTINGS_KEY = "zhumys.settings"
_INDEXING_KEY = "zhumys.indexing"


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions[_SETTINGS_KEY] = settings
    passwords.configure(settings.password_hash_cost)
    db = Database(settings.database_url, echo=settings.sql_echo)
    services = IndexingServices(settings, db)
    install_outbox(db.sessionmaker, on_commit=services.notify)
    app.extensions[_DB_KEY] = db
    app.extensions[_INDEXING_KEY] = services
    app.teardown_appcontext(_close_session)


def settings() -> Settings:
    value: Settings = current_app.extensions[_SETTINGS_KEY]
    return value


def database(app: Flask | None = None) -> Database:
    value: Database = (app or current_app).extensions[_DB_KEY]
    return value


def db_session() -> Session:
    """The request's session, opened on first use and closed when the request ends."""
    if "db_session" not in g:
        g.db_session = database().sessionmaker()
    session: Session = g.db_session
    return session


def _close_session(_exc: BaseException | None) -> None:
    session: Session | None = g.pop("db_session", None)
    if session is not None:
        session.close()


def indexing(app: Flask | None = None) -> IndexingServices:
    value: IndexingServices = (app or current_app).extensions[_INDEXING_KEY]
    return value
