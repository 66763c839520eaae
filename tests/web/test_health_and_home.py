"""The app answers: health report, landing page, vacancy page."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app
from app.db import Database
from app.settings import Settings
from tests.db.factories import a_vacancy

pytestmark = pytest.mark.both_databases  # health check and home counts on each database


def test_healthz_reports_each_part(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["ok"] is True
    assert set(body["checks"]) == {"database", "queue", "search", "embeddings"}
    assert body["checks"]["embeddings"] == {"ok": False, "model": None, "detail": "switched off"}
    assert body["checks"]["database"]["revision"] == body["checks"]["database"]["expected_revision"]
    assert body["checks"]["queue"] == {"ok": True, "mode": "in-process"}


def test_healthz_is_503_when_the_queue_is_unreachable(
    settings: Settings, database: Database
) -> None:
    broken = create_app(settings.with_overrides(redis_url="redis://127.0.0.1:1/0"))
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["queue"]["ok"] is False


def test_healthz_is_503_on_an_unmigrated_database(tmp_path) -> None:
    fresh = create_app(Settings(instance_path=tmp_path, testing=True))
    response = fresh.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"]["revision"] is None


def test_home_lists_published_vacancies(
    app: Flask, client: FlaskClient, database: Database
) -> None:
    with database.session() as session:
        a_vacancy(session, title="Сатушы-кассир")
    page = client.get("/?lang=kk")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Сатушы-кассир" in text
    assert "Жаңа бос орындар" in text
    assert "Новые вакансии" in client.get("/?lang=ru").get_data(as_text=True)


def test_vacancy_page_and_404(client: FlaskClient, database: Database) -> None:
    with database.session() as session:
        vacancy = a_vacancy(session, title="Электрик", description="Монтаж проводки.")
        draft = a_vacancy(session, title="Черновик", status="draft")
    assert "Монтаж проводки." in client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert client.get(f"/vacancies/{draft.id}").status_code == 404
    assert client.get("/vacancies/999999").status_code == 404
