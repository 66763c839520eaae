"""Creating, reading, changing and closing vacancies through the API (and the index follows)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.api.conftest import Call

NEW = {
    "title": "Аспаз <b>керек</b>",
    "locality_kato": "710000000",
    "salary_from": 250_000,
    "schedule": "shift",
    "skills": ["Тағам дайындау"],
}


def test_employer_lifecycle_is_indexed(as_: Call, client: FlaskClient) -> None:
    created = as_("employer", "post", "/api/v1/vacancies", json=NEW)
    assert created.status_code == 201
    vacancy = created.get_json()
    assert vacancy["title"] == "Аспаз керек" and vacancy["status"] == "published"
    url = f"/api/v1/vacancies/{vacancy['id']}"
    assert client.get(url).get_json()["schedule"] == "shift"
    assert client.get("/api/v1/vacancies?q=аспаз").get_json()["total"] == 1
    changed = as_("employer", "patch", url, json={"salary_to": 300_000, "title": "Бас аспаз"})
    assert changed.status_code == 200 and changed.get_json()["salary_to"] == 300_000
    assert client.get("/api/v1/vacancies?q=бас аспаз").get_json()["items"][0]["id"] == vacancy["id"]
    assert as_("employer", "delete", url).get_json()["status"] == "closed"
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/vacancies?q=аспаз").get_json()["total"] == 0
    assert as_("staff", "get", url).get_json()["status"] == "closed"


def test_drafts_are_only_for_the_owner_and_staff(as_: Call) -> None:
    draft = as_("employer", "post", "/api/v1/vacancies", json={**NEW, "publish": False})
    url = f"/api/v1/vacancies/{draft.get_json()['id']}"
    assert as_("employer", "get", url).get_json()["status"] == "draft"
    assert as_("other_employer", "get", url).status_code == 404
    assert as_("anonymous", "get", url).status_code == 404


def test_bad_bodies_are_named_problems_never_500(as_: Call) -> None:
    post = "/api/v1/vacancies"
    cases = [
        ({"data": "{oops", "content_type": "application/json"}, 400, "body"),
        ({"data": "", "content_type": "application/json"}, 400, "body"),
        ({"json": {**NEW, "salary_from": "many"}}, 422, "salary_from"),
        ({"json": {**NEW, "kind": "pirate"}}, 422, "kind"),
        ({"json": {**NEW, "places": 10**9}}, 422, "places"),
        ({"json": {**NEW, "colour": "red"}}, 422, "colour"),
        ({"json": {"locality_kato": "710000000"}}, 422, "title"),
        ({"json": {**NEW, "locality_kato": "999"}}, 422, "locality_kato"),
        ({"json": {**NEW, "salary_from": 9, "salary_to": 1}}, 422, "salary_from"),
        ({"json": [1, 2]}, 422, "body"),
    ]
    for kwargs, status, field in cases:
        response = as_("employer", "post", post, **kwargs)
        assert response.status_code == status, (kwargs, response.get_data())
        problem = response.get_json()
        assert response.mimetype == "application/problem+json"
        fields = [e["field"] for e in problem["errors"]]
        assert field in fields or (field == "body" and fields), (kwargs, problem)
    assert as_("employer", "patch", "/api/v1/vacancies/999999", json={}).status_code == 404
    missing = as_("anonymous", "get", "/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    wrong = as_("anonymous", "put", "/api/v1/vacancies")
    assert wrong.status_code == 405 and wrong.mimetype == "application/problem+json"


def test_a_retried_posting_with_the_same_idempotency_key_is_not_duplicated(
    as_: Call, client: FlaskClient
) -> None:
    """A client whose response was lost retries with the same key: one vacancy, same answer."""
    key = {"Idempotency-Key": "posting-2026-12-02-0001"}
    first = as_("employer", "post", "/api/v1/vacancies", json=NEW, headers=key)
    retry = as_("employer", "post", "/api/v1/vacancies", json=NEW, headers=key)
    assert first.status_code == 201 and retry.status_code == 201
    assert retry.get_json()["id"] == first.get_json()["id"]
    other = as_("employer", "post", "/api/v1/vacancies", json=NEW, headers={"Idempotency-Key": "2"})
    assert other.get_json()["id"] != first.get_json()["id"]
    assert as_("employer", "post", "/api/v1/vacancies", json=NEW).status_code == 201
    mine = as_("employer", "get", "/api/v1/vacancies?q=аспаз").get_json()["total"]
    assert mine == 3
    too_long = as_(
        "employer", "post", "/api/v1/vacancies", json=NEW, headers={"Idempotency-Key": "k" * 129}
    )
    assert too_long.status_code == 422


def test_drafts_stay_out_of_the_changes_feed(as_: Call, client: FlaskClient) -> None:
    start = client.get("/api/v1/vacancies/changes").get_json()["next_cursor"]
    draft = as_("employer", "post", "/api/v1/vacancies", json={**NEW, "publish": False})
    url = f"/api/v1/vacancies/{draft.get_json()['id']}"
    as_("employer", "patch", url, json={"title": "Бас аспаз"})
    feed = client.get(f"/api/v1/vacancies/changes?since={start}").get_json()
    assert feed["items"] == [], "a draft nobody saw is not reported as deleted"


def test_programme_rules_are_422s_naming_the_field_and_the_limit(as_: Call) -> None:
    post = "/api/v1/vacancies"
    cases = [
        ({**NEW, "kind": "social_job", "max_duration_months": 18}, "max_duration_months", "12"),
        ({**NEW, "kind": "youth_practice", "max_duration_months": 9}, "max_duration_months", "6"),
        ({**NEW, "salary_from": 20_000, "salary_to": 30_000}, "salary_from", "85000"),
    ]
    for body, field, limit in cases:
        response = as_("employer", "post", post, json=body)
        assert response.status_code == 422, response.get_data()
        (error,) = response.get_json()["errors"]
        assert error["field"] == field and limit in error["message"]
    part = as_(
        "employer", "post", post, json={**NEW, "salary_from": 40_000, "employment_type": "part"}
    )
    assert part.status_code == 201
    url = f"/api/v1/vacancies/{part.get_json()['id']}"
    full = as_("employer", "patch", url, json={"employment_type": "full"})
    assert full.status_code == 422 and full.get_json()["errors"][0]["field"] == "salary_from"
