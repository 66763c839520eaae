"""Per-app services (database, search engine), created without an app and bound in the factory.

Flask's ``app.extensions`` holds them, so several apps (tests) can live in one process.
"""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from app.db import Database
from app.search.outbox import install_outbox
from app.settings import Settings

_DB_KEY = "zhumys.db"
_SETTINGS_KEY = "zhumys.settings"


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions[_SETTINGS_KEY] = settings
    db = Database(settings.database_url, echo=settings.sql_echo)
    install_outbox(db.sessionmaker, on_commit=None)
    app.extensions[_DB_KEY] = db
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


def search_health() -> dict[str, object]:
    """Placeholder until the search engine is wired in (see ``app.search``)."""
    return {"ok": True, "backend": settings().search_backend, "detail": "not wired yet"}
