"""Editing a client's facts and the family view."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import Family, FamilyRole, Seeker, SeekerStatus
from app.services.people import person_facts
from matching.iin import make_iin
from tests.db.factories import a_seeker
from tests.web.conftest import People, SignIn, form_token
from tests.web.desk_clients.helpers import audit, freeze, valid_iins

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _setup(app: Flask, people: People, monkeypatch: pytest.MonkeyPatch) -> None:
    valid_iins(app, people)
    freeze(monkeypatch, TODAY)


def _relative(app: Flask, people: People, **fields: object) -> tuple[int, str]:
    born = fields.pop("birth_date", date(1970, 2, 3))
    assert isinstance(born, date)
    iin = make_iin(born, "male", 900)
    with extensions.database(app).session() as session:
        seeker = a_seeker(
            session,
            iin=iin,
            first_name="Бауыржан",
            birth_date=born,
            centre_id=fields.pop("centre_id", people.centre_id),
            status=SeekerStatus.UNEMPLOYED,
            registered_on=date(2026, 9, 1),
            **fields,
        )
        session.commit()
        return seeker.id, iin


def test_edit_maps_care_facts_into_the_rules(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "staff")
    path = f"/desk/clients/{people.seeker_id}/edit"
    token = form_token(client, path)
    form = {
        "csrf_token": token,
        "last_name": "Сейткали",
        "first_name": "Айгерим",
        "phone": "+7 702 000 00 00",
        "is_carer": "yes",
        "care_recipient": "elderly",
        "care_recipient_birth_date": "1940-01-01",
    }
    bad = client.post(path, data={**form, "care_recipient_birth_date": "2030-01-01"})
    assert bad.status_code == 422
    assert 'id="f-care_recipient_birth_date-error"' in bad.get_data(as_text=True)
    assert client.post(path, data=form).status_code == 303
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        assert seeker.phone == "+7 702 000 00 00"
        facts = person_facts(seeker)
        assert [c.kind for c in facts.cares_for] == ["elderly"]
    assert audit(app, "client:edit", people.seeker_id)
    page = client.get(f"/desk/clients/{people.seeker_id}").get_data(as_text=True)
    assert 'id="programme-public_works"' in page


def test_family_create_add_member_and_match_links(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    relative_id, relative_iin = _relative(app, people)
    elder_id, elder_iin = _relative(app, people, birth_date=date(1950, 1, 1), last_name="Ата")
    sign_in(client, "staff")
    token = form_token(client, f"/desk/clients/{people.seeker_id}")
    created = client.post(f"/desk/clients/{people.seeker_id}/family", data={"csrf_token": token})
    assert created.status_code == 303
    family_path = created.headers["Location"]
    token = form_token(client, family_path)
    bad = client.post(
        family_path + "/members", data={"csrf_token": token, "iin": "123", "role": "spouse"}
    )
    assert bad.status_code == 422
    assert 'id="f-iin-error"' in bad.get_data(as_text=True)
    for iin, role in ((relative_iin, "spouse"), (elder_iin, "parent")):
        added = client.post(
            family_path + "/members", data={"csrf_token": token, "iin": iin, "role": role}
        )
        assert added.status_code == 303
    again = client.post(
        family_path + "/members", data={"csrf_token": token, "iin": relative_iin, "role": "spouse"}
    )
    assert again.status_code == 422
    page = client.get(family_path).get_data(as_text=True)
    for member in (people.seeker_id, relative_id, elder_id):
        assert f'id="member-{member}"' in page
    match_all = page.split('id="match-all"')[1].split("</ul>")[0]
    assert f"/desk/clients/{people.seeker_id}/match" in match_all
    assert f"/desk/clients/{relative_id}/match" in match_all
    assert f"/desk/clients/{elder_id}/match" not in match_all  # of pension age
    with extensions.database(app).session() as session:
        family = session.get(Family, int(family_path.rsplit("/", 1)[1]))
        assert family is not None and family.centre_id == people.centre_id
        roles = {m.id: m.family_role for m in family.members}
        assert roles[people.seeker_id] == FamilyRole.HEAD
        assert roles[relative_id] == FamilyRole.SPOUSE
    record = client.get(f"/desk/clients/{relative_id}").get_data(as_text=True)
    assert family_path in record
    sign_in(client, "other_staff")
    assert client.get(family_path).status_code == 404


def test_another_centres_client_cannot_join(
    app: Flask, client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    _, iin = _relative(app, people, centre_id=people.other_centre_id)
    sign_in(client, "staff")
    token = form_token(client, f"/desk/clients/{people.seeker_id}")
    family_path = client.post(
        f"/desk/clients/{people.seeker_id}/family", data={"csrf_token": token}
    ).headers["Location"]
    response = client.post(
        family_path + "/members", data={"csrf_token": token, "iin": iin, "role": "child"}
    )
    assert response.status_code == 422
