"""Referral answers, the organisation profile, who may open the employer pages, and languages."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import (
    Application,
    AuditLog,
    Employer,
    Placement,
    Referral,
    ReferralOutcome,
    Seeker,
    SeekerStatus,
    VacancyKind,
)
from tests.web.conftest import People, SignIn
from tests.web.employer.helpers import a_referral, own_vacancy, post

REFERRALS = "/employer/referrals"
PAGES = (
    "/employer",
    "/employer/vacancies/new",
    REFERRALS,
    "/employer/profile",
    "/employer/profile?edit=1",
)


def _social_referral(app: Flask, people: People, answer_in_days: int) -> tuple[int, int]:
    vacancy_id = own_vacancy(
        app, people.employer_id, title="Социальный работник", kind=VacancyKind.SOCIAL_JOB
    )
    referral_id = a_referral(
        app, people.seeker_id, vacancy_id, people.centre_id, answer_in_days=answer_in_days
    )
    return vacancy_id, referral_id


def test_hired_makes_the_person_employed_and_is_audited(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id, referral_id = _social_referral(app, people, answer_in_days=2)
    sign_in(client, "employer")
    page = client.get(f"{REFERRALS}?lang=ru").get_data(as_text=True)
    assert "Сейткали Айгерим" in page and "Социальный работник" in page
    response = post(client, f"{REFERRALS}/{referral_id}/answer", {"outcome": "hired"}, REFERRALS)
    assert response.status_code == 303
    with extensions.database(app).session() as session:
        referral = session.get(Referral, referral_id)
        seeker = session.get(Seeker, people.seeker_id)
        assert referral is not None and seeker is not None
        assert referral.outcome is ReferralOutcome.HIRED
        assert seeker.status is SeekerStatus.EMPLOYED
        placement = session.execute(select(Placement)).scalar_one()
        assert placement.vacancy_id == vacancy_id and placement.kind is VacancyKind.SOCIAL_JOB
        actions = session.execute(select(AuditLog.action)).scalars().all()
        assert "referral:hired" in actions
    again = post(client, f"{REFERRALS}/{referral_id}/answer", {"outcome": "hired"}, REFERRALS)
    assert again.status_code == 409
    assert "На это направление уже дан ответ" in again.get_data(as_text=True)
    assert "Жұмысқа алынды" in client.get(f"{REFERRALS}?lang=kk").get_data(as_text=True)


def test_rejection_needs_a_reason(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    _, referral_id = _social_referral(app, people, answer_in_days=1)
    sign_in(client, "employer")
    target = f"{REFERRALS}/{referral_id}/answer"
    missing = post(client, target, {"outcome": "rejected_by_employer"}, f"{REFERRALS}?lang=ru")
    assert missing.status_code == 422
    assert "Укажите причину отказа" in missing.get_data(as_text=True)
    staff_only = post(client, target, {"outcome": "no_show"}, REFERRALS)
    assert staff_only.status_code == 422
    answer = {"outcome": "rejected_by_employer", "refusal_reason": "Нет медицинской книжки"}
    assert post(client, target, answer, REFERRALS).status_code == 303
    with extensions.database(app).session() as session:
        referral = session.get(Referral, referral_id)
        seeker = session.get(Seeker, people.seeker_id)
        assert referral is not None and seeker is not None
        assert referral.outcome is ReferralOutcome.REJECTED_BY_EMPLOYER
        assert referral.refusal_reason == "Нет медицинской книжки"
        assert seeker.status is SeekerStatus.JOB_SEEKER
    closed = post(client, target, answer, REFERRALS)
    assert closed.status_code == 409


def test_overdue_answers_are_marked_in_words_and_come_first(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id, later = _social_referral(app, people, answer_in_days=5)
    overdue = a_referral(
        app, people.other_seeker_id, vacancy_id, people.centre_id, answer_in_days=-2
    )
    sign_in(client, "employer")
    page = client.get(f"{REFERRALS}?lang=ru").get_data(as_text=True)
    assert page.index(f'id="referral-{overdue}"') < page.index(f'id="referral-{later}"')
    card = page.split(f'id="referral-{overdue}"')[1].split("</li>")[0]
    assert "Просроченные" in card and "Ответ нужно было дать до" in card
    other = page.split(f'id="referral-{later}"')[1].split("</li>")[0]
    assert "Просроченные" not in other
    dashboard = client.get("/employer?lang=ru").get_data(as_text=True)
    assert "Просрочено ответов: 1" in dashboard and "Скоро срок ответа" not in dashboard
    a_referral(app, people.other_seeker_id, vacancy_id, people.centre_id, answer_in_days=1)
    dashboard = client.get("/employer?lang=ru").get_data(as_text=True)
    assert "Скоро срок ответа: 1" in dashboard


def test_another_employers_vacancy_and_referral_are_not_found(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    vacancy_id, referral_id = _social_referral(app, people, answer_in_days=2)
    sign_in(client, "other_employer")
    base = f"/employer/vacancies/{vacancy_id}"
    for path in (base, f"{base}/edit"):
        assert client.get(path).status_code == 404
    with extensions.database(app).session() as session:
        application = Application(seeker_id=people.seeker_id, vacancy_id=vacancy_id)
        session.add(application)
        session.commit()
        application_id = application.id
    status = f"{base}/applications/{application_id}"
    for path in (f"{base}/close", f"{base}/publish", f"{base}/edit", status):
        assert post(client, path, {"title": "x"}, "/employer").status_code == 404
    answer = post(client, f"{REFERRALS}/{referral_id}/answer", {"outcome": "hired"}, REFERRALS)
    assert answer.status_code == 404
    assert "Сейткали" not in client.get(REFERRALS).get_data(as_text=True)
    with extensions.database(app).session() as session:
        referral = session.get(Referral, referral_id)
        assert referral is not None and referral.outcome is ReferralOutcome.PENDING


@pytest.mark.parametrize("who", ["seeker", "staff", "admin"])
def test_other_roles_are_refused(
    client: FlaskClient, people: People, sign_in: SignIn, who: str
) -> None:
    sign_in(client, who)
    for path in PAGES:
        assert client.get(path).status_code == 403, path


def test_anonymous_visitors_are_sent_to_sign_in(client: FlaskClient, people: People) -> None:
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


def test_profile_is_shown_and_edited_with_a_checked_bin(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "employer")
    assert "ТОО Дала" in client.get("/employer/profile").get_data(as_text=True)
    edit = "/employer/profile?edit=1&lang=ru"
    good = {
        "name": "ТОО «Дала Сервис»",
        "bin": "070340001239",
        "ownership_form": "private",
        "locality_kato": "710000000",
        "address": "ул. Кенесары, 1",
        "contact_name": "Асель Нурланова",
        "phone": "+7 701 234 56 78",
        "email": "hr@dala.kz",
        "website": "https://dala.kz",
    }
    bad = post(client, "/employer/profile?lang=ru", {**good, "bin": "070340001230"}, edit)
    assert bad.status_code == 422
    assert 'id="error-bin"' in bad.get_data(as_text=True)
    with extensions.database(app).session() as session:
        employer = session.get(Employer, people.employer_id)
        assert employer is not None and employer.name == "ТОО Дала" and employer.bin is None
    short = post(client, "/employer/profile", {**good, "bin": "12345", "email": "nope"}, edit)
    assert short.status_code == 422 and 'id="error-email"' in short.get_data(as_text=True)
    assert post(client, "/employer/profile", good, edit).status_code == 303
    with extensions.database(app).session() as session:
        employer = session.get(Employer, people.employer_id)
        assert employer is not None
        assert employer.bin == "070340001239" and employer.name == "ТОО «Дала Сервис»"
        assert employer.locality is not None and employer.locality.kato == "710000000"
        assert employer.phone == "+7 701 234 56 78"
    shown = client.get("/employer/profile?lang=ru").get_data(as_text=True)
    assert "070340001239" in shown and "Частная" in shown


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "kk",
            ("Менің бос орындарым", "Бос орын жариялау", "Орталықтың жолдамалары", "Меншік нысаны"),
        ),
        (
            "ru",
            ("Мои вакансии", "Разместить вакансию", "Направления центра", "Форма собственности"),
        ),
    ],
)
def test_pages_render_in_kazakh_and_russian(
    app: Flask,
    client: FlaskClient,
    people: People,
    sign_in: SignIn,
    lang: str,
    words: tuple[str, ...],
) -> None:
    vacancy_id, _ = _social_referral(app, people, answer_in_days=2)
    sign_in(client, "employer")
    pages = [
        client.get(f"{path}?lang={lang}")
        for path in (
            "/employer",
            "/employer/vacancies/new",
            f"/employer/vacancies/{vacancy_id}",
            f"/employer/vacancies/{vacancy_id}/edit",
            REFERRALS,
            "/employer/profile",
        )
    ]
    assert all(p.status_code == 200 for p in pages)
    text = "".join(p.get_data(as_text=True) for p in pages)
    assert f'<html lang="{lang}">' in text
    for word in words:
        assert word in text, word
