"""Writing, reading and deleting documents."""

from __future__ import annotations

import numpy as np
import pytest

from indexer import (
    DocType,
    Filters,
    IndexNotFound,
    Mode,
    SearchEngine,
    SearchQuery,
    VacancyDocument,
)
from tests.conformance.conftest import Backend
from tests.conformance.data import cv, ids, unit, vacancy

V = DocType.VACANCIES


def test_missing_index_raises(backend: Backend) -> None:
    engine = backend.open()
    with pytest.raises(IndexNotFound):
        engine.search(V, SearchQuery())
    with pytest.raises(IndexNotFound):
        engine.count(V)
    engine.ensure_index(V)
    engine.ensure_index(V)  # idempotent
    assert engine.count(V) == 0


def test_upsert_get_delete(engine: SearchEngine) -> None:
    doc = vacancy(
        1,
        "Программист Python",
        description="Разработка сервисов",
        skills=("Python", "SQL"),
        occupation_code="2512",
        salary_from=300_000,
        salary_to=500_000,
        vector=unit(1, 2),
    )
    assert engine.upsert(V, [doc, vacancy(2, "Водитель")]) == 2
    got = engine.get(V, 1)
    assert isinstance(got, VacancyDocument)
    assert got == doc
    assert got.vector is not None and np.allclose(got.vector, unit(1, 2), atol=1e-6)
    assert engine.get(V, 99) is None
    assert engine.count(V) == 2

    assert engine.delete(V, [1, 99]) == 1
    assert engine.get(V, 1) is None
    assert ids(engine.search(V, SearchQuery())) == [2]
    assert engine.delete(V, []) == 0


def test_reupsert_replaces_the_whole_document(engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(1, "Бухгалтер", skills=("1С",), vector=unit(1))])
    engine.upsert(V, [vacancy(1, "Водитель", vector=unit(0, 1))])
    assert engine.count(V) == 1
    got = engine.get(V, 1)
    assert got is not None and got.title == "Водитель" and got.skills == ()
    assert engine.search(V, SearchQuery(text="бухгалтер")).total == 0
    assert ids(engine.search(V, SearchQuery(text="водитель"))) == [1]
    hits = engine.search(V, SearchQuery(vector=unit(1), mode=Mode.VECTOR)).hits
    assert [h.id for h in hits] == [1]
    assert hits[0].score == pytest.approx(0.0, abs=1e-5)  # the old vector is gone


def test_last_duplicate_in_a_batch_wins(engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(1, "Бухгалтер"), vacancy(1, "Водитель")])
    assert engine.count(V) == 1
    got = engine.get(V, 1)
    assert got is not None and got.title == "Водитель"


def test_documents_without_vectors_are_text_only(engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(1, "Повар"), vacancy(2, "Повар", vector=unit(1))])
    assert ids(engine.search(V, SearchQuery(vector=unit(1), mode=Mode.VECTOR))) == [2]
    assert sorted(ids(engine.search(V, SearchQuery(text="повар")))) == [1, 2]


def test_wrong_document_type_and_dimension_are_rejected(engine: SearchEngine) -> None:
    with pytest.raises(TypeError):
        engine.upsert(V, [cv(1)])
    with pytest.raises(ValueError, match="vector"):
        engine.upsert(V, [vacancy(1, vector=np.array([1.0, 0.0]))])
    with pytest.raises(ValueError, match="vector"):
        engine.search(
            V, SearchQuery(vector=np.array([1.0, 0.0], dtype=np.float32), mode=Mode.VECTOR)
        )


def test_hidden_cvs_are_never_indexed(engine: SearchEngine) -> None:
    c = DocType.CVS
    assert engine.upsert(c, [cv(1, "Бухгалтер"), cv(2, "Бухгалтер", visibility="hidden")]) == 1
    assert engine.get(c, 2) is None
    assert ids(engine.search(c, SearchQuery(text="бухгалтер"))) == [1]
    # Hiding a CV that was visible removes it.
    engine.upsert(c, [cv(1, "Бухгалтер", visibility="hidden")])
    assert engine.get(c, 1) is None
    assert engine.count(c) == 0
    with pytest.raises(ValueError, match="visibility"):
        Filters(visibility=("hidden",))


def test_cv_round_trip_and_visibility_filter(engine: SearchEngine) -> None:
    c = DocType.CVS
    doc = cv(
        1,
        "Бағдарламашы",
        text="Python, Django",
        skills=("Python",),
        occupation_codes=("2512", "2513"),
        schedules=("remote", "flexible"),
        salary_expected=400_000,
        experience_years=3.5,
        vector=unit(0, 0, 1),
    )
    engine.upsert(c, [doc, cv(2, "Бағдарламашы", visibility="centres")])
    assert engine.get(c, 1) == doc
    found = engine.search(c, SearchQuery(filters=Filters(visibility=("public",))))
    assert ids(found) == [1]
    assert engine.count(c, Filters(occupation_codes=("251",))) == 1
    assert engine.count(c, Filters(schedules=("remote",))) == 1
    with pytest.raises(ValueError, match="kinds"):
        engine.search(c, SearchQuery(filters=Filters(kinds=("regular",))))


def test_limit_offset_and_cap(engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(i, "Сварщик") for i in range(1, 131)])
    first = engine.search(V, SearchQuery(text="сварщик", limit=100))
    assert len(first.hits) == 100 and first.total == 130
    rest = engine.search(V, SearchQuery(text="сварщик", limit=100, offset=100))
    assert len(rest.hits) == 30
    assert not set(ids(first)) & set(ids(rest))
    with pytest.raises(ValueError, match="limit"):
        SearchQuery(limit=101)


def test_health_reports_documents_and_versions(engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(1), vacancy(2)])
    health = engine.health()
    assert health.ok
    assert health.documents[V] == 2
    assert health.documents[DocType.CVS] == 0
    assert health.versions[V] >= 1


def test_persists_across_close_and_reopen(backend: Backend) -> None:
    first = backend.open()
    first.ensure_index(V)
    first.upsert(V, [vacancy(1, "Электрик", vector=unit(1))])
    first.close()
    second = backend.open()
    assert ids(second.search(V, SearchQuery(text="электрик"))) == [1]
    assert ids(second.search(V, SearchQuery(vector=unit(1), mode=Mode.VECTOR))) == [1]


def test_another_engine_on_the_same_storage_sees_writes(backend: Backend) -> None:
    writer = backend.open()
    writer.ensure_index(V)
    reader = backend.open()
    assert reader.count(V) == 0
    writer.upsert(V, [vacancy(1, "Электрик")])
    assert _eventually(lambda: reader.count(V) == 1)


def _eventually(check: object, timeout_s: float = 5.0) -> bool:
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False
