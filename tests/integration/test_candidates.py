"""Vacancy → candidates respects CV visibility; similar vacancies skip the base and its copies."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask import Flask

from app import extensions
from app.models import Cv, CvVisibility, Role
from app.services.candidates import candidates_for_vacancy, similar_vacancies
from app.services.vacancies import VacancyInput, create_vacancy
from tests.db.factories import a_locality, a_seeker, an_employer

TODAY = date(2026, 11, 24)


def _cv(session, title: str, visibility: CvVisibility, skills: list[str]) -> int:
    seeker = a_seeker(session, locality=a_locality(session, "Астана"), skills=skills)
    consent = datetime.now(UTC) if visibility is CvVisibility.PUBLIC else None
    seeker.cv = Cv(title=title, visibility=visibility, consent_publish_at=consent)
    session.flush()
    return seeker.cv.id


def test_employers_see_public_cvs_staff_also_centre_only(app: Flask) -> None:
    with extensions.database(app).session() as session:
        vacancy = create_vacancy(
            session,
            an_employer(session),
            VacancyInput.of(title="Бухгалтер", skills=["1С"], locality_kato="710000000"),
        )
        public = _cv(session, "Бухгалтер", CvVisibility.PUBLIC, ["1С", "Excel"])
        centres = _cv(session, "Бухгалтер-кассир", CvVisibility.CENTRES, ["1С"])
        hidden = _cv(session, "Главный бухгалтер", CvVisibility.HIDDEN, ["1С"])
        vacancy_id = vacancy.id
    services = extensions.indexing(app)
    with extensions.database(app).session() as session:
        for_employer = candidates_for_vacancy(
            session, services, vacancy_id, Role.EMPLOYER, today=TODAY
        )
        for_staff = candidates_for_vacancy(session, services, vacancy_id, Role.STAFF, today=TODAY)
        with pytest.raises(PermissionError):
            candidates_for_vacancy(session, services, vacancy_id, Role.SEEKER, today=TODAY)
    assert [c.cv.id for c in for_employer] == [public]
    assert sorted(c.cv.id for c in for_staff) == sorted([public, centres])
    assert hidden not in [c.cv.id for c in for_staff]
    assert "1С" in for_employer[0].ranked.explanation.to_dict()["matched_skills"]


def test_similar_vacancies(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)

        def post(title: str, **values) -> int:
            data = VacancyInput.of(title=title, locality_kato="710000000", **values)
            return create_vacancy(session, employer, data).id

        base = post("Водитель категории C", description="Перевозка грузов.", occupation_code="8332")
        post("Водитель категории C", description="Перевозка грузов.", occupation_code="8332")
        other = create_vacancy(
            session,
            an_employer(session, name="ТОО Логистика"),
            VacancyInput.of(
                title="Водитель грузовика", locality_kato="710000000", occupation_code="8332"
            ),
        ).id
        post("Учитель музыки", occupation_code="2330")
    with extensions.database(app).session() as session:
        similar = similar_vacancies(session, extensions.indexing(app), base)
    ids = [doc.id for doc, _ in similar]
    assert ids[0] == other
    assert base not in ids and len(ids) == len(set(ids))
