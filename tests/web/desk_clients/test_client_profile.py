"""Staff fill a client's work profile and CV with the seeker's own editor: occupation finder,
skills, work history, CV and its visibility rule; audited; other centres get 404; the desk's
match then ranks by what was filled."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import Cv, CvVisibility, Seeker, SeekerStatus
from tests.web.conftest import People, SignIn, form_token
from tests.web.desk_clients.helpers import audit
from tests.web.desk_work.helpers import a_place

PROFILE = {
    "desired_occupations": ["8322"],
    "skills": "вождение, погрузка",
    "desired_salary": "250 000",
    "max_commute_km": "30",
    "languages": ["kk", "ru"],
    "cv_title": "Жүргізуші, C санаты",
    "cv_summary": "Бес жыл жүк көлігін жүргіздім.",
    "visibility": "centres",
}


def _profile_url(people: People) -> str:
    return f"/desk/clients/{people.seeker_id}/profile"


def _post(client: FlaskClient, path: str, data: dict[str, object], page: str) -> object:
    return client.post(path, data={"csrf_token": form_token(client, page), **data})


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_staff_fill_the_profile_with_the_seekers_editor(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, lang: str
) -> None:
    sign_in(client, "staff")
    client.set_cookie("lang", lang)
    url = _profile_url(people)
    found = client.get(url, query_string={"occ_q": "жүргізуші"}).get_data(as_text=True)
    assert 'value="8322"' in found  # the same occupation finder as the seeker's
    response = client.post(url, data={**PROFILE, "csrf_token": form_token(client, url)})
    assert response.status_code == 302, response.get_data(as_text=True)[:1000]
    work = {
        "employer_name": "ТОО Дала",
        "position": "Жүргізуші",
        "started_on": "2019-03-01",
        "ended_on": "2024-06-30",
        "description": "",
    }
    response = client.post(f"{url}/work", data={**work, "csrf_token": form_token(client, url)})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{url}#work")
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        assert seeker.desired_occupations == ["8322"]
        assert seeker.skills == ["вождение", "погрузка"]
        assert [w.position for w in seeker.work_history] == ["Жүргізуші"]
        assert seeker.cv is not None and seeker.cv.visibility is CvVisibility.CENTRES
    assert len(audit(app, "client:profile", people.seeker_id)) == 2
    record = client.get(f"/desk/clients/{people.seeker_id}").get_data(as_text=True)
    assert "вождение, погрузка" in record and "Жүргізуші, C санаты" in record
    assert f'href="{url}"' in record
    edit = client.get(f"/desk/clients/{people.seeker_id}/edit").get_data(as_text=True)
    assert f'href="{url}"' in edit


def test_a_public_cv_needs_the_clients_consent_and_bad_input_is_named(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "staff")
    client.set_cookie("lang", "ru")
    url = _profile_url(people)
    bad = {**PROFILE, "visibility": "public", "desired_salary": "много"}
    response = client.post(url, data={**bad, "csrf_token": form_token(client, url)})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="error-consent_publish"' in page and 'id="error-desired_salary"' in page
    assert "вождение, погрузка" in page  # what was typed is kept
    with extensions.database(app).session() as session:
        assert session.scalars(select(Cv).where(Cv.seeker_id == people.seeker_id)).first() is None
    consented = {**PROFILE, "visibility": "public", "consent_publish": "yes"}
    response = client.post(url, data={**consented, "csrf_token": form_token(client, url)})
    assert response.status_code == 302
    with extensions.database(app).session() as session:
        cv = session.scalars(select(Cv).where(Cv.seeker_id == people.seeker_id)).one()
        assert cv.visibility is CvVisibility.PUBLIC and cv.consent_publish_at is not None


def test_only_staff_of_the_clients_centre_change_the_profile(
    client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "other_staff")
    url = _profile_url(people)
    assert client.get(url).status_code == 404
    token = form_token(client, "/desk")
    assert client.post(url, data={**PROFILE, "csrf_token": token}).status_code == 404


def test_the_desk_match_ranks_by_the_occupations_staff_filled(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    cook = a_place(app, people, title="Аспаз", occupation_code="5120")
    driver = a_place(app, people, title="Жүргізуші")
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.status = SeekerStatus.UNEMPLOYED
        session.commit()
    sign_in(client, "staff")

    def first() -> str:
        page = client.get(f"/desk/clients/{people.seeker_id}/match").get_data(as_text=True)
        cards = page.split('<li class="card" id="vacancy-')[1:]
        return cards[0].split('"')[0] if cards else ""

    url = _profile_url(people)
    for code, expected in (("5120", cook), ("8322", driver)):
        wish = {**PROFILE, "desired_occupations": [code], "cv_title": "", "cv_summary": ""}
        response = client.post(url, data={**wish, "csrf_token": form_token(client, url)})
        assert response.status_code == 302
        assert first() == str(expected), code
