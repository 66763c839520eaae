"""Nits an outside probe found: sizes, kinds and ranges of body fields; invisible titles;
LIKE wildcards in name search."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from app import extensions
from tests.api.conftest import Call, World
from tests.db.factories import a_seeker

VACANCY = {"title": "Аспаз", "locality_kato": "710000000"}


def _fields(response: Any) -> set[str]:
    return {e["field"].split(".")[0] for e in response.get_json()["errors"]}


def test_a_huge_skill_is_refused(as_: Call) -> None:
    body = {**VACANCY, "skills": ["x" * 1_000_000]}
    response = as_("employer", "post", "/api/v1/vacancies", json=body)
    assert response.status_code == 422 and "skills" in _fields(response)


@pytest.mark.parametrize("salary", [True, "250000", 250000.5])
def test_a_salary_must_be_a_json_integer(as_: Call, salary: object) -> None:
    body = {**VACANCY, "salary_from": salary}
    response = as_("employer", "post", "/api/v1/vacancies", json=body)
    assert response.status_code == 422 and "salary_from" in _fields(response)
    ok = as_("employer", "post", "/api/v1/vacancies", json={**VACANCY, "salary_from": 250_000})
    assert ok.status_code == 201


@pytest.mark.parametrize("born", ["1800-01-01", "2999-01-01"])
def test_an_impossible_birth_year_is_refused(as_: Call, born: str) -> None:
    response = as_("anonymous", "post", "/api/v1/match/vacancies", json={"birth_date": born})
    assert response.status_code == 422 and "birth_date" in _fields(response)


@pytest.mark.parametrize("title", ["\u200b\u200b", "\u200d\ufeff\u200e", " \u2060 "])
def test_an_invisible_title_is_empty(as_: Call, title: str) -> None:
    response = as_("employer", "post", "/api/v1/vacancies", json={**VACANCY, "title": title})
    assert response.status_code == 422 and "title" in _fields(response)


def test_percent_and_underscore_are_letters_in_name_search(
    app: Flask, as_: Call, world: World
) -> None:
    staff = world.callers["staff"].user
    assert staff is not None
    with extensions.database(app).session() as session:
        a_seeker(session, centre_id=staff.centre_id, last_name="Омаров")
        a_seeker(session, centre_id=staff.centre_id, last_name="Ом_ар")
    for query, expected in (("%", []), ("_", ["Ом_ар"]), ("Ом%ров", []), ("ом_ар", ["Ом_ар"])):
        found = as_("staff", "get", "/api/v1/seekers", query_string={"q": query}).get_json()
        names = sorted(item["full_name"].split()[0] for item in found["items"])
        assert names == expected, query
