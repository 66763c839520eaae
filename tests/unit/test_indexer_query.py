"""The query model: defaults, normalisation and validation messages that name the field."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from indexer import DocType, Filters, GeoFilter, Mode, SearchQuery, Sort
from indexer.query import MAX_LIMIT


def test_defaults() -> None:
    q = SearchQuery()
    assert (q.text, q.mode, q.sort, q.limit, q.offset) == ("", Mode.TEXT, Sort.RELEVANCE, 20, 0)
    assert q.filters.statuses_for(DocType.VACANCIES) == ("published",)
    assert q.filters.statuses_for(DocType.CVS) == ()
    assert Filters(statuses=("closed",)).statuses_for(DocType.VACANCIES) == ("closed",)


def test_values_are_normalised() -> None:
    f = Filters(region_katos=["750000000"], ids_exclude=[3])  # type: ignore[arg-type]
    assert f.region_katos == ("750000000",) and f.ids_exclude == (3,)
    naive = Filters(published_since=datetime(2025, 1, 1))
    assert naive.published_since == datetime(2025, 1, 1, tzinfo=UTC)
    q = SearchQuery(
        vector=[3.0, 4.0],  # type: ignore[arg-type]
        mode="vector",  # type: ignore[arg-type]
        sort="date",  # type: ignore[arg-type]
    )
    assert q.mode is Mode.VECTOR and q.sort is Sort.DATE
    assert q.vector is not None and q.vector.dtype == np.float32
    unit = q.unit_vector()
    assert unit is not None and np.allclose(unit, [0.6, 0.8])
    assert q == SearchQuery(vector=np.array([1.0, 1.0]), mode=Mode.VECTOR, sort=Sort.DATE)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": MAX_LIMIT + 1}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 9_990, "limit": 20}, "offset"),
        ({"knn_candidates": 0}, "knn_candidates"),
        ({"mode": Mode.VECTOR}, "vector"),
        ({"mode": Mode.HYBRID, "vector": np.ones(3)}, "text"),
        ({"sort": Sort.DISTANCE}, "sort"),
        ({"vector": np.array([np.nan, 1.0])}, "vector"),
        ({"vector": np.ones((2, 2))}, "vector"),
        ({"facets": "region_kato"}, "facets"),
    ],
)
def test_search_query_validation(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        SearchQuery(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"region_katos": "750000000"}, "region_katos"),
        ({"occupation_codes": ("25x",)}, "occupation_codes"),
        ({"occupation_codes": ("25123",)}, "occupation_codes"),
        ({"kinds": ("freelance",)}, "kinds"),
        ({"schedules": ("nights",)}, "schedules"),
        ({"employment_types": ("gig",)}, "employment_types"),
        ({"experiences": ("10_plus",)}, "experiences"),
        ({"visibility": ("hidden",)}, "visibility"),
        ({"salary_min": -1}, "salary_min"),
        ({"salary_min": 10, "salary_max": 5}, "salary_min"),
        ({"ids_exclude": ("1",)}, "ids_exclude"),
    ],
)
def test_filter_validation(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Filters(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"lat": 91, "lon": 0}, "lat"),
        ({"lat": 0, "lon": 181}, "lon"),
        ({"lat": 0, "lon": 0, "radius_km": 0}, "radius"),
        ({"lat": 0, "lon": 0, "radius_km": 5000}, "radius"),
    ],
)
def test_geo_validation(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        GeoFilter(**kwargs)


def test_per_doc_type_checks() -> None:
    SearchQuery(facets=("kind",), filters=Filters(kinds=("regular",))).check_for(DocType.VACANCIES)
    with pytest.raises(ValueError, match="facets"):
        SearchQuery(facets=("kind",)).check_for(DocType.CVS)
    with pytest.raises(ValueError, match="exclude_hazardous"):
        SearchQuery(filters=Filters(exclude_hazardous=True)).check_for(DocType.CVS)
    with pytest.raises(ValueError, match="visibility"):
        SearchQuery(filters=Filters(visibility=("public",))).check_for(DocType.VACANCIES)


def test_window() -> None:
    assert SearchQuery(limit=10, offset=30).window == 40


def test_minimum_should_match_modes() -> None:
    from indexer.analysis import minimum_should_match

    assert [minimum_should_match(n) for n in (0, 1, 2, 3, 4, 8)] == [0, 1, 2, 2, 3, 6]
    assert [minimum_should_match(n, "any") for n in (0, 1, 2, 8)] == [0, 1, 1, 1]


def test_text_match_is_validated() -> None:
    with pytest.raises(ValueError):
        SearchQuery(text="x", text_match="some")  # type: ignore[arg-type]
