"""Zero-downtime rebuild: a new generation beside the live one, an atomic switch, old dropped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from indexer import DocType, Document, Mode, SearchEngine, SearchQuery, VacancyDocument
from tests.conformance.conftest import Backend
from tests.conformance.data import ids, unit, vacancy

V = DocType.VACANCIES


def test_rebuild_switches_atomically(backend: Backend, engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(i, "Сварщик", vector=unit(1)) for i in range(1, 6)])
    before = engine.health().versions[V]
    seen_during: list[list[int]] = []
    reader = backend.open()

    def documents() -> Iterator[Document]:
        for i in range(101, 131):
            if i == 115:  # halfway through: both engines still answer from the old index
                seen_during.append(sorted(ids(engine.search(V, SearchQuery(text="сварщик")))))
                seen_during.append(sorted(ids(reader.search(V, SearchQuery(text="сварщик")))))
            yield vacancy(i, "Электрик", vector=unit(0, 1))

    report = engine.rebuild(V, documents(), batch_size=7)
    assert seen_during == [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]
    assert report.documents == 30
    assert report.old_version == before
    assert report.new_version > before
    assert report.seconds > 0
    assert engine.health().versions[V] == report.new_version
    assert engine.search(V, SearchQuery(text="сварщик")).total == 0
    assert engine.search(V, SearchQuery(text="электрик")).total == 30
    assert engine.count(V) == 30
    assert ids(engine.search(V, SearchQuery(vector=unit(0, 1), mode=Mode.VECTOR, limit=1)))
    assert backend.generations(V) == [report.new_version]
    # Another engine on the same storage follows the switch.
    assert reader.count(V) == 30
    assert reader.search(V, SearchQuery(text="электрик")).total == 30


def test_rebuild_creates_a_missing_index(backend: Backend) -> None:
    engine = backend.open()
    report = engine.rebuild(DocType.CVS, [], batch_size=10)
    assert report.old_version is None and report.documents == 0
    assert engine.count(DocType.CVS) == 0


def test_failed_rebuild_leaves_the_live_index(backend: Backend, engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(1, "Сварщик")])
    version = engine.health().versions[V]

    def broken() -> Iterator[VacancyDocument]:
        yield vacancy(2, "Электрик")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        engine.rebuild(V, broken())
    assert engine.health().versions[V] == version
    assert ids(engine.search(V, SearchQuery(text="сварщик"))) == [1]
    assert backend.generations(V) == [version]


def test_writes_after_a_rebuild_go_to_the_new_index(engine: SearchEngine) -> None:
    engine.rebuild(V, [vacancy(1, "Сварщик")])
    engine.upsert(V, [vacancy(2, "Сварщик")])
    assert sorted(ids(engine.search(V, SearchQuery(text="сварщик")))) == [1, 2]
    assert engine.delete(V, [1]) == 1
    assert ids(engine.search(V, SearchQuery(text="сварщик"))) == [2]
