"""Routing to measures end to end: vacancies through the outbox into the index, the ranker's
missing skills, the engine's region facet, the catalogue and the rules."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy.orm import Session

from app import extensions
from app.models import MeasureCourse, MeasureKind, Region, Seeker, SeekerStatus
from app.services.measure_routing import route_for
from app.services.vacancies import VacancyInput, create_vacancy
from tests.db.factories import a_locality, a_seeker, an_employer

TODAY = date(2026, 11, 24)
ASTANA, ALMATY, SHYMKENT = "710000000", "750000000", "790000000"
ACCOUNTANT, DRIVER = "3313", "8322"


def _post(session: Session, employer, **values) -> int:  # type: ignore[no-untyped-def]
    values.setdefault("locality_kato", ASTANA)
    return create_vacancy(session, employer, VacancyInput.of(**values)).id


def _course(session: Session, kato: str, kind: MeasureKind, **fields) -> int:  # type: ignore[no-untyped-def]
    region = session.query(Region).filter_by(kato=kato).one()
    course = MeasureCourse(
        kind=kind,
        title_kk="Курс",
        title_ru="Курс",
        provider="Колледж",
        region_id=region.id,
        **fields,
    )
    session.add(course)
    session.flush()
    return course.id


def _routing(app: Flask, seeker_id: int):  # type: ignore[no-untyped-def]
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, seeker_id)
        assert seeker is not None
        return route_for(session, extensions.indexing(app), seeker, TODAY)


def test_a_skill_most_local_postings_ask_for_routes_to_the_course(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        for n in range(4):
            _post(session, employer, title=f"Бухгалтер {n}", occupation_code=ACCOUNTANT,
                  skills=["1С: Бухгалтерия", "Excel"], salary_from=250_000)  # fmt: skip
        _post(
            session,
            employer,
            title="Бухгалтер-кассир",
            occupation_code=ACCOUNTANT,
            skills=["Excel"],
        )
        welding = _course(
            session, ASTANA, MeasureKind.SHORT_TRAINING, skills=["Сварка"], duration_months=2
        )
        onec = _course(
            session,
            ASTANA,
            MeasureKind.SHORT_TRAINING,
            skills=["1С: Бухгалтерия"],
            duration_months=2,
        )
        person = a_seeker(
            session, locality=a_locality(session), skills=["Excel"],
            desired_occupations=[ACCOUNTANT], status=SeekerStatus.UNEMPLOYED,
            registered_on=date(2026, 9, 1),
        )  # fmt: skip
        session.commit()
        seeker_id = person.id
    view = _routing(app, seeker_id)
    assert view.routing.local_count == 5
    assert view.routing.gaps == (("1С: Бухгалтерия", 4),)
    first = view.routing.proposals[0]
    assert (first.kind, first.course_id) == ("short_training", onec)
    assert first.reasons[1].values == {"skill": "1С: Бухгалтерия", "postings": 4, "total": 5}
    assert welding not in [p.course_id for p in view.routing.proposals]
    assert "bastau_business" not in [p.kind for p in view.routing.proposals]  # a city dweller


def test_rural_driver_without_local_jobs_sees_bastau_and_regions_with_openings(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        for n in range(5):
            _post(session, employer, title=f"Водитель {n}", occupation_code=DRIVER,
                  locality_kato=ALMATY, salary_from=300_000 + n * 10_000)  # fmt: skip
        for n in range(3):
            _post(session, employer, title=f"Водитель-экспедитор {n}", occupation_code=DRIVER,
                  locality_kato=SHYMKENT, salary_from=250_000)  # fmt: skip
        _post(session, employer, title="Водитель", occupation_code=DRIVER, locality_kato=ASTANA)
        village = a_locality(session, "Карааул")
        bastau = _course(session, "100000000", MeasureKind.BASTAU, duration_days=21)
        person = a_seeker(
            session, locality=village, desired_occupations=[DRIVER],
            status=SeekerStatus.UNEMPLOYED, registered_on=date(2026, 9, 1),
        )  # fmt: skip
        session.commit()
        seeker_id = person.id
    view = _routing(app, seeker_id)
    assert view.routing.local_count == 0 and view.routing.scarce
    kinds = [p.kind for p in view.routing.proposals]
    assert kinds[:2] == ["bastau_business", "resettlement"]
    assert view.routing.proposals[0].course_id == bastau
    move = view.routing.proposals[1]
    assert [(r.region_kato, r.count) for r in move.regions] == [(ALMATY, 5), (SHYMKENT, 3)]
    assert move.regions[0].median_salary == 320_000
    assert set(view.regions) == {ALMATY, SHYMKENT}
