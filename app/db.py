"""Database engine and sessions, usable without Flask (CLI, workers and tests use it directly)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str, *, echo: bool = False, hide_parameters: bool = True) -> Engine:
    """``hide_parameters``: SQL parameters (IINs, names) stay out of error messages and logs;
    only a developer's debug settings turn it off."""
    kwargs: dict[str, Any] = {"echo": echo, "future": True, "hide_parameters": hide_parameters}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """WAL lets the web app read while a worker writes; foreign keys are off by default."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """One engine plus a session factory. Created from a URL; owned by the app or a worker."""

    def __init__(self, url: str, *, echo: bool = False, hide_parameters: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo, hide_parameters=hide_parameters)
        self.sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on error."""
        session = self.sessionmaker()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
