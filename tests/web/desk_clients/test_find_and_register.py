"""Finding a client by IIN or name and registering a new one under the rules."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import Seeker, SeekerStatus
from matching.iin import make_iin
from matching.rules.texts import reason
from tests.web.conftest import People, SignIn
from tests.web.desk_clients.helpers import (
    NEW_IIN,
    OTHER_IIN,
    SEEKER_IIN,
    TODAY,
    freeze,
    post,
    registration,
    seeker_by_iin,
    valid_iins,
)

pytestmark = pytest.mark.both_databases  # duplicate search (group by / having)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze(monkeypatch, TODAY)


@pytest.fixture(autouse=True)
def _iins(app: Flask, people: People) -> None:
    valid_iins(app, people)


@pytest.mark.parametrize("who", ["seeker", "employer"])
def test_other_roles_are_refused(client: FlaskClient, sign_in: SignIn, who: str) -> None:
    sign_in(client, who)
    assert client.get("/desk").status_code == 403
    assert client.get("/desk/clients/new").status_code == 403


def test_anonymous_goes_to_login(client: FlaskClient, people: People) -> None:
    response = client.get("/desk")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_find_by_iin_shows_the_centre_client_masked(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    spaced = f"{SEEKER_IIN[:4]} {SEEKER_IIN[4:8]} {SEEKER_IIN[8:]}"
    page = post(client, "/desk", {"iin": spaced}).get_data(as_text=True)
    assert f"/desk/clients/{people.seeker_id}" in page
    assert "********" + SEEKER_IIN[-4:] in page
    assert page.count(SEEKER_IIN) == 1  # only in the search box the staff member filled


def test_bad_iin_is_a_422_on_the_field(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    wrong = SEEKER_IIN[:11] + str((int(SEEKER_IIN[11]) + 1) % 10)
    response = post(client, "/desk", {"iin": wrong})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="f-iin-error"' in page
    assert 'aria-invalid="true"' in page
    assert post(client, "/desk", {"iin": "12345"}).status_code == 422
    assert post(client, "/desk", {"iin": ""}).status_code == 422


def test_unknown_iin_offers_registration_with_it(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    page = post(client, "/desk", {"iin": NEW_IIN}).get_data(as_text=True)
    assert 'id="not-found"' in page
    assert 'id="register-new"' in page and f'name="iin" value="{NEW_IIN}"' in page
    assert "17.05.1990" in page
    prefilled = post(client, "/desk/clients/new", {"iin": NEW_IIN, "prefill": "1"})
    assert prefilled.status_code == 200
    form = prefilled.get_data(as_text=True)
    assert f'value="{NEW_IIN}"' in form
    assert 'id="iin-derived"' in form


def test_another_centres_client_is_not_listed(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    page = post(client, "/desk", {"iin": OTHER_IIN}).get_data(as_text=True)
    assert 'id="elsewhere"' in page
    assert f"/desk/clients/{people.other_seeker_id}" not in page


def test_find_by_name_is_case_insensitive_and_centre_only(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    page = client.get("/desk?last_name=сейтк&first_name=АЙГ").get_data(as_text=True)
    assert f"/desk/clients/{people.seeker_id}" in page
    page = client.get("/desk?last_name=Омаров").get_data(as_text=True)
    assert f"/desk/clients/{people.other_seeker_id}" not in page
    page = client.get("/desk?last_name=Сейткали&birth_date=1999-01-01").get_data(as_text=True)
    assert 'id="not-found"' in page
    assert client.get("/desk?last_name=Сейткали&birth_date=1999-13-01").status_code == 422
    assert client.get("/desk?search=1").status_code == 422


def test_register_runs_the_rules_and_records_consent(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    response = post(
        client,
        "/desk/clients/new",
        registration(
            is_carer="yes", care_recipient="child", care_recipient_birth_date="2022-03-01"
        ),
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    seeker = seeker_by_iin(app, NEW_IIN)
    assert seeker is not None
    assert seeker.status == SeekerStatus.JOB_SEEKER
    assert seeker.registered_on == TODAY
    assert seeker.centre_id == people.centre_id
    assert seeker.birth_date == date(1990, 5, 17)
    assert seeker.sex.value == "male"
    assert seeker.data_consent_at is not None
    assert seeker.care_recipient == "child"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'class="flash success"' in page
    assert reason("may_register").kk in page  # the rules' decision, in the page's language


def test_refused_registration_explains_and_saves_nothing(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    child = make_iin(date(2015, 6, 1), "female", 77)
    response = post(client, "/desk/clients/new", registration(iin=child, birth_date=""))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="refusal"' in page
    assert "<li>" in page.split('id="refusal"')[1].split("</div>")[0]
    assert seeker_by_iin(app, child) is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"birth_date": "1991-05-17"}, "birth_date"),
        ({"consent": ""}, "consent"),
        ({"iin": "900517300000"}, "iin"),
        ({"last_name": ""}, "last_name"),
        ({"is_carer": "yes"}, "care_recipient"),
        ({"locality_id": "999999"}, "locality_id"),
    ],
)
def test_bad_fields_are_named(
    app: Flask,
    client: FlaskClient,
    sign_in: SignIn,
    people: People,
    fields: dict[str, str],
    field: str,
) -> None:
    sign_in(client, "staff")
    response = post(client, "/desk/clients/new", registration(**fields))
    assert response.status_code == 422
    assert f'id="f-{field}-error"' in response.get_data(as_text=True)
    assert seeker_by_iin(app, NEW_IIN) is None


def test_duplicate_iin_links_to_the_existing_client(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    response = post(client, "/desk/clients/new", registration(iin=SEEKER_IIN, birth_date=""))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="f-iin-error"' in page
    assert f"/desk/clients/{people.seeker_id}" in page
    response = post(client, "/desk/clients/new", registration(iin=OTHER_IIN, birth_date=""))
    assert response.status_code == 422
    assert f"/desk/clients/{people.other_seeker_id}" not in response.get_data(as_text=True)
    with extensions.database(app).session() as session:
        assert session.query(Seeker).count() == 2


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("Тұрсынова", "Турсынова"), ("Тұрсынова", "турсын"), ("Фёдоров", "Федоров")],
)
def test_find_by_name_folds_kazakh_letters_and_yo(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People, stored: str, typed: str
) -> None:
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.last_name = stored
        session.commit()
    sign_in(client, "staff")
    page = client.get("/desk", query_string={"last_name": typed}).get_data(as_text=True)
    assert f'id="client-{people.seeker_id}"' in page


def test_percent_and_underscore_typed_in_a_name_are_literal(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    for typed in ("%", "_ейткали", "Сейт%"):
        page = client.get("/desk", query_string={"last_name": typed}).get_data(as_text=True)
        assert 'id="not-found"' in page, typed
