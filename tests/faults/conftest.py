"""Fault-test helpers, shared with the RQ integration tests (a private redis-server, workers).

Fixtures re-exported from tests/integration/test_rq_worker.py: ``own_redis`` (a redis-server
this test can stop and start) and ``redis_url`` (database 15 of the machine's Redis, flushed).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.api.auth import issue_token
from app.models import Role
from app.services.users import create_user
from app.settings import Settings
from tests.db.factories import an_employer
from tests.integration.test_rq_worker import (
    OwnRedis,
    _eventually,
    _run_worker_burst,
    _worker_env,
    own_redis,
    redis_url,
)

__all__ = [
    "OwnRedis",
    "employer_token",
    "eventually",
    "own_redis",
    "post_vacancy",
    "redis_url",
    "run_worker_burst",
    "start_worker",
    "stop_process_group",
]

eventually = _eventually
run_worker_burst = _run_worker_burst


def start_worker(settings: Settings, redis: str) -> subprocess.Popen[bytes]:
    """``zhumys worker`` (the real RQ worker with its catch-up ticker) in its own process group."""
    return subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "worker"],
        env=_worker_env(settings, redis),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop_process_group(process: subprocess.Popen[Any], sig: int) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
    process.wait(20)


def employer_token(app: Flask) -> dict[str, str]:
    """Bearer headers of a new employer login (the app may be one the test built itself)."""
    with extensions.database(app).session() as session:
        employer = an_employer(session, name="ТОО Тұрақты")
        user = create_user(
            session,
            email="faults-employer@example.kz",
            password="correct horse",
            role=Role.EMPLOYER,
            display_name="employer",
            employer_id=employer.id,
        )
        return {"Authorization": f"Bearer {issue_token(session, user, 'faults').secret}"}


def post_vacancy(client: FlaskClient, headers: dict[str, str], title: str) -> int:
    response = client.post(
        "/api/v1/vacancies",
        json={"title": title, "locality_kato": "710000000", "description": "Ауысымдық жұмыс."},
        headers=headers,
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    vacancy_id: int = response.get_json()["id"]
    return vacancy_id
