"""Exact Elasticsearch request bodies for representative queries (no server involved).

The analyser is a stub so the bodies do not depend on ``matching.text``'s stemming: a word
maps to itself plus the synonyms in ``SYNONYMS`` (a multi-word synonym becomes a phrase).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest

from indexer.analysis import MatchingAnalyzer, query_positions
from indexer.documents import DocType, Vector
from indexer.elastic import query_builder as qb
from indexer.query import Filters, GeoFilter, Mode, SearchQuery, Sort

V, CV = DocType.VACANCIES, DocType.CVS
SYNONYMS = {"повар": ["аспаз"], "it": ["information technology"]}
PUBLISHED = {"terms": {"status": ["published"]}}
ORDER = [{"_count": "desc"}, {"_key": "asc"}]
BY_ID = {"id": {"order": "asc"}}
FIELDS = (("title", 3.0), ("skills_text", 1.5), ("body", 1.0))
DISTANCE_SCRIPT = (
    "doc['location'].size() == 0 ? null : "
    "doc['location'].arcDistance(params.lat, params.lon) / 1000.0"
)


def vec(*values: float) -> Vector:
    return np.array(values, dtype=np.float32)


class StubAnalyzer:
    def fingerprint(self) -> str:
        return "stub"

    def analyze(self, text: str, lang: str | None = None) -> list[str]:
        return text.lower().split()

    def analyze_query(self, text: str, lang: str | None = None) -> list[list[str]]:
        return [[w, *SYNONYMS.get(w, [])] for w in text.lower().split()]


def positions(text: str) -> list[tuple[tuple[str, ...], ...]]:
    return query_positions(StubAnalyzer(), text)


def position(*words: str) -> dict[str, Any]:
    """One query position whose alternatives are ``words``, in every text field."""
    should = [{"term": {f: {"value": w, "boost": b}}} for w in words for f, b in FIELDS]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def text_body(doc_type: DocType, query: SearchQuery) -> dict[str, Any]:
    return qb.text_body(doc_type, query, positions(query.text))


def test_text_only() -> None:
    body = text_body(V, SearchQuery(text="Повар"))
    assert body == {
        "query": {
            "bool": {
                "filter": [{"terms": {"status": ["published"]}}],
                "must": [
                    {
                        "bool": {
                            "should": [
                                {
                                    "bool": {
                                        "should": [
                                            {"term": {"title": {"value": "повар", "boost": 3.0}}},
                                            {
                                                "term": {
                                                    "skills_text": {"value": "повар", "boost": 1.5}
                                                }
                                            },
                                            {"term": {"body": {"value": "повар", "boost": 1.0}}},
                                            {"term": {"title": {"value": "аспаз", "boost": 3.0}}},
                                            {
                                                "term": {
                                                    "skills_text": {"value": "аспаз", "boost": 1.5}
                                                }
                                            },
                                            {"term": {"body": {"value": "аспаз", "boost": 1.0}}},
                                        ],
                                        "minimum_should_match": 1,
                                    }
                                }
                            ],
                            "minimum_should_match": 1,
                        }
                    }
                ],
                "should": [{"match": {"native_text": {"query": "Повар", "boost": 0.5}}}],
            }
        },
        "sort": [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}],
        "from": 0,
        "size": 20,
        "track_total_hits": True,
        "_source": False,
    }


def test_positions_and_multi_word_synonym() -> None:
    """Three positions need three quarters (2); a multi-word synonym is a phrase."""
    clause = qb.text_clause(positions("it повар бухгалтер"))
    phrase = [
        {"match_phrase": {f: {"query": "information technology", "boost": b}}} for f, b in FIELDS
    ]
    it = position("it")
    it["bool"]["should"] += phrase
    assert clause == {
        "bool": {
            "should": [it, position("повар", "аспаз"), position("бухгалтер")],
            "minimum_should_match": 2,
        }
    }
    two = qb.text_clause(positions("a b"))
    assert two is not None and two["bool"]["minimum_should_match"] == 2
    five = qb.text_clause(positions("a b c d e"))
    assert five is not None and five["bool"]["minimum_should_match"] == 3


def test_text_match_any_needs_one_position() -> None:
    clause = qb.text_clause(positions("повар бухгалтер"), "any")
    assert clause == {
        "bool": {
            "should": [position("повар", "аспаз"), position("бухгалтер")],
            "minimum_should_match": 1,
        }
    }


def test_every_vacancy_filter() -> None:
    since = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    filters = Filters(
        region_katos=("750000000",),
        locality_katos=("751110000", "751210000"),
        occupation_codes=("25",),
        kinds=("social_job",),
        statuses=("published", "closed"),
        salary_min=150_000,
        salary_max=400_000,
        schedules=("shift", "remote"),
        employment_types=("full",),
        experiences=("1_3",),
        published_since=since,
        exclude_hazardous=True,
        ids_exclude=(7, 9),
    )
    body = text_body(V, SearchQuery(filters=filters))
    assert body["query"] == {
        "bool": {
            "filter": [
                {"terms": {"region_kato": ["750000000"]}},
                {"terms": {"locality_kato": ["751110000", "751210000"]}},
                {"terms": {"occupation_path": ["25"]}},
                {"terms": {"kind": ["social_job"]}},
                {"terms": {"schedule": ["shift", "remote"]}},
                {"terms": {"employment_type": ["full"]}},
                {"terms": {"experience": ["1_3"]}},
                {"terms": {"status": ["published", "closed"]}},
                {"range": {"salary_hi": {"gte": 150_000}}},
                {"range": {"salary_lo": {"lte": 400_000}}},
                {"range": {"date": {"gte": "2026-01-02T03:04:05+00:00"}}},
                {"term": {"hazardous": False}},
            ],
            "must_not": [{"terms": {"id": [7, 9]}}],
        }
    }


@pytest.mark.parametrize(
    ("filters", "clauses"),
    [
        (Filters(salary_min=100_000), [PUBLISHED, {"range": {"salary_hi": {"gte": 100_000}}}]),
        (Filters(salary_max=90_000), [PUBLISHED, {"range": {"salary_lo": {"lte": 90_000}}}]),
        (
            Filters(occupation_codes=("2", "2512")),
            [{"terms": {"occupation_path": ["2", "2512"]}}, PUBLISHED],
        ),
    ],
    ids=["salary_min", "salary_max", "occupation_prefixes"],
)
def test_one_salary_bound_and_occupation_prefixes(filters: Filters, clauses: list[Any]) -> None:
    assert text_body(V, SearchQuery(filters=filters))["query"] == {"bool": {"filter": clauses}}


def test_geo_radius_and_distance_sort() -> None:
    query = SearchQuery(geo=GeoFilter(43.25, 76.95, radius_km=12.5), sort=Sort.DISTANCE)
    body = text_body(V, query)
    assert body == {
        "query": {
            "bool": {
                "filter": [
                    PUBLISHED,
                    {
                        "geo_distance": {
                            "distance": "12.5km",
                            "distance_type": "arc",
                            "location": {"lat": 43.25, "lon": 76.95},
                        }
                    },
                ]
            }
        },
        "sort": [
            {
                "_geo_distance": {
                    "location": {"lat": 43.25, "lon": 76.95},
                    "order": "asc",
                    "unit": "km",
                    "distance_type": "arc",
                }
            },
            BY_ID,
        ],
        "from": 0,
        "size": 20,
        "track_total_hits": True,
        "_source": False,
        "script_fields": {
            "distance_km": {
                "script": {"source": DISTANCE_SCRIPT, "params": {"lat": 43.25, "lon": 76.95}}
            }
        },
    }


def test_point_without_radius_only_adds_distances() -> None:
    body = text_body(V, SearchQuery(geo=GeoFilter(51.1, 71.4), sort=Sort.SALARY))
    assert body["query"] == {"bool": {"filter": [PUBLISHED]}}
    assert body["sort"] == [{"salary_hi": {"order": "desc", "missing": "_last"}}, BY_ID]
    assert body["script_fields"]["distance_km"]["script"]["params"] == {"lat": 51.1, "lon": 71.4}


def test_facets() -> None:
    body = text_body(V, SearchQuery(facets=("region_kato", "skills")))
    assert body["aggs"] == {
        "region_kato": {"terms": {"field": "region_kato", "size": 50, "order": ORDER}},
        "skills": {"terms": {"field": "skills", "size": 50, "order": ORDER}},
    }
    with pytest.raises(ValueError, match="facets"):
        text_body(CV, SearchQuery(facets=("kind",)))


def test_date_sort_paging_and_distance_without_geo() -> None:
    body = text_body(V, SearchQuery(text="повар", sort=Sort.DATE, offset=40, limit=20))
    assert body["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, BY_ID]
    assert (body["from"], body["size"]) == (40, 20)
    with pytest.raises(ValueError):
        qb.sort_clauses(Sort.DISTANCE, None)
    browse = text_body(V, SearchQuery(text="   "))  # nothing to score by: newest first
    assert browse["query"] == {"bool": {"filter": [PUBLISHED]}}
    assert browse["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, BY_ID]


def vector_query(**kwargs: Any) -> SearchQuery:
    return SearchQuery(vector=vec(3.0, 4.0), mode=Mode.VECTOR, **kwargs)


def test_knn_with_filters() -> None:
    query = vector_query(
        filters=Filters(region_katos=("750000000",), ids_exclude=(5,)),
        facets=("kind",),
        knn_candidates=50,
    )
    assert qb.knn_body(V, query) == {
        "knn": {
            "field": "vector",
            "query_vector": [pytest.approx(0.6), pytest.approx(0.8)],
            "k": 50,
            "num_candidates": 100,
            "filter": {
                "bool": {
                    "filter": [{"terms": {"region_kato": ["750000000"]}}, PUBLISHED],
                    "must_not": [{"terms": {"id": [5]}}],
                }
            },
        },
        "from": 0,
        "size": 20,
        "track_total_hits": True,
        "_source": False,
        "aggs": {"kind": {"terms": {"field": "kind", "size": 50, "order": ORDER}}},
    }


def test_knn_paging_stops_at_k() -> None:
    body = qb.knn_body(V, vector_query(knn_candidates=30, offset=20, limit=20))
    assert (body["from"], body["size"]) == (20, 10)
    past = qb.knn_body(V, vector_query(knn_candidates=10, offset=20, limit=20))
    assert past["size"] == 0


def test_knn_ordered_by_date_returns_every_candidate_with_its_key() -> None:
    body = qb.knn_body(CV, vector_query(sort=Sort.DATE, knn_candidates=40))
    assert "filter" not in body["knn"]
    assert (body["from"], body["size"]) == (0, 40)
    assert body["docvalue_fields"] == [{"field": "date", "format": "epoch_millis"}]
    assert qb.knn_section(V, vector_query(knn_candidates=8000))["num_candidates"] == 10_000
    assert qb.knn_section(V, vector_query(knn_candidates=5))["num_candidates"] == 100
    with pytest.raises(ValueError, match="zero"):
        qb.knn_body(V, SearchQuery(vector=vec(0.0, 0.0), mode=Mode.VECTOR))


def test_hybrid_produces_the_two_bodies() -> None:
    query = SearchQuery(
        text="повар",
        vector=vec(0.0, 2.0),
        mode=Mode.HYBRID,
        filters=Filters(exclude_hazardous=True),
        facets=("kind",),
        knn_candidates=60,
        sort=Sort.SALARY,
    )
    text, knn = qb.hybrid_bodies(V, query, positions(query.text))
    filters = [PUBLISHED, {"term": {"hazardous": False}}]
    assert text == {
        "query": {
            "bool": {
                "filter": filters,
                "must": [
                    {"bool": {"should": [position("повар", "аспаз")], "minimum_should_match": 1}}
                ],
                "should": [{"match": {"native_text": {"query": "повар", "boost": 0.5}}}],
            }
        },
        "sort": [{"_score": {"order": "desc"}}, BY_ID],
        "from": 0,
        "size": 60,
        "track_total_hits": True,  # the text matches' count says whether the text found any
        "_source": False,
        "docvalue_fields": [{"field": "salary_hi"}],
    }
    assert knn == {
        "knn": {
            "field": "vector",
            "query_vector": [0.0, 1.0],
            "k": 60,
            "num_candidates": 120,
            "filter": {"bool": {"filter": filters}},
        },
        "from": 0,
        "size": 60,
        "track_total_hits": False,
        "_source": False,
        "docvalue_fields": [{"field": "salary_hi"}],
    }


def test_hybrid_text_list_covers_the_page_and_may_keep_to_some_fields() -> None:
    query = SearchQuery(
        text="повар",
        vector=vec(0.0, 2.0),
        mode=Mode.HYBRID,
        knn_candidates=50,
        offset=80,
        limit=20,
        text_fields=("title", "skills_text"),
    )
    text, knn = qb.hybrid_bodies(V, query, positions(query.text))
    assert (text["size"], knn["knn"]["k"]) == (100, 50)
    clause = text["query"]["bool"]["must"][0]["bool"]["should"][0]["bool"]["should"]
    assert {next(iter(c["term"])) for c in clause} == {"title", "skills_text"}
    union = qb.union_body(V, query, positions("повар"), [4])
    either = union["query"]["bool"]["filter"][1]["bool"]["should"][0]
    assert {next(iter(c["term"])) for c in either["bool"]["should"][0]["bool"]["should"]} == {
        "title",
        "skills_text",
    }
    assert knn["knn"]["filter"]["bool"]["must_not"] == [
        {
            "bool": {
                "must": [qb.text_clause(positions("повар"))],
                "must_not": [qb.text_clause(positions("повар"), fields=query.searched_fields)],
            }
        }
    ]
    with pytest.raises(ValueError, match="text_fields"):
        SearchQuery(text="x", text_fields=("colour",))


def test_hybrid_total_and_facets_are_over_the_union() -> None:
    query = SearchQuery(text="повар", vector=vec(1.0, 0.0), mode=Mode.HYBRID, facets=("kind",))
    body = qb.union_body(V, query, positions("повар"), [4, 2])
    assert body == {
        "query": {
            "bool": {
                "filter": [
                    PUBLISHED,
                    {
                        "bool": {
                            "should": [
                                {
                                    "bool": {
                                        "should": [position("повар", "аспаз")],
                                        "minimum_should_match": 1,
                                    }
                                },
                                {"terms": {"id": [4, 2]}},
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                ]
            }
        },
        "size": 0,
        "track_total_hits": True,
        "aggs": {"kind": {"terms": {"field": "kind", "size": 50, "order": ORDER}}},
    }
    nothing = qb.union_body(CV, query, [], [])
    assert nothing["query"] == {"bool": {"filter": [{"match_none": {}}]}}


def test_cv_visibility_and_default_statuses() -> None:
    filters = Filters(visibility=("public",), schedules=("remote",))
    body = text_body(CV, SearchQuery(filters=filters))
    assert body["query"] == {
        "bool": {
            "filter": [
                {"terms": {"schedules": ["remote"]}},
                {"terms": {"visibility": ["public"]}},
            ]
        }
    }
    with pytest.raises(ValueError, match="visibility"):
        text_body(V, SearchQuery(filters=Filters(visibility=("public",))))
    with pytest.raises(ValueError, match="kinds"):
        text_body(CV, SearchQuery(filters=Filters(kinds=("regular",))))


def test_count_body_uses_the_default_statuses() -> None:
    assert qb.count_body(V, Filters()) == {"query": {"bool": {"filter": [PUBLISHED]}}}
    assert qb.count_body(CV, Filters()) == {"query": {"match_all": {}}}
    assert text_body(CV, SearchQuery())["query"] == {"match_all": {}}


def test_hybrid_within_a_radius_filters_both_lists() -> None:
    """Local-first retrieval runs the person's hybrid query within their commute radius: the
    radius must bind the text list and the kNN list alike (``filter``, not a post-filter)."""
    query = SearchQuery(
        text="повар",
        vector=vec(1.0, 0.0),
        mode=Mode.HYBRID,
        geo=GeoFilter(43.2, 76.6, radius_km=30.0),
        knn_candidates=200,
        limit=100,
    )
    text, knn = qb.hybrid_bodies(V, query, positions(query.text))
    radius = {
        "geo_distance": {
            "distance": "30.0km",
            "distance_type": "arc",
            "location": {"lat": 43.2, "lon": 76.6},
        }
    }
    assert text["query"]["bool"]["filter"] == [PUBLISHED, radius]
    assert knn["knn"]["filter"] == {"bool": {"filter": [PUBLISHED, radius]}}


def test_compound_titles_and_ascii_kazakh_reach_elasticsearch_as_plain_terms() -> None:
    """With the real analyser: "іс жүргізуші" (clerk) is one term, never the driver's
    "жүргізуші"; "aspaz" carries its Cyrillic readings first and its English one after."""
    analyzer = MatchingAnalyzer()
    clerk = qb.text_clause(query_positions(analyzer, "іс жүргізуші"))
    assert clerk == {
        "bool": {
            "should": [position("іс_жүргізуші", "делопроизводител", "делопроизводитель", "clerk")],
            "minimum_should_match": 1,
        }
    }
    cook = qb.text_clause(query_positions(analyzer, "aspaz"))
    assert cook == {
        "bool": {
            "should": [position("аспаз", "aspaz", "повар", "аспазш", "аспазшы", "cook", "chef")],
            "minimum_should_match": 1,
        }
    }
