"""Who may call what: 401 without a token, 403 for a wrong role, and never data for them."""

from __future__ import annotations

import pytest
from flask import Flask

from app import extensions
from app.models import SavedSearch, VacancyStatus
from tests.api.conftest import Call, World
from tests.db.factories import a_seeker, a_vacancy

ROLES = ("anonymous", "seeker", "employer", "other_employer", "staff", "admin")
NEW = {"title": "Аспаз", "locality_kato": "710000000"}
IMPORT = b'{"items": []}'
CSV = b"external_id;title;employer;locality\n"
LISTERS = {"seeker": 200, "employer": 200, "other_employer": 200, "staff": 200}
DESK = {"staff": 200, "admin": 200}

# (method, path, body, expected status per caller; others must be denied)
MATRIX = [
    ("get", "/api/v1/vacancies/{draft}", None, {"employer": 200, "staff": 200}, 404),
    (
        "post",
        "/api/v1/vacancies",
        NEW,
        {"employer": 201, "other_employer": 201, "staff": 201},
        None,
    ),
    ("patch", "/api/v1/vacancies/{open}", {"places": 2}, {"employer": 200, "staff": 200}, None),
    ("delete", "/api/v1/vacancies/{open}", None, {"employer": 200, "staff": 200}, None),
    ("post", "/api/v1/imports", IMPORT, {"staff": 200, "admin": 200}, None),
    ("delete", "/api/v1/auth/tokens/current", None, {}, None),
    ("get", "/api/v1/applications", None, LISTERS, None),
    ("get", "/api/v1/referrals", None, LISTERS, None),
    ("post", "/api/v1/applications", {"vacancy_id": 1}, {"seeker": 404}, None),
    ("post", "/api/v1/referrals", {}, {"staff": 422}, None),
    ("post", "/api/v1/imports", CSV, {"staff": 200, "admin": 200}, None),
    ("get", "/api/v1/seekers", None, DESK, None),
    ("post", "/api/v1/seekers/search", {"q": "Абай"}, DESK, None),
    ("post", "/api/v1/seekers", {}, {"staff": 422}, None),
    ("get", "/api/v1/seekers/{seeker}", None, DESK, None),
    ("get", "/api/v1/seekers/{seeker}/referrals", None, DESK, None),
    ("patch", "/api/v1/seekers/{seeker}", {"phone": "+77010000000"}, {"staff": 200}, None),
    ("get", "/api/v1/saved-searches", None, {"seeker": 200}, None),
    ("post", "/api/v1/saved-searches", {"name": "Аспаз"}, {"seeker": 201}, None),
    ("get", "/api/v1/saved-searches/{saved}", None, {"seeker": 200}, None),
    ("patch", "/api/v1/saved-searches/{saved}", {"alert": False}, {"seeker": 200}, None),
    ("delete", "/api/v1/saved-searches/{saved}", None, {"seeker": 204}, None),
    ("get", "/api/v1/measures", None, {"seeker": 200, "staff": 200, "admin": 200}, None),
    (
        "post",
        "/api/v1/measures",
        {"kind": "tipo", "title_kk": "а", "title_ru": "а"},
        {"staff": 422},
        None,
    ),
    ("get", "/api/v1/measure-referrals", None, {"seeker": 200, "staff": 200}, None),
    ("post", "/api/v1/measure-referrals", {}, {"staff": 422}, None),
    ("post", "/api/v1/measure-requests", {"kind": "orientation"}, {"seeker": 404}, None),
    ("get", "/api/v1/seekers/{seeker}/measures", None, {"staff": 200}, None),
]


@pytest.mark.parametrize(("method", "path", "body", "allowed", "hidden"), MATRIX)
def test_role_matrix(
    app: Flask,
    as_: Call,
    world: World,
    method: str,
    path: str,
    body: object,
    allowed: dict[str, int],
    hidden: int | None,
) -> None:
    staff, seeker = world.callers["staff"].user, world.callers["seeker"].user
    assert staff is not None and seeker is not None
    for who in ROLES:
        with extensions.database(app).session() as session:
            employer = session.merge(world.employer)
            draft = a_vacancy(session, employer, status=VacancyStatus.DRAFT, title="Жоба")
            open_ = a_vacancy(session, employer, title="Ашық")
            person = a_seeker(session, centre_id=staff.centre_id)
            saved = SavedSearch(user_id=seeker.id, name="Аспаз", params={"q": "аспаз"})
            session.add(saved)
            session.flush()
            url = path.format(draft=draft.id, open=open_.id, seeker=person.id, saved=saved.id)
        kwargs: dict[str, object] = {}
        if isinstance(body, bytes):
            media = "text/csv" if body.startswith(b"external_id") else "application/json"
            kwargs = {"data": body, "content_type": media}
        elif body is not None:
            kwargs = {"json": body}
        if who == "staff" and method == "post" and path.endswith("/vacancies"):
            kwargs = {"json": {**NEW, "employer_id": world.employer.id}}
        response = as_(who, method, url, **kwargs)
        if path.endswith("/tokens/current"):
            expected = 401 if who == "anonymous" else 204
        elif who in allowed:
            expected = allowed[who]
        elif who == "anonymous":
            expected = hidden or 401
        else:
            expected = hidden or 403
        assert response.status_code == expected, (who, method, url, response.get_data())
        if expected >= 400:
            assert response.mimetype == "application/problem+json"
            assert "title" not in (response.get_json() or {}).get("detail", "Жоба")


def test_staff_must_name_the_employer_and_employers_cannot_act_for_others(
    as_: Call, world: World
) -> None:
    response = as_("staff", "post", "/api/v1/vacancies", json=NEW)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "employer_id"
    foreign = {**NEW, "employer_id": world.other_employer.id}
    assert as_("employer", "post", "/api/v1/vacancies", json=foreign).status_code == 403
    created = as_("staff", "post", "/api/v1/vacancies", json=foreign)
    assert created.status_code == 201
    assert created.get_json()["employer"]["id"] == world.other_employer.id


def test_bad_and_revoked_tokens_are_401(as_: Call) -> None:
    bogus = {"Authorization": "Bearer zh_nope"}
    assert as_("anonymous", "get", "/api/v1/vacancies", headers=bogus).status_code == 401
    basic = {"Authorization": "Basic abc"}
    assert as_("anonymous", "get", "/api/v1/vacancies", headers=basic).status_code == 401
    assert as_("seeker", "delete", "/api/v1/auth/tokens/current").status_code == 204
    assert as_("seeker", "get", "/api/v1/vacancies").status_code == 401
