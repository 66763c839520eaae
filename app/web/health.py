"""``/healthz``: is each part of the platform reachable (database, queue, search engine)?"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from app import extensions
from app.migrate import current_revision, heads

bp = Blueprint("health", __name__)


def _check_database() -> dict[str, Any]:
    db = extensions.database()
    try:
        db.ping()
        revision = current_revision(db.url)
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}
    expected = heads()
    return {
        "ok": revision in expected,
        "dialect": db.engine.dialect.name,
        "revision": revision,
        "expected_revision": expected[0] if expected else None,
    }


def _check_queue() -> dict[str, Any]:
    url = extensions.settings().redis_url
    if not url:
        return {"ok": True, "mode": "in-process"}
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except RedisError as exc:
        return {"ok": False, "mode": "rq", "error": type(exc).__name__}
    return {"ok": True, "mode": "rq"}


def _check_search() -> dict[str, Any]:
    try:
        health = extensions.indexing().engine.health()
    except Exception as exc:
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    return {
        "ok": health.ok,
        "backend": health.backend,
        "detail": health.detail,
        "documents": {str(k): v for k, v in health.documents.items()},
    }


def _check_embeddings() -> dict[str, Any]:
    """Reported, not required: without a model, search degrades to full text."""
    services = extensions.indexing()
    encoder = services.encoder
    if encoder is None:
        return {"ok": False, "model": None, "detail": services.encoder_problem or "switched off"}
    return {"ok": True, "model": encoder.fingerprint, "dim": encoder.dim}


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    checks = {
        "database": _check_database(),
        "queue": _check_queue(),
        "search": _check_search(),
    }
    ok = all(check["ok"] for check in checks.values())
    checks["embeddings"] = _check_embeddings()
    return jsonify({"ok": ok, "checks": checks}), 200 if ok else 503
