"""Builders for the employer page tests: a vacancy form as a browser sends it, a referral."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import Employer, Referral, Vacancy
from indexer import DocType, SearchQuery
from tests.db.factories import a_vacancy
from tests.web.conftest import form_token

ASTANA = "710000000"


def vacancy_form(**changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "title": "Әлеуметтік қызметкердің көмекшісі",
        "kind": "social_job",
        "occupation": "",
        "description": "Қарттарға үйде көмек көрсету. Помощь пожилым людям на дому.",
        "skills": "күтім, алғашқы көмек",
        "places": "3",
        "salary_from": "120000",
        "salary_to": "150000",
        "schedule": "full_day",
        "employment_type": "temporary",
        "experience": "none",
        "education_level": "",
        "lang": "kk",
        "max_duration_months": "",
        "expires": "",
        "locality_kato": ASTANA,
        "address": "Абай даңғылы, 10",
        "action": "draft",
    }
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def post(client: FlaskClient, path: str, data: dict[str, Any], token_path: str | None = None):
    token = form_token(client, token_path or path)
    return client.post(path, data={**data, "csrf_token": token})


def own_vacancy(app: Flask, employer_id: int, **fields: Any) -> int:
    with extensions.database(app).session() as session:
        employer = session.get(Employer, employer_id)
        vacancy = a_vacancy(session, employer, **fields)
        session.commit()
        return vacancy.id


def a_referral(
    app: Flask, seeker_id: int, vacancy_id: int, centre_id: int, *, answer_in_days: int
) -> int:
    """A pending referral whose employer answer is due ``answer_in_days`` from today."""
    today = date.today()
    with extensions.database(app).session() as session:
        referral = Referral(
            seeker_id=seeker_id,
            vacancy_id=vacancy_id,
            centre_id=centre_id,
            issued_on=today - timedelta(days=7),
            report_by=today + timedelta(days=answer_in_days + 2),
            employer_answer_by=today + timedelta(days=answer_in_days),
            counted_as_suitable_offer=False,
            suitability={},
        )
        session.add(referral)
        session.commit()
        return referral.id


def found_ids(app: Flask, text: str) -> list[int]:
    result = extensions.indexing(app).engine.search(DocType.VACANCIES, SearchQuery(text=text))
    return [hit.id for hit in result.hits]


def load(app: Flask, vacancy_id: int) -> Vacancy:
    with extensions.database(app).session() as session:
        vacancy = session.get(Vacancy, vacancy_id)
        assert vacancy is not None
        session.expunge(vacancy)
        return vacancy
