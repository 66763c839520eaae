"""/match tells the truth: salary as posted, what the CV says, fits and misfits apart (kk, ru)."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from tests.db.factories import a_locality, a_vacancy
from tests.web.conftest import form_token

CV = "Повар с опытом 5 лет"


def _post(app: Flask, client: FlaskClient, lang: str, **extra: str) -> str:
    with extensions.database(app).session() as session:
        kaskelen = a_locality(session, "Каскелен")
        a_vacancy(
            session,
            title="Повар",
            locality=a_locality(session, "Алматы"),
            occupation_code="5120",
            experience="3_6",
            salary_from=400_000,
            skills=["Санитарная книжка"],
        )
        a_vacancy(
            session,
            title="Повар столовой",
            locality=a_locality(session, "Талдыкорган"),
            occupation_code="5120",
            salary_to=500_000,
        )
        session.commit()
        kato = kaskelen.kato
    token = form_token(client, "/match")
    data = {"csrf_token": token, "cv": CV, "locality": kato, "salary": "450000", **extra}
    response = client.post(f"/match?lang={lang}", data=data)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _section(page: str, heading: str, card: int = 0) -> str:
    """The list under ``heading`` in the ``card``-th result."""
    cards = page.split('<li class="card vacancy-card">')[1:]
    match = re.search(rf"<h4>{heading}</h4>\s*<ul[^>]*>(.*?)</ul>", cards[card], re.S)
    return match.group(1) if match else ""


def test_russian_reasons_split_and_true(app: Flask, client: FlaskClient) -> None:
    page = _post(app, client, "ru")
    titles = re.findall(r'<h3><a href="/vacancies/\d+">([^<]+)</a></h3>', page)
    assert titles == ["Повар", "Повар столовой"]  # Almaty 25 km before Taldykorgan 246 km
    fits, misfits = _section(page, "Почему подходит"), _section(page, "Что не подходит")
    assert "Ваша профессия" in fits and "Опыта у вас достаточно" in fits
    assert "Зарплата от 400\u00a0000\u00a0₸: ниже желаемых 450\u00a0000\u00a0₸" in misfits
    assert "Зарплата до 400" not in page  # the posting pays *from* 400 000
    assert "Профессия не указана" not in page and "ваш опыт не указан" not in page
    assert "Ваши навыки" not in page  # the CV names no skill of the vacancy
    assert "Также требуется: Санитарная книжка" in misfits
    far_misfits = _section(page, "Что не подходит", card=1)
    assert "дальше, чем вы готовы ездить (30 км)" in far_misfits
    assert "дальше, чем вы готовы ездить" not in _section(page, "Почему подходит", card=1)
    assert "Зарплата до 500\u00a0000\u00a0₸: не ниже желаемой" in _section(
        page, "Почему подходит", card=1
    )


def test_kazakh_reasons(app: Flask, client: FlaskClient) -> None:
    page = _post(app, client, "kk")
    assert "Сіздің кәсібіңіз" in _section(page, "Неге сәйкес келеді")
    assert "400\u00a0000\u00a0₸ бастап" in _section(page, "Не сәйкес келмейді")
    assert "баруға дайын қашықтықтан алыс (30 км)" in _section(page, "Не сәйкес келмейді", 1)


def test_a_stated_commute_limit_is_used_and_a_bad_one_named(
    app: Flask, client: FlaskClient
) -> None:
    page = _post(app, client, "ru", commute="300")
    assert "дальше, чем вы готовы ездить" not in page
    with extensions.database(app).session() as session:
        kato = a_locality(session, "Каскелен").kato
    token = form_token(client, "/match")
    bad = client.post(
        "/match?lang=ru",
        data={"csrf_token": token, "cv": CV, "locality": kato, "commute": "далеко"},
    )
    assert bad.status_code == 422
    assert 'id="e-commute"' in bad.get_data(as_text=True)
