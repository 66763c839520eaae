"""Security-test helpers: bearer-token callers of each role and a small seeded world."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from flask import Flask

from app import extensions
from app.models import Centre, Cv, CvVisibility, Role, SeekerStatus
from app.models.base import utcnow
from matching.iin import make_iin
from tests.api.conftest import Caller, _caller
from tests.db.factories import a_locality, a_seeker, a_vacancy, an_employer

SEEKER_IIN = make_iin(date(1991, 7, 23), "male", 5817)


@dataclass
class Seeded:
    """Callers by role plus the ids of rows the fuzzer and the privacy tests can hit."""

    callers: dict[str, Caller]
    vacancy_ids: list[int] = field(default_factory=list)
    seeker_id: int = 0
    cv_id: int = 0


@pytest.fixture
def seeded(app: Flask) -> Iterator[Seeded]:
    with extensions.database(app).session() as session:
        employer = an_employer(session, name="ТОО Сенім")
        locality = a_locality(session)
        centre = Centre(name_kk="Орталық", name_ru="Центр", region_id=locality.region_id)
        session.add(centre)
        session.flush()
        vacancies = [
            a_vacancy(session, employer, title=title)
            for title in ("Бухгалтер", "Электрик", "Мейірбике", "Водитель категории C")
        ]
        callers = {
            "anonymous": Caller("anonymous", {}),
            "seeker": _caller(session, "seeker", Role.SEEKER),
            "employer": _caller(session, "employer", Role.EMPLOYER, employer_id=employer.id),
            "staff": _caller(session, "staff", Role.STAFF, centre_id=centre.id),
            "admin": _caller(session, "admin", Role.ADMIN),
        }
        user = callers["seeker"].user
        seeker = a_seeker(
            session,
            iin=SEEKER_IIN,
            locality=locality,
            centre_id=centre.id,
            user_id=user.id if user else None,
            skills=["электромонтаж", "1С"],
            phone="+7 701 555 12 34",
            status=SeekerStatus.JOB_SEEKER,
            status_since=date(2026, 11, 2),
            registered_on=date(2026, 11, 2),
        )
        seeker.cv = Cv(
            title="Электрик",
            summary="Электромонтаж 6 лет",
            visibility=CvVisibility.PUBLIC,
            consent_publish_at=utcnow(),
        )
        session.flush()
        seeded = Seeded(callers, [v.id for v in vacancies], seeker.id, seeker.cv.id)
        session.expunge_all()
    yield seeded
