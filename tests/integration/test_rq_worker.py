"""The RQ path against the real Redis: collapsing jobs, Redis outages, a worker killed mid-batch."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from redis import Redis
from rq import Queue

from app import create_app, extensions
from app.db import Database
from app.search.dispatch import QUEUE_NAME, RqDispatcher
from app.search.indexing import drain_outbox, pending_count
from app.settings import Settings
from indexer import DocType, make_engine
from tests.db.factories import a_vacancy, an_employer

pytestmark = pytest.mark.redis

REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_url() -> Iterator[str]:
    connection = Redis.from_url(REDIS_TEST_URL)
    connection.flushdb()
    yield REDIS_TEST_URL
    connection.flushdb()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OwnRedis:
    """A private redis-server we can stop and start, to model an outage."""

    def __init__(self, workdir: Path) -> None:
        self.port = _free_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if Redis.from_url(self.url, socket_connect_timeout=0.2).ping():
                    return
            except Exception:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


def _worker_env(settings: Settings, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=settings.database_url,
        INSTANCE_PATH=str(settings.instance_path),
        REDIS_URL=redis_url,
        EMBEDDING_MODEL=settings.embedding_model,
    )
    return env


def _run_worker_burst(settings: Settings, redis_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", "worker", "--burst"],
        env=_worker_env(settings, redis_url),
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def _eventually(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Another process's index commit reaches this process's reader within about a second."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_notifications_collapse_into_one_job(redis_url: str) -> None:
    dispatcher = RqDispatcher(redis_url)
    for _ in range(5):
        dispatcher.notify()
    assert Queue(QUEUE_NAME, connection=Redis.from_url(redis_url)).count == 1


def test_worker_indexes_what_the_web_process_saved(
    settings: Settings, database: Database, redis_url: str
) -> None:
    settings = settings.with_overrides(redis_url=redis_url)
    app = create_app(settings)
    with extensions.database(app).session() as session:
        vacancy = a_vacancy(session, title="Тракторист-машинист")
    assert Queue(QUEUE_NAME, connection=Redis.from_url(redis_url)).count == 1
    engine = extensions.indexing(app).engine
    engine.ensure_index(DocType.VACANCIES)
    assert engine.get(DocType.VACANCIES, vacancy.id) is None
    _run_worker_burst(settings, redis_url)
    assert _eventually(lambda: engine.get(DocType.VACANCIES, vacancy.id) is not None)
    with database.session() as session:
        assert pending_count(session) == 0


def test_redis_down_saves_posting_and_indexes_it_when_back(
    settings: Settings, database: Database, own_redis: OwnRedis
) -> None:
    settings = settings.with_overrides(redis_url=own_redis.url)
    app = create_app(settings)
    own_redis.stop()
    with extensions.database(app).session() as session:
        vacancy = a_vacancy(session, title="Медсестра процедурного кабинета")
    with database.session() as session:
        assert session.get(type(vacancy), vacancy.id) is not None
        assert pending_count(session) == 1
    own_redis.start()
    _run_worker_burst(settings, own_redis.url)
    engine = extensions.indexing(app).engine
    assert _eventually(lambda: engine.get(DocType.VACANCIES, vacancy.id) is not None)
    with database.session() as session:
        assert pending_count(session) == 0


def test_worker_killed_mid_drain_loses_no_update(
    settings: Settings, database: Database, redis_url: str
) -> None:
    total = 400
    with database.session() as session:
        employer = an_employer(session)
        ids = [a_vacancy(session, employer, title=f"Продавец-кассир {i}").id for i in range(total)]
    script = (
        "from app.search.tasks import worker_services as w; from app.search.indexing import "
        "drain_outbox; s = w(); s.engine.ensure_index(__import__('indexer').DocType.VACANCIES); "
        "drain_outbox(s.db, s.engine, None, batch_size=5)"
    )
    worker = subprocess.Popen(
        [sys.executable, "-c", script],
        env=_worker_env(settings, redis_url),
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with database.session() as session:
            left = pending_count(session)
        if left < total:
            break
        time.sleep(0.01)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(10)
    with database.session() as session:
        left = pending_count(session)
    assert 0 < left < total, "the worker was not caught mid-drain; the test proves nothing"
    engine = make_engine("embedded", path=settings.search_path)
    engine.ensure_index(DocType.VACANCIES)
    report = drain_outbox(database, engine, None)
    assert report.events == left
    assert engine.count(DocType.VACANCIES) == total
    assert all(engine.get(DocType.VACANCIES, i) is not None for i in ids[:: total // 20])
