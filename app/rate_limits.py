"""Request limits, counted by Flask-Limiter: in Redis when REDIS_URL is set (shared by every
worker), else in this process's memory.

Every limit of the platform is declared here, against the endpoint it guards, and attached
when the app is built. Each app gets its own ``Limiter`` (kept in ``app.extensions``), so
several apps in one process (tests) keep their own in-memory counters. With Redis unreachable
the counts fall back to this process (logged by Flask-Limiter): an outage of the counter store
must neither lift the limits altogether nor turn requests into errors.

Failed sign-ins (pages and ``POST /api/v1/auth/tokens`` alike) count against the account and
against the address; only answers 401 count, so a ``HEAD /login`` or a form error costs nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, g, request
from flask_limiter import Limiter, RequestLimit
from flask_limiter.util import get_remote_address

from app.settings import Settings

_KEY = "zhumys.limiter"

ANONYMOUS_SEARCHES_PER_MINUTE = 60
ANONYMOUS_MATCHES_PER_MINUTE = 30
ANONYMOUS_SNAPSHOTS_PER_MINUTE = 4
ANONYMOUS_SIMILAR_PER_MINUTE = 30
FAILED_LOGINS_PER_ACCOUNT = 5
FAILED_LOGINS_PER_ADDRESS = 20
FAILED_LOGIN_WINDOW = "15 minutes"
_MAX_EMAIL = 255


def _signed_in() -> bool:
    """Signed-in callers are exempt from the anonymous limits. A bearer header counts as
    signed in here: a wrong token is refused (401) before any costly work is done."""
    return bool(request.headers.get("Authorization")) or g.get("user") is not None


def _failed(response: Response) -> bool:
    return response.status_code == 401


def _account() -> str:
    """The e-mail a sign-in attempt names (form or JSON body), normalised like the login."""
    email = request.form.get("email") if request.form else None
    if email is None and request.is_json:
        try:
            body = json.loads(request.get_data(cache=True))
        except (ValueError, UnicodeDecodeError, RecursionError):
            body = None
        value = body.get("email") if isinstance(body, dict) else None
        email = value if isinstance(value, str) else None
    return "account:" + (email or "").strip().lower()[:_MAX_EMAIL]


@dataclass(frozen=True)
class Rule:
    """``limit`` (Flask-Limiter notation) on ``endpoints``, counted per ``key``."""

    limit: str
    scope: str
    endpoints: tuple[str, ...]
    key: Callable[[], str] = get_remote_address
    message: str = ""
    anonymous_only: bool = False
    failures_only: bool = False


RULES = (
    Rule(
        f"{ANONYMOUS_SEARCHES_PER_MINUTE} per minute",
        "api-search",
        ("api.get_search_vacancies",),
        message=f"at most {ANONYMOUS_SEARCHES_PER_MINUTE} anonymous searches per minute; "
        "sign in or retry later",
        anonymous_only=True,
    ),
    Rule(
        f"{ANONYMOUS_MATCHES_PER_MINUTE} per minute",
        "match",
        ("api.post_match_vacancies", "public_match.match_post"),
        message=f"at most {ANONYMOUS_MATCHES_PER_MINUTE} anonymous matches per minute; "
        "sign in or retry later",
        anonymous_only=True,
    ),
    Rule(
        f"{ANONYMOUS_SNAPSHOTS_PER_MINUTE} per minute",
        "snapshot",
        ("api.get_snapshot",),
        message=f"at most {ANONYMOUS_SNAPSHOTS_PER_MINUTE} anonymous snapshots per minute; "
        "sign in or follow /vacancies/changes",
        anonymous_only=True,
    ),
    Rule(
        f"{ANONYMOUS_SIMILAR_PER_MINUTE} per minute",
        "similar",
        ("api.get_similar",),
        message=f"at most {ANONYMOUS_SIMILAR_PER_MINUTE} anonymous similar-vacancy requests "
        "per minute; sign in or retry later",
        anonymous_only=True,
    ),
    Rule(
        f"{FAILED_LOGINS_PER_ACCOUNT} per {FAILED_LOGIN_WINDOW}",
        "login-account",
        ("auth.login", "api.post_create_token"),
        key=_account,
        message="too many failed sign-ins for this account; retry later",
        failures_only=True,
    ),
    Rule(
        f"{FAILED_LOGINS_PER_ADDRESS} per {FAILED_LOGIN_WINDOW}",
        "login-address",
        ("auth.login", "api.post_create_token"),
        message="too many failed sign-ins from this address; retry later",
        failures_only=True,
    ),
)


def init_app(
    app: Flask,
    settings: Settings,
    on_failed_logins: Callable[[RequestLimit], Response | None],
) -> None:
    """Attach ``RULES`` to the app's (already registered) views. A refused request gets 429
    with Retry-After: the problem document under /api/, the error page on the pages, or what
    ``on_failed_logins`` answers (the login form again) when sign-ins are refused."""
    limiter = Limiter(
        get_remote_address,
        storage_uri=settings.redis_url or "memory://",
        strategy="fixed-window",
        key_prefix="zhumys",
        headers_enabled=True,
        in_memory_fallback_enabled=True,
        swallow_errors=True,
    )
    limiter.init_app(app)
    app.extensions[_KEY] = limiter
    for rule in RULES:
        limit = limiter.shared_limit(
            rule.limit,
            scope=rule.scope,
            key_func=rule.key,
            methods=["POST"] if rule.failures_only else None,
            error_message=rule.message or None,
            exempt_when=_signed_in if rule.anonymous_only else None,
            deduct_when=_failed if rule.failures_only else None,
            on_breach=on_failed_logins if rule.failures_only else None,
        )
        for endpoint in rule.endpoints:
            limited: Any = limit(app.view_functions[endpoint])
            app.view_functions[endpoint] = limited


def limiter(app: Flask) -> Limiter:
    value: Limiter = app.extensions[_KEY]
    return value
