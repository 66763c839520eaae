"""A fixed-window limiter per client IP: in Redis when REDIS_URL is set, else in-process."""

from __future__ import annotations

import threading
import time

from flask import current_app, request

from app.api.problems import ApiProblem
from app.extensions import settings

ANON_SEARCH_LIMIT = 60  # requests per window per IP for anonymous search
WINDOW_S = 60
_KEY = "zhumys.api.ratelimit"


class MemoryWindow:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, int], int] = {}

    def hit(self, key: str, window: int) -> int:
        with self._lock:
            self._counts = {k: v for k, v in self._counts.items() if k[1] >= window}
            count = self._counts.get((key, window), 0) + 1
            self._counts[(key, window)] = count
            return count


def _redis_hit(url: str, key: str, window: int) -> int:
    import redis

    client = redis.Redis.from_url(url)
    name = f"zhumys:rl:{key}:{window}"
    pipe = client.pipeline()
    pipe.incr(name)
    pipe.expire(name, WINDOW_S * 2)
    count, _ = pipe.execute()
    return int(count)


def check_anonymous(bucket: str, limit: int = ANON_SEARCH_LIMIT) -> None:
    """Count this request; raise a 429 problem with Retry-After once the window is full."""
    now = time.time()
    window = int(now // WINDOW_S)
    key = f"{bucket}:{request.remote_addr or 'unknown'}"
    url = settings().redis_url
    if url:
        count = _redis_hit(url, key, window)
    else:
        store = current_app.extensions.setdefault(_KEY, MemoryWindow())
        count = store.hit(key, window)
    if count > limit:
        retry = max(1, int((window + 1) * WINDOW_S - now))
        raise ApiProblem(
            429,
            f"at most {limit} anonymous requests per {WINDOW_S} s; sign in or retry later",
            headers={"Retry-After": str(retry)},
        )
