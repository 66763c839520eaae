"""The anonymous-search limit kept in Redis: shared by every app process, and an unreachable
Redis does not turn search into errors."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import redis
from flask import Flask

from app import create_app
from app.db import Database
from app.rate_limits import ANONYMOUS_SEARCHES_PER_MINUTE as ANON_SEARCH_LIMIT
from app.settings import Settings

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def client_ip() -> Iterator[str]:
    """Client addresses (this one and ones it prefixes) of this test alone: their counters are
    the only keys it deletes."""
    address = f"test-{uuid.uuid4().hex}"
    yield address
    server = redis.Redis.from_url(REDIS_URL)
    keys = list(server.scan_iter(match=f"LIMITS:LIMITER/zhumys/{address}*"))
    if keys:
        server.delete(*keys)


def _apps(settings: Settings, count: int) -> list[Flask]:
    return [create_app(settings.with_overrides(redis_url=REDIS_URL)) for _ in range(count)]


@pytest.mark.redis
def test_the_limit_is_shared_by_every_process(
    settings: Settings, database: Database, client_ip: str
) -> None:
    first, second = (app.test_client() for app in _apps(settings, 2))
    environ = {"REMOTE_ADDR": client_ip}
    half = ANON_SEARCH_LIMIT // 2
    for client, times in ((first, half), (second, ANON_SEARCH_LIMIT - half)):
        for _ in range(times):
            assert client.get("/api/v1/vacancies?limit=1", environ_base=environ).status_code == 200
    keys = list(
        redis.Redis.from_url(REDIS_URL).scan_iter(match=f"LIMITS:LIMITER/zhumys/{client_ip}/*")
    )
    assert len(keys) == 1
    assert int(redis.Redis.from_url(REDIS_URL).get(keys[0]) or 0) == ANON_SEARCH_LIMIT
    response = first.get("/api/v1/vacancies?limit=1", environ_base=environ)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) >= 1
    other = second.get("/api/v1/vacancies?limit=1", environ_base={"REMOTE_ADDR": client_ip + "x"})
    assert other.status_code == 200


def test_unreachable_redis_does_not_block_search(settings: Settings, database: Database) -> None:
    app = create_app(settings.with_overrides(redis_url="redis://127.0.0.1:9/0"))
    client = app.test_client()
    for _ in range(3):
        assert client.get("/api/v1/vacancies?limit=1").status_code == 200
