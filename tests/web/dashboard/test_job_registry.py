"""Job progress in memory and in Redis (two registries on one Redis act as two web processes)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from redis import Redis

from app.services.job_registry import DONE, FAILED, Registry

REDIS_URL = os.environ.get("TEST_REDIS_JOBS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def redis_url() -> Iterator[str]:
    connection = Redis.from_url(REDIS_URL)
    connection.flushdb()
    yield REDIS_URL
    connection.flushdb()


def test_in_memory_progress_and_result() -> None:
    jobs = Registry()
    job = jobs.add("import", 1)
    jobs.update(job, total=4)
    jobs.advance(job, 3)
    seen = jobs.get(job.id)
    assert seen is not None and seen.to_dict()["percent"] == 75 and not seen.to_dict()["finished"]
    jobs.finish(job, {"accepted": 4})
    assert jobs.get(job.id) is job and job.state == DONE and job.percent == 100
    assert jobs.recent() == [job] and jobs.get("missing") is None


@pytest.mark.redis
def test_another_process_reads_progress_from_redis(redis_url: str) -> None:
    starter, reader = Registry(redis_url), Registry(redis_url)
    job = starter.add("reindex", 7)
    starter.update(job, total=10, stage="vacancies")
    starter.advance(job, 4)
    seen = reader.get(job.id)
    assert seen is not None
    assert (seen.kind, seen.user_id, seen.done, seen.total, seen.stage) == (
        "reindex",
        7,
        4,
        10,
        "vacancies",
    )
    starter.finish(job, {"vacancies": {"documents": 10}})
    done = reader.get(job.id)
    assert (
        done is not None
        and done.to_dict()["finished"]
        and done.result["vacancies"] == {"documents": 10}
    )
    failed = starter.add("import", None)
    starter.fail(failed, "file is empty")
    assert [j.id for j in reader.recent()] == [failed.id, job.id]
    again = reader.get(failed.id)
    assert again is not None and again.state == FAILED and again.error == "file is empty"
    assert reader.get("missing") is None
