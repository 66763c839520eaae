"""Posting, editing, closing and re-publishing a vacancy through the employer's pages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app import extensions
from app.models import (
    Application,
    ApplicationStatus,
    Cv,
    CvVisibility,
    Seeker,
    Vacancy,
    VacancyKind,
    VacancyStatus,
)
from tests.web.conftest import People, SignIn
from tests.web.employer.helpers import found_ids, load, own_vacancy, post, vacancy_form

pytestmark = pytest.mark.both_databases  # lower() on Cyrillic occupation names, counts

NEW = "/employer/vacancies/new"


def _vacancy_count(app: Flask) -> int:
    with extensions.database(app).session() as session:
        return session.execute(select(func.count()).select_from(Vacancy)).scalar_one()


def test_social_job_saved_as_draft_then_published_is_found_by_search(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "employer")
    form = vacancy_form(occupation="5322 Home-based personal care workers")
    response = post(client, NEW, form)
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    vacancy_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    draft = load(app, vacancy_id)
    assert draft.status is VacancyStatus.DRAFT and draft.kind is VacancyKind.SOCIAL_JOB
    assert draft.employer_id == people.employer_id
    assert draft.places == 3 and draft.salary_from == 120000 and draft.occupation_code == "5322"
    assert draft.skills == ["күтім", "алғашқы көмек"]
    assert draft.max_duration_months == 12  # the legal maximum for a social job
    assert vacancy_id not in found_ids(app, "көмекшісі")

    page = client.get(f"/employer/vacancies/{vacancy_id}?lang=ru").get_data(as_text=True)
    assert "Черновик" in page and "Социальное рабочее место" in page
    published = post(
        client, f"/employer/vacancies/{vacancy_id}/publish", {}, f"/employer/vacancies/{vacancy_id}"
    )
    assert published.status_code == 302
    vacancy = load(app, vacancy_id)
    assert vacancy.status is VacancyStatus.PUBLISHED and vacancy.expires_at is not None
    assert vacancy_id in found_ids(app, "көмекшісі")
    assert vacancy_id in found_ids(app, "помощь пожилым")


def test_publishing_straight_from_the_form(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "employer")
    response = post(client, NEW, vacancy_form(title="Бухгалтер-кассир", action="publish"))
    vacancy_id = int(response.headers["Location"].split("/")[-1])
    assert load(app, vacancy_id).status is VacancyStatus.PUBLISHED
    assert vacancy_id in found_ids(app, "бухгалтер")


def test_bad_fields_are_shown_next_to_them_and_nothing_is_saved(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "employer")
    bad = vacancy_form(
        title="",
        places="0",
        salary_from="abc",
        hazardous="on",
        locality_kato="",
        occupation="Nobody knows this job",
        expires="2020-01-01",
    )
    response = post(client, f"{NEW}?lang=ru", bad, f"{NEW}?lang=ru")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="error-title"' in page and "Введите название должности" in page
    assert 'id="error-places"' in page and "от 1 до 10 000" in page
    assert 'id="error-salary_from"' in page
    assert 'id="error-hazardous"' in page and "не могут быть тяжёлой" in page
    assert 'id="error-locality_kato"' in page and 'id="error-occupation_code"' in page
    assert 'id="error-expires"' in page and "Укажите дату в будущем" in page
    assert 'aria-invalid="true"' in page
    assert "Помощь пожилым людям на дому" in page  # what was typed is kept
    assert _vacancy_count(app) == 0

    vacancy_id = own_vacancy(app, people.employer_id, title="Водитель", places=2)
    edit = f"/employer/vacancies/{vacancy_id}/edit"
    response = post(
        client, edit, vacancy_form(title="Новое название", salary_from="900000", salary_to="100")
    )
    assert response.status_code == 422
    assert 'id="error-salary_from"' in response.get_data(as_text=True)
    unchanged = load(app, vacancy_id)
    assert unchanged.title == "Водитель" and unchanged.salary_from is None and unchanged.places == 2


def test_edit_changes_the_vacancy_and_keeps_it_in_the_index(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "employer")
    vacancy_id = own_vacancy(app, people.employer_id, title="Водитель")
    edit = f"/employer/vacancies/{vacancy_id}/edit"
    assert 'value="Водитель"' in client.get(edit).get_data(as_text=True)
    form = vacancy_form(title="Водитель автобуса", kind="regular", hazardous="on", places="4")
    response = post(client, edit, {**form, "action": "save"})
    assert response.status_code == 302
    vacancy = load(app, vacancy_id)
    assert vacancy.title == "Водитель автобуса" and vacancy.hazardous and vacancy.places == 4
    assert vacancy.status is VacancyStatus.PUBLISHED
    assert vacancy_id in found_ids(app, "автобуса")


def test_close_takes_it_out_of_search_and_publish_again_brings_it_back(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "employer")
    vacancy_id = own_vacancy(app, people.employer_id, title="Повар")
    page = f"/employer/vacancies/{vacancy_id}"
    assert f'href="{page}/close"' in client.get(page).get_data(as_text=True)
    asked = client.get(f"{page}/close?lang=ru")  # a confirmation step, no JavaScript needed
    assert asked.status_code == 200 and "Да, закрыть вакансию" in asked.get_data(as_text=True)
    assert post(client, f"{page}/close", {}, page).status_code == 200  # not confirmed: asks
    assert load(app, vacancy_id).status is VacancyStatus.PUBLISHED
    assert post(client, f"{page}/close", {"confirm": "yes"}, page).status_code == 302
    assert load(app, vacancy_id).status is VacancyStatus.CLOSED
    assert vacancy_id not in found_ids(app, "повар")
    assert post(client, f"{page}/publish", {}, page).status_code == 302
    assert load(app, vacancy_id).status is VacancyStatus.PUBLISHED
    assert vacancy_id in found_ids(app, "повар")


def test_dashboard_lists_my_vacancies_with_counts_and_filters_by_status(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "employer")
    open_id = own_vacancy(app, people.employer_id, title="Сварщик")
    own_vacancy(app, people.employer_id, title="Каменщик", status=VacancyStatus.CLOSED)
    own_vacancy(app, people.other_employer_id, title="Чужая вакансия")
    with extensions.database(app).session() as session:
        session.add(Application(seeker_id=people.seeker_id, vacancy_id=open_id))
        session.commit()
    page = client.get("/employer?lang=ru").get_data(as_text=True)
    assert "Сварщик" in page and "Каменщик" in page and "Чужая вакансия" not in page
    assert "Откликов: 1" in page
    closed = client.get("/employer?status=closed&lang=ru").get_data(as_text=True)
    assert "Каменщик" in closed and "Сварщик" not in closed
    assert client.get("/employer?status=nonsense").status_code == 200


def test_candidates_show_public_cvs_without_iin_or_name(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.skills = ["1С", "Excel"]
        seeker.cv = Cv(
            title="Бухгалтер 1С",
            visibility=CvVisibility.PUBLIC,
            consent_publish_at=datetime.now(UTC),
        )
        other = session.get(Seeker, people.other_seeker_id)
        assert other is not None
        other.cv = Cv(title="Бухгалтер-кассир", visibility=CvVisibility.CENTRES)
        session.commit()
    vacancy_id = own_vacancy(app, people.employer_id, title="Бухгалтер", skills=["1С"])
    sign_in(client, "employer")
    page = client.get(f"/employer/vacancies/{vacancy_id}?lang=ru").get_data(as_text=True)
    candidates = page.split('id="candidates"')[1].split('id="applications"')[0]
    assert "Бухгалтер 1С" in candidates and "1С" in candidates
    assert "Бухгалтер-кассир" not in candidates  # a centres-only CV is not for employers
    assert "980412404507" not in page and "4507" not in candidates
    assert "Сейткали" not in candidates


def test_answering_an_application(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id = own_vacancy(app, people.employer_id, title="Продавец")
    with extensions.database(app).session() as session:
        application = Application(
            seeker_id=people.seeker_id, vacancy_id=vacancy_id, cover_letter="Готова выйти завтра"
        )
        session.add(application)
        session.commit()
        application_id = application.id
    sign_in(client, "employer")
    page = f"/employer/vacancies/{vacancy_id}"
    shown = client.get(f"{page}?lang=ru").get_data(as_text=True)
    assert "Готова выйти завтра" in shown and "Сейткали Айгерим" in shown
    target = f"{page}/applications/{application_id}"
    assert post(client, target, {"status": "invited"}, page).status_code == 303
    assert post(client, target, {"status": "withdrawn"}, page).status_code == 303
    with extensions.database(app).session() as session:
        stored = session.get(Application, application_id)
        assert stored is not None and stored.status is ApplicationStatus.INVITED


@pytest.mark.parametrize(
    ("lang", "kind", "months", "said"),
    [
        ("ru", "social_job", "18", "не более чем на 12 месяцев"),
        ("kk", "youth_practice", "9", "ең көбі 6 айға"),
    ],
)
def test_a_longer_programme_place_is_refused_naming_the_limit(
    app: Flask,
    client: FlaskClient,
    people: People,
    sign_in: SignIn,
    lang: str,
    kind: str,
    months: str,
    said: str,
) -> None:
    sign_in(client, "employer")
    form = vacancy_form(kind=kind, max_duration_months=months, action="publish")
    response = post(client, f"{NEW}?lang={lang}", form, f"{NEW}?lang={lang}")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="error-max_duration_months"' in page and said in page
    assert _vacancy_count(app) == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_full_time_pay_below_the_minimum_wage_is_refused_part_time_warned(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, lang: str
) -> None:
    sign_in(client, "employer")
    low = vacancy_form(
        kind="regular", employment_type="full", salary_from="20000", salary_to="30000"
    )
    response = post(client, f"{NEW}?lang={lang}", low, f"{NEW}?lang={lang}")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="error-salary_from"' in page and "85\u00a0000\u00a0₸" in page
    assert _vacancy_count(app) == 0
    part = {**low, "employment_type": "part"}
    response = post(client, f"{NEW}?lang={lang}", part, f"{NEW}?lang={lang}")
    assert response.status_code == 302
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'class="flash warning"' in shown and "85\u00a0000\u00a0₸" in shown
    assert _vacancy_count(app) == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_applicants_come_first_with_the_cv_and_contacts_they_shared(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, lang: str
) -> None:
    vacancy_id = own_vacancy(app, people.employer_id, title="Продавец")
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        other = session.get(Seeker, people.other_seeker_id)
        assert seeker is not None and other is not None
        seeker.phone, seeker.skills = "+7 701 555 12 34", ["касса", "1С"]
        seeker.cv = Cv(
            title="Сатушы-кассир", summary="Үш жыл дүкенде.", visibility=CvVisibility.CENTRES
        )
        other.phone = "+7 702 000 00 00"
        session.add_all(
            [
                Application(seeker_id=seeker.id, vacancy_id=vacancy_id),
                Application(
                    seeker_id=other.id, vacancy_id=vacancy_id, status=ApplicationStatus.WITHDRAWN
                ),
            ]
        )
        session.commit()
    sign_in(client, "employer")
    page = client.get(f"/employer/vacancies/{vacancy_id}?lang={lang}").get_data(as_text=True)
    assert page.index('id="applications"') < page.index('id="candidates"')
    assert "+7 701 555 12 34" in page and people.emails["seeker"] in page
    assert "Сатушы-кассир" in page and "Үш жыл дүкенде." in page and "касса, 1С" in page
    assert "Омаров Ерлан" in page and "+7 702 000 00 00" not in page  # withdrawn: name only
    with extensions.database(app).session() as session:
        cv = session.scalars(select(Cv).where(Cv.seeker_id == people.seeker_id)).one()
        cv.visibility = CvVisibility.HIDDEN
        session.commit()
    page = client.get(f"/employer/vacancies/{vacancy_id}").get_data(as_text=True)
    assert "Сатушы-кассир" not in page and "+7 701 555 12 34" in page
