"""A vacancy's page (escaped description, programme eligibility) and applying to it."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import Application, ApplicationStatus
from tests.db.factories import a_vacancy
from tests.web.conftest import People, SignIn, form_token

HOSTILE = '<script>alert("x")</script><p onclick="steal()">Жүк <b>тасымалдау</b></p>\n<img src=x>'


def _vacancy(app: Flask, **fields: object) -> int:
    with extensions.database(app).session() as session:
        vacancy = a_vacancy(session, **fields)
        session.commit()
        return vacancy.id


def test_hostile_description_is_shown_as_text(app: Flask, client: FlaskClient) -> None:
    vacancy_id = _vacancy(app, title="Жүргізуші <i>", description=HOSTILE)
    page = client.get(f"/vacancies/{vacancy_id}?lang=kk").get_data(as_text=True)
    assert "<script>alert" not in page and "onclick" not in page and "<img src=x>" not in page
    assert "<p>Жүк тасымалдау</p>" in page
    assert "Жүргізуші &lt;i&gt;" in page


def test_vacancy_details_and_who_may_apply(app: Flask, client: FlaskClient) -> None:
    vacancy_id = _vacancy(
        app,
        title="Көмекші жұмысшы",
        kind="social_job",
        salary_from=150_000,
        schedule="shift",
        places=3,
        address="Абай даңғылы, 10",
    )
    page = client.get(f"/vacancies/{vacancy_id}?lang=ru").get_data(as_text=True)
    assert "от 150\u00a0000\u00a0₸" in page
    assert "Абай даңғылы, 10" in page and "<dd>3</dd>" in page
    assert "Кто может участвовать" in page
    assert "не более чем на 12 месяцев" in page
    assert "/programmes/social-jobs" in page


def test_anonymous_is_asked_to_sign_in(app: Flask, client: FlaskClient) -> None:
    vacancy_id = _vacancy(app)
    page = client.get(f"/vacancies/{vacancy_id}?lang=kk").get_data(as_text=True)
    assert f"/login?next=/vacancies/{vacancy_id}" in page.replace("%2F", "/")
    response = client.post(f"/vacancies/{vacancy_id}/apply", data={})
    assert response.status_code in (302, 400)


def test_seeker_applies_once_then_sees_the_status(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id = _vacancy(app, title="Электрик")
    sign_in(client, "seeker")
    url = f"/vacancies/{vacancy_id}"
    token = form_token(client, url)
    sent = client.post(
        f"{url}/apply?lang=ru", data={"csrf_token": token, "cover_letter": "Сәлеметсіз бе!"}
    )
    assert sent.status_code == 302
    page = client.get(url + "?lang=ru").get_data(as_text=True)
    assert "Ваш отклик отправлен работодателю." in page
    assert "Вы откликнулись" in page
    assert 'name="cover_letter"' not in page
    again = client.post(f"{url}/apply", data={"csrf_token": token})
    assert again.status_code == 302
    assert "Вы уже откликнулись" in client.get(url + "?lang=ru").get_data(as_text=True)
    with extensions.database(app).session() as session:
        rows = session.execute(select(Application)).scalars().all()
        assert [(a.seeker_id, a.status, a.cover_letter) for a in rows] == [
            (people.seeker_id, ApplicationStatus.SUBMITTED, "Сәлеметсіз бе!")
        ]


def test_too_long_letter_is_kept_and_reported(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id = _vacancy(app)
    sign_in(client, "seeker")
    token = form_token(client, f"/vacancies/{vacancy_id}")
    letter = "х" * 4001
    response = client.post(
        f"/vacancies/{vacancy_id}/apply?lang=ru", data={"csrf_token": token, "cover_letter": letter}
    )
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "не более 4000 символов" in text and letter in text


def test_employer_and_staff_cannot_apply(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id = _vacancy(app)
    for who in ("employer", "staff"):
        with app.test_client() as other:
            sign_in(other, who)
            page = other.get(f"/vacancies/{vacancy_id}?lang=ru").get_data(as_text=True)
            assert "Откликаться на вакансии могут только соискатели." in page
            token = form_token(other, f"/vacancies/{vacancy_id}")
            response = other.post(f"/vacancies/{vacancy_id}/apply", data={"csrf_token": token})
            assert response.status_code == 403, who
    with extensions.database(app).session() as session:
        assert session.execute(select(Application)).first() is None


def test_seeker_login_without_registration_gets_a_clear_message(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    from app.models import Seeker

    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.user_id = None
        session.commit()
    vacancy_id = _vacancy(app)
    sign_in(client, "seeker")
    page = client.get(f"/vacancies/{vacancy_id}?lang=ru").get_data(as_text=True)
    assert "не связана с регистрацией соискателя" in page
    token = form_token(client, "/login")
    response = client.post(f"/vacancies/{vacancy_id}/apply?lang=ru", data={"csrf_token": token})
    assert response.status_code == 422
    assert "не связана с регистрацией соискателя" in response.get_data(as_text=True)


def test_closed_vacancy_cannot_be_applied_to(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    draft = _vacancy(app, status="draft")
    sign_in(client, "seeker")
    token = form_token(client, "/login")
    assert client.post(f"/vacancies/{draft}/apply", data={"csrf_token": token}).status_code == 404
    assert client.get(f"/vacancies/{draft}").status_code == 404


def test_seeker_withdraws_once(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id = _vacancy(app, title="Электрик", source_url="javascript:alert(1)")
    sign_in(client, "seeker")
    url = f"/vacancies/{vacancy_id}"
    token = form_token(client, url)
    assert "javascript:" not in client.get(url).get_data(as_text=True)
    client.post(f"{url}/apply", data={"csrf_token": token})
    assert "Отозвать отклик" in client.get(url + "?lang=ru").get_data(as_text=True)
    assert client.post(f"{url}/withdraw?lang=ru", data={"csrf_token": token}).status_code == 302
    page = client.get(url + "?lang=ru").get_data(as_text=True)
    assert "Вы отозвали свой отклик." in page and "Отозвать отклик" not in page
    client.post(f"{url}/withdraw?lang=ru", data={"csrf_token": token})
    assert "Этот отклик уже нельзя отозвать." in client.get(url).get_data(as_text=True)
    with extensions.database(app).session() as session:
        status = session.execute(select(Application.status)).scalar_one()
        assert status is ApplicationStatus.WITHDRAWN
    other = _vacancy(app)
    response = client.post(f"/vacancies/{other}/withdraw", data={"csrf_token": token})
    assert response.status_code == 404


def test_signed_in_seeker_sees_the_rules_decision_for_a_programme_place(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    social = _vacancy(app, title="Аула тазалау", kind="social_job")
    regular = _vacancy(app, title="Сатушы")
    sign_in(client, "seeker")
    page = client.get(f"/vacancies/{social}?lang=ru").get_data(as_text=True)
    assert "Пока вы не можете занять это место" in page
    assert "только для зарегистрированных безработных" in page
    assert "Ваше право на участие" not in client.get(f"/vacancies/{regular}").get_data(as_text=True)


def test_the_apply_box_comes_right_after_the_title_and_salary(
    app: Flask, client: FlaskClient
) -> None:
    """On a 390 px phone the box used to start 2,400 px down, below the whole description."""
    vacancy_id = _vacancy(app)
    for lang in ("kk", "ru"):
        page = client.get(f"/vacancies/{vacancy_id}?lang={lang}").get_data(as_text=True)
        apply_at = page.index('id="apply"')
        assert page.index('class="salary"') < apply_at < page.index('class="facts"')
        assert apply_at < page.index('id="about-heading"')
