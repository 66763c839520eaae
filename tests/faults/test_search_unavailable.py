"""The embedded index gone or broken: search answers 503 with a message, postings still save.

Root ignores file permissions, so "unavailable" is made by breaking the index on disk: its
live generation removed, its pointer file corrupted, or its directory replaced by a file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app, extensions
from app.db import Database
from app.search.indexing import pending_count
from app.search.rebuild import rebuild_index
from app.settings import Settings
from indexer import DocType, make_engine
from tests.faults.conftest import employer_token, eventually, post_vacancy


def _vacancies_dir(settings: Settings) -> Path:
    return Path(settings.search_path) / DocType.VACANCIES.value


def _assert_clear_503(client: FlaskClient) -> None:
    api = client.get("/api/v1/vacancies?q=аспаз")
    assert api.status_code == 503, api.get_data(as_text=True)[:300]
    assert api.mimetype == "application/problem+json"
    assert "search is temporarily unavailable" in api.get_json()["detail"]
    page = client.get("/search?q=аспаз", headers={"Accept-Language": "ru"})
    assert page.status_code == 503
    body = page.get_data(as_text=True)
    assert "Traceback" not in body and "<form" in body


def _lose_the_index(settings: Settings) -> None:
    """Every generation deleted and CURRENT naming one that is gone (a botched restore)."""
    folder = _vacancies_dir(settings)
    for child in folder.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
    replacement = folder / "CURRENT.new"
    replacement.write_text("999\n")
    os.replace(replacement, folder / "CURRENT")


def test_lost_index_answers_503_keeps_postings_and_recovers(
    app: Flask, client: FlaskClient, settings: Settings, database: Database
) -> None:
    headers = employer_token(app)
    first = post_vacancy(client, headers, "Аспаз")
    assert client.get("/api/v1/vacancies?q=аспаз").get_json()["items"][0]["id"] == first
    _lose_the_index(settings)
    _assert_clear_503(client)

    second = post_vacancy(client, headers, "Аспаз-кондитер")  # saved although not indexable
    assert client.get(f"/api/v1/vacancies/{second}", headers=headers).status_code == 200
    with database.session() as session:
        assert pending_count(session) >= 1

    # Recovery: clear the broken folder and rebuild (`zhumys reindex`; a rebuild over a CURRENT
    # naming a lost generation fails with the same SearchUnavailable).
    shutil.rmtree(_vacancies_dir(settings))
    engine = make_engine("embedded", path=settings.search_path)
    rebuild_index(database, engine, None, DocType.VACANCIES)

    def caught_up() -> bool:  # the failed event waits out its 2 s back-off, then drains
        extensions.indexing(app).drain()
        with database.session() as session:
            return pending_count(session) == 0

    assert eventually(caught_up, timeout=15)
    for web in (client, create_app(settings).test_client()):  # running and restarted process
        found = web.get("/api/v1/vacancies?q=аспаз").get_json()["items"]
        assert {item["id"] for item in found} == {first, second}


@pytest.mark.parametrize("breakage", ["path is a file", "pointer corrupted"])
def test_broken_index_path_answers_503(settings: Settings, breakage: str) -> None:
    root = Path(settings.search_path)
    if breakage == "path is a file":
        root.parent.mkdir(parents=True, exist_ok=True)
        root.write_text("not an index")
    else:
        make_engine("embedded", path=root).ensure_index(DocType.VACANCIES)
        (_vacancies_dir(settings) / "CURRENT").write_text("garbage\n")
    _assert_clear_503(create_app(settings).test_client())
