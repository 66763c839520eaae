"""Fixtures for page tests: one person of every kind, and signing in through the real form.

``people`` builds: a registered seeker (linked login, IIN, at centre A), another seeker, an
employer and another employer (each with a login), staff of centre A, staff of centre B, and
an admin. ``sign_in(client, "staff")`` posts the login form with its CSRF token, exactly as a
browser does; ``form_token(client, path)`` reads the CSRF token a page embeds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app import extensions
from app.models import Centre, Role, SeekerStatus, User
from app.services.users import create_user
from tests.db.factories import a_locality, a_seeker, an_employer

PASSWORD = "correct horse battery"
TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class People:
    """Ids of what ``people`` made (the rows themselves live in the app's database)."""

    users: dict[str, int] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    seeker_id: int = 0
    other_seeker_id: int = 0
    employer_id: int = 0
    other_employer_id: int = 0
    centre_id: int = 0
    other_centre_id: int = 0


def _login(session: Session, people: People, name: str, role: Role, **affiliation: int) -> User:
    email = f"{name.replace('_', '.')}@example.kz"
    user = create_user(
        session, email=email, password=PASSWORD, role=role, display_name=name, **affiliation
    )
    people.users[name] = user.id
    people.emails[name] = email
    return user


@pytest.fixture
def people(app: Flask) -> Iterator[People]:
    made = People()
    with extensions.database(app).session() as session:
        locality = a_locality(session)
        centres = [
            Centre(name_kk=f"Орталық {n}", name_ru=f"Центр {n}", region_id=locality.region_id)
            for n in ("A", "B")
        ]
        session.add_all(centres)
        session.flush()
        made.centre_id, made.other_centre_id = centres[0].id, centres[1].id
        employer = an_employer(session, name="ТОО Дала")
        other = an_employer(session, name="ТОО Басқа")
        made.employer_id, made.other_employer_id = employer.id, other.id
        seeker_user = _login(session, made, "seeker", Role.SEEKER)
        other_user = _login(session, made, "other_seeker", Role.SEEKER)
        _login(session, made, "employer", Role.EMPLOYER, employer_id=employer.id)
        _login(session, made, "other_employer", Role.EMPLOYER, employer_id=other.id)
        _login(session, made, "staff", Role.STAFF, centre_id=centres[0].id)
        _login(session, made, "other_staff", Role.STAFF, centre_id=centres[1].id)
        _login(session, made, "admin", Role.ADMIN)
        seeker = a_seeker(
            session,
            user_id=seeker_user.id,
            iin="980412404507",
            centre_id=centres[0].id,
            locality_id=locality.id,
            status=SeekerStatus.JOB_SEEKER,
            registered_on=date(2026, 11, 2),
            status_since=date(2026, 11, 2),
        )
        other_seeker = a_seeker(
            session,
            user_id=other_user.id,
            first_name="Ерлан",
            last_name="Омаров",
            iin="950101303506",
            centre_id=centres[1].id,
        )
        made.seeker_id, made.other_seeker_id = seeker.id, other_seeker.id
        session.commit()
    yield made


def form_token(client: FlaskClient, path: str = "/login") -> str:
    page = client.get(path)
    found = TOKEN_RE.search(page.get_data(as_text=True))
    assert found, f"no CSRF token on {path} ({page.status_code})"
    return found.group(1)


SignIn = Callable[[FlaskClient, str], None]


@pytest.fixture
def sign_in(people: People) -> SignIn:
    def do(client: FlaskClient, who: str) -> None:
        token = form_token(client)
        response = client.post(
            "/login",
            data={"email": people.emails[who], "password": PASSWORD, "csrf_token": token},
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:500]

    return do
