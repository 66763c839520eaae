"""A seeker's saved searches through the API: create, list, read, change, delete; own only."""

from __future__ import annotations

from flask import Flask

from app import extensions
from app.models import Role
from tests.api.conftest import Call, World, _caller

URL = "/api/v1/saved-searches"


def test_create_list_change_and_delete(as_: Call) -> None:
    body = {"name": "  Аспаз   Алматы ", "params": {"q": "аспаз", "kind": ["regular"]}}
    created = as_("seeker", "post", URL, json=body)
    assert created.status_code == 201, created.get_data()
    saved = created.get_json()
    assert saved["name"] == "Аспаз Алматы" and saved["alert"] is True
    assert saved["params"] == {"q": "аспаз", "kind": ["regular"]}
    assert saved["search_url"].startswith("/search?") and "q=" in saved["search_url"]
    sid = saved["id"]
    assert [s["id"] for s in as_("seeker", "get", URL).get_json()["items"]] == [sid]
    assert as_("seeker", "get", f"{URL}/{sid}").get_json()["name"] == "Аспаз Алматы"
    patch = {"alert": False, "params": {"q": "даяшы", "salary_from": 200000}}
    changed = as_("seeker", "patch", f"{URL}/{sid}", json=patch).get_json()
    assert changed["alert"] is False
    assert changed["params"] == {"q": "даяшы", "salary_min": 200000}
    assert as_("seeker", "delete", f"{URL}/{sid}").status_code == 204
    assert as_("seeker", "get", f"{URL}/{sid}").status_code == 404
    assert as_("seeker", "get", URL).get_json()["items"] == []


def test_bad_params_name_the_field(as_: Call) -> None:
    cases = {
        "params.kind": {"name": "x", "params": {"kind": ["nonsense"]}},
        "params.colour": {"name": "x", "params": {"colour": "red"}},
        "name": {"name": "", "params": {}},
        "alert": {"name": "x", "alert": "maybe"},
    }
    for field, body in cases.items():
        response = as_("seeker", "post", URL, json=body)
        assert response.status_code == 422, (field, response.get_data())
        fields = [e["field"] for e in response.get_json()["errors"]]
        assert any(f.startswith(field) for f in fields), (field, fields)
    assert as_("seeker", "get", URL).get_json()["items"] == []


def test_someone_elses_search_is_not_found(app: Flask, as_: Call, world: World) -> None:
    sid = as_("seeker", "post", URL, json={"name": "Менікі"}).get_json()["id"]
    with extensions.database(app).session() as session:
        world.callers["neighbour"] = _caller(session, "neighbour", Role.SEEKER)
        session.expunge_all()
    assert as_("neighbour", "get", f"{URL}/{sid}").status_code == 404
    assert as_("neighbour", "patch", f"{URL}/{sid}", json={"name": "Жоқ"}).status_code == 404
    assert as_("neighbour", "delete", f"{URL}/{sid}").status_code == 404
    assert as_("neighbour", "get", URL).get_json()["items"] == []
    assert as_("seeker", "get", f"{URL}/{sid}").get_json()["name"] == "Менікі"
