"""The search page: filters with facet counts, sorting, distance from a place, both languages,
and bad parameters that never cause a 500."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from tests.db.factories import a_locality, a_vacancy


def _titles(page: str) -> list[str]:
    """Result titles in page order."""
    return re.findall(r'<h3><a href="/vacancies/\d+">([^<]+)</a></h3>', page)


def _count(page: str, name: str, value: str) -> int:
    found = re.search(
        rf'name="{name}" value="{value}"[^>]*>[^<]*<span class="count">\((\d+)\)</span>', page
    )
    assert found, f"no facet count for {name}={value}"
    return int(found.group(1))


def _world(app: Flask) -> dict[str, str]:
    now = datetime.now(UTC)
    with extensions.database(app).session() as session:
        astana = a_locality(session, "Астана")
        almaty = a_locality(session, "Алматы")
        a_vacancy(
            session,
            title="Водитель такси",
            locality=astana,
            salary_from=300_000,
            schedule="shift",
            published_at=now - timedelta(days=10),
        )
        a_vacancy(
            session,
            title="Водитель автобуса",
            locality=almaty,
            salary_from=450_000,
            salary_to=500_000,
            employment_type="part",
            published_at=now - timedelta(hours=5),
        )
        a_vacancy(
            session,
            title="Жүргізуші-экспедитор",
            description="Жүк тасымалдау",
            locality=astana,
            kind="social_job",
            experience="1_3",
            published_at=now - timedelta(days=2),
        )
        a_vacancy(session, title="Бухгалтер", locality=almaty, salary_to=200_000)
        session.commit()
        return {"astana": astana.kato, "almaty": almaty.kato}


def test_filters_and_facet_counts(app: Flask, client: FlaskClient) -> None:
    places = _world(app)
    page = client.get("/search?q=водитель&lang=ru").get_data(as_text=True)
    assert f'<option value="{places["astana"]}">Астана (2)</option>' in page
    page = client.get(f"/search?locality={places['almaty']}&lang=ru").get_data(as_text=True)
    assert sorted(_titles(page)) == ["Бухгалтер", "Водитель автобуса"]
    page = client.get("/search?q=водитель&lang=ru").get_data(as_text=True)
    assert sorted(_titles(page)) == ["Водитель автобуса", "Водитель такси", "Жүргізуші-экспедитор"]
    assert _count(page, "kind", "regular") == 2 and _count(page, "kind", "social_job") == 1
    assert _count(page, "schedule", "shift") == 1 and _count(page, "employment", "part") == 1

    page = client.get("/search?q=водитель&kind=social_job&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Жүргізуші-экспедитор"]
    page = client.get("/search?schedule=shift&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Водитель такси"]
    page = client.get("/search?employment=part&experience=none&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Водитель автобуса"]
    page = client.get("/search?experience=1_3&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Жүргізуші-экспедитор"]
    page = client.get("/search?salary_min=400000&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Водитель автобуса"]
    page = client.get("/search?with_salary=1&lang=ru").get_data(as_text=True)
    assert sorted(_titles(page)) == ["Бухгалтер", "Водитель автобуса", "Водитель такси"]
    page = client.get("/search?days=3&lang=ru").get_data(as_text=True)
    assert sorted(_titles(page)) == ["Водитель автобуса", "Жүргізуші-экспедитор"]


def test_salaries_are_formatted_or_marked_not_stated(app: Flask, client: FlaskClient) -> None:
    _world(app)
    page = client.get("/search?lang=ru").get_data(as_text=True)
    assert "от 300\u00a0000\u00a0₸" in page
    assert "450\u00a0000 – 500\u00a0000\u00a0₸" in page
    assert "до 200\u00a0000\u00a0₸" in page
    assert "Зарплата не указана" in page


def test_sort_by_salary_and_date(app: Flask, client: FlaskClient) -> None:
    _world(app)
    page = client.get("/search?sort=salary&with_salary=1&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Водитель автобуса", "Водитель такси", "Бухгалтер"]
    page = client.get("/search?q=водитель&sort=date&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Водитель автобуса", "Жүргізуші-экспедитор", "Водитель такси"]


def test_place_radius_and_distance(app: Flask, client: FlaskClient) -> None:
    places = _world(app)
    near = places["astana"]
    page = client.get(f"/search?near={near}&radius_km=50&lang=ru").get_data(as_text=True)
    assert sorted(_titles(page)) == ["Водитель такси", "Жүргізуші-экспедитор"]
    assert "в 0,0\u00a0км" in page
    page = client.get(f"/search?q=водитель&near={near}&sort=distance&lang=ru").get_data(
        as_text=True
    )
    assert _titles(page)[-1] == "Водитель автобуса"
    assert re.search(r"в 9\d\d,\d\u00a0км", page), "Almaty is about 970 km from Astana"
    page = client.get("/search?lat=43.25&lon=76.93&radius_km=25&lang=ru").get_data(as_text=True)
    assert sorted(_titles(page)) == ["Бухгалтер", "Водитель автобуса"]


def test_kazakh_query_finds_kazakh_and_russian_vacancies(app: Flask, client: FlaskClient) -> None:
    _world(app)
    page = client.get("/search?q=жүргізушілер&lang=kk").get_data(as_text=True)
    titles = _titles(page)
    assert "Жүргізуші-экспедитор" in titles
    assert "Водитель такси" in titles, "the synonym table links жүргізуші and водитель"
    page = client.get("/search?q=тасымалдауға&lang=kk").get_data(as_text=True)
    assert _titles(page) == ["Жүргізуші-экспедитор"]
    assert "Жүк <mark>тасымалдау</mark>" in page, "the matching word form is marked"


def test_bad_parameters_never_500(app: Flask, client: FlaskClient) -> None:
    _world(app)
    bad = client.get("/search?salary_min=много&lang=ru")
    assert bad.status_code == 422
    text = bad.get_data(as_text=True)
    assert 'id="e-salary_min"' in text and "Введите число." in text
    assert len(_titles(text)) == 4, "the search still runs without the bad filter"
    assert client.get("/search?radius_km=10").status_code == 422
    assert client.get("/search?lat=95&lon=10").status_code == 422
    assert client.get("/search?lat=50").status_code == 422
    for query in (
        "kind=pirate&schedule=x&employment=y&experience=z",
        "region=xyz&locality=abc&occupation=99x&near=nowhere",
        "sort=distance",
        "page=0",
        "page=999999",
        "days=-1",
        "q=" + "а" * 5000,
        "q=%00%ff",
        "salary_min=-5",
    ):
        response = client.get(f"/search?{query}")
        assert response.status_code in (200, 422), query


def test_pagination_links_keep_filters(app: Flask, client: FlaskClient) -> None:
    with extensions.database(app).session() as session:
        for n in range(25):
            a_vacancy(session, title=f"Сатушы {n}", kind="public_works")
        session.commit()
    page = client.get("/search?kind=public_works&lang=ru").get_data(as_text=True)
    assert len(_titles(page)) == 20 and "Страница 1 из 2" in page
    assert "kind=public_works&amp;lang=ru&amp;page=2" in page
    second = client.get("/search?kind=public_works&lang=ru&page=2").get_data(as_text=True)
    assert len(_titles(second)) == 5


def test_occupation_group_filter(app: Flask, client: FlaskClient) -> None:
    with extensions.database(app).session() as session:
        a_vacancy(session, title="Водитель легкового автомобиля", occupation_code="8322")
        a_vacancy(session, title="Бухгалтер", occupation_code="2411")
        session.commit()
    page = client.get("/search?occupation=8&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Водитель легкового автомобиля"]
    assert '<option value="8" selected>' in page
