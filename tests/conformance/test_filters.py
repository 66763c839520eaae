"""Every filter, alone, against a small fixed set of vacancies."""

from __future__ import annotations

from datetime import timedelta

import pytest

from indexer import DocType, Filters, SearchEngine, SearchQuery
from tests.conformance.data import ALMATY_KATO, ASTANA_KATO, NOW, vacancy

V = DocType.VACANCIES


@pytest.fixture
def filled(engine: SearchEngine) -> SearchEngine:
    engine.upsert(
        V,
        [
            vacancy(
                1,
                "Программист",
                occupation_code="2512",
                salary_from=300_000,
                salary_to=500_000,
                locality_kato="751110000",
                schedule="remote",
                employment_type="full",
                experience="1_3",
            ),
            vacancy(
                2,
                "Водитель",
                region_kato=ASTANA_KATO,
                occupation_code="8322",
                salary_from=250_000,
                schedule="shift",
                employment_type="part",
                experience="none",
                kind="social_job",
                hazardous=True,
            ),
            vacancy(
                3,
                "Тестировщик",
                occupation_code="2519",
                salary_to=200_000,
                experience="3_6",
                kind="youth_practice",
                published_at=NOW - timedelta(days=40),
            ),
            vacancy(4, "Аналитик", occupation_code="2421", experience="6_plus"),
            vacancy(5, "Черновик", status="draft"),
            vacancy(6, "Программист 1С", status="closed", occupation_code="2512"),
        ],
    )
    return engine


def found(engine: SearchEngine, **filters: object) -> list[int]:
    query = SearchQuery(filters=Filters(**filters), limit=100)  # type: ignore[arg-type]
    result = engine.search(V, query)
    assert result.total == len(result.hits)
    assert engine.count(V, query.filters) == result.total
    return sorted(hit.id for hit in result.hits)


def test_default_status_is_published_only(filled: SearchEngine) -> None:
    assert found(filled) == [1, 2, 3, 4]
    assert found(filled, statuses=("draft", "closed")) == [5, 6]
    assert filled.count(V) == 4


def test_region_and_locality(filled: SearchEngine) -> None:
    assert found(filled, region_katos=(ASTANA_KATO,)) == [2]
    assert found(filled, region_katos=(ALMATY_KATO, ASTANA_KATO)) == [1, 2, 3, 4]
    assert found(filled, locality_katos=("751110000",)) == [1]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (("2",), [1, 3, 4]),
        (("25",), [1, 3]),
        (("251",), [1, 3]),
        (("2512",), [1]),
        (("8", "2421"), [2, 4]),
        (("9",), []),
    ],
)
def test_occupation_prefix(
    filled: SearchEngine, codes: tuple[str, ...], expected: list[int]
) -> None:
    assert found(filled, occupation_codes=codes) == expected


@pytest.mark.parametrize(
    ("salary_min", "salary_max", "expected"),
    [
        (400_000, None, [1]),  # 1 reaches 500k; 2 offers only 250k, 3 up to 200k
        (250_000, None, [1, 2]),  # salary_from alone counts
        (None, 220_000, [3]),  # 3 starts below (it has only "to"); 1 starts at 300k
        (None, 300_000, [1, 2, 3]),
        (260_000, 280_000, []),  # 1 (300-500k) starts above, 2 (250k) ends below
        (200_000, 260_000, [2, 3]),
    ],
)
def test_salary_overlap(
    filled: SearchEngine, salary_min: int | None, salary_max: int | None, expected: list[int]
) -> None:
    # Overlap: hi >= salary_min and lo <= salary_max; no salary at all never matches.
    assert found(filled, salary_min=salary_min, salary_max=salary_max) == expected


def test_schedule_employment_experience_kind(filled: SearchEngine) -> None:
    assert found(filled, schedules=("remote", "shift")) == [1, 2]
    assert found(filled, employment_types=("part",)) == [2]
    assert found(filled, experiences=("3_6", "6_plus")) == [3, 4]
    assert found(filled, kinds=("social_job", "youth_practice")) == [2, 3]
    assert found(filled, kinds=("regular",)) == [1, 4]


def test_published_since_hazardous_and_excluded_ids(filled: SearchEngine) -> None:
    assert found(filled, published_since=NOW - timedelta(days=30)) == [1, 2, 4]
    assert found(filled, exclude_hazardous=True) == [1, 3, 4]
    assert found(filled, ids_exclude=(1, 4, 99)) == [2, 3]


def test_filters_combine_with_and(filled: SearchEngine) -> None:
    assert found(filled, occupation_codes=("25",), experiences=("1_3",)) == [1]
    assert found(filled, region_katos=(ASTANA_KATO,), exclude_hazardous=True) == []


def test_filters_apply_to_text_search(filled: SearchEngine) -> None:
    result = filled.search(
        V, SearchQuery(text="программист", filters=Filters(statuses=("published", "closed")))
    )
    assert sorted(h.id for h in result.hits) == [1, 6]
    result = filled.search(V, SearchQuery(text="программист"))
    assert [h.id for h in result.hits] == [1]
