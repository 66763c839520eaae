"""Engine behaviour that needs no server: errors when the server is unreachable, the documents
and bulk actions it would send, and how it reads responses.

The response dicts below only exercise our parsing of Elasticsearch's documented response
shape; whether a real server answers that way is for the conformance suite (``ES_URL``).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from elasticsearch import Elasticsearch

from indexer import (
    CvDocument,
    DocType,
    Filters,
    Fusion,
    Mode,
    SearchEngine,
    SearchQuery,
    SearchUnavailable,
    Sort,
    VacancyDocument,
    make_engine,
)
from indexer.documents import Vector
from indexer.elastic import ElasticsearchEngine, results
from indexer.elastic.source import bulk_actions, delete_actions, from_source, to_source
from indexer.interface import FacetCount, Hit

CLOSED_PORT = "http://127.0.0.1:9"  # discard port on loopback: refused at once
V, CV = DocType.VACANCIES, DocType.CVS


def vec(*values: float) -> Vector:
    return np.array(values, dtype=np.float32)


class StubAnalyzer:
    def fingerprint(self) -> str:
        return "stub"

    def analyze(self, text: str, lang: str | None = None) -> list[str]:
        return text.lower().split()

    def analyze_query(self, text: str, lang: str | None = None) -> list[list[str]]:
        return [[w] for w in text.lower().split()]


@pytest.fixture
def unreachable() -> Any:
    engine = ElasticsearchEngine(CLOSED_PORT, vector_dim=2, max_retries=1)
    yield engine
    engine.close()


def vacancy(**kwargs: Any) -> VacancyDocument:
    base: dict[str, Any] = {"id": 1, "title": "Повар", "employer_id": 3, "region_kato": "75"}
    return VacancyDocument(**{**base, **kwargs})


def test_factory_builds_the_engine() -> None:
    engine = make_engine("elasticsearch", es_url=CLOSED_PORT, index_prefix="t1", vector_dim=8)
    assert isinstance(engine, ElasticsearchEngine) and isinstance(engine, SearchEngine)
    assert (engine.prefix, engine.dim, engine.backend) == ("t1", 8, "elasticsearch")
    engine.close()


def test_a_given_client_is_used() -> None:
    client = Elasticsearch(CLOSED_PORT)
    engine = ElasticsearchEngine(client, russian_analyzer="standard")
    assert engine.client is client and engine.russian_analyzer == "standard"
    engine.close()
    client.close()


def test_bad_prefix_is_rejected_before_any_request() -> None:
    with pytest.raises(ValueError, match="index_prefix"):
        ElasticsearchEngine(CLOSED_PORT, index_prefix="Upper")


OPERATIONS = {
    "ensure_index": lambda e: e.ensure_index(V),
    "upsert": lambda e: e.upsert(V, [vacancy()]),
    "upsert_nothing": lambda e: e.upsert(V, []),
    "delete": lambda e: e.delete(CV, [1, 2]),
    "get": lambda e: e.get(CV, 1),
    "search": lambda e: e.search(V, SearchQuery(text="повар")),
    "vector_search": lambda e: e.search(V, SearchQuery(vector=vec(1, 0), mode=Mode.VECTOR)),
    "count": lambda e: e.count(V, Filters(kinds=("regular",))),
    "rebuild": lambda e: e.rebuild(V, [vacancy()]),
}


@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=OPERATIONS.keys())
def test_unreachable_server_is_search_unavailable_quickly(unreachable: Any, operation: Any) -> None:
    started = time.monotonic()
    with pytest.raises(SearchUnavailable, match="unreachable"):
        operation(unreachable)
    assert time.monotonic() - started < 5


def test_health_reports_rather_than_raises(unreachable: Any) -> None:
    health = unreachable.health()
    assert not health.ok and health.backend == "elasticsearch"
    assert "unreachable" in health.detail and dict(health.documents) == {}


def test_wrong_vector_dimension_fails_before_any_request(unreachable: Any) -> None:
    with pytest.raises(ValueError, match="dimension"):
        unreachable.search(V, SearchQuery(vector=vec(1, 0, 0), mode=Mode.VECTOR))
    with pytest.raises(ValueError, match="dimension"):
        unreachable.upsert(V, [vacancy(vector=[1.0, 2.0, 3.0])])
    with pytest.raises(TypeError):
        unreachable.upsert(CV, [vacancy()])
    with pytest.raises(ValueError, match="batch_size"):
        unreachable.rebuild(V, [], batch_size=0)


# -- documents and bulk actions ---------------------------------------------------------------


def test_vacancy_source() -> None:
    doc = vacancy(
        description="Горячий цех",
        skills=("Гриль",),
        occupation_code="5120",
        lat=43.2,
        lon=76.9,
        salary_from=300_000,
        salary_to=200_000,
        published_at=datetime(2026, 3, 1, tzinfo=UTC),
        lang="ru",
        vector=vec(0.0, 2.0),
    )
    source = to_source(doc, StubAnalyzer())
    document = source.pop("document")
    assert source == {
        "id": 1,
        "title": "повар",
        "skills_text": "гриль",
        "body": "горячий цех",
        "native_text": "Повар\nГриль\nГорячий цех",
        "region_kato": ["75"],
        "occupation_code": ["5120"],
        "occupation_path": ["5", "51", "512", "5120"],
        "kind": ["regular"],
        "schedule": ["full_day"],
        "employment_type": ["full"],
        "experience": ["none"],
        "source": ["employer"],
        "lang": ["ru"],
        "skills": ["Гриль"],
        "status": ["published"],
        "salary_lo": 200_000,
        "salary_hi": 300_000,
        "date": "2026-03-01T00:00:00+00:00",
        "location": {"lat": 43.2, "lon": 76.9},
        "hazardous": False,
        "vector": [0.0, 1.0],
    }
    back = from_source(V, {**source, "document": document})
    assert back == doc
    assert back.vector is not None and np.array_equal(back.vector, [0.0, 1.0])


def test_zero_vector_is_left_out() -> None:
    source = to_source(vacancy(vector=[0.0, 0.0]), StubAnalyzer())
    assert "vector" not in source


def test_hidden_cv_becomes_a_delete() -> None:
    visible = CvDocument(id=5, seeker_id=1, title="Водитель", region_kato="75")
    hidden = CvDocument(id=6, seeker_id=2, title="Сварщик", region_kato="75", visibility="hidden")
    actions = list(bulk_actions("zhumys-cvs", [visible, hidden], StubAnalyzer()))
    assert [(a["_op_type"], a["_index"], a["_id"]) for a in actions] == [
        ("index", "zhumys-cvs", "5"),
        ("delete", "zhumys-cvs", "6"),
    ]
    fresh = list(
        bulk_actions("zhumys-cvs-v2", [visible, hidden], StubAnalyzer(), deletes_hidden=False)
    )
    assert [a["_id"] for a in fresh] == ["5"]
    assert delete_actions("zhumys-cvs", [3, 3, 4]) == [
        {"_op_type": "delete", "_index": "zhumys-cvs", "_id": "3"},
        {"_op_type": "delete", "_index": "zhumys-cvs", "_id": "4"},
    ]


# -- reading responses ------------------------------------------------------------------------


def response(*hits: dict[str, Any], total: int = 0, aggs: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"hits": {"total": {"value": total}, "hits": list(hits)}}
    if aggs is not None:
        out["aggregations"] = aggs
    return out


def test_text_hits_and_facets() -> None:
    resp = response(
        {"_id": "7", "_score": 2.5, "fields": {"distance_km": [1.23456]}},
        {"_id": "3", "_score": 1.0, "fields": {"distance_km": [None]}},
        total=9,
        aggs={"kind": {"buckets": [{"key": "b", "doc_count": 2}, {"key": "a", "doc_count": 2}]}},
    )
    found = results.candidates(resp, text_ranks_from=11)
    assert [c.hit() for c in found] == [
        Hit(id=7, score=2.5, distance_km=1.235, text_rank=11),
        Hit(id=3, score=1.0, text_rank=12),
    ]
    assert results.total_of(resp) == 9
    assert results.facets_of(resp, ("kind", "lang")) == {
        "kind": [FacetCount("a", 2), FacetCount("b", 2)],
        "lang": [],
    }


def test_knn_scores_become_cosines_and_reorder_by_key() -> None:
    resp = response(
        {"_id": "1", "_score": 1.0, "fields": {"date": ["1000"]}},
        {"_id": "2", "_score": 0.75},
        {"_id": "3", "_score": 0.5, "fields": {"date": ["3000"]}},
    )
    found = results.candidates(resp, sort=Sort.DATE, vector_ranks_from=1)
    assert [(c.id, c.score, c.vector_rank) for c in found] == [
        (1, 1.0, 1),
        (2, 0.5, 2),
        (3, 0.0, 3),
    ]
    assert [c.id for c in results.ordered(found, Sort.DATE)] == [3, 1, 2]


def test_fusion_keeps_both_ranks() -> None:
    text = results.candidates(
        response({"_id": "1", "_score": 3.0}, {"_id": "2", "_score": 1.0}), text_ranks_from=1
    )
    vector = results.candidates(
        response({"_id": "2", "_score": 0.9}, {"_id": "3", "_score": 0.8}), vector_ranks_from=1
    )
    fused = results.fuse(text, vector, SearchQuery())
    assert [(c.id, c.text_rank, c.vector_rank) for c in fused] == [
        (2, 2, 1),
        (1, 1, None),
        (3, None, 2),
    ]
    assert fused[0].score == pytest.approx(1 / 62 + 1 / 61)
    weighted = results.fuse(text, vector, SearchQuery(fusion=Fusion.WEIGHTED, text_weight=0.8))
    # text 3.0 -> 1, 1.0 -> 0; cosines 0.8 -> 1, 0.6 -> 0: id 1 = 0.8, id 2 = 0.2, id 3 = 0
    assert [(c.id, round(c.score, 6)) for c in weighted] == [(1, 0.8), (2, 0.2), (3, 0.0)]


def test_unused_path_argument_is_harmless(tmp_path: Path) -> None:
    engine = make_engine("elasticsearch", path=tmp_path, es_url=CLOSED_PORT)
    assert isinstance(engine, ElasticsearchEngine)
    engine.close()
