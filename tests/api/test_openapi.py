"""The OpenAPI document is valid 3.1, lists roles per operation, and the docs page renders it."""

from __future__ import annotations

from flask.testing import FlaskClient
from openapi_spec_validator import validate

from tests.api.conftest import Call


def test_document_is_valid_openapi_31(client: FlaskClient) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.get_json()
    validate(doc)
    assert doc["openapi"].startswith("3.1")
    assert "bearerAuth" in doc["components"]["securitySchemes"]
    assert "410 Gone" in doc["info"]["description"]
    for methods in doc["paths"].values():
        for op in methods.values():
            assert op["x-roles"], op["operationId"]
    search = doc["paths"]["/api/v1/vacancies"]["get"]
    names = {p["name"] for p in search["parameters"]}
    assert {"q", "region", "kind", "sort", "cursor", "limit", "lat", "radius_km"} <= names
    assert "application/problem+json" in search["responses"]["422"]["content"]
    create = doc["paths"]["/api/v1/vacancies"]["post"]
    assert create["x-roles"] == ["employer", "staff"]
    assert create["security"] == [{"bearerAuth": []}]


def test_docs_page_lists_operations_and_roles(as_: Call) -> None:
    page = as_("seeker", "get", "/api/v1/docs").get_data(as_text=True)
    assert "POST /api/v1/match/vacancies" in page
    assert "Roles: employer, staff" in page
    assert "<script" not in page
