"""The profile and CV editor: round trip, CV visibility with consent, education and work."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import Cv, CvVisibility, Seeker
from indexer import DocType
from tests.web.conftest import People, SignIn, form_token

PROFILE = {
    "desired_occupations": ["8322"],
    "skills": "вождение, погрузка\nпервая помощь",
    "desired_salary": "250 000",
    "desired_schedules": ["shift", "full_day"],
    "max_commute_km": "30",
    "languages": ["kk", "ru"],
    "cv_title": "Водитель категории C",
    "cv_summary": "Пять лет вожу грузовики по Астане.",
    "visibility": "centres",
}


def _seeker(app: Flask, seeker_id: int) -> tuple[Seeker, Cv | None]:
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, seeker_id)
        assert seeker is not None
        session.expunge_all()
        cv = session.scalars(select(Cv).where(Cv.seeker_id == seeker_id)).one_or_none()
        return seeker, cv


def test_profile_round_trip_indexes_the_cv(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    token = form_token(client, "/me/profile")
    response = client.post("/me/profile", data={**PROFILE, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    seeker, cv = _seeker(app, people.seeker_id)
    assert seeker.skills == ["вождение", "погрузка", "первая помощь"]
    assert seeker.desired_salary == 250000 and seeker.max_commute_km == 30
    assert seeker.desired_occupations == ["8322"]
    assert seeker.desired_schedules == ["shift", "full_day"] and seeker.languages == ["kk", "ru"]
    assert cv is not None and cv.title == "Водитель категории C"
    assert cv.visibility is CvVisibility.CENTRES and cv.consent_publish_at is None
    doc = extensions.indexing(app).engine.get(DocType.CVS, cv.id)
    assert doc is not None
    page = client.get("/me/profile").get_data(as_text=True)
    assert "первая помощь" in page and 'value="250000"' in page


def test_bad_numbers_are_named_and_nothing_is_lost(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    token = form_token(client, "/me/profile")
    bad = {**PROFILE, "desired_salary": "много", "csrf_token": token}
    response = client.post("/me/profile", data=bad)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="error-desired_salary"' in page
    assert "Пять лет вожу грузовики" in page  # what was typed is shown back
    seeker, cv = _seeker(app, people.seeker_id)
    assert seeker.skills == [] and cv is None


def test_public_cv_needs_consent(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    token = form_token(client, "/me/profile")
    public = {**PROFILE, "visibility": "public", "csrf_token": token}
    refused = client.post("/me/profile", data=public)
    assert refused.status_code == 422
    assert 'id="error-consent_publish"' in refused.get_data(as_text=True)
    accepted = client.post("/me/profile", data={**public, "consent_publish": "yes"})
    assert accepted.status_code == 302
    _, cv = _seeker(app, people.seeker_id)
    assert cv is not None and cv.visibility is CvVisibility.PUBLIC
    assert cv.consent_publish_at is not None


def test_education_and_work_add_and_remove(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    token = form_token(client, "/me/profile")
    edu = client.post(
        "/me/profile/education",
        data={
            "level": "tipo",
            "institution": "Астанинский колледж",
            "specialty_name": "Водитель",
            "graduated_on": "2018-06-30",
            "csrf_token": token,
        },
    )
    assert edu.status_code == 302
    work = client.post(
        "/me/profile/work",
        data={
            "employer_name": "ТОО Логистика",
            "position": "Водитель",
            "started_on": "2019-01-10",
            "ended_on": "2018-01-01",
            "description": "",
            "csrf_token": token,
        },
    )
    assert work.status_code == 422
    assert 'id="error-work_ended_on"' in work.get_data(as_text=True)
    work = client.post(
        "/me/profile/work",
        data={
            "employer_name": "ТОО Логистика",
            "position": "Водитель",
            "started_on": "2019-01-10",
            "ended_on": "",
            "description": "Грузоперевозки",
            "csrf_token": token,
        },
    )
    assert work.status_code == 302
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        assert [e.institution for e in seeker.education] == ["Астанинский колледж"]
        assert [w.position for w in seeker.work_history] == ["Водитель"]
        edu_id, work_id = seeker.education[0].id, seeker.work_history[0].id
    assert (
        client.post(f"/me/profile/work/{work_id}/remove", data={"csrf_token": token}).status_code
        == 302
    )
    assert (
        client.post(
            f"/me/profile/education/{edu_id}/remove", data={"csrf_token": token}
        ).status_code
        == 302
    )
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None and seeker.education == [] and seeker.work_history == []


def test_another_seeker_cannot_remove_my_entries(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    token = form_token(client, "/me/profile")
    client.post(
        "/me/profile/education",
        data={"level": "higher", "institution": "ЕНУ", "graduated_on": "", "csrf_token": token},
    )
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        edu_id = seeker.education[0].id
    other = app.test_client()
    sign_in(other, "other_seeker")
    token = form_token(other, "/me/profile")
    response = other.post(f"/me/profile/education/{edu_id}/remove", data={"csrf_token": token})
    assert response.status_code == 404


def test_occupation_search_offers_choices(
    client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    page = client.get("/me/profile?occ_q=водитель").get_data(as_text=True)
    assert 'name="desired_occupations"' in page


def test_other_roles_get_403(client: FlaskClient, people: People, sign_in: SignIn) -> None:
    sign_in(client, "employer")
    for path in ("/me", "/me/profile", "/me/applications", "/me/searches", "/me/data"):
        assert client.get(path).status_code == 403, path
