"""An IIN typed into free text never reaches another person: vacancy title, description and
skills (search snippets included), a seeker's skills, a cover letter."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from matching.iin import make_iin
from tests.api.conftest import Call, World
from tests.db.factories import a_seeker

IIN = make_iin(date(1969, 9, 9), "male", 930)
SPLIT = f"{IIN[:6]}\u00a0{IIN[6:]}"
WIDE = "".join(chr(0xFF10 + int(d)) for d in IIN)


def _absent(payload: str) -> None:
    for form in (IIN, SPLIT, WIDE, f"{IIN[:6]} {IIN[6:]}"):
        assert form not in payload


def test_vacancy_texts_are_redacted_in_search_and_reads(as_: Call, client: FlaskClient) -> None:
    body = {
        "title": f"Кассир {IIN}",
        "description": f"Звоните, ИИН директора {SPLIT}",
        "skills": [f"касса {WIDE}"],
        "locality_kato": "710000000",
    }
    created = as_("employer", "post", "/api/v1/vacancies", json=body)
    assert created.status_code == 201, created.get_data(as_text=True)
    _absent(created.get_data(as_text=True))
    assert created.get_json()["title"] == "Кассир [ЖСН/ИИН]"
    url = f"/api/v1/vacancies/{created.get_json()['id']}"
    _absent(client.get(url).get_data(as_text=True))
    for q in (IIN, "кассир", "директора"):
        found = client.get(f"/api/v1/vacancies?q={q}")
        assert found.status_code == 200
        _absent(found.get_data(as_text=True))
    page = client.get("/search?q=директора").get_data(as_text=True)
    assert "[ЖСН/ИИН]" in page
    _absent(page)


def test_seeker_skills_and_cover_letters_are_redacted(app: Flask, as_: Call, world: World) -> None:
    vacancy = as_(
        "employer",
        "post",
        "/api/v1/vacancies",
        json={"title": "Бухгалтер", "skills": ["1С"], "locality_kato": "710000000"},
    ).get_json()
    with extensions.database(app).session() as session:
        user = world.callers["seeker"].user
        assert user is not None
        seeker = a_seeker(session, user_id=user.id, skills=["1С", f"ЖСН {SPLIT}"])
        assert seeker.skills == ["1С", "ЖСН [ЖСН/ИИН]"]
    applied = as_(
        "seeker",
        "post",
        "/api/v1/applications",
        json={"vacancy_id": vacancy["id"], "cover_letter": f"Менің ЖСН: {WIDE}"},
    )
    assert applied.status_code == 201, applied.get_data(as_text=True)
    seen = as_("employer", "get", "/api/v1/applications")
    assert seen.status_code == 200 and seen.get_json()["items"]
    _absent(seen.get_data(as_text=True))
