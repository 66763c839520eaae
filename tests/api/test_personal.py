"""Seeker recommendations, candidates for a vacancy (visibility by role), similar vacancies."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app import extensions
from app.models import Cv, CvVisibility
from app.services.vacancies import VacancyInput, create_vacancy
from tests.api.conftest import Call, World
from tests.db.factories import a_locality, a_seeker

pytestmark = pytest.mark.both_databases  # erasure cascades


def _cv(session: Session, title: str, visibility: CvVisibility, **seeker: object) -> int:
    person = a_seeker(session, locality=a_locality(session, "Астана"), skills=["1С"], **seeker)
    consent = datetime.now(UTC) if visibility is CvVisibility.PUBLIC else None
    person.cv = Cv(title=title, visibility=visibility, consent_publish_at=consent)
    session.flush()
    return person.cv.id


def _vacancy(app: Flask, world: World, title: str = "Бухгалтер") -> int:
    with extensions.database(app).session() as session:
        employer = session.merge(world.employer)
        data = VacancyInput.of(title=title, skills=["1С"], locality_kato="710000000")
        return create_vacancy(session, employer, data).id


def test_candidates_by_role(app: Flask, as_: Call, world: World) -> None:
    vacancy_id = _vacancy(app, world)
    with extensions.database(app).session() as session:
        public = _cv(session, "Бухгалтер", CvVisibility.PUBLIC)
        centres = _cv(session, "Бухгалтер-кассир", CvVisibility.CENTRES)
    url = f"/api/v1/vacancies/{vacancy_id}/candidates"
    owner = as_("employer", "get", url).get_json()["items"]
    assert [c["cv_id"] for c in owner] == [public]
    assert "1С" in owner[0]["explanation"]["matched_skills"]
    staff = as_("staff", "get", url).get_json()["items"]
    assert sorted(c["cv_id"] for c in staff) == sorted([public, centres])
    for who, status in (("other_employer", 403), ("seeker", 403), ("admin", 403)):
        response = as_(who, "get", url)
        assert response.status_code == status and "items" not in response.get_json()
    assert as_("anonymous", "get", url).status_code == 401


def test_seeker_recommendations(app: Flask, as_: Call, world: World) -> None:
    _vacancy(app, world)
    url = "/api/v1/seekers/me/recommendations"
    assert as_("seeker", "get", url).status_code == 404
    with extensions.database(app).session() as session:
        _cv(session, "Бухгалтер", CvVisibility.CENTRES, user_id=world.callers["seeker"].user.id)
    items = as_("seeker", "get", url).get_json()["items"]
    assert items[0]["vacancy"]["title"] == "Бухгалтер" and items[0]["explanation"]
    assert as_("employer", "get", url).status_code == 403
    assert as_("anonymous", "get", url).status_code == 401


def test_similar_vacancies(app: Flask, client: FlaskClient, world: World) -> None:
    base = _vacancy(app, world)
    other = _vacancy(app, world, "Бас бухгалтер")
    items = client.get(f"/api/v1/vacancies/{base}/similar").get_json()["items"]
    assert [i["vacancy"]["id"] for i in items] == [other]
    assert client.get("/api/v1/vacancies/999999/similar").status_code == 404
