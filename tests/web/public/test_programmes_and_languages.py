"""Programme pages say what the eligibility rules check; every public page renders in Kazakh
and Russian."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app, extensions
from app.db import Database
from app.settings import Settings
from matching.rules.params import params_for
from tests.db.factories import a_vacancy
from tests.web.conftest import form_token


def test_programme_pages_carry_the_rule_numbers(app: Flask, client: FlaskClient) -> None:
    p = params_for(date.today())
    youth = client.get("/programmes/youth-practice?lang=ru").get_data(as_text=True)
    assert f"Возраст не старше {p.youth_practice_max_age} лет." in youth
    assert f"в течение последних {p.youth_practice_graduation_years} лет" in youth
    assert f"не более {p.youth_practice_max_months} месяцев" in youth
    assert "высшее" in youth and "техническое и профессиональное" in youth.lower()
    social = client.get("/programmes/social-jobs?lang=kk").get_data(as_text=True)
    assert f"ең көбі {p.social_job_max_months} айға" in social
    assert f"{p.social_job_employer_answer_days} жұмыс күні ішінде орталыққа" in social
    works = client.get("/programmes/public-works?lang=ru").get_data(as_text=True)
    assert f"более {p.public_works_long_term_months} месяцев" in works
    assert "летних каникул" in works
    assert client.get("/programmes/pirates").status_code == 404


def test_youth_practice_summary_states_the_age_limit(app: Flask, client: FlaskClient) -> None:
    p = params_for(date.today())
    age, years = p.youth_practice_max_age, p.youth_practice_graduation_years
    expected = {
        "ru": f"молодых людей не старше {age} лет, окончивших",
        "kk": f"жасы {age} жастан аспайтын жастарға",
    }
    for lang, phrase in expected.items():
        for path in ("/programmes", "/programmes/youth-practice"):
            page = client.get(f"{path}?lang={lang}").get_data(as_text=True)
            assert phrase in page, (lang, path)
    assert f"последних {years} лет" in client.get("/programmes?lang=ru").get_data(as_text=True)


def test_programme_page_lists_open_places_of_its_kind(app: Flask, client: FlaskClient) -> None:
    with extensions.database(app).session() as session:
        a_vacancy(session, title="Практикант-бухгалтер", kind="youth_practice")
        a_vacancy(session, title="Аула көркейту", kind="public_works")
        a_vacancy(session, title="Мастер", kind="regular")
        session.commit()
    page = client.get("/programmes/youth-practice?lang=ru").get_data(as_text=True)
    assert "Практикант-бухгалтер" in page and "Аула көркейту" not in page
    assert "Сейчас открыто мест: 1" in page
    overview = client.get("/programmes?lang=kk").get_data(as_text=True)
    assert overview.count("Қазір бос орындар: 1") == 2
    assert "/programmes/social-jobs" in overview


PAGES = ("/", "/search", "/search?q=жүргізуші", "/match", "/programmes", "/programmes/social-jobs")


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("kk", "Жаңа бос орындар"), ("ru", "Новые вакансии")],
)
def test_every_public_page_renders_in_both_languages(
    app: Flask, client: FlaskClient, lang: str, heading: str
) -> None:
    with extensions.database(app).session() as session:
        vacancy = a_vacancy(session, title="Аспаз", kind="youth_practice")
        session.commit()
        vacancy_id = vacancy.id
    for path in (*PAGES, "/programmes/youth-practice", f"/vacancies/{vacancy_id}"):
        joiner = "&" if "?" in path else "?"
        response = client.get(f"{path}{joiner}lang={lang}")
        assert response.status_code == 200, path
        page = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in page, path
        assert page.count("<h1") == 1, path
    assert heading in client.get(f"/?lang={lang}").get_data(as_text=True)


def test_pages_degrade_when_search_is_down(settings: Settings, database: Database) -> None:
    broken = create_app(
        settings.with_overrides(search_backend="elasticsearch", es_url="http://127.0.0.1:9")
    )
    with database.session() as session:
        vacancy_id = a_vacancy(session, title="Аспаз").id
        session.commit()
    client = broken.test_client()
    page = client.get("/programmes/social-jobs?lang=ru")
    assert page.status_code == 200
    assert "Поиск временно недоступен" in page.get_data(as_text=True)
    assert client.get("/programmes?lang=ru").status_code == 200
    assert "Аспаз" in client.get(f"/vacancies/{vacancy_id}").get_data(as_text=True)
    token = form_token(client, "/match")
    response = client.post("/match?lang=ru", data={"csrf_token": token, "cv": "Аспаз, 3 жыл"})
    assert response.status_code == 503
    assert "Поиск временно недоступен" in response.get_data(as_text=True)
