"""'Paste your CV, see matching jobs': ranked results with reasons, no account, nothing stored."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app import extensions
from app.models import Seeker, User
from app.rate_limits import ANONYMOUS_MATCHES_PER_MINUTE as ANONYMOUS_PER_WINDOW
from tests.db.factories import a_locality, a_vacancy
from tests.web.conftest import form_token

CV = "Электрик, 5 лет опыта. Электромонтаж, ремонт проводки, сварка."


def _vacancies(app: Flask) -> str:
    with extensions.database(app).session() as session:
        astana = a_locality(session, "Астана")
        almaty = a_locality(session, "Алматы")
        a_vacancy(
            session,
            title="Электрик",
            locality=astana,
            skills=["электромонтаж", "сварка", "охрана труда"],
            salary_from=350_000,
        )
        a_vacancy(session, title="Электромонтажник", locality=almaty, skills=["электромонтаж"])
        a_vacancy(session, title="Бухгалтер", locality=astana, skills=["1С"])
        session.commit()
        return astana.kato


def _titles(page: str) -> list[str]:
    return re.findall(r'<h3><a href="/vacancies/\d+">([^<]+)</a></h3>', page)


def test_cv_gets_ranked_jobs_with_reasons(app: Flask, client: FlaskClient) -> None:
    astana = _vacancies(app)
    token = form_token(client, "/match")
    response = client.post(
        "/match?lang=ru",
        data={
            "csrf_token": token,
            "cv": CV,
            "locality": astana,
            "salary": "300 000",
            "schedule": ["full_day"],
            "education": "tipo",
            "birth_date": "1995-05-01",
            "experience": "5",
        },
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    titles = _titles(page)
    assert titles[0] == "Электрик" and "Электромонтажник" in titles
    assert "Бухгалтер" not in titles
    assert "Почему подходит" in page
    assert re.search(r"Ваши навыки, которые требуются: <strong>[^<]*электромонтаж", page)
    assert "Также требуется: охрана труда" in page
    assert "км от дома" in page and "не ниже желаемой" in page
    assert CV in page, "the form shows back what was pasted"


def test_kazakh_page_gives_kazakh_reasons(app: Flask, client: FlaskClient) -> None:
    astana = _vacancies(app)
    token = form_token(client, "/match")
    page = client.post(
        "/match?lang=kk", data={"csrf_token": token, "cv": CV, "locality": astana}
    ).get_data(as_text=True)
    assert "Неге сәйкес келеді" in page and "Үйден" in page


def test_nothing_is_stored(app: Flask, client: FlaskClient) -> None:
    _vacancies(app)
    database = extensions.database(app)
    with database.session() as session:
        before = (
            session.execute(select(func.count()).select_from(Seeker)).scalar_one(),
            session.execute(select(func.count()).select_from(User)).scalar_one(),
        )
    token = form_token(client, "/match")
    assert client.post("/match", data={"csrf_token": token, "cv": CV}).status_code == 200
    with database.session() as session:
        after = (
            session.execute(select(func.count()).select_from(Seeker)).scalar_one(),
            session.execute(select(func.count()).select_from(User)).scalar_one(),
        )
    assert after == before


def test_bad_input_is_reported_next_to_the_field(app: Flask, client: FlaskClient) -> None:
    token = form_token(client, "/match")
    response = client.post(
        "/match?lang=ru",
        data={
            "csrf_token": token,
            "cv": "",
            "locality": "000",
            "salary": "много",
            "birth_date": "31.02.1990",
            "experience": "сто",
            "education": "phd",
            "schedule": ["never"],
        },
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    for field in ("cv", "salary", "birth_date", "education", "experience"):
        assert f'id="e-{field}"' in page, field
    assert "Вставьте резюме или опишите, что вы умеете." in page
    response = client.post(
        "/match?lang=ru", data={"csrf_token": token, "cv": CV, "locality": "000"}
    )
    assert response.status_code == 422 and 'id="e-locality"' in response.get_data(as_text=True)
    assert client.post("/match", data={"cv": CV}).status_code == 400, "CSRF token required"


def test_anonymous_matching_is_rate_limited(app: Flask, client: FlaskClient) -> None:
    token = form_token(client, "/match")
    statuses = [
        client.post("/match", data={"csrf_token": token, "cv": ""}).status_code
        for _ in range(2 * ANONYMOUS_PER_WINDOW + 2)  # enough even if a window rolls over
    ]
    first_refusal = statuses.index(429)
    assert first_refusal >= ANONYMOUS_PER_WINDOW
    assert set(statuses[:first_refusal]) == {422}


def test_the_form_lands_at_the_results_which_say_how_many(app: Flask, client: FlaskClient) -> None:
    """On a phone the results are far below the form: the form's action jumps to them."""
    _vacancies(app)
    token = form_token(client, "/match?lang=kk")
    assert 'action="/match#results"' in client.get("/match").get_data(as_text=True)
    page = client.post("/match?lang=ru", data={"csrf_token": token, "cv": CV})
    html = page.get_data(as_text=True)
    found = len(_titles(html))
    assert found >= 2
    assert 'id="results" tabindex="-1"' in html and f"Подходящих вакансий: {found}" in html
    empty = client.post("/match?lang=ru", data={"csrf_token": token, "cv": ""})
    text = empty.get_data(as_text=True)
    assert empty.status_code == 422
    assert text.count('id="results"') == 1 and 'class="flash error" id="results"' in text
