"""The hh.ru import flow through the API: import, find by search and by match, re-import."""

from __future__ import annotations

import json
import time
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from app.api.changes import RETENTION
from app.api.pagination import encode_cursor
from tests.api.conftest import Call


def _item(ident: int, **overrides: Any) -> dict[str, Any]:
    item = {
        "id": str(ident),
        "name": "Python-разработчик",
        "area": {"id": "160", "name": "Алматы"},
        "salary": {"from": 600000, "to": 900000, "currency": "KZT", "gross": False},
        "employer": {"id": "1", "name": "ТОО Kolesa"},
        "snippet": {"requirement": "Опыт с Django", "responsibility": "Разработка API"},
        "schedule": {"id": "remote", "name": "Удаленная работа"},
        "employment": {"id": "full", "name": "Полная занятость"},
        "experience": {"id": "between3And6", "name": "От 3 до 6 лет"},
        "key_skills": [{"name": "Python"}, {"name": "Django"}],
        "published_at": "2025-11-27T15:47:29+0300",
        "alternate_url": f"https://hh.kz/vacancy/{ident}",
    }
    item.update(overrides)
    return item


COOK = {
    "key_skills": [{"name": "Тамақ"}],
    "snippet": {"requirement": "Ас үй", "responsibility": ""},
}


def _import(as_: Call, data: str, media: str = "application/json", query: str = "") -> Any:
    return as_("staff", "post", f"/api/v1/imports{query}", data=data, content_type=media)


def test_import_then_find_by_search_and_match_then_snapshot(as_: Call, client: FlaskClient) -> None:
    page = {"items": [_item(1), _item(2, name="Бухгалтер", **COOK)], "found": 2}
    report = _import(as_, json.dumps(page)).get_json()
    assert report["created"] == 2 and report["rejected"] == []
    lines = "\n".join(json.dumps(_item(i, name=f"Аспаз {i}", **COOK)) for i in (3, 4))
    assert _import(as_, lines, "application/x-ndjson").get_json()["created"] == 2
    found = client.get("/api/v1/vacancies?q=python").get_json()
    assert [i["external_id"] for i in found["items"]] == ["hh:1"]
    match = client.post("/api/v1/match/vacancies", json={"skills": ["Django"], "text": "Python"})
    assert match.status_code == 200
    top = match.get_json()["items"][0]
    assert top["vacancy"]["external_id"] == "hh:1"
    assert "Django" in top["explanation"]["matched_skills"] and top["score"] > 0
    dump = client.get("/api/v1/vacancies/snapshot")
    assert dump.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in dump.get_data(as_text=True).splitlines()]
    assert sorted(v["external_id"] for v in lines[:-1]) == ["hh:1", "hh:2", "hh:3", "hh:4"]
    cursor = lines[-1]["next_cursor"]
    assert dump.headers["X-Next-Cursor"] == cursor
    snapshot = [
        _item(1, name="Senior Python-разработчик"),
        _item(3, name="Аспаз 3", **COOK),
        _item(4, name="Аспаз 4", **COOK),
    ]
    again = _import(as_, json.dumps(snapshot), query="?snapshot=true").get_json()
    assert again["updated"] == 1 and again["unchanged"] == 2 and again["closed"] == 1
    feed = client.get(f"/api/v1/vacancies/changes?since={cursor}").get_json()
    changes = {(c["external_id"], c["op"]) for c in feed["items"]}
    assert changes == {("hh:1", "upsert"), ("hh:2", "delete")}
    upsert = next(c for c in feed["items"] if c["op"] == "upsert")
    assert upsert["vacancy"]["title"] == "Senior Python-разработчик"
    quiet = client.get(f"/api/v1/vacancies/changes?since={feed['next_cursor']}").get_json()
    assert quiet["items"] == [] and not quiet["has_more"]
    assert client.get("/api/v1/vacancies?q=бухгалтер").get_json()["total"] == 0
    titles = {i["title"] for i in client.get("/api/v1/vacancies?q=python").get_json()["items"]}
    assert "Senior Python-разработчик" in titles


def test_feed_pages_collapse_and_expire(app: Flask, as_: Call, client: FlaskClient) -> None:
    _import(as_, "\n".join(json.dumps(_item(i)) for i in range(1, 4)), "application/x-ndjson")
    _import(as_, json.dumps([_item(1, name="Go-разработчик")]))
    first = client.get("/api/v1/vacancies/changes?limit=2").get_json()
    assert first["has_more"] and len(first["items"]) == 2
    rest = client.get(f"/api/v1/vacancies/changes?since={first['next_cursor']}").get_json()
    ids = [c["external_id"] for c in first["items"] + rest["items"]]
    assert set(ids) == {"hh:1", "hh:2", "hh:3"}
    whole = client.get("/api/v1/vacancies/changes?limit=100").get_json()
    assert [c["external_id"] for c in whole["items"]] == ["hh:2", "hh:3", "hh:1"]
    with app.test_request_context():
        stale = encode_cursor({"e": 1, "t": int(time.time() - RETENTION.total_seconds() - 60)})
    gone = client.get(f"/api/v1/vacancies/changes?since={stale}")
    assert gone.status_code == 410 and gone.mimetype == "application/problem+json"
    assert client.get("/api/v1/vacancies/changes?since=junk").status_code == 422


def test_broken_rows_are_reported_and_unreadable_files_are_422(as_: Call) -> None:
    lines = [json.dumps(_item(1)), "{not json", json.dumps(_item(2, area={"name": "Москва"}))]
    report = _import(as_, "\n".join(lines), "application/x-ndjson").get_json()
    assert report["created"] == 1
    assert {e["line"] for e in report["rejected"]} == {2, 3}
    broken = _import(as_, "")
    assert broken.status_code == 422 and broken.get_json()["errors"][0]["field"] == "body"
    assert _import(as_, "{}", query="?snapshot=maybe").status_code == 422


def test_match_validates_the_profile(client: FlaskClient) -> None:
    response = client.post("/api/v1/match/vacancies", json={"locality_kato": "1", "limit": 500})
    fields = {e["field"] for e in response.get_json()["errors"]}
    assert response.status_code == 422 and fields == {"limit"}
    unknown = client.post("/api/v1/match/vacancies", json={"locality_kato": "1"})
    assert unknown.status_code == 422
    assert unknown.get_json()["errors"][0]["field"] == "locality_kato"
    near = client.post("/api/v1/match/vacancies", json={"locality_kato": "710000000"})
    assert near.status_code == 200 and near.get_json() == {"items": []}


def test_an_empty_hh_snapshot_closes_nothing(as_: Call, client: FlaskClient) -> None:
    """Schemathesis' ``{}`` with snapshot=true once closed every hh vacancy."""
    created = _import(as_, json.dumps([_item(i) for i in (1, 2, 3)])).get_json()["created"]
    assert created == 3
    for body in ("{}", "[]", json.dumps({"items": []})):
        report = _import(as_, body, query="?snapshot=true")
        assert report.status_code in (200, 422)
        assert report.status_code == 422 or report.get_json()["closed"] == 0
    assert client.get("/api/v1/vacancies?limit=1").get_json()["total"] == 3
