"""Vacancy search: filters, facets, cursor pagination, the page-size cap and the rate limit."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app import create_app, extensions
from app.api.ratelimit import ANON_SEARCH_LIMIT
from app.db import Database
from app.settings import Settings
from tests.api.conftest import Call
from tests.db.factories import a_vacancy


def _three_drivers(app: Flask) -> None:
    with extensions.database(app).session() as session:
        for salary in (100_000, 200_000, 300_000):
            a_vacancy(
                session, title=f"Жүргізуші {salary}", salary_from=salary, description="ж" * 300
            )
        a_vacancy(session, title="Бухгалтер", kind="public_works")


def test_search_filters_facets_and_items(app: Flask, client: FlaskClient) -> None:
    _three_drivers(app)
    body = client.get("/api/v1/vacancies?q=жүргізушілер&facets=kind&sort=salary").get_json()
    assert body["total"] == 3
    assert [i["salary_from"] for i in body["items"]] == [300_000, 200_000, 100_000]
    item = body["items"][0]
    assert item["employer"]["name"] and item["locality"]["kato"] == "710000000"
    assert len(item["snippet"]) <= 200
    assert body["facets"]["kind"] == [{"value": "regular", "count": 3}]
    kinds = client.get("/api/v1/vacancies?kind=public_works").get_json()
    assert [i["title"] for i in kinds["items"]] == ["Бухгалтер"]
    near = client.get("/api/v1/vacancies?lat=51.13&lon=71.43&radius_km=10&sort=distance")
    assert near.get_json()["total"] == 4 and near.get_json()["items"][0]["distance_km"] < 10


def test_cursor_pagination_walks_every_result_once(app: Flask, client: FlaskClient) -> None:
    _three_drivers(app)
    seen: list[int] = []
    url = "/api/v1/vacancies?limit=2&sort=date"
    page = client.get(url).get_json()
    seen += [i["id"] for i in page["items"]]
    while page["next_cursor"]:
        page = client.get(f"{url}&cursor={page['next_cursor']}").get_json()
        seen += [i["id"] for i in page["items"]]
    assert len(seen) == len(set(seen)) == 4


def test_page_size_is_capped_and_bad_input_is_a_named_problem(client: FlaskClient) -> None:
    cases = {
        "limit=101": "limit",
        "limit=abc": "limit",
        "kind=pirate": "kind",
        "salary_min=-5": "salary_min",
        "cursor=forged.123": "cursor",
        "radius_km=5": "radius_km",
        "facets=colour": "facets",
        "sort=distance": "sort",
        "occupation=abcde": "occupation",
        "unknown=1": "unknown",
    }
    for query, field in cases.items():
        response = client.get(f"/api/v1/vacancies?{query}")
        assert response.status_code == 422, query
        assert response.mimetype == "application/problem+json"
        problem = response.get_json()
        assert problem["status"] == 422 and problem["title"] and problem["type"]
        assert field in [e["field"] for e in problem["errors"]], (query, problem)


def test_anonymous_search_is_rate_limited(client: FlaskClient, as_: Call) -> None:
    for _ in range(ANON_SEARCH_LIMIT):
        assert client.get("/api/v1/vacancies?limit=1").status_code == 200
    response = client.get("/api/v1/vacancies?limit=1")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    assert response.mimetype == "application/problem+json"
    assert as_("seeker", "get", "/api/v1/vacancies?limit=1").status_code == 200


def test_search_engine_down_is_a_503_problem(settings: Settings, database: Database) -> None:
    broken = create_app(
        settings.with_overrides(search_backend="elasticsearch", es_url="http://127.0.0.1:9")
    )
    response = broken.test_client().get("/api/v1/vacancies?q=повар")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"


def test_a_cursor_past_the_end_is_an_empty_last_page(app: Flask, client: FlaskClient) -> None:
    """A cursor is only ever made by us; when the results shrink under it, the answer is an
    empty page with no next cursor (a client's loop ends), never a 404 or a 500."""
    _three_drivers(app)
    with app.test_request_context():
        from app.api.pagination import encode_cursor

        beyond = encode_cursor({"o": 40})
        too_far = encode_cursor({"o": 10_000})
    body = client.get(f"/api/v1/vacancies?q=жүргізуші&cursor={beyond}").get_json()
    assert body["items"] == [] and body["next_cursor"] is None and body["total"] == 3
    response = client.get(f"/api/v1/vacancies?cursor={too_far}")
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["cursor"]


def test_the_search_cleaner_names_fields_for_the_api(client: FlaskClient) -> None:
    cases = {"lat=51.1": "lon", "lon=71": "lat", "region=abc": "region", "locality=x1": "locality"}
    for query, field in cases.items():
        response = client.get(f"/api/v1/vacancies?{query}")
        assert response.status_code == 422, query
        assert [e["field"] for e in response.get_json()["errors"]] == [field], query
