"""The real ``zhumys worker`` killed mid-batch, and Redis stopped while postings are saved.

tests/integration/test_rq_worker.py covers a bare drain loop killed mid-drain and one posting
made while Redis is down; these go through the production path: postings over the API, the RQ
worker process, SIGKILL, a Redis outage in the middle of a stream of postings, and catch-up.
"""

from __future__ import annotations

import re
import signal

import pytest
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue

from app import create_app, extensions
from app.db import Database
from app.search.dispatch import QUEUE_NAME
from app.search.indexing import pending_count
from app.settings import Settings
from indexer import DocType
from tests.db.factories import a_vacancy, an_employer
from tests.faults.conftest import (
    OwnRedis,
    employer_token,
    eventually,
    post_vacancy,
    run_worker_burst,
    start_worker,
    stop_process_group,
)

pytestmark = [pytest.mark.redis, pytest.mark.slow]


def _pending(database: Database) -> int:
    with database.session() as session:
        return pending_count(session)


def test_rq_worker_killed_mid_batch_loses_no_posting(
    settings: Settings, database: Database, own_redis: OwnRedis
) -> None:
    total = 2_500  # five of the worker's 500-event batches
    settings = settings.with_overrides(redis_url=own_redis.url)
    app = create_app(settings)
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        ids = [
            a_vacancy(session, employer, title=f"Слесарь-ремонтник {i}").id for i in range(total)
        ]
    assert Queue(QUEUE_NAME, connection=Redis.from_url(own_redis.url)).count == 1
    worker = start_worker(settings, own_redis.url)
    try:
        assert eventually(lambda: _pending(database) < total, timeout=120), "worker never started"
    finally:
        stop_process_group(worker, signal.SIGKILL)
    left = _pending(database)
    assert 0 < left < total, "the worker was not caught mid-drain; the test proves nothing"
    # The job the dead worker held is gone with it; the next worker's catch-up finds the rest.
    run_worker_burst(settings, own_redis.url)
    assert _pending(database) == 0
    engine = extensions.indexing(app).engine
    assert eventually(lambda: engine.count(DocType.VACANCIES) == total, timeout=20)
    assert all(engine.get(DocType.VACANCIES, i) is not None for i in ids[:: total // 25])


def test_redis_stopped_mid_stream_keeps_every_posting_and_catches_up(
    settings: Settings, database: Database, own_redis: OwnRedis
) -> None:
    settings = settings.with_overrides(redis_url=own_redis.url)
    app = create_app(settings)
    client = app.test_client()
    headers = employer_token(app)
    worker = start_worker(settings, own_redis.url)
    try:
        before = [post_vacancy(client, headers, f"Тігінші {i}") for i in range(5)]
        engine = extensions.indexing(app).engine
        assert eventually(lambda: all(engine.get(DocType.VACANCIES, i) for i in before), 30)

        own_redis.stop()
        during = [post_vacancy(client, headers, f"Токарь {i}") for i in range(5)]
        assert _pending(database) == len(during), "the outbox must hold what Redis could not"
        _search_still_answers(client, headers)
        own_redis.start()
        after = [post_vacancy(client, headers, f"Маляр {i}") for i in range(3)]
        # A fresh worker (the old one lost its connection) drains everything, the outage too.
        stop_process_group(worker, signal.SIGTERM)
        worker = start_worker(settings, own_redis.url)
        run_worker_burst(settings, own_redis.url)
        assert _pending(database) == 0
        for vacancy_id in before + during + after:
            assert eventually(lambda i=vacancy_id: engine.get(DocType.VACANCIES, i) is not None)
    finally:
        stop_process_group(worker, signal.SIGTERM)


def _search_still_answers(client: FlaskClient, headers: dict[str, str]) -> None:
    """Signed-in search needs no Redis; anonymous search's rate limit must not turn into a 500."""
    assert client.get("/api/v1/vacancies?q=тігінші", headers=headers).status_code == 200
    anonymous = client.get("/api/v1/vacancies?q=тігінші")
    assert anonymous.status_code == 200, anonymous.get_data(as_text=True)[:300]


def test_sign_in_page_works_while_redis_is_down(
    settings: Settings, database: Database, own_redis: OwnRedis
) -> None:
    app = create_app(settings.with_overrides(redis_url=own_redis.url))
    client = app.test_client()
    own_redis.stop()
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True))
    assert token is not None
    answer = client.post(
        "/login",
        data={"csrf_token": token.group(1), "email": "nobody@example.kz", "password": "x"},
    )
    assert answer.status_code == 401, "a wrong password is still refused, not an error"
