"""Fixed-window counters: in Redis when REDIS_URL is set (shared by every worker), else in
this process. Used to limit anonymous API search and to throttle failed logins."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from flask import current_app

from app.extensions import settings

_KEY = "zhumys.throttle"


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

    client = redis.Redis.from_url(url)
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


def count(key: str, window_s: int, amount: int = 1) -> Count:
    """Add ``amount`` (0 just reads) to ``key``'s counter for the current window."""
    now = time.time()
    window = int(now // window_s)
    url = settings().redis_url
    if url:
        value = _redis_add(url, key, window, amount, window_s * 2)
    else:
        store: MemoryWindows = current_app.extensions.setdefault(_KEY, MemoryWindows())
        value = store.add(key, window, amount)
    return Count(value, max(1, int((window + 1) * window_s - now)))


def reset(key: str, window_s: int) -> None:
    url = settings().redis_url
    if url:
        import redis

        redis.Redis.from_url(url).delete(f"zhumys:rl:{key}:{int(time.time() // window_s)}")
    else:
        store: MemoryWindows = current_app.extensions.setdefault(_KEY, MemoryWindows())
        store.clear(key)
