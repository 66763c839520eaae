"""Index settings, mappings, names and the alias switch, as exact request bodies."""

from __future__ import annotations

import pytest

from indexer.documents import DocType
from indexer.elastic import mappings as m

V, CV = DocType.VACANCIES, DocType.CVS
TERMS = {"type": "text", "analyzer": "zhumys_terms"}
KEYWORD = {"type": "keyword"}


def test_vacancy_mapping() -> None:
    assert m.index_mappings(V, 3, "russian") == {
        "dynamic": "strict",
        "_meta": {"schema_version": m.SCHEMA_VERSION, "doc_type": "vacancies", "dim": 3},
        "properties": {
            "id": {"type": "long"},
            "document": {"type": "object", "enabled": False},
            "title": TERMS,
            "skills_text": TERMS,
            "body": TERMS,
            "native_text": {"type": "text", "analyzer": "russian"},
            "region_kato": KEYWORD,
            "locality_kato": KEYWORD,
            "occupation_code": KEYWORD,
            "occupation_path": KEYWORD,
            "kind": KEYWORD,
            "schedule": KEYWORD,
            "employment_type": KEYWORD,
            "experience": KEYWORD,
            "education": KEYWORD,
            "source": KEYWORD,
            "lang": KEYWORD,
            "skills": KEYWORD,
            "languages": KEYWORD,
            "status": KEYWORD,
            "salary_lo": {"type": "long"},
            "salary_hi": {"type": "long"},
            "date": {"type": "date"},
            "location": {"type": "geo_point"},
            "hazardous": {"type": "boolean"},
            "vector": {
                "type": "dense_vector",
                "dims": 3,
                "index": True,
                "similarity": "cosine",
                "index_options": {"type": "hnsw", "m": 16, "ef_construction": 100},
            },
        },
    }


def test_cv_mapping_keywords_and_analyzer_name() -> None:
    props = m.index_mappings(CV, 384, "standard")["properties"]
    keywords = sorted(name for name, spec in props.items() if spec == KEYWORD)
    assert keywords == sorted(
        [
            "region_kato",
            "locality_kato",
            "occupation_codes",
            "occupation_path",
            "schedules",
            "education_level",
            "visibility",
            "status",
            "lang",
            "skills",
            "languages",
        ]
    )
    assert props["native_text"] == {"type": "text", "analyzer": "standard"}
    assert props["vector"]["dims"] == 384


def test_create_body_with_alias() -> None:
    body = m.create_index_body(V, 3, "russian", replicas=1, alias="zhumys-vacancies")
    assert body["settings"] == {
        "number_of_shards": 1,
        "number_of_replicas": 1,
        "analysis": {
            "analyzer": {"zhumys_terms": {"type": "custom", "tokenizer": "whitespace"}},
        },
    }
    assert body["aliases"] == {"zhumys-vacancies": {}}
    assert body["mappings"] == m.index_mappings(V, 3, "russian")


def test_rebuild_body_disables_refresh_and_names_no_alias() -> None:
    body = m.create_index_body(CV, 8, "russian", refresh_interval="-1")
    assert body["settings"]["refresh_interval"] == "-1"
    assert body["settings"]["number_of_replicas"] == 0
    assert "aliases" not in body


def test_names() -> None:
    assert m.alias_name("zhumys", V) == "zhumys-vacancies"
    assert m.index_name("zhumys", CV, 12) == "zhumys-cvs-v12"
    assert m.index_pattern("zhumys", CV) == "zhumys-cvs-v*"
    assert m.parse_version("zhumys", CV, "zhumys-cvs-v12") == 12
    assert m.parse_version("zhumys", CV, "zhumys-cvs-vx") is None
    assert m.parse_version("zhumys", CV, "zhumys-vacancies-v1") is None
    assert m.parse_version("zhumys", CV, "other-zhumys-cvs-v1") is None


@pytest.mark.parametrize("prefix", ["Zhumys", "", "a*b", "a,b", "-x", "a b"])
def test_bad_prefix(prefix: str) -> None:
    with pytest.raises(ValueError, match="index_prefix"):
        m.check_prefix(prefix)


def test_alias_swap_actions() -> None:
    assert m.alias_swap_actions("zhumys-cvs", "zhumys-cvs-v3", "zhumys-cvs-v4") == [
        {"remove": {"index": "zhumys-cvs-v3", "alias": "zhumys-cvs"}},
        {"add": {"index": "zhumys-cvs-v4", "alias": "zhumys-cvs"}},
    ]
    assert m.alias_swap_actions("zhumys-cvs", None, "zhumys-cvs-v1") == [
        {"add": {"index": "zhumys-cvs-v1", "alias": "zhumys-cvs"}},
    ]


def test_meta_problem() -> None:
    meta = m.index_meta(V, 384)
    assert m.meta_problem(meta, V, 384) is None
    assert "rebuild" in (m.meta_problem(meta, V, 768) or "")
    assert "rebuild" in (m.meta_problem({**meta, "schema_version": 0}, V, 384) or "")
    assert "rebuild" in (m.meta_problem(None, V, 384) or "")
