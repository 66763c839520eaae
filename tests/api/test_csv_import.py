"""CSV import through the API: good and broken rows, encodings, re-import, the delta feed."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from tests.api.conftest import Call

pytestmark = pytest.mark.both_databases  # bulk writes and unique constraints

HEADER = (
    "External_ID;Title;Employer;Employer_BIN;Locality;Salary_From;Salary_To;Schedule;Skills;Kind"
)
ROWS = [
    "A-1;Аспаз;ТОО Дәмді;123456789012;Алматы;250 000;350000;shift;Тамақ|Санитария;regular",
    'A-2;"Бухгалтер; бас";ТОО Есеп;;710000000;400000;;fullDay;1С;',
    "A-3;Даяшы;ТОО Дәмді;;Алматы;;;;;public_works",
]


def _csv(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def _post(as_: Call, data: bytes | str, query: str = "") -> Any:
    return as_("staff", "post", f"/api/v1/imports{query}", data=data, content_type="text/csv")


def _indexed(app: Flask) -> None:
    """Finish the index work the imports' commits queued (on PostgreSQL it may lag a request)."""
    extensions.indexing(app).drain()


def test_good_rows_import_and_are_found(app: Flask, as_: Call, client: FlaskClient) -> None:
    raw = ("\ufeff" + _csv(*ROWS)).encode()
    report = _post(as_, raw)
    assert report.status_code == 200, report.get_data()
    assert report.get_json()["created"] == 3 and report.get_json()["rejected"] == []
    _indexed(app)
    found = client.get("/api/v1/vacancies?q=бухгалтер").get_json()["items"]
    assert [v["external_id"] for v in found] == ["csv:A-2"]
    assert found[0]["title"] == "Бухгалтер; бас" and found[0]["salary_from"] == 400000
    assert found[0]["schedule"] == "full_day" and found[0]["locality"]["kato"] == "710000000"
    cook = client.get("/api/v1/vacancies?q=аспаз").get_json()["items"][0]
    detail = client.get(f"/api/v1/vacancies/{cook['id']}").get_json()
    assert detail["skills"] == ["Тамақ", "Санитария"] and detail["salary_from"] == 250000
    assert detail["employer"]["name"] == "ТОО Дәмді"
    waiter = client.get("/api/v1/vacancies?q=даяшы").get_json()["items"][0]
    assert waiter["kind"] == "public_works" and waiter["employer"]["id"] == cook["employer"]["id"]


def test_broken_rows_are_reported_by_line_and_field(
    app: Flask, as_: Call, client: FlaskClient
) -> None:
    header = HEADER.replace(";", ",") + ",Lat,Lon"
    rows = [
        "B-1,Слесарь,ТОО Темір,,Алматы,,,,,,43.2,76.9",
        "B-2,Сварщик,ТОО Темір,,Атлантида,,,,,,,",
        "B-3,Токарь,ТОО Темір,,Алматы,көп,,,,,,",
        ",Без номера,ТОО Темір,,Алматы,,,,,,,",
        "B-5,Фрезеровщик,ТОО Темір,12345,Алматы,,,,,,,",
        "B-6,Электрик,ТОО Темір,,Алматы,,,night,,,,",
        "B-7,Монтажник,ТОО Темір,,Алматы,,,,,,95,10",
        "B-8,Маляр,ТОО Темір,,Алматы,500000,100000,,,,,",
    ]
    report = _post(as_, _csv(*rows, header=header)).get_json()
    assert report["created"] == 1
    rejected = {(r["line"], r["reason"].split(":")[0]) for r in report["rejected"]}
    assert rejected == {
        (3, "locality"),
        (4, "salary_from"),
        (5, "external_id"),
        (6, "employer_bin"),
        (7, "schedule"),
        (8, "lat"),
        (9, "salary_from"),
    }
    _indexed(app)
    assert client.get("/api/v1/vacancies?q=слесарь").get_json()["total"] == 1


def test_unreadable_files_are_clear_problems(as_: Call) -> None:
    cp1251 = _post(as_, _csv(*ROWS).encode("cp1251", errors="replace"))
    assert cp1251.status_code == 422 and cp1251.mimetype == "application/problem+json"
    problem = cp1251.get_json()
    assert problem["errors"][0]["field"] == "body"
    assert "UTF-8" in problem["detail"] and "Windows-1251" in problem["detail"]
    no_header = _post(as_, "title;employer\nАспаз;ТОО\n").get_json()
    assert "external_id" in no_header["detail"] and "locality" in no_header["detail"]
    assert _post(as_, "").status_code == 422
    other = as_("staff", "post", "/api/v1/imports", data="x", content_type="text/plain")
    assert other.status_code == 415


def test_reimport_is_idempotent_and_the_feed_sees_the_change(
    as_: Call, client: FlaskClient
) -> None:
    assert _post(as_, _csv(*ROWS)).get_json()["created"] == 3
    feed = client.get("/api/v1/vacancies/changes?limit=100").get_json()
    assert {c["external_id"] for c in feed["items"]} == {"csv:A-1", "csv:A-2", "csv:A-3"}
    same = _post(as_, _csv(*ROWS)).get_json()
    assert (same["created"], same["updated"], same["unchanged"]) == (0, 0, 3)
    quiet = client.get(f"/api/v1/vacancies/changes?since={feed['next_cursor']}").get_json()
    assert quiet["items"] == []
    changed = [ROWS[0].replace("Аспаз", "Бас аспаз"), ROWS[1]]
    again = _post(as_, _csv(*changed), "?snapshot=true").get_json()
    assert (again["updated"], again["unchanged"], again["closed"]) == (1, 1, 1)
    delta = client.get(f"/api/v1/vacancies/changes?since={feed['next_cursor']}").get_json()
    ops = {(c["external_id"], c["op"]) for c in delta["items"]}
    assert ops == {("csv:A-1", "upsert"), ("csv:A-3", "delete")}
    upsert = next(c for c in delta["items"] if c["op"] == "upsert")
    assert upsert["vacancy"]["title"] == "Бас аспаз"
