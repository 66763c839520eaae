"""Every page and form × every kind of caller: no one reads or changes what is not theirs.

The routes come from the app itself and the roles from each view's ``roles_required``, so a new
page is in the matrix the day it is added. Callers: anonymous, the owner of each object (a
seeker, an employer, staff of centre A), their counterparts (another seeker, another employer,
staff of centre B) and an admin. Rules checked for every route:

- a restricted page sends anonymous callers to the login page and answers 403 to other roles;
- the counterpart of an object's owner gets 404 or 403, never the object;
- the owner (and every allowed caller) gets no 401/403 and no 5xx, even posting an empty form.
"""

from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from app import create_app, extensions
from app.models import (
    Application,
    EducationEntry,
    EducationLevel,
    Employer,
    Family,
    FamilyRole,
    MeasureCourse,
    MeasureKind,
    MeasureReferral,
    PlanItem,
    PlanItemKind,
    Referral,
    Role,
    SavedSearch,
    Seeker,
    VacancyKind,
)
from app.settings import Settings
from tests.db.factories import a_vacancy
from tests.web.conftest import PASSWORD, People, form_token

CALLERS = (
    "anonymous",
    "seeker",
    "other_seeker",
    "employer",
    "other_employer",
    "staff",
    "other_staff",
    "admin",
)
ROLE_OF = {
    "seeker": Role.SEEKER,
    "other_seeker": Role.SEEKER,
    "employer": Role.EMPLOYER,
    "other_employer": Role.EMPLOYER,
    "staff": Role.STAFF,
    "other_staff": Role.STAFF,
    "admin": Role.ADMIN,
}
COUNTERPART = {"seeker": "other_seeker", "employer": "other_employer", "staff": "other_staff"}
SKIPPED_PREFIXES = ("/api/", "/static/")


@functools.cache
def _page_rules() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            database_url="sqlite://",
            instance_path=Path(folder),
            testing=True,
            embedding_model="none",
        )
        app = create_app(settings)
    rules: list[tuple[str, str]] = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(SKIPPED_PREFIXES):
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            rules.append((method, rule.rule))
    return sorted(rules)


@dataclass
class World:
    people: People
    values: dict[str, Any]


@pytest.fixture
def world(app: Flask, people: People) -> World:
    """Objects owned by the seeker, the employer and centre A (the counterparts own nothing)."""
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        employer = session.get(Employer, people.employer_id)
        vacancy = a_vacancy(session, employer, kind=VacancyKind.REGULAR)
        application = Application(seeker_id=seeker.id, vacancy_id=vacancy.id)
        referral = Referral(
            seeker_id=seeker.id,
            vacancy_id=vacancy.id,
            centre_id=people.centre_id,
            issued_on=date(2026, 11, 20),
            report_by=date(2026, 11, 27),
            suitability={},
        )
        family = Family(centre_id=people.centre_id)
        session.add_all([application, referral, family])
        session.flush()
        seeker.family_id, seeker.family_role = family.id, FamilyRole.HEAD
        entry = EducationEntry(seeker_id=seeker.id, level=EducationLevel.SECONDARY)
        search = SavedSearch(user_id=people.users["seeker"], name="Аспаз", params={"q": "аспаз"})
        course = MeasureCourse(
            kind=MeasureKind.SHORT_TRAINING, title_kk="Курс", title_ru="Курс", provider="Колледж",
            region_id=vacancy.region_id, centre_id=people.centre_id,
        )  # fmt: skip
        session.add_all([entry, search, course])
        session.flush()
        to_measure = MeasureReferral(
            seeker_id=seeker.id, kind=MeasureKind.SHORT_TRAINING, course_id=course.id,
            centre_id=people.centre_id, issued_on=date(2026, 11, 20), report_by=date(2026, 11, 27),
        )  # fmt: skip
        item = PlanItem(
            family_id=family.id, seeker_id=seeker.id, kind=PlanItemKind.JOB_SEARCH,
            created_on=date(2026, 11, 20), due_on=date(2026, 12, 4),
        )  # fmt: skip
        session.add_all([to_measure, item])
        session.commit()
        values = {
            "seeker_id": seeker.id,
            "vacancy_id": vacancy.id,
            "application_id": application.id,
            "referral_id": referral.id,
            "family_id": family.id,
            "entry_id": entry.id,
            "kind": "education",
            "search_id": search.id,
            "job_id": "no-such-job",
            "figure": "placed",
            "slug": "social-jobs",
            "course_id": course.id,
            "measure_referral_id": to_measure.id,
            "item_id": item.id,
        }
    return World(people, values)


def _url(rule: str, values: dict[str, Any]) -> str:
    path = rule
    for name in values:
        for pattern in (f"<int:{name}>", f"<{name}>"):
            path = path.replace(pattern, str(values[name]))
    assert "<" not in path, f"no value for a parameter of {rule}"
    return path


def _owner_kind(rule: str) -> str | None:
    """Whose object the URL names (None: the route names no owned object)."""
    if "<" not in rule:
        return None
    if rule.startswith(("/me/", "/vacancies/")):
        return "seeker" if rule.startswith("/me/") else None
    if rule.startswith("/employer/"):
        return "employer"
    if rule.startswith("/desk/"):
        return "staff"
    return None


def _client_for(app: Flask, people: People, who: str) -> Any:
    client = app.test_client()
    if who != "anonymous":
        token = form_token(client)
        signed = client.post(
            "/login",
            data={"email": people.emails[who], "password": PASSWORD, "csrf_token": token},
        )
        assert signed.status_code == 302, who
    return client


def _check(app: Flask, world: World, who: str, client: Any, method: str, rule: str) -> str | None:
    """What is wrong with this caller's answer on this route (None: nothing)."""
    endpoint = next(
        r.endpoint
        for r in app.url_map.iter_rules()
        if r.rule == rule and method in (r.methods or ())
    )
    allowed: frozenset[Role] | None = getattr(app.view_functions[endpoint], "allowed_roles", None)
    url = _url(rule, world.values)
    data = {"csrf_token": form_token(client, "/login")} if method == "POST" else None
    response = client.open(url, method=method, data=data)
    status = response.status_code
    label = f"{who} {method} {url} → {status}"
    owner_kind = _owner_kind(rule)
    if status >= 500:
        return label
    if allowed is None:
        refused = status == 403 or (status == 401 and rule != "/login")
        return f"{label}: a public page refused" if refused else None
    if who == "anonymous":
        if status != 302 or "/login" not in response.headers.get("Location", ""):
            return f"{label}: anonymous must be sent to the login page"
    elif allowed and ROLE_OF[who] not in allowed:
        if status != 403:
            return f"{label}: this role must get 403"
    elif owner_kind is not None and who == COUNTERPART.get(owner_kind):
        if status not in (403, 404):
            return f"{label}: the owner's counterpart reached the object"
    elif status in (401, 403):
        return f"{label}: an allowed caller was refused"
    elif method == "GET" and who == owner_kind and "job_id" not in rule and status != 200:
        return f"{label}: the owner could not open their own object"
    return None


@pytest.mark.parametrize("who", CALLERS)
def test_access_matrix(app: Flask, world: World, who: str) -> None:
    """GETs first, then POSTs (each with a valid CSRF token and an empty form), logout last."""
    client = _client_for(app, world.people, who)
    routes = sorted(_page_rules(), key=lambda mr: (mr[0] != "GET", mr[1] == "/logout", mr))
    problems = [
        p for method, rule in routes if (p := _check(app, world, who, client, method, rule))
    ]
    assert not problems, "\n".join(problems)
