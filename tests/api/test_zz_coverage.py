"""Every operation in the OpenAPI document is called by at least one API test.

Runs last in tests/api (file order); skipped when only part of tests/api was selected.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.api.conftest import CALLED


def test_every_documented_operation_is_exercised(
    client: FlaskClient, request: pytest.FixtureRequest
) -> None:
    files = {p.name for p in Path(__file__).parent.glob("test_*.py")}
    ran = {item.path.name for item in request.session.items}
    if not files <= ran or request.config.getoption("keyword"):
        pytest.skip("only part of tests/api ran")
    doc = client.get("/api/v1/openapi.json").get_json()
    documented = {
        (method.upper(), path) for path, methods in doc["paths"].items() for method in methods
    }
    assert documented - CALLED == set()
