"""Server-side sessions (Flask-Session): the cookie holds only a random session id; what the
session says lives in Redis when REDIS_URL is set, else in files under the instance folder.

Signing out deletes the stored session, so a copied cookie stops working; signing in gets a
fresh id (no session fixation).

Redis going down must not take the sign-in page down with it (tests/faults): while Redis does
not answer, sessions are written to and read from this host's files instead, so a one-host
deployment keeps working and a several-host one degrades to per-host sessions until Redis is
back.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import redis
from cachelib import FileSystemCache
from flask import Flask
from flask_session import Session
from flask_session.base import ServerSideSession
from flask_session.redis import RedisSessionInterface

from app.settings import Settings

log = logging.getLogger(__name__)

MAX_STORED_SESSIONS = 100_000  # files kept before the oldest are pruned
KEY_PREFIX = "zhumys:session:"


class RedisSessionsWithLocalFallback(RedisSessionInterface):
    def __init__(self, app: Flask, client: redis.Redis, local: FileSystemCache) -> None:
        super().__init__(app, client=client, key_prefix=KEY_PREFIX, permanent=True)
        self.local = local

    def _retrieve_session_data(self, store_id: str) -> dict[str, Any] | None:
        try:
            data = super()._retrieve_session_data(store_id)
        except redis.RedisError as exc:
            log.warning("sessions: Redis unavailable, reading this host's files (%s)", exc)
            data = None
        if data is not None:
            return data
        stored = self.local.get(store_id)
        return self.serializer.decode(stored) if stored else None

    def _delete_session(self, store_id: str) -> None:
        try:
            super()._delete_session(store_id)
        except redis.RedisError as exc:
            log.warning("sessions: Redis unavailable, deleting from this host's files (%s)", exc)
        self.local.delete(store_id)

    def _upsert_session(
        self, session_lifetime: timedelta, session: ServerSideSession, store_id: str
    ) -> None:
        try:
            super()._upsert_session(session_lifetime, session, store_id)
        except redis.RedisError as exc:
            log.warning("sessions: Redis unavailable, writing this host's files (%s)", exc)
            self.local.set(
                store_id,
                self.serializer.encode(session),
                timeout=int(session_lifetime.total_seconds()),
            )


def init_app(app: Flask, settings: Settings) -> None:
    app.config["SESSION_PERMANENT"] = True
    app.config["SESSION_KEY_PREFIX"] = KEY_PREFIX
    local = FileSystemCache(
        str(settings.instance_path / "sessions"), threshold=MAX_STORED_SESSIONS, mode=0o600
    )
    if settings.redis_url:
        client = redis.Redis.from_url(
            settings.redis_url, socket_connect_timeout=2, socket_timeout=2
        )
        app.session_interface = RedisSessionsWithLocalFallback(app, client, local)
        return
    app.config["SESSION_TYPE"] = "cachelib"
    app.config["SESSION_CACHELIB"] = local
    Session(app)
