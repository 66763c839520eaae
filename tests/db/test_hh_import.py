"""hh.ru-format imports: three containers, idempotent re-import, bad rows reported not fatal."""

from __future__ import annotations

import json
from copy import deepcopy
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import cli
from app.models import Vacancy, VacancySource, VacancyStatus
from app.services.imports.hh_format import PayloadError
from app.services.imports.runner import import_hh


def _item(ident: int, **overrides: Any) -> dict[str, Any]:
    item = {
        "id": str(ident),
        "name": "Python-разработчик",
        "area": {"id": "160", "name": "Алматы"},
        "salary": {"from": 600000, "to": 900000, "currency": "KZT", "gross": False},
        "address": {"raw": "Алматы, проспект Абая, 10", "lat": 43.2383, "lng": 76.9456},
        "employer": {"id": "1", "name": "ТОО Kolesa"},
        "snippet": {
            "requirement": "Опыт с <highlighttext>Django</highlighttext>",
            "responsibility": "Разработка API",
        },
        "schedule": {"id": "remote", "name": "Удаленная работа"},
        "employment": {"id": "full", "name": "Полная занятость"},
        "experience": {"id": "between3And6", "name": "От 3 до 6 лет"},
        "professional_roles": [{"id": "96", "name": "Программист, разработчик"}],
        "key_skills": [{"name": "Python"}, {"name": "Django"}],
        "published_at": "2025-11-27T15:47:29+0300",
        "alternate_url": f"https://hh.kz/vacancy/{ident}",
    }
    item.update(overrides)
    return item


def _imported(session: Session) -> dict[str, Vacancy]:
    rows = session.execute(select(Vacancy).where(Vacancy.source == VacancySource.IMPORT))
    return {v.external_id or "": v for v in rows.scalars()}


def test_search_page_is_imported_with_every_field(session: Session) -> None:
    page = {"items": [_item(1), _item(2, name="Водитель такси", area={"name": "Астана"})]}
    report = import_hh(session, json.dumps(page).encode())
    assert (report.created, report.rejected) == (2, [])
    vacancies = _imported(session)
    dev = vacancies["hh:1"]
    assert dev.title == "Python-разработчик"
    assert (dev.salary_from, dev.salary_to) == (600_000, 900_000)
    assert dev.schedule.value == "remote" and dev.experience.value == "3_6"
    assert dev.skills == ["Python", "Django"]
    assert dev.occupation_code == "2512"
    assert dev.locality is not None and dev.locality.name_ru == "Алматы"
    assert (dev.lat, dev.lon) == (43.2383, 76.9456)
    assert "Django" in dev.description and "<" not in dev.description
    assert dev.published_at is not None and dev.published_at.isoformat().startswith(
        "2025-11-27T12:47"
    )
    assert dev.status is VacancyStatus.PUBLISHED
    assert vacancies["hh:2"].occupation_code == "8322"


def test_json_lines_and_arrays(session: Session) -> None:
    lines = "\n".join(json.dumps(_item(i)) for i in (1, 2, 3)).encode()
    assert import_hh(session, lines).created == 3
    assert import_hh(session, json.dumps([_item(4)]).encode()).created == 1


def test_reimport_is_idempotent_and_applies_changes_and_removals(session: Session) -> None:
    items = [_item(i) for i in (1, 2, 3)]
    import_hh(session, json.dumps({"items": items}).encode(), snapshot=True)
    changed = deepcopy(items[:2])
    changed[0]["salary"]["to"] = 1_000_000
    report = import_hh(session, json.dumps({"items": changed}).encode(), snapshot=True)
    assert (report.created, report.updated, report.unchanged, report.closed) == (0, 1, 1, 1)
    vacancies = _imported(session)
    assert vacancies["hh:1"].salary_to == 1_000_000
    assert vacancies["hh:3"].status is VacancyStatus.CLOSED
    assert len(vacancies) == 3


def test_archived_item_closes_the_vacancy(session: Session) -> None:
    import_hh(session, json.dumps([_item(1)]).encode())
    import_hh(session, json.dumps([_item(1, archived=True)]).encode())
    assert _imported(session)["hh:1"].status is VacancyStatus.CLOSED


def test_bad_rows_are_reported_and_good_rows_kept(session: Session) -> None:
    lines = [
        json.dumps(_item(1)),
        "{not json",
        json.dumps(_item(2, name="")),
        json.dumps(_item(3, area={"name": "Москва"})),
        json.dumps(_item(4, salary={"from": "много", "currency": "KZT"})),
        json.dumps(_item(5, salary={"from": 900_000, "to": 100_000, "currency": "KZT"})),
        json.dumps({"name": "без id"}),
        json.dumps(_item(6, salary={"from": 1000, "currency": "USD"})),
        json.dumps(_item(7, name="<b>" + "x" * 400 + "</b>")),
    ]
    report = import_hh(session, "\n".join(lines).encode())
    assert sorted(_imported(session)) == ["hh:1", "hh:6"]
    reasons = {e.line: e.reason for e in report.rejected}
    assert set(reasons) == {2, 3, 4, 5, 6, 7, 9}
    assert "name" in reasons[3] and "Москва" in reasons[4] and "salary" in reasons[5]
    assert "salary_from" in reasons[6] and "id" in reasons[7] and "title" in reasons[9]
    assert any("USD" in w for _, _, w in report.warnings)
    assert _imported(session)["hh:6"].salary_from is None


@pytest.mark.parametrize(
    ("payload", "message"),
    [(b"", "empty"), ("Вакансия".encode("cp1251"), "UTF-8")],
)
def test_unreadable_files_fail_whole(session: Session, payload: bytes, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        import_hh(session, payload)


def test_cli_import(app: Flask, tmp_path) -> None:
    good = tmp_path / "page.json"
    good.write_text(json.dumps({"items": [_item(1), _item(2, area={"name": "Марс"})]}))
    result = app.test_cli_runner().invoke(cli, ["import", str(good)])
    assert result.exit_code == 0, result.output
    assert "accepted 1" in result.output and "rejected 1" in result.output
    broken = tmp_path / "broken.json"
    broken.write_bytes("Вакансия".encode("cp1251"))
    result = app.test_cli_runner().invoke(cli, ["import", str(broken)])
    assert result.exit_code == 1 and "UTF-8" in result.output and "Traceback" not in result.output
