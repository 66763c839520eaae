"""Fixed-window counters: in Redis when REDIS_URL is set (shared by every worker), else in
this process. Used to limit anonymous API search and to throttle failed logins."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from flask import current_app
from redis.exceptions import RedisError

from app.extensions import settings

_KEY = "zhumys.throttle"
log = logging.getLogger(__name__)


class MemoryWindows:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, int], int] = {}

    def add(self, key: str, window: int, amount: int) -> int:
        with self._lock:
            self._counts = {k: v for k, v in self._counts.items() if k[1] >= window}
            count = self._counts.get((key, window), 0) + amount
            self._counts[(key, window)] = count
            return count

    def clear(self, key: str) -> None:
        with self._lock:
            self._counts = {k: v for k, v in self._counts.items() if k[0] != key}


def _redis_add(url: str, key: str, window: int, amount: int, ttl: int) -> int:
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    name = f"zhumys:rl:{key}:{window}"
    if amount == 0:
        return int(client.get(name) or 0)
    pipe = client.pipeline()
    pipe.incrby(name, amount)
    pipe.expire(name, ttl)
    count, _ = pipe.execute()
    return int(count)


@dataclass(frozen=True)
class Count:
    value: int
    retry_after_s: int


def _memory() -> MemoryWindows:
    store: MemoryWindows = current_app.extensions.setdefault(_KEY, MemoryWindows())
    return store


def count(key: str, window_s: int, amount: int = 1) -> Count:
    """Add ``amount`` (0 just reads) to ``key``'s counter for the current window.

    With Redis unreachable the count falls back to this process's window (logged): an outage
    of the counter store must neither lift the limits altogether nor turn requests into errors.
    """
    now = time.time()
    window = int(now // window_s)
    url = settings().redis_url
    value: int | None = None
    if url:
        try:
            value = _redis_add(url, key, window, amount, window_s * 2)
        except RedisError as exc:
            log.warning("throttle: Redis unavailable (%s); counting in this process", exc)
    if value is None:
        value = _memory().add(key, window, amount)
    return Count(value, max(1, int((window + 1) * window_s - now)))


def reset(key: str, window_s: int) -> None:
    _memory().clear(key)
    url = settings().redis_url
    if url:
        import redis

        try:
            redis.Redis.from_url(url).delete(f"zhumys:rl:{key}:{int(time.time() // window_s)}")
        except RedisError as exc:
            log.warning("throttle: Redis unavailable (%s); reset only in this process", exc)
