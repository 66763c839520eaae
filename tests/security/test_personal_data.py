"""The IIN stays out of the search index, API output, logs and URLs; CV visibility is honoured.

Runs against the real app (in-process indexing after commit) on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, request
from flask.testing import FlaskClient

from app import extensions
from app.models import Cv, CvVisibility, Seeker
from indexer import DocType, codec
from matching.iin import make_iin
from tests.db.factories import a_locality, a_seeker
from tests.security.conftest import SEEKER_IIN, Seeded

VACANCY_LINK = re.compile(r'href="[^"]*/vacancies/\d+')
TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"


def _iin_forms() -> Iterator[str]:
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for form in re.findall(r"(?is)<form\b.*?</form>", text):
            if re.search(r"""name\s*=\s*["']?iin\b""", form):
                yield f"{template.relative_to(TEMPLATES)}: {form[:120]}"


def _spellings(iin: str) -> list[str]:
    return [iin, f"{iin[:6]} {iin[6:]}", f"{iin[:6]}-{iin[6:]}"]


def test_iin_is_in_no_index_document_and_no_index_file(app: Flask, seeded: Seeded) -> None:
    engine = extensions.indexing(app).engine
    documents = [engine.get(DocType.CVS, seeded.cv_id)]
    documents += [engine.get(DocType.VACANCIES, i) for i in seeded.vacancy_ids]
    assert all(d is not None for d in documents)
    for document in documents:
        stored = json.dumps(codec.to_dict(document), ensure_ascii=False)
        for spelling in _spellings(SEEKER_IIN):
            assert spelling not in stored, document
    cv = codec.to_dict(documents[0])
    assert "Сейткали" not in json.dumps(cv, ensure_ascii=False), "the CV document names the person"
    search_path = Path(extensions.indexing(app).settings.search_path)
    files = [p for p in search_path.rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert SEEKER_IIN.encode() not in path.read_bytes(), path


def test_iin_typed_into_cv_text_is_not_indexed(app: Flask) -> None:
    typed = make_iin(datetime(1988, 2, 9).date(), "female", 77)
    with extensions.database(app).session() as session:
        seeker = a_seeker(session, iin=typed, locality=a_locality(session))
        seeker.cv = Cv(title="Аспаз", summary=f"ЖСН {typed}, тел. 8 701", lang="kk")
        session.flush()
        cv_id = seeker.cv.id
    document = extensions.indexing(app).engine.get(DocType.CVS, cv_id)
    assert document is not None
    assert typed not in json.dumps(codec.to_dict(document), ensure_ascii=False)


@dataclass
class Traffic:
    """What an access log and the app's logs would hold for the calls made."""

    access_lines: list[str] = field(default_factory=list)
    bodies: list[tuple[str, str]] = field(default_factory=list)


@pytest.fixture
def traffic(app: Flask) -> Traffic:
    seen = Traffic()

    @app.after_request
    def access_log(response: Any) -> Any:
        # gunicorn's default access format: h l u t "r" s b "f" "a"
        seen.access_lines.append(
            f"{request.remote_addr} - - [{datetime.now(UTC):%d/%b/%Y:%H:%M:%S %z}] "
            f'"{request.method} {request.full_path} {request.environ.get("SERVER_PROTOCOL")}" '
            f"{response.status_code} {response.calculate_content_length()} "
            f'"{request.referrer or "-"}" "{request.user_agent}" '
            f"{response.headers.get('Location', '')}"
        )
        return response

    return seen


def _call_everything(client: FlaskClient, seeded: Seeded, traffic: Traffic) -> None:
    """Every API operation that touches the seeker or their CV, as each role that may call it."""
    vacancy = seeded.vacancy_ids[1]
    seeker = seeded.seeker_id
    headers = {who: c.headers for who, c in seeded.callers.items()}
    calls: list[tuple[str, str, str, dict[str, Any] | None]] = [
        (
            "staff",
            "POST",
            "/api/v1/referrals",
            {
                "seeker_id": seeded.seeker_id,
                "vacancy_id": vacancy,
                "counted_as_suitable_offer": False,
                "note": "Электрик керек",
            },
        ),
        ("seeker", "POST", "/api/v1/applications", {"vacancy_id": seeded.vacancy_ids[0]}),
        ("seeker", "GET", "/api/v1/seekers/me/recommendations", None),
        ("seeker", "GET", "/api/v1/applications", None),
        ("seeker", "GET", "/api/v1/referrals", None),
        ("employer", "GET", "/api/v1/applications", None),
        ("employer", "GET", f"/api/v1/vacancies/{vacancy}/candidates", None),
        ("staff", "GET", f"/api/v1/vacancies/{vacancy}/candidates", None),
        ("staff", "GET", "/api/v1/referrals", None),
        ("staff", "GET", f"/api/v1/seekers/{seeker}", None),
        ("staff", "GET", "/api/v1/seekers?q=Сейткали", None),
        ("staff", "GET", "/api/v1/applications", None),
        ("anonymous", "GET", "/api/v1/vacancies?q=электрик&limit=5", None),
        ("anonymous", "GET", f"/api/v1/vacancies/{vacancy}", None),
        ("anonymous", "GET", f"/api/v1/vacancies/{vacancy}/similar", None),
        ("anonymous", "GET", "/api/v1/vacancies/snapshot", None),
        ("seeker", "POST", "/api/v1/match/vacancies", {"text": "электрик", "skills": ["1С"]}),
    ]
    for who, method, path, body in calls:
        response = client.open(path, method=method, headers=headers[who], json=body)
        assert response.status_code < 400, (who, method, path, response.get_data(as_text=True))
        text = response.get_data(as_text=True) + json.dumps(dict(response.headers))
        traffic.bodies.append((f"{who} {method} {path}", text))


def test_iin_never_in_api_output_logs_or_urls(
    app: Flask,
    client: FlaskClient,
    seeded: Seeded,
    traffic: Traffic,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # SQL echo (which would print bound parameters) is a developer setting, off in production.
    caplog.set_level(logging.WARNING, logger="sqlalchemy")
    caplog.set_level(logging.DEBUG)
    _call_everything(client, seeded, traffic)
    assert len(traffic.access_lines) == len(traffic.bodies)
    logs = "\n".join(r.getMessage() for r in caplog.records)
    for spelling in _spellings(SEEKER_IIN):
        for label, text in traffic.bodies:
            assert spelling not in text, label
        for line in traffic.access_lines:
            assert spelling not in line, line
        assert spelling not in logs
    masked_or_absent = re.compile(r"\d{8}" + SEEKER_IIN[-4:])
    for label, text in traffic.bodies:
        assert not masked_or_absent.search(text), label


def test_full_iin_only_for_staff_with_a_reason(client: FlaskClient, seeded: Seeded) -> None:
    path = f"/api/v1/seekers/{seeded.seeker_id}"
    for who in ("anonymous", "seeker", "employer"):
        answer = client.get(path, headers=seeded.callers[who].headers)
        assert answer.status_code in (401, 403)
        assert SEEKER_IIN not in answer.get_data(as_text=True)
    staff = seeded.callers["staff"].headers
    masked = client.get(path, headers=staff).get_json()
    assert masked["iin"] is None and masked["iin_masked"] == "********" + SEEKER_IIN[-4:]
    reason = {**staff, "X-Access-Reason": "referral 2026/114"}
    assert client.get(path, headers=reason).get_json()["iin"] == SEEKER_IIN


def test_staff_search_by_iin_keeps_it_out_of_the_url(
    client: FlaskClient, seeded: Seeded, traffic: Traffic
) -> None:
    staff = seeded.callers["staff"].headers
    found = client.post("/api/v1/seekers/search", json={"q": SEEKER_IIN}, headers=staff)
    assert found.status_code == 200
    assert [item["id"] for item in found.get_json()["items"]] == [seeded.seeker_id]
    assert SEEKER_IIN not in found.request.url
    assert not any(SEEKER_IIN in line for line in traffic.access_lines), traffic.access_lines
    in_url = client.get(f"/api/v1/seekers?q={SEEKER_IIN}", headers=staff)
    assert in_url.status_code == 422, "a client that puts an IIN in a URL is told not to"


def test_no_route_of_the_app_carries_an_iin(app: Flask) -> None:
    for rule in app.url_map.iter_rules():
        assert not any("iin" in arg.lower() for arg in rule.arguments), rule.rule


def test_no_form_sends_an_iin_by_get() -> None:
    offenders = [
        form for form in _iin_forms() if not re.search(r"""method\s*=\s*["']?post""", form, re.I)
    ]
    assert not offenders, "an IIN sent by GET ends up in URLs and access logs: " + str(offenders)


def _cv(app: Flask, title: str, visibility: CvVisibility, iin_serial: int) -> int:
    with extensions.database(app).session() as session:
        seeker = a_seeker(
            session,
            iin=make_iin(datetime(1990, 1, 1).date(), "male", iin_serial),
            locality=a_locality(session),
            skills=["электромонтаж"],
        )
        consent = datetime.now(UTC) if visibility is CvVisibility.PUBLIC else None
        seeker.cv = Cv(
            title=title, summary="Электромонтаж", visibility=visibility, consent_publish_at=consent
        )
        session.flush()
        return seeker.cv.id


def _candidates(client: FlaskClient, seeded: Seeded, who: str, vacancy: int) -> set[int]:
    response = client.get(
        f"/api/v1/vacancies/{vacancy}/candidates", headers=seeded.callers[who].headers
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    return {item["cv_id"] for item in response.get_json()["items"]}


def test_cv_visibility_is_honoured_in_candidates_and_search(
    app: Flask, client: FlaskClient, seeded: Seeded
) -> None:
    vacancy = seeded.vacancy_ids[1]
    centres = _cv(app, "Электрик-монтажник", CvVisibility.CENTRES, 11)
    hidden = _cv(app, "Электрик жасырын", CvVisibility.HIDDEN, 12)
    public = seeded.cv_id
    assert _candidates(client, seeded, "employer", vacancy) == {public}
    staff_sees = _candidates(client, seeded, "staff", vacancy)
    assert {public, centres} <= staff_sees and hidden not in staff_sees

    found = client.get("/api/v1/vacancies?q=жасырын").get_json()
    assert found["items"] == [], "a CV's words must not find anything in vacancy search"
    page = client.get("/search?q=жасырын")
    assert page.status_code == 200
    assert not VACANCY_LINK.search(page.get_data(as_text=True))
    assert VACANCY_LINK.search(client.get("/search?q=электрик").get_data(as_text=True))

    with extensions.database(app).session() as session:
        cv = session.get(Cv, public)
        assert cv is not None
        cv.visibility = CvVisibility.HIDDEN
    assert _candidates(client, seeded, "employer", vacancy) == set()
    assert public not in _candidates(client, seeded, "staff", vacancy)


def test_deleting_a_seeker_removes_their_cv_from_the_index(app: Flask, seeded: Seeded) -> None:
    engine = extensions.indexing(app).engine
    assert engine.get(DocType.CVS, seeded.cv_id) is not None
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, seeded.seeker_id)
        assert seeker is not None
        session.delete(seeker)
    assert engine.get(DocType.CVS, seeded.cv_id) is None
