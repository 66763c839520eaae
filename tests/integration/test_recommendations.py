"""Jobs for me, end to end: database → outbox → index → retrieval → ranking with rules."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy.orm import Session

from app import extensions
from app.models import (
    Application,
    Cv,
    EducationEntry,
    EducationLevel,
    Seeker,
    SeekerStatus,
)
from app.services.people import person_facts, seeker_profile
from app.services.recommendations import recommend
from app.services.vacancies import VacancyInput, create_vacancy
from tests.db.factories import a_locality, a_seeker, an_employer

TODAY = date(2026, 11, 24)
ALMATY = "750000000"


def _post(session: Session, employer, **values) -> int:
    values.setdefault("locality_kato", ALMATY)
    return create_vacancy(session, employer, VacancyInput.of(**values)).id


def _driver(session: Session, **fields) -> Seeker:
    seeker = a_seeker(
        session,
        locality=a_locality(session, "Алматы"),
        skills=["Водительские права категории C"],
        desired_occupations=["8322"],
        **fields,
    )
    seeker.cv = Cv(title="Водитель", summary="Опыт вождения грузовых автомобилей 5 лет")
    session.flush()
    return seeker


def _ranked(app: Flask, seeker_id: int) -> list[tuple[int, str]]:
    db = extensions.database(app)
    with db.session() as session:
        seeker = session.get(Seeker, seeker_id)
        assert seeker is not None
        profile = seeker_profile(seeker, TODAY, person_facts(seeker))
        results = recommend(session, extensions.indexing(app), profile, today=TODAY)
        return [(r.vacancy.id, r.vacancy.kind) for r in results]


def test_driver_gets_driver_jobs_first(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        driver = _post(session, employer, title="Водитель категории C", occupation_code="8322")
        teacher = _post(session, employer, title="Учитель математики", occupation_code="2330")
        far = _post(
            session,
            employer,
            title="Водитель-экспедитор",
            occupation_code="8322",
            locality_kato="710000000",
        )
        seeker_id = _driver(session).id
    ranked = [vid for vid, _ in _ranked(app, seeker_id)]
    assert ranked[0] == driver
    assert far in ranked
    assert teacher not in ranked or ranked.index(far) < ranked.index(teacher)


def test_programme_places_follow_the_rules(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        social = _post(
            session,
            employer,
            title="Водитель (социальное рабочее место)",
            kind="social_job",
            occupation_code="8322",
        )
        seeker_id = _driver(session).id
        unemployed_id = _driver(
            session,
            iin=None,
            status=SeekerStatus.UNEMPLOYED,
            registered_on=date(2026, 6, 1),
            status_since=date(2026, 6, 15),
        ).id
    assert social not in [vid for vid, _ in _ranked(app, seeker_id)]
    assert social in [vid for vid, _ in _ranked(app, unemployed_id)]


def test_youth_practice_needs_a_recent_graduate_in_specialty(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        practice = _post(
            session,
            employer,
            title="Бухгалтер (молодёжная практика)",
            kind="youth_practice",
            occupation_code="2411",
            skills=["1С"],
        )
        young = a_seeker(
            session,
            locality=a_locality(session, "Алматы"),
            birth_date=date(2000, 1, 5),
            status=SeekerStatus.UNEMPLOYED,
            registered_on=date(2026, 9, 1),
            desired_occupations=["2411"],
        )
        young.education.append(
            EducationEntry(
                level=EducationLevel.HIGHER,
                specialty_name="Учёт и аудит",
                graduated_on=date(2025, 6, 30),
            )
        )
        older = a_seeker(
            session,
            locality=a_locality(session, "Алматы"),
            birth_date=date(1990, 1, 5),
            status=SeekerStatus.UNEMPLOYED,
            registered_on=date(2026, 9, 1),
            desired_occupations=["2411"],
        )
        older.education.append(
            EducationEntry(
                level=EducationLevel.HIGHER,
                specialty_name="Учёт и аудит",
                graduated_on=date(2025, 6, 30),
            )
        )
        young_id, older_id = young.id, older.id
    assert practice in [vid for vid, _ in _ranked(app, young_id)]
    assert practice not in [vid for vid, _ in _ranked(app, older_id)]


def test_crowded_vacancy_yields_to_an_equal_one(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        crowded = _post(session, employer, title="Водитель категории C", occupation_code="8322")
        quiet = _post(
            session,
            an_employer(session, name="ТОО Другой"),
            title="Водитель категории C",
            occupation_code="8322",
        )
        for i in range(8):
            other = a_seeker(session, last_name=f"Соискатель{i}")
            session.add(Application(seeker_id=other.id, vacancy_id=crowded))
        seeker_id = _driver(session).id
    ranked = [vid for vid, _ in _ranked(app, seeker_id)]
    assert ranked.index(quiet) < ranked.index(crowded)
