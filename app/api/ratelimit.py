"""Anonymous API search is limited per client IP (app.throttle: Redis or in-process)."""

from __future__ import annotations

from flask import request

from app import throttle
from app.api.problems import ApiProblem

ANON_SEARCH_LIMIT = 60  # requests per window per IP for anonymous search
WINDOW_S = 60


def check_anonymous(bucket: str, limit: int = ANON_SEARCH_LIMIT) -> None:
    """Count this request; raise a 429 problem with Retry-After once the window is full."""
    hit = throttle.count(f"api:{bucket}:{request.remote_addr or 'unknown'}", WINDOW_S)
    if hit.value > limit:
        raise ApiProblem(
            429,
            f"at most {limit} anonymous requests per {WINDOW_S} s; sign in or retry later",
            headers={"Retry-After": str(hit.retry_after_s)},
        )
