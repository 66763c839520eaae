"""API test helpers: callers of every role with bearer tokens, and which operations ran."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask, request
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app import extensions
from app.api.auth import issue_token
from app.models import Centre, Employer, Role, User
from app.services.users import create_user
from tests.db.factories import a_locality, an_employer

# (METHOD, /api/v1/path/{id}) pairs any API test has called: the coverage test compares them
# with the OpenAPI document.
CALLED: set[tuple[str, str]] = set()


@pytest.fixture(autouse=True)
def _record_calls(app: Flask) -> None:
    @app.after_request
    def record(response: Any) -> Any:
        if request.url_rule is not None and request.path.startswith("/api/"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", request.url_rule.rule)
            CALLED.add((request.method, path))
        return response


@dataclass
class Caller:
    name: str
    headers: dict[str, str]
    user: User | None = None


@dataclass
class World:
    """One employer with a user, a second employer with a user, a seeker, staff and admin."""

    employer: Employer
    other_employer: Employer
    callers: dict[str, Caller]


def _caller(session: Session, name: str, role: Role, **affiliation: Any) -> Caller:
    user = create_user(
        session,
        email=f"{name}@example.kz",
        password="correct horse",
        role=role,
        display_name=name,
        **affiliation,
    )
    issued = issue_token(session, user, "tests")
    return Caller(name, {"Authorization": f"Bearer {issued.secret}"}, user)


@pytest.fixture
def world(app: Flask) -> Iterator[World]:
    with extensions.database(app).session() as session:
        employer = an_employer(session, name="ТОО Дала")
        other = an_employer(session, name="ТОО Басқа")
        locality = a_locality(session)
        centre = Centre(name_kk="Орталық", name_ru="Центр", region_id=locality.region_id)
        session.add(centre)
        session.flush()
        callers = {
            "anonymous": Caller("anonymous", {}),
            "seeker": _caller(session, "seeker", Role.SEEKER),
            "employer": _caller(session, "employer", Role.EMPLOYER, employer_id=employer.id),
            "other_employer": _caller(
                session, "other_employer", Role.EMPLOYER, employer_id=other.id
            ),
            "staff": _caller(session, "staff", Role.STAFF, centre_id=centre.id),
            "admin": _caller(session, "admin", Role.ADMIN),
        }
        session.expunge_all()
    yield World(employer, other, callers)


Call = Callable[..., Any]


@pytest.fixture
def as_(client: FlaskClient, world: World) -> Call:
    """``as_("staff", "get", "/api/v1/...", json=...)``: a request made with that caller's token."""

    def call(who: str, method: str, path: str, **kwargs: Any) -> Any:
        headers = {**world.callers[who].headers, **kwargs.pop("headers", {})}
        return client.open(path, method=method.upper(), headers=headers, **kwargs)

    return call
