"""Where the progress of long admin jobs is kept: this process, or Redis when REDIS_URL is set.

With several web processes (gunicorn workers) only Redis lets the status request reach a job
started by another process; the job itself runs in the process that started it.
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

KEEP_FINISHED = 50
KEY_PREFIX = "zhumys:admin-job:"
RECENT_KEY = "zhumys:admin-jobs"
TTL_SECONDS = 7 * 24 * 3600
RUNNING, DONE, FAILED = "running", "done", "failed"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Job:
    id: str
    kind: str
    user_id: int | None
    total: int = 0
    done: int = 0
    state: str = RUNNING
    stage: str = ""
    error: str | None = None
    result: dict[str, Any] = field(default_factory=dict)
    started_at: datetime = field(default_factory=_now)
    finished_at: datetime | None = None

    @property
    def percent(self) -> int:
        if self.state == DONE:
            return 100
        return min(100, int(100 * self.done / self.total)) if self.total else 0

    def to_dict(self) -> dict[str, Any]:
        """What the status endpoint answers."""
        return {
            "id": self.id,
            "kind": self.kind,
            "state": self.state,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "error": self.error,
            "result": self.result,
            "finished": self.state != RUNNING,
        }

    def dump(self) -> str:
        state = asdict(self)
        state["started_at"] = self.started_at.isoformat()
        state["finished_at"] = self.finished_at.isoformat() if self.finished_at else None
        return json.dumps(state, ensure_ascii=False)

    @classmethod
    def load(cls, raw: str | bytes) -> Job:
        state = json.loads(raw)
        state["started_at"] = datetime.fromisoformat(state["started_at"])
        if state["finished_at"]:
            state["finished_at"] = datetime.fromisoformat(state["finished_at"])
        return cls(**state)


class Registry:
    """Jobs by id. Updates go to the in-memory job and, with Redis, to its stored copy."""

    def __init__(self, redis_url: str = "") -> None:
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._redis: Any = None
        if redis_url:
            from redis import Redis

            self._redis = Redis.from_url(redis_url)

    def add(self, kind: str, user_id: int | None) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind, user_id=user_id)
        with self._lock:
            finished = [j for j in self._jobs.values() if j.state != RUNNING]
            for old in sorted(finished, key=lambda j: j.started_at)[:-KEEP_FINISHED]:
                del self._jobs[old.id]
            self._jobs[job.id] = job
            self._save(job)
        if self._redis is not None:
            self._redis.zadd(RECENT_KEY, {job.id: job.started_at.timestamp()})
            self._redis.zremrangebyrank(RECENT_KEY, 0, -KEEP_FINISHED - 1)
        return job

    def get(self, job_id: str) -> Job | None:
        if self._redis is not None:
            raw = self._redis.get(KEY_PREFIX + job_id)
            return Job.load(raw) if raw else None
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        if self._redis is not None:
            ids = [i.decode() for i in self._redis.zrevrange(RECENT_KEY, 0, KEEP_FINISHED - 1)]
            return [job for job in map(self.get, ids) if job is not None]
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.started_at, reverse=True)

    def update(self, job: Job, **changes: Any) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(job, name, value)
            self._save(job)

    def advance(self, job: Job, steps: int) -> None:
        with self._lock:
            job.done += steps
            self._save(job)

    def finish(self, job: Job, result: dict[str, Any]) -> None:
        self.update(job, state=DONE, result=result, finished_at=_now())

    def fail(self, job: Job, error: str) -> None:
        self.update(job, state=FAILED, error=error, finished_at=_now())

    def _save(self, job: Job) -> None:
        if self._redis is not None:
            self._redis.set(KEY_PREFIX + job.id, job.dump(), ex=TTL_SECONDS)
