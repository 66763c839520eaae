"""Logins: roles tied to a centre or an employer, argon2 hashes, clear errors."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import cli
from app.models import Centre, Region, Role, User
from app.services.passwords import verify_password
from app.services.users import UserError, create_user

from .factories import an_employer


def _centre(session: Session) -> Centre:
    region = session.execute(select(Region).where(Region.kato == "710000000")).scalar_one()
    centre = Centre(name_kk="Астана ХЖҚО", name_ru="ЦЗН Астаны", region_id=region.id)
    session.add(centre)
    session.flush()
    return centre


def test_staff_user_with_hashed_password(session: Session) -> None:
    centre = _centre(session)
    user = create_user(
        session,
        email=" Aigul@Enbek.KZ ",
        password="correct horse",
        role=Role.STAFF,
        display_name="Айгүл",
        centre_id=centre.id,
    )
    assert user.email == "aigul@enbek.kz"
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, "correct horse")
    assert not verify_password(user.password_hash, "wrong horse")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"password": "short"}, "password"),
        ({"role": Role.STAFF}, "centre_id"),
        ({"role": Role.EMPLOYER}, "employer_id"),
        ({"locale": "de"}, "locale"),
    ],
)
def test_bad_input_names_the_field(session: Session, fields: dict, field: str) -> None:
    values = {
        "email": "a@b.kz",
        "password": "long enough",
        "role": Role.SEEKER,
        "display_name": "A",
    }
    values.update(fields)
    with pytest.raises(UserError) as info:
        create_user(session, **values)
    assert info.value.field == field


def test_email_is_unique(session: Session) -> None:
    create_user(session, email="a@b.kz", password="long enough", role=Role.ADMIN, display_name="A")
    with pytest.raises(UserError, match="already registered"):
        create_user(
            session, email="A@B.kz", password="long enough", role=Role.ADMIN, display_name="B"
        )


def test_employer_user_acts_for_employer(session: Session) -> None:
    employer = an_employer(session)
    user = create_user(
        session,
        email="hr@dala.kz",
        password="long enough",
        role=Role.EMPLOYER,
        display_name="HR",
        employer_id=employer.id,
    )
    assert user.employer is employer and user.centre_id is None


def test_cli_create_user_and_its_errors(app: Flask) -> None:
    runner = app.test_cli_runner()
    ok = runner.invoke(
        cli,
        ["create-user", "--email", "admin@x.kz", "--role", "admin", "--password", "s3cret-pass"],
    )
    assert ok.exit_code == 0, ok.output
    assert "Created admin user" in ok.output
    bad = runner.invoke(
        cli, ["create-user", "--email", "s@x.kz", "--role", "staff", "--password", "s3cret-pass"]
    )
    assert bad.exit_code == 2
    assert "--centre-id" in bad.output and "Traceback" not in bad.output
    from app import extensions

    with extensions.database(app).session() as session:
        assert session.execute(select(User.email)).scalars().all() == ["admin@x.kz"]
