"""The admin page: an hh.ru import and an index rebuild with progress, and the outbox."""

from __future__ import annotations

import io
import json
import time
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import AuditLog, OutboxEvent, Vacancy, VacancySource
from tests.db.factories import a_vacancy
from tests.web.conftest import People, SignIn, form_token


def _item(ident: int, **overrides: Any) -> dict[str, Any]:
    item = {
        "id": str(ident),
        "name": "Электрогазосварщик",
        "area": {"id": "160", "name": "Алматы"},
        "salary": {"from": 300000, "to": 450000, "currency": "KZT", "gross": False},
        "employer": {"id": "7", "name": "ТОО Темір"},
        "snippet": {"requirement": "Опыт сварки", "responsibility": "Сварка конструкций"},
        "published_at": "2026-11-20T10:00:00+0500",
    }
    item.update(overrides)
    return item


def _wait(client: FlaskClient, location: str) -> dict[str, Any]:
    job_id = location.rstrip("/").split("/")[-2]
    deadline = time.monotonic() + 60
    while True:
        status = client.get(f"/admin/jobs/{job_id}")
        assert status.status_code == 200 and status.is_json
        job: dict[str, Any] = status.get_json()
        assert 0 <= job["percent"] <= 100 and job["done"] <= job["total"]
        if job["finished"] or time.monotonic() > deadline:
            return job
        time.sleep(0.1)


def _post_file(client: FlaskClient, data: bytes, name: str = "feed.json") -> Any:
    token = form_token(client, "/admin")
    return client.post(
        "/admin/import",
        data={"csrf_token": token, "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_import_runs_with_progress_and_shows_the_report(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "admin")
    items = [_item(n) for n in range(1, 61)]
    items.append(_item(99, area={"name": "Москва"}))
    lines = "\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n{broken\n"
    response = _post_file(client, lines.encode())
    assert response.status_code == 303
    job = _wait(client, response.headers["Location"])
    assert job["state"] == "done" and job["percent"] == 100 and job["total"] == 62
    assert job["result"]["created"] == 60 and job["result"]["accepted"] == 60
    rejected = {r["line"]: r for r in job["result"]["rejected"]}
    assert set(rejected) == {61, 62}
    assert rejected[61]["external_id"] == "99" and "Москва" in rejected[61]["reason"]
    page = client.get(response.headers["Location"] + "?lang=ru")
    html = page.get_data(as_text=True)
    assert '<progress id="job-progress" max="100" value="100">' in html
    assert 'id="r-accepted">60<' in html and 'id="r-rejected">2<' in html
    assert "Отчёт об импорте" in html
    with extensions.database(app).session() as session:
        imported = session.execute(
            select(Vacancy).where(Vacancy.source == VacancySource.IMPORT)
        ).scalars()
        assert len(list(imported)) == 60
        audit = session.execute(select(AuditLog).where(AuditLog.action == "admin.import_start"))
        entry = audit.scalar_one()
        assert entry.user_id == people.users["admin"] and entry.detail["filename"] == "feed.json"
    again = _wait(client, _post_file(client, lines.encode()).headers["Location"])
    assert again["result"]["created"] == 0 and again["result"]["unchanged"] == 60


def test_unreadable_file_is_422_next_to_the_field(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "admin")
    response = _post_file(client, "Ничего".encode("cp1251"))
    assert response.status_code == 422
    assert 'id="import-file-error"' in response.get_data(as_text=True)
    token = form_token(client, "/admin")
    empty = client.post("/admin/import", data={"csrf_token": token})
    assert empty.status_code == 422
    no_token = client.post("/admin/reindex")
    assert no_token.status_code == 400


def test_reindex_job_completes(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    with extensions.database(app).session() as session:
        for n in range(3):
            a_vacancy(session, title=f"Аспаз {n}")
    sign_in(client, "admin")
    response = client.post("/admin/reindex", data={"csrf_token": form_token(client, "/admin")})
    assert response.status_code == 303
    job = _wait(client, response.headers["Location"])
    assert job["state"] == "done", job
    assert job["result"]["vacancies"]["documents"] == 3
    assert job["done"] == job["total"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'id="reindex-report"' in page
    assert client.get("/admin/jobs/unknown").status_code == 404


def test_outbox_status_and_retry(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    with extensions.database(app).session() as session:
        vacancy = a_vacancy(session)
        session.add(
            OutboxEvent(
                doc_type="vacancies", doc_id=vacancy.id, dead=True, attempts=8, last_error="boom"
            )
        )
    sign_in(client, "admin")
    page = client.get("/admin?lang=en").get_data(as_text=True)
    assert "Failed (dead letters): 1" in page and "boom" in page
    response = client.post("/admin/outbox/retry", data={"csrf_token": form_token(client, "/admin")})
    assert response.status_code == 303
    with extensions.database(app).session() as session:
        dead = session.execute(select(OutboxEvent).where(OutboxEvent.dead.is_(True))).all()
        assert dead == []
        entry = session.execute(
            select(AuditLog).where(AuditLog.action == "admin.outbox_retry")
        ).scalar_one()
        assert entry.detail == {"requeued": 1}


def test_only_the_admin_gets_in(client: FlaskClient, sign_in: SignIn, people: People) -> None:
    assert client.get("/admin").status_code == 302
    sign_in(client, "staff")
    assert client.get("/admin").status_code == 403
    assert client.get("/admin/jobs/x").status_code == 403


CSV_FEED = (
    "external_id;title;employer;locality;salary_from\n"
    "c1;Аспаз;ТОО Дәмді;Алматы;300000\n"
    "c2;Даяшы;ТОО Дәмді;Алматы;250000\n"
    "c3;;ТОО Дәмді;Алматы;\n"
)


def test_a_csv_file_is_read_as_csv_as_the_cli_reads_it(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "admin")
    response = _post_file(client, CSV_FEED.encode(), name="Вакансии.CSV")
    assert response.status_code == 303
    job = _wait(client, response.headers["Location"])
    assert job["state"] == "done", job
    result = job["result"]
    assert result["created"] == 2 and len(result["rejected"]) == 1
    assert result["rejected"][0]["line"] == 4 and "title" in result["rejected"][0]["reason"]
    with extensions.database(app).session() as session:
        ids = session.scalars(
            select(Vacancy.external_id).where(Vacancy.external_id.like("csv:%"))
        ).all()
        assert sorted(ids) == ["csv:c1", "csv:c2"]
        audit = session.execute(select(AuditLog).where(AuditLog.action == "admin.import_start"))
        assert audit.scalar_one().detail["format"] == "csv"


def test_csv_errors_are_in_the_page_language(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "admin")
    cp1251 = CSV_FEED.encode("cp1251", errors="replace")
    expected = {
        "ru": "Файл невозможно импортировать: файл не в кодировке UTF-8 (похоже на Windows-1251)",
        "kk": "Файлды импорттау мүмкін емес: файл UTF-8 кодталуында емес (Windows-1251 сияқты)",
    }
    for lang, message in expected.items():
        client.get(f"/admin?lang={lang}")
        page = _post_file(client, cp1251, name="feed.csv")
        text = page.get_data(as_text=True)
        assert page.status_code == 422 and message in text
        assert "cannot be read" not in text and "looks like" not in text
        headless = _post_file(client, "title;employer\nАспаз;ТОО\n".encode(), name="a.csv")
        assert headless.status_code == 422
        assert "external_id" in headless.get_data(as_text=True)
        assert "missing column" not in headless.get_data(as_text=True)
    json_as_csv = _post_file(client, json.dumps([_item(1)]).encode(), name="feed.csv")
    assert json_as_csv.status_code == 422
