"""CSV imports: delimiters, BOM, KATO codes, employer BINs, idempotence, the CLI command."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import cli
from app.models import Employer, Vacancy, VacancySource, VacancyStatus
from app.services.imports.csv_format import import_csv
from app.services.imports.hh_format import PayloadError

HEADER = ["id", "title", "employer", "employer_bin", "locality", "region", "salary_from"]
ROWS = [
    ["7", "Аспаз", "ТОО Дәмді", "123456789012", "Алматы", "", "300000"],
    ["8", "Жүргізуші", "ЖШС Жол", "", "710000000", "", ""],
]


def _file(delimiter: str, rows: list[list[str]] = ROWS, bom: bool = False) -> bytes:
    lines = [delimiter.join(HEADER)] + [delimiter.join(r) for r in rows]
    return (("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n").encode()


def _vacancies(session: Session) -> dict[str, Vacancy]:
    rows = session.execute(select(Vacancy).where(Vacancy.source == VacancySource.IMPORT))
    return {v.external_id or "": v for v in rows.scalars()}


@pytest.mark.parametrize(("delimiter", "bom"), [(";", True), (",", False), ("\t", False)])
def test_delimiters_and_bom(session: Session, delimiter: str, bom: bool) -> None:
    report = import_csv(session, _file(delimiter, bom=bom))
    assert (report.created, report.rejected) == (2, [])
    found = _vacancies(session)
    assert set(found) == {"csv:7", "csv:8"}
    assert found["csv:7"].salary_from == 300000 and found["csv:7"].status == VacancyStatus.PUBLISHED
    assert found["csv:8"].locality is not None and found["csv:8"].locality.kato == "710000000"
    employer = session.get(Employer, found["csv:7"].employer_id)
    assert employer is not None and employer.bin == "123456789012"


def test_reimport_updates_in_place_and_bin_finds_the_employer(session: Session) -> None:
    import_csv(session, _file(";"))
    renamed = [["7", "Бас аспаз", "Дәмді (жаңа атауы)", "123456789012", "Алматы", "", ""]]
    report = import_csv(session, _file(";", renamed))
    assert (report.created, report.updated) == (0, 1)
    found = _vacancies(session)
    assert len(found) == 2 and found["csv:7"].title == "Бас аспаз"
    assert session.get(Employer, found["csv:7"].employer_id).name == "ТОО Дәмді"  # type: ignore[union-attr]
    closing = "id;title;employer;locality;archived\n7;Бас аспаз;ТОО Дәмді;Алматы;да\n".encode()
    assert import_csv(session, closing).updated == 1
    assert _vacancies(session)["csv:7"].status == VacancyStatus.CLOSED


def test_region_narrows_and_rejections_name_the_field(session: Session) -> None:
    rows = [
        ["1", "Аспаз", "ТОО А", "", "Алматы", "Марс", ""],
        ["2", "Аспаз", "ТОО А", "", "000000000", "", ""],
        ["3", "", "ТОО А", "", "Алматы", "", ""],
        ["4", "Аспаз", "ТОО А", "", "Алматы", "", "-5"],
        ["5", "Ас\x00паз", "ТОО А", "", "Алматы", "", ""],
    ]
    report = import_csv(session, _file(";", rows))
    assert report.created == 0
    assert [(e.line, e.external_id, e.reason.split(":")[0]) for e in report.rejected] == [
        (2, "1", "region"),
        (3, "2", "locality"),
        (4, "3", "title"),
        (5, "4", "salary_from"),
        (6, "5", "title"),
    ]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        ("id;title\n1;Аспаз\n".encode(), "missing column"),
        ("id;title;employer;locality\n1;Аспаз;ТОО;Алматы\n".encode("cp1251"), "Windows-1251"),
        ("external_id;title;employer;locality\n1;Cook;TOO;Almaty\n".encode("utf-16-le"), "UTF-16"),
    ],
)
def test_unreadable_files_fail_whole(session: Session, payload: bytes, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        import_csv(session, payload)


def test_utf16_with_a_byte_order_mark_is_read(session: Session) -> None:
    """Excel's "Unicode text" export; it was once reported as Windows-1251."""
    text = "external_id;title;employer;locality\n1;Аспаз;ТОО Дәмді;Алматы\n"
    assert import_csv(session, text.encode("utf-16")).created == 1


def test_cli_detects_csv_by_extension_or_option(app: Flask, tmp_path: Path) -> None:
    by_name = tmp_path / "vacancies.csv"
    by_name.write_bytes(_file(";"))
    result = app.test_cli_runner().invoke(cli, ["import", str(by_name)])
    assert result.exit_code == 0, result.output
    assert "created 2" in result.output and "rejected 0" in result.output
    by_option = tmp_path / "export.txt"
    by_option.write_bytes(_file(",", [["9", "Даяшы", "ТОО Б", "", "Марс", "", ""]]))
    result = app.test_cli_runner().invoke(cli, ["import", "--format", "csv", str(by_option)])
    assert result.exit_code == 0 and "rejected 1" in result.output
    assert "line 2 id=9: locality" in result.output
    broken = tmp_path / "win.csv"
    broken.write_bytes(_file(";").decode().encode("cp1251", errors="replace"))
    result = app.test_cli_runner().invoke(cli, ["import", str(broken)])
    assert result.exit_code == 1 and "UTF-8" in result.output and "Traceback" not in result.output
