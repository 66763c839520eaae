"""The search page through the one read path: a page past the end shows the last page, and a
signed-in seeker's own locality is where distances are measured from until they remove it."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from tests.db.factories import a_locality, a_vacancy
from tests.web.conftest import People, SignIn


def _titles(page: str) -> list[str]:
    return re.findall(r'<h3><a href="/vacancies/\d+">([^<]+)</a></h3>', page)


def test_a_page_past_the_end_shows_the_last_page(app: Flask, client: FlaskClient) -> None:
    with extensions.database(app).session() as session:
        for n in range(23):
            a_vacancy(session, title=f"Повар {n:02d}")
    last = client.get("/search?q=повар&page=9999&lang=ru")
    assert last.status_code == 200
    page = last.get_data(as_text=True)
    assert "Страница 2 из 2" in page and "Страница 9999" not in page
    assert len(_titles(page)) == 3  # 23 = 20 + 3
    assert 'rel="prev" href="/search?q=%D0%BF%D0%BE%D0%B2%D0%B0%D1%80&amp;page=1' in page
    first = client.get("/search?q=повар&page=1&lang=ru").get_data(as_text=True)
    assert len(_titles(first)) == 20 and "Страница 1 из 2" in first


def test_my_locality_is_the_default_place_and_can_be_removed(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    with extensions.database(app).session() as session:
        a_vacancy(session, title="Повар в Алматы", locality=a_locality(session, "Алматы"))
        a_vacancy(session, title="Повар в Астане", locality=a_locality(session, "Астана"))
    anonymous = client.get("/search?q=повар&lang=ru").get_data(as_text=True)
    assert 'id="home-place"' not in anonymous and 'class="distance"' not in anonymous

    sign_in(client, "seeker")  # lives in Astana
    page = client.get("/search?q=повар&sort=distance&lang=ru").get_data(as_text=True)
    assert "Расстояние считается от вашего населённого пункта из профиля." in page
    assert _titles(page) == ["Повар в Астане", "Повар в Алматы"]
    assert page.count('class="distance"') == 2
    removal = re.search(r'<p class="hint" id="home-place">.*?<a href="([^"]+)"', page)
    assert removal is not None
    without = client.get(removal.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert 'id="home-place"' not in without and 'class="distance"' not in without
    kk = client.get("/search?q=аспаз&lang=kk").get_data(as_text=True)
    assert "Қашықтық профиліңіздегі елді мекеннен есептеледі." in kk
    chosen = client.get("/search?q=повар&near=750000000&lang=ru").get_data(as_text=True)
    assert 'id="home-place"' not in chosen  # a place the person chose is not "default"


def test_a_place_in_the_text_is_where_to_search_with_a_fallback(
    app: Flask, client: FlaskClient
) -> None:
    with extensions.database(app).session() as session:
        almaty, astana = a_locality(session, "Алматы"), a_locality(session, "Астана")
        a_vacancy(session, title="Водитель такси", locality=almaty)
        a_vacancy(session, title="Водитель автобуса", locality=astana)
        a_vacancy(session, title="Повар", locality=astana)
    page = client.get("/search?q=водитель Алматы&lang=ru").get_data(as_text=True)
    assert _titles(page) == ["Водитель такси"]
    assert "Вакансии: Алматы" in page
    kk = client.get("/search?q=жүргізуші Алматыда&lang=kk").get_data(as_text=True)
    assert _titles(kk) == ["Водитель такси"]
    nothing_there = client.get("/search?q=повар в Алматы&lang=ru").get_data(as_text=True)
    assert _titles(nothing_there) == ["Повар"]
    assert "Ничего не найдено (Алматы): показаны вакансии по всей стране." in nothing_there
    chosen = client.get("/search?q=водитель Алматы&region=710000000&lang=ru")
    assert _titles(chosen.get_data(as_text=True)) == ["Водитель автобуса"]  # the filter wins
    api = client.get("/api/v1/vacancies?q=водитель Алматы").get_json()
    assert [i["title"] for i in api["items"]] == ["Водитель такси"]
    assert api["places"] == [{"kato": "750000000", "level": "region", "name": "Алматы"}]
    assert api["place_fallback"] is False and api["corrected"] is None
    fallback = client.get("/api/v1/vacancies?q=повар Алматы").get_json()
    assert fallback["place_fallback"] is True and fallback["total"] == 1
