"""Facet counts, geo radius and distance sorting (real Kazakh city coordinates)."""

from __future__ import annotations

import pytest

from indexer import DocType, FacetCount, Filters, GeoFilter, SearchEngine, SearchQuery, Sort
from tests.conformance.data import (
    ALMATY,
    ALMATY_KATO,
    ALMATY_REGION_KATO,
    ASTANA,
    ASTANA_KATO,
    KONAEV,
    ids,
    vacancy,
)

V = DocType.VACANCIES


def test_facet_counts_cover_all_matches_not_just_the_page(engine: SearchEngine) -> None:
    docs = [
        vacancy(i, "Продавец", region_kato=ALMATY_KATO, schedule="shift", skills=("касса",))
        for i in range(1, 8)
    ]
    docs += [
        vacancy(i, "Продавец", region_kato=ASTANA_KATO, skills=("касса", "1С"))
        for i in range(8, 11)
    ]
    docs.append(vacancy(11, "Курьер", region_kato=ASTANA_KATO))
    docs.append(vacancy(12, "Продавец", region_kato=ASTANA_KATO, status="closed"))
    engine.upsert(V, docs)
    result = engine.search(
        V,
        SearchQuery(text="продавец", facets=("region_kato", "schedule", "skills"), limit=2),
    )
    assert result.total == 10 and len(result.hits) == 2
    assert result.facets["region_kato"] == [
        FacetCount(ALMATY_KATO, 7),
        FacetCount(ASTANA_KATO, 3),
    ]
    assert result.facets["schedule"] == [FacetCount("shift", 7), FacetCount("full_day", 3)]
    assert result.facets["skills"] == [FacetCount("касса", 10), FacetCount("1С", 3)]
    # Facets follow the filters too.
    filtered = engine.search(
        V, SearchQuery(filters=Filters(region_katos=(ASTANA_KATO,)), facets=("region_kato",))
    )
    assert filtered.facets["region_kato"] == [FacetCount(ASTANA_KATO, 4)]
    with pytest.raises(ValueError, match="facets"):
        engine.search(V, SearchQuery(facets=("no_such_field",)))


@pytest.fixture
def cities(engine: SearchEngine) -> SearchEngine:
    engine.upsert(
        V,
        [
            vacancy(1, "Повар", lat=ALMATY[0], lon=ALMATY[1]),
            vacancy(2, "Повар", lat=KONAEV[0], lon=KONAEV[1], region_kato=ALMATY_REGION_KATO),
            vacancy(3, "Повар", lat=ASTANA[0], lon=ASTANA[1], region_kato=ASTANA_KATO),
            vacancy(4, "Повар"),  # no coordinates
            vacancy(5, "Повар", lat=43.25, lon=76.95),  # ~1.3 km from the Almaty point
        ],
    )
    return engine


@pytest.mark.parametrize(
    ("radius_km", "expected"),
    [(1.0, [1]), (30.0, [1, 5]), (69.0, [1, 5]), (75.0, [1, 2, 5]), (1000.0, [1, 2, 3, 5])],
)
def test_geo_radius(cities: SearchEngine, radius_km: float, expected: list[int]) -> None:
    geo = GeoFilter(ALMATY[0], ALMATY[1], radius_km)
    result = cities.search(V, SearchQuery(text="повар", geo=geo, facets=("region_kato",)))
    assert sorted(ids(result)) == expected
    assert result.total == len(expected)
    assert sum(f.count for f in result.facets["region_kato"]) == len(expected)
    assert cities.search(V, SearchQuery(geo=geo)).total == len(expected)


def test_distance_sort_and_distances(cities: SearchEngine) -> None:
    geo = GeoFilter(ALMATY[0], ALMATY[1])  # no radius: sort only, no coordinates last
    result = cities.search(V, SearchQuery(text="повар", geo=geo, sort=Sort.DISTANCE))
    assert ids(result) == [1, 5, 2, 3, 4]
    distances = [hit.distance_km for hit in result.hits]
    assert distances[0] == pytest.approx(0.0, abs=0.01)
    assert distances[2] == pytest.approx(70.6, abs=0.5)  # Konaev
    assert distances[3] == pytest.approx(974, abs=3)  # Astana
    assert distances[4] is None
    within = cities.search(
        V, SearchQuery(geo=GeoFilter(ASTANA[0], ASTANA[1], 1000), sort=Sort.DISTANCE)
    )
    assert ids(within) == [3, 2, 5, 1]  # Konaev lies north of Almaty, towards Astana
