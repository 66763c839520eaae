"""The one cleaner and the one query object of vacancy search (pure: no database, no engine)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from werkzeug.datastructures import MultiDict

from app.search.vacancy_params import ParamError, clean_params, read_params
from app.search.vacancy_query import PAGE_FACETS, VacancyQuery
from indexer import Mode, Sort
from indexer.query import MAX_WINDOW

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def test_the_page_reads_leniently_and_reports_only_what_a_person_can_fix() -> None:
    args = MultiDict(
        [
            ("q", "  повар   Астана "),
            ("kind", "pirate"),
            ("kind", "regular"),
            ("kind", "regular"),
            ("sort", "sideways"),
            ("days", "99"),
            ("salary_min", "abc"),
            ("lat", "51.1"),
            ("radius_km", "10"),
            ("page", "3"),
            ("colour", "red"),
        ]
    )
    params, errors = read_params(args, ignore=frozenset({"page"}))
    assert params == {"q": "повар Астана", "kind": ["regular"]}
    assert {name: e.kind for name, e in errors.items()} == {
        "salary_min": "number",
        "lon": "pair",
        "radius_km": "needs_place",
    }


def test_saved_searches_and_the_api_get_the_first_problem_named() -> None:
    with pytest.raises(ParamError) as exc:
        clean_params({"kind": ["pirate"]})
    assert exc.value.field == "params.kind"
    with pytest.raises(ParamError) as exc:
        clean_params({"radius_km": 5}, prefix="")
    assert exc.value.field == "radius_km"
    with pytest.raises(ParamError) as exc:
        clean_params({"q": ["a", "b"]}, prefix="")
    assert exc.value.field == "q"
    assert clean_params({"q": ["повар"], "salary_from": "150 000"}) == {
        "q": "повар",
        "salary_min": 150000,
    }


def test_one_query_object_makes_the_engine_query() -> None:
    params = clean_params(
        {"q": "повар", "kind": "regular", "with_salary": "1", "days": 7, "sort": "distance"}
        | {"near": "710000000"}
    )
    query = VacancyQuery.from_params(
        params, place=(51.16, 71.43), now=NOW, facets=PAGE_FACETS, limit=20, offset=40
    )
    assert (query.page, query.near, query.has_place) == (3, "710000000", True)
    engine_query = query.search_query()
    assert engine_query.filters.salary_min == 0 and engine_query.filters.kinds == ("regular",)
    assert engine_query.filters.published_since == NOW - timedelta(days=7)
    assert engine_query.sort is Sort.DISTANCE and engine_query.geo is not None
    assert engine_query.mode is Mode.TEXT and engine_query.offset == 40
    no_place = VacancyQuery.from_params(params, now=NOW)
    assert no_place.sort is Sort.RELEVANCE and no_place.geo() is None
    assert query.at_page(10_000).offset == MAX_WINDOW - 20
    with pytest.raises(ParamError) as exc:
        VacancyQuery(facets=("colour",))
    assert exc.value.field == "facets"
