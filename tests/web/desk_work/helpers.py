"""Rows the desk-work tests share: clients of the staff's centre and vacancies to refer them to."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import Employer, Referral, Seeker, SeekerStatus, VacancyKind
from tests.db.factories import a_locality, a_seeker, a_vacancy
from tests.web.conftest import People, form_token

MONDAY = date(2026, 12, 14)  # the week of Independence Day (Wednesday 16 December)
DRIVER = "8322"


def a_client(app: Flask, people: People, **fields: Any) -> int:
    """A registered unemployed driver of centre A, living in Astana."""
    with extensions.database(app).session() as session:
        locality = a_locality(session)
        seeker = a_seeker(
            session,
            centre_id=fields.pop("centre_id", people.centre_id),
            locality_id=locality.id,
            status=fields.pop("status", SeekerStatus.UNEMPLOYED),
            registered_on=fields.pop("registered_on", MONDAY - timedelta(days=40)),
            status_since=MONDAY - timedelta(days=30),
            desired_occupations=[DRIVER],
            **fields,
        )
        session.commit()
        return seeker.id


def a_place(app: Flask, people: People, **fields: Any) -> int:
    """A published vacancy in Astana; suitable work for the client unless fields say otherwise."""
    with extensions.database(app).session() as session:
        employer = session.get(Employer, people.employer_id)
        values: dict[str, Any] = {
            "title": "Жүргізуші",
            "occupation_code": DRIVER,
            "salary_from": 300_000,
            "address": "Астана, Бейбітшілік к-сі, 10",
        }
        values.update(fields)
        vacancy = a_vacancy(session, employer, **values)
        session.commit()
        return vacancy.id


def refer(client: FlaskClient, seeker_id: int, vacancy_id: int, **form: str) -> Any:
    token = form_token(client, "/desk/public-works")
    data = {"csrf_token": token, "vacancy_id": str(vacancy_id), **form}
    return client.post(f"/desk/clients/{seeker_id}/referrals", data=data)


def referral_id(response: Any) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def close(client: FlaskClient, rid: int, outcome: str, reason: str = "") -> Any:
    token = form_token(client, f"/desk/referrals/{rid}")
    data = {"csrf_token": token, "outcome": outcome, "refusal_reason": reason}
    return client.post(f"/desk/referrals/{rid}/outcome", data=data)


def load(app: Flask, rid: int) -> tuple[Referral, Seeker]:
    with extensions.database(app).session() as session:
        referral = session.get(Referral, rid)
        assert referral is not None
        seeker = referral.seeker
        session.expunge_all()
        return referral, seeker


SOCIAL = VacancyKind.SOCIAL_JOB
PUBLIC = VacancyKind.PUBLIC_WORKS
