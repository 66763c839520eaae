"""A rural seeker with no vacancies nearby sees, on "jobs for me", Bastau Business and
resettlement to the regions with openings in their occupation, and asks the centre for one."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import Employer, Locality, MeasureCourse, MeasureKind, MeasureReferral, Seeker
from app.services.vacancies import VacancyInput, create_vacancy
from tests.web.conftest import People, SignIn, form_token

DRIVER = "8322"


def _rural_driver(app: Flask, people: People) -> None:
    with extensions.database(app).session() as session:
        employer = session.get(Employer, people.employer_id)
        assert employer is not None
        for n in range(4):
            create_vacancy(session, employer, VacancyInput.of(
                title=f"Водитель {n}", occupation_code=DRIVER, locality_kato="750000000",
                salary_from=300_000,
            ))  # fmt: skip
        for n in range(3):
            create_vacancy(session, employer, VacancyInput.of(
                title=f"Жүргізуші {n}", occupation_code=DRIVER, locality_kato="790000000",
            ))  # fmt: skip
        village = session.execute(
            select(Locality).where(Locality.name_ru == "Карааул")
        ).scalar_one()
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.locality_id, seeker.desired_occupations = village.id, [DRIVER]
        session.add(MeasureCourse(
            kind=MeasureKind.BASTAU, title_kk="Бастау Бизнес: Қарауыл",
            title_ru="Бастау Бизнес: Караул",
            provider="Атамекен", region_id=village.region_id, duration_days=21,
        ))  # fmt: skip
        session.commit()


def test_rural_seeker_sees_bastau_and_regions_with_openings(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    _rural_driver(app, people)
    sign_in(client, "seeker")
    page = client.get("/me?lang=ru").get_data(as_text=True)
    assert 'id="measures"' in page
    assert "Обучение основам предпринимательства «Бастау Бизнес»" in page
    assert "Добровольное переселение" in page
    assert "Алматы: 4 открытых вакансий по этой профессии, медианная зарплата 300" in page
    assert "Шымкент: 3 открытых вакансий по этой профессии" in page
    assert "Подходящих вакансий в пределах досягаемости: 0." in page
    kk = client.get("/me?lang=kk").get_data(as_text=True)
    assert "Ерікті қоныс аудару" in kk and "Алматы қаласы: осы кәсіп бойынша 4 бос орын" in kk
    token = form_token(client, "/me")
    asked = client.post("/me/measures/request", data={"csrf_token": token, "kind": "resettlement"})
    assert asked.status_code == 303
    again = client.post("/me/measures/request", data={"csrf_token": token, "kind": "resettlement"})
    assert again.status_code == 303
    bad = client.post("/me/measures/request", data={"csrf_token": token, "kind": "holiday"})
    assert bad.status_code == 303
    after = client.get("/me?lang=ru").get_data(as_text=True)
    assert "Мои заявки и направления на меры" in after
    assert "Добровольное переселение — Ожидается" in after
    with extensions.database(app).session() as session:
        requests = session.execute(select(MeasureReferral)).scalars().all()
        assert [(r.kind.value, r.requested_by_seeker, r.centre_id) for r in requests] == [
            ("resettlement", True, people.centre_id)
        ]


def test_seeker_whose_jobs_fit_sees_no_measures(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    with extensions.database(app).session() as session:
        employer = session.get(Employer, people.employer_id)
        assert employer is not None
        for n in range(4):
            create_vacancy(session, employer, VacancyInput.of(
                title=f"Водитель {n}", occupation_code=DRIVER, locality_kato="710000000",
            ))  # fmt: skip
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.desired_occupations = [DRIVER]
        session.commit()
    sign_in(client, "seeker")
    assert 'id="measures"' not in client.get("/me").get_data(as_text=True)
