"""The search page: finds word forms in both languages, filters, and degrades to a clear 503."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app import create_app, extensions
from app.db import Database
from app.settings import Settings
from tests.db.factories import a_vacancy


def test_search_finds_word_forms_and_filters_by_kind(app: Flask, client: FlaskClient) -> None:
    with extensions.database(app).session() as session:
        a_vacancy(session, title="Жүргізуші керек")
        a_vacancy(session, title="Водитель автобуса", kind="public_works")
        a_vacancy(session, title="Бухгалтер")
    page = client.get("/search?q=жүргізушілер&lang=kk").get_data(as_text=True)
    assert "Жүргізуші керек" in page and "Бухгалтер" not in page
    page = client.get("/search?q=водители&kind=public_works&lang=ru").get_data(as_text=True)
    assert "Водитель автобуса" in page and "Жүргізуші керек" not in page
    assert "Найдено вакансий: 1" in page
    assert re.search(
        r'value="public_works" checked>\s*Общественные работы <span class="count">\(1\)', page
    )


def test_search_ignores_unknown_filter_values(client: FlaskClient) -> None:
    response = client.get("/search?region=xyz&kind=pirate&sort=sideways&page=-3&days=99")
    assert response.status_code == 200


def test_search_engine_down_is_a_clear_503(settings: Settings, database: Database) -> None:
    broken = create_app(
        settings.with_overrides(search_backend="elasticsearch", es_url="http://127.0.0.1:9")
    )
    response = broken.test_client().get("/search?q=повар&lang=ru")
    assert response.status_code == 503
    assert "Поиск временно недоступен" in response.get_data(as_text=True)
