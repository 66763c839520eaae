"""RQ jobs. They take no documents, only reload state by key, so running one twice is harmless."""

from __future__ import annotations

import functools
from dataclasses import asdict
from typing import Any

from app.db import Database
from app.search.dispatch import SCHEDULED_KEY
from app.search.expiry import close_expired_vacancies
from app.search.outbox import install_outbox
from app.search.services import IndexingServices
from app.settings import Settings


@functools.cache
def worker_services() -> IndexingServices:
    """This worker process's services, built once from the environment."""
    settings = Settings.from_env()
    db = Database(settings.database_url)
    install_outbox(db.sessionmaker, on_commit=None)
    return IndexingServices(settings, db)


def drain_job() -> dict[str, Any]:
    services = worker_services()
    if services.settings.redis_url:
        from redis import Redis

        # Cleared before draining, so changes committed while this job runs enqueue another.
        Redis.from_url(services.settings.redis_url).delete(SCHEDULED_KEY)
    return asdict(services.drain())


def expire_job() -> dict[str, Any]:
    services = worker_services()
    with services.db.session() as session:
        closed = close_expired_vacancies(session)
    report = services.drain()
    return {"closed": closed, **asdict(report)}
