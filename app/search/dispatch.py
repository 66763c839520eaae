"""How "there is indexing work" reaches a worker: in-process, or an RQ job.

Either way the outbox row is already committed; a dispatcher failure only delays indexing until
the next notification or the worker's periodic sweep.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger(__name__)

QUEUE_NAME = "zhumys-indexing"
SCHEDULED_KEY = "zhumys:indexing:drain-scheduled"
SCHEDULED_TTL_S = 300
DRAIN_JOB = "app.search.tasks.drain_job"


class Dispatcher(Protocol):
    def notify(self) -> None: ...


class InProcessDispatcher:
    """Runs the drain right after the commit, in the committing thread.

    A drain already running in another thread will loop over the new rows itself; a
    notification that finds the lock taken marks the work dirty so it is not lost.
    """

    def __init__(self, drain: Callable[[], Any]) -> None:
        self._drain = drain
        self._running = threading.Lock()
        self._dirty = threading.Event()

    def notify(self) -> None:
        self._dirty.set()
        while self._dirty.is_set():
            if not self._running.acquire(blocking=False):
                return
            try:
                self._dirty.clear()
                self._drain()
            except Exception:
                log.exception("in-process indexing failed; rows stay pending for the next sweep")
                return
            finally:
                self._running.release()


class RqDispatcher:
    """Enqueues one drain job; a Redis key collapses a burst of notifications into one job."""

    def __init__(self, redis_url: str) -> None:
        self.redis_url = redis_url

    def connection(self) -> Any:
        from redis import Redis

        return Redis.from_url(self.redis_url, socket_connect_timeout=2, socket_timeout=5)

    def notify(self) -> None:
        from redis.exceptions import RedisError

        try:
            self.enqueue_drain()
        except RedisError as exc:
            log.warning(
                "queue unreachable (%s); the posting is saved and will be indexed later", exc
            )

    def enqueue_drain(self) -> bool:
        """Enqueue a drain unless one is already waiting; True when a job was enqueued."""
        from rq import Queue

        connection = self.connection()
        if not connection.set(SCHEDULED_KEY, "1", nx=True, ex=SCHEDULED_TTL_S):
            return False
        Queue(QUEUE_NAME, connection=connection).enqueue(
            DRAIN_JOB, job_timeout=600, result_ttl=3600, failure_ttl=7 * 86400
        )
        return True
