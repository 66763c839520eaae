"""Jobs for me: recommendations with the reasons they match."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import Cv, Seeker
from tests.db.factories import a_vacancy
from tests.web.conftest import People, SignIn


def test_recommendations_explain_why(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.skills = ["вождение"]
        seeker.desired_occupations = ["8332"]
        seeker.cv = Cv(title="Водитель грузовика", summary="Вождение грузовых машин")
        a_vacancy(
            session,
            title="Водитель грузовика",
            description="Требуется вождение грузовых машин",
            occupation_code="8332",
            skills=["вождение"],
            published_at=datetime.now(UTC),
        )
        session.commit()
    sign_in(client, "seeker")
    response = client.get("/me")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Водитель грузовика" in page
    assert "вождение" in page  # matched skill shown as a reason


def test_anonymous_goes_to_login(client: FlaskClient) -> None:
    response = client.get("/me/profile")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
