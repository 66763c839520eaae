"""Online applications: a seeker applies, the employer answers, nobody else sees them."""

from __future__ import annotations

from flask import Flask

from app import extensions
from app.models import VacancyStatus
from tests.api.conftest import Call, World
from tests.db.factories import a_seeker, a_vacancy

URL = "/api/v1/applications"


def _setup(app: Flask, world: World, *, linked: bool = True) -> tuple[int, int]:
    """A published and a draft vacancy of the world's employer; the seeker login linked."""
    with extensions.database(app).session() as session:
        employer = session.merge(world.employer)
        open_ = a_vacancy(session, employer, title="Ашық")
        draft = a_vacancy(session, employer, title="Жоба", status=VacancyStatus.DRAFT)
        if linked:
            user = world.callers["seeker"].user
            assert user is not None
            centre_id = world.callers["staff"].user.centre_id  # type: ignore[union-attr]
            a_seeker(session, user_id=user.id, centre_id=centre_id)
        return open_.id, draft.id


def test_seeker_applies_once_and_employer_answers(app: Flask, as_: Call, world: World) -> None:
    open_id, _ = _setup(app, world)
    created = as_("seeker", "post", URL, json={"vacancy_id": open_id, "cover_letter": "Сәлем"})
    assert created.status_code == 201, created.get_data()
    application = created.get_json()
    assert application["status"] == "submitted" and application["vacancy_title"] == "Ашық"
    again = as_("seeker", "post", URL, json={"vacancy_id": open_id})
    assert again.status_code == 409
    assert again.mimetype == "application/problem+json"
    assert again.get_json()["errors"][0]["field"] == "vacancy_id"

    for who in ("seeker", "employer", "staff"):
        items = as_(who, "get", URL).get_json()["items"]
        assert [a["id"] for a in items] == [application["id"]], who
    assert as_("other_employer", "get", URL).get_json()["items"] == []

    url = f"{URL}/{application['id']}"
    invited = as_("employer", "patch", url, json={"status": "invited"})
    assert invited.status_code == 200 and invited.get_json()["status"] == "invited"
    assert (
        as_("employer", "get", f"{URL}?status=invited").get_json()["items"][0]["id"]
        == (application["id"])
    )
    assert as_("employer", "patch", url, json={"status": "withdrawn"}).status_code == 403
    assert as_("seeker", "patch", url, json={"status": "hired"}).status_code == 403
    assert as_("other_employer", "patch", url, json={"status": "viewed"}).status_code == 404
    assert as_("staff", "patch", url, json={"status": "viewed"}).status_code == 403
    assert as_("anonymous", "patch", url, json={"status": "viewed"}).status_code == 401
    withdrawn = as_("seeker", "patch", url, json={"status": "withdrawn"})
    assert withdrawn.status_code == 200 and withdrawn.get_json()["status"] == "withdrawn"
    assert as_("employer", "patch", url, json={"status": "hired"}).status_code == 409


def test_only_published_vacancies_and_linked_seekers(app: Flask, as_: Call, world: World) -> None:
    open_id, draft_id = _setup(app, world, linked=False)
    assert as_("seeker", "post", URL, json={"vacancy_id": open_id}).status_code == 404
    with extensions.database(app).session() as session:
        user = world.callers["seeker"].user
        assert user is not None
        a_seeker(session, user_id=user.id)
    for vacancy_id in (draft_id, 999_999):
        response = as_("seeker", "post", URL, json={"vacancy_id": vacancy_id})
        assert response.status_code == 422
        assert response.get_json()["errors"][0]["field"] == "vacancy_id"
    bad = as_("seeker", "post", URL, json={"vacancy_id": "x"})
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["field"] == "vacancy_id"
    for who, status in (("anonymous", 401), ("employer", 403), ("staff", 403), ("admin", 403)):
        response = as_(who, "post", URL, json={"vacancy_id": open_id})
        assert response.status_code == status, who
        assert "id" not in response.get_json()
    assert as_("admin", "get", URL).status_code == 403
    assert as_("anonymous", "get", URL).status_code == 401


def test_list_is_paged_with_a_cursor(app: Flask, as_: Call, world: World) -> None:
    _setup(app, world)
    with extensions.database(app).session() as session:
        employer = session.merge(world.employer)
        ids = [a_vacancy(session, employer, title=f"V{i}").id for i in range(3)]
    for vacancy_id in ids:
        assert as_("seeker", "post", URL, json={"vacancy_id": vacancy_id}).status_code == 201
    first = as_("seeker", "get", f"{URL}?limit=2").get_json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = as_("seeker", "get", f"{URL}?limit=2&cursor={first['next_cursor']}").get_json()
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    seen = {a["vacancy_id"] for a in first["items"] + second["items"]}
    assert seen == set(ids)
    assert as_("seeker", "get", f"{URL}?cursor=forged").status_code == 422
