"""Server-side sessions (Flask-Session): the cookie holds only a random session id; what the
session says lives in Redis when REDIS_URL is set, else in files under the instance folder.

Signing out deletes the stored session, so a copied cookie stops working; signing in gets a
fresh id (no session fixation).
"""

from __future__ import annotations

import redis
from cachelib import FileSystemCache
from flask import Flask
from flask_session import Session

from app.settings import Settings

MAX_STORED_SESSIONS = 100_000  # files kept before the oldest are pruned (embedded default)


def init_app(app: Flask, settings: Settings) -> None:
    app.config["SESSION_PERMANENT"] = True
    app.config["SESSION_KEY_PREFIX"] = "zhumys:session:"
    if settings.redis_url:
        app.config["SESSION_TYPE"] = "redis"
        app.config["SESSION_REDIS"] = redis.Redis.from_url(
            settings.redis_url, socket_connect_timeout=2, socket_timeout=2
        )
    else:
        app.config["SESSION_TYPE"] = "cachelib"
        app.config["SESSION_CACHELIB"] = FileSystemCache(
            str(settings.instance_path / "sessions"), threshold=MAX_STORED_SESSIONS, mode=0o600
        )
    Session(app)
