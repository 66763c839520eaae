"""The dashboard page and its CSV export: who may see what, charts with tables, the export file."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import Centre, Region
from app.web import dashboard
from tests.web.conftest import People, SignIn
from tests.web.dashboard.world import TODAY, build

PERIOD = "from=2026-01-01&to=2026-12-31"


@pytest.fixture
def world(app: Flask, people: People, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The hand-built world, with centre A and B the ``people`` centres (both in Astana).

    ``people`` adds one more client to centre A: a job seeker registered 2 Nov 2026, not placed.
    """
    monkeypatch.setattr(dashboard, "today", lambda: TODAY)
    with extensions.database(app).session() as session:
        a = session.get(Centre, people.centre_id)
        b = session.get(Centre, people.other_centre_id)
        assert a is not None and b is not None
        build(session, a, b)
    yield


def _csv(client: FlaskClient, figure: str, query: str = PERIOD) -> list[list[str]]:
    response = client.get(f"/dashboard/export/{figure}.csv?{query}&lang=en")
    assert response.status_code == 200
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_staff_see_their_centre_with_charts_and_tables(
    client: FlaskClient, sign_in: SignIn, world: None
) -> None:
    sign_in(client, "staff")
    page = client.get(f"/dashboard?{PERIOD}&lang=ru")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count('<svg role="img"') == 10
    assert html.count("<title id=") == 10 and html.count("<desc id=") == 10
    assert html.count("<table") == 10
    assert "Центр A" in html
    assert 'id="f-region"' not in html  # staff are held to their centre
    assert " style=" not in html and "<style" not in html
    # no person on the dashboard: the seekers' names never appear
    for name in ("Сейткали", "Омаров", "s1", "s8"):
        assert f">{name}<" not in html
    assert "57,1\u00a0%" in html  # 4 placed of 7 clients, in Babel's Russian format


def test_csv_export_matches_the_figures(client: FlaskClient, sign_in: SignIn, world: None) -> None:
    sign_in(client, "staff")
    response = client.get(f"/dashboard/export/placed.csv?{PERIOD}")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="placed_2026-01-01_2026-12-31.csv"'
    rows = _csv(client, "placed")
    assert rows[0] == ["Breakdown", "Group", "Count", "Of", "Share, %"]
    assert rows[1] == ["Total", "Total", "4", "7", "57.1"]
    assert ["Sex", "Men", "2", "2", "100"] in rows
    assert ["Age group", "50+", "0", "1", "0"] in rows
    # the people seeker (born 1998) joins s4 and s6 in 25-34
    assert ["Age group", "25-34", "2", "3", "66.7"] in rows
    timing = _csv(client, "time_to_placement")
    assert timing[1] == ["Total", "Total", "5", "62.6", "30"]
    kazakh = client.get(f"/dashboard/export/vacancies_by_occupation.csv?{PERIOD}&lang=kk")
    text = kazakh.get_data().decode("utf-8-sig")
    assert "Өнеркәсіптің, құрылыстың, көліктің білікті жұмысшылары" in text


@pytest.mark.parametrize(
    ("lang", "header", "total", "days"),
    [
        ("ru", ["Разрез", "Группа", "Количество", "Всего в группе", "Доля, %"], "57,1", "62,6"),
        ("kk", None, "57,1", "62,6"),
    ],
)
def test_csv_export_for_spreadsheets_in_kazakh_and_russian(
    client: FlaskClient,
    sign_in: SignIn,
    world: None,
    lang: str,
    header: list[str] | None,
    total: str,
    days: str,
) -> None:
    """';' between cells and a decimal comma, so Excel in kk/ru reads shares as numbers."""
    sign_in(client, "staff")
    response = client.get(f"/dashboard/export/placed.csv?{PERIOD}&lang={lang}")
    text = response.get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert all(len(row) == 5 for row in rows)
    if header:
        assert rows[0] == header
    assert rows[1][2:] == ["4", "7", total]
    timing = client.get(f"/dashboard/export/time_to_placement.csv?{PERIOD}&lang={lang}")
    timing_text = timing.get_data().decode("utf-8-sig")
    timing_rows = list(csv.reader(io.StringIO(timing_text), delimiter=";"))
    assert timing_rows[1][2:] == ["5", days, "30"]


def test_other_centre_staff_see_only_their_numbers(
    client: FlaskClient, sign_in: SignIn, world: None
) -> None:
    sign_in(client, "other_staff")
    rows = _csv(client, "placed")
    # centre B: s7 placed; the people fixture's other seeker is not registered
    assert rows[1] == ["Total", "Total", "1", "1", "100"]
    overdue = _csv(client, "overdue")
    assert overdue[1] == ["Total", "Total", "1", "1", "100"]
    query = PERIOD + "&region=" + "ignored"
    assert _csv(client, "placed", query)[1] == rows[1]  # staff cannot widen the scope


def test_admin_sees_all_and_filters_by_region(
    app: Flask, client: FlaskClient, sign_in: SignIn, world: None
) -> None:
    sign_in(client, "admin")
    assert _csv(client, "placed")[1] == ["Total", "Total", "5", "8", "62.5"]
    with extensions.database(app).session() as session:
        kato = {r.name_ru: r.kato for r in session.query(Region)}
    assert _csv(client, "placed", f"{PERIOD}&region={kato['Астана']}")[1][2:4] == ["5", "8"]
    assert _csv(client, "placed", f"{PERIOD}&region={kato['Алматы']}")[1][2:4] == ["0", "0"]
    page = client.get(f"/dashboard?{PERIOD}&lang=kk")
    assert 'id="f-region"' in page.get_data(as_text=True)
    assert "Тіркелген клиенттердің жұмысқа орналасуы" in page.get_data(as_text=True)


def test_bad_filters_are_422_naming_the_field(
    client: FlaskClient, sign_in: SignIn, people: People
) -> None:
    sign_in(client, "admin")
    page = client.get("/dashboard?from=2026-13-01&lang=en")
    assert page.status_code == 422
    assert re.search(r'id="f-from-error">Enter a date as YYYY-MM-DD', page.get_data(as_text=True))
    backwards = client.get("/dashboard?from=2026-05-01&to=2026-04-01&lang=en")
    assert backwards.status_code == 422 and 'id="f-to-error"' in backwards.get_data(as_text=True)
    region = client.get("/dashboard?region=999&lang=en")
    assert region.status_code == 422 and 'id="f-region-error"' in region.get_data(as_text=True)
    export = client.get("/dashboard/export/placed.csv?to=nonsense")
    assert export.status_code == 422 and b"to:" in export.get_data()
    assert client.get("/dashboard/export/nonsense.csv").status_code == 404


@pytest.mark.parametrize("who", ["seeker", "employer"])
def test_seekers_and_employers_are_refused(
    client: FlaskClient, sign_in: SignIn, people: People, who: str
) -> None:
    sign_in(client, who)
    assert client.get("/dashboard").status_code == 403
    assert client.get("/dashboard/export/placed.csv").status_code == 403


def test_anonymous_goes_to_login(client: FlaskClient, people: People) -> None:
    response = client.get("/dashboard")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    export = client.get("/dashboard/export/placed.csv")
    assert export.status_code == 302 and "/login" in export.headers["Location"]
