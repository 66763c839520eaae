"""What the client-desk tests share: a frozen service day and a filled registration form."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import AuditLog, Seeker
from app.web import desk_clients_base
from matching.iin import make_iin
from tests.web.conftest import form_token

TODAY = date(2026, 11, 24)
NEW_IIN = make_iin(date(1990, 5, 17), "male", 4321)


def freeze(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setattr(desk_clients_base, "today", lambda: day)


def registration(**fields: str) -> dict[str, str]:
    form = {
        "iin": NEW_IIN,
        "last_name": "Жақсыбеков",
        "first_name": "Нұрлан",
        "patronymic": "",
        "birth_date": "1990-05-17",
        "phone": "+7 701 123 45 67",
        "education": "tipo",
        "consent": "yes",
    }
    form.update(fields)
    return {k: v for k, v in form.items() if v is not None}


def post(client: FlaskClient, path: str, data: dict[str, str], page: str = "/desk") -> Any:
    return client.post(path, data={"csrf_token": form_token(client, page), **data})


def seeker_by_iin(app: Flask, iin: str) -> Seeker | None:
    with extensions.database(app).session() as session:
        return session.execute(select(Seeker).where(Seeker.iin == iin)).scalar_one_or_none()


def audit(app: Flask, action: str, seeker_id: int) -> list[AuditLog]:
    with extensions.database(app).session() as session:
        stmt = (
            select(AuditLog)
            .where(AuditLog.action == action, AuditLog.entity_id == str(seeker_id))
            .order_by(AuditLog.id)
        )
        return list(session.execute(stmt).scalars())


SEEKER_IIN = make_iin(date(1998, 4, 12), "female", 123)
OTHER_IIN = make_iin(date(1998, 4, 12), "female", 456)


def valid_iins(app: Flask, people: Any) -> None:
    """The shared fixture's IINs are placeholders; give both people real, valid ones."""
    with extensions.database(app).session() as session:
        for seeker_id, iin in ((people.seeker_id, SEEKER_IIN), (people.other_seeker_id, OTHER_IIN)):
            seeker = session.get(Seeker, seeker_id)
            assert seeker is not None
            seeker.iin = iin
        session.commit()
