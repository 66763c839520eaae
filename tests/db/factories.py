"""Small builders for model rows, so tests state only what they are about."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Employer, Locality, Seeker, Sex, Vacancy, VacancyStatus


def a_locality(session: Session, name_ru: str = "Астана") -> Locality:
    return session.execute(select(Locality).where(Locality.name_ru == name_ru)).scalar_one()


def an_employer(session: Session, **fields: Any) -> Employer:
    employer = Employer(name=fields.pop("name", 'ТОО "Дала Сервис"'), **fields)
    session.add(employer)
    session.flush()
    return employer


def a_vacancy(session: Session, employer: Employer | None = None, **fields: Any) -> Vacancy:
    employer = employer or an_employer(session)
    locality = fields.pop("locality", None) or a_locality(session)
    vacancy = Vacancy(
        employer=employer,
        title=fields.pop("title", "Водитель категории C"),
        description=fields.pop("description", "Перевозка грузов по городу."),
        region_id=locality.region_id,
        locality=locality,
        lat=locality.lat,
        lon=locality.lon,
        status=fields.pop("status", VacancyStatus.PUBLISHED),
        **fields,
    )
    session.add(vacancy)
    session.flush()
    return vacancy


def a_seeker(session: Session, **fields: Any) -> Seeker:
    seeker = Seeker(
        last_name=fields.pop("last_name", "Сейткали"),
        first_name=fields.pop("first_name", "Айгерим"),
        birth_date=fields.pop("birth_date", date(1998, 4, 12)),
        sex=fields.pop("sex", Sex.FEMALE),
        **fields,
    )
    session.add(seeker)
    session.flush()
    return seeker
