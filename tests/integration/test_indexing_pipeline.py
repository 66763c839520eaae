"""Outbox → engine, in-process (the embedded default): a posting saved is a posting indexed."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy import select, update

from app import extensions
from app.db import Database
from app.models import OutboxEvent, VacancyStatus
from app.models.base import utcnow
from app.search.expiry import close_expired_vacancies
from app.search.indexing import (
    MAX_ATTEMPTS,
    dead_letters,
    drain_outbox,
    pending_count,
    retry_dead_letters,
)
from app.search.rebuild import rebuild_index
from indexer import DocType, SearchQuery, make_engine
from tests.db.factories import a_vacancy, an_employer


def _search_ids(app: Flask, text: str) -> list[int]:
    engine = extensions.indexing(app).engine
    return [hit.id for hit in engine.search(DocType.VACANCIES, SearchQuery(text=text)).hits]


def test_committed_vacancy_is_searchable_at_once(app: Flask) -> None:
    db = extensions.database(app)
    with db.session() as session:
        vacancy = a_vacancy(session, title="Сварщик на монтаж металлоконструкций")
    assert _search_ids(app, "сварщики") == [vacancy.id]
    with db.session() as session:
        assert pending_count(session) == 0


def test_unpublishing_and_deleting_remove_from_index(app: Flask) -> None:
    db = extensions.database(app)
    with db.session() as session:
        closed = a_vacancy(session, title="Повар горячего цеха")
        deleted = a_vacancy(session, title="Повар-кондитер")
    assert sorted(_search_ids(app, "повар")) == sorted([closed.id, deleted.id])
    with db.session() as session:
        session.get(type(closed), closed.id).status = VacancyStatus.CLOSED
        session.delete(session.get(type(deleted), deleted.id))
    assert _search_ids(app, "повар") == []


def test_expired_vacancy_is_not_indexed(app: Flask) -> None:
    db = extensions.database(app)
    with db.session() as session:
        a_vacancy(session, title="Бухгалтер", expires_at=utcnow() - timedelta(days=1))
    assert _search_ids(app, "бухгалтер") == []


def test_failed_batches_back_off_then_go_to_dead_letters(database: Database, tmp_path) -> None:
    with database.session() as session:
        vacancy = a_vacancy(session, title="Электрик")
    unreachable = make_engine("elasticsearch", es_url="http://127.0.0.1:9", max_retries=0)
    report = drain_outbox(database, unreachable, None)
    assert report.failed == 1 and report.upserted == 0
    with database.session() as session:
        row = session.execute(select(OutboxEvent)).scalar_one()
        assert row.attempts == 1 and row.processed_at is None
        assert row.available_at > utcnow() + timedelta(seconds=1)
        assert "SearchUnavailable" in (row.last_error or "")
    # Not retried before its backoff has passed.
    assert drain_outbox(database, unreachable, None).events == 0
    for _ in range(MAX_ATTEMPTS - 1):
        with database.session() as session:
            session.execute(update(OutboxEvent).values(available_at=utcnow()))
        drain_outbox(database, unreachable, None)
    with database.session() as session:
        assert [r.doc_id for r in dead_letters(session)] == [vacancy.id]
        assert pending_count(session) == 0
        assert retry_dead_letters(session) == 1
    engine = make_engine("embedded", path=tmp_path / "search")
    engine.ensure_index(DocType.VACANCIES)
    assert drain_outbox(database, engine, None).upserted == 1
    assert engine.get(DocType.VACANCIES, vacancy.id) is not None


def test_two_events_for_one_document_make_one_write(database: Database, tmp_path) -> None:
    with database.session() as session:
        vacancy = a_vacancy(session, title="Курьер")
        vacancy.salary_from = 200_000
    with database.session() as session:
        session.get(type(vacancy), vacancy.id).title = "Курьер на автомобиле"
    with database.session() as session:
        assert pending_count(session) == 2
    engine = make_engine("embedded", path=tmp_path / "search")
    engine.ensure_index(DocType.VACANCIES)
    report = drain_outbox(database, engine, None)
    assert (report.events, report.upserted) == (2, 1)
    doc = engine.get(DocType.VACANCIES, vacancy.id)
    assert doc is not None and doc.title == "Курьер на автомобиле"
    again = drain_outbox(database, engine, None)
    assert again.events == 0


def test_rebuild_switches_generation_and_replays_changes(database: Database, tmp_path) -> None:
    engine = make_engine("embedded", path=tmp_path / "search")
    engine.ensure_index(DocType.VACANCIES)
    with database.session() as session:
        employer = an_employer(session)
        ids = [
            a_vacancy(session, employer, title=f"Оператор колл-центра {i}").id for i in range(30)
        ]
        a_vacancy(session, employer, title="Оператор (черновик)", status=VacancyStatus.DRAFT)
    drain_outbox(database, engine, None)
    before = engine.health().versions[DocType.VACANCIES]
    seen: list[int] = []

    def progress(step: int) -> None:
        if not seen:
            # A posting saved mid-rebuild is indexed into the live (old) generation...
            with database.session() as session:
                ids.append(a_vacancy(session, employer, title="Оператор ПК").id)
            drain_outbox(database, engine, None)
        seen.append(step)

    summary = rebuild_index(
        database, engine, None, DocType.VACANCIES, batch_size=7, progress=progress
    )
    assert sum(seen) == 30
    assert summary.report.new_version > before
    # ...and replayed into the new generation after the switch.
    assert summary.replayed.upserted == 1
    hits = engine.search(DocType.VACANCIES, SearchQuery(text="оператор", limit=100)).hits
    assert sorted(h.id for h in hits) == sorted(ids)
    assert engine.count(DocType.VACANCIES) == 31


def test_expiry_job_takes_expired_postings_out_of_the_index(app: Flask) -> None:
    db = extensions.database(app)
    with db.session() as session:
        vacancy = a_vacancy(session, title="Сантехник", expires_at=utcnow() + timedelta(hours=1))
    assert _search_ids(app, "сантехник") == [vacancy.id]
    with db.session() as session:
        closed = close_expired_vacancies(session, now=utcnow() + timedelta(hours=2))
    assert closed == 1
    assert _search_ids(app, "сантехник") == []
    with db.session() as session:
        assert session.get(type(vacancy), vacancy.id).status is VacancyStatus.CLOSED
