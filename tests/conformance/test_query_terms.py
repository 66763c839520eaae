"""Compound titles as units, ASCII-typed Kazakh/Russian and ISCO synonyms, in every engine.

``іс жүргізуші`` (clerk) holds ``жүргізуші`` (driver): a driver query must not find clerks,
and the clerk query must not find drivers. Plain-ASCII Kazakh (``aspaz``) finds what the
Cyrillic word finds; ``медбике`` finds nurses, whatever their title's language.
"""

from __future__ import annotations

import pytest

from indexer import DocType, SearchEngine, SearchQuery
from tests.conformance.data import ids, vacancy

V = DocType.VACANCIES
DRIVERS, CLERKS = {1, 2, 3}, {4, 5, 6}


@pytest.fixture
def jobs(engine: SearchEngine) -> SearchEngine:
    engine.upsert(
        V,
        [
            vacancy(1, "C санатты жүргізуші", description="Жүк тасымалдау", lang="kk"),
            vacancy(2, "Водитель категории C", description="Доставка грузов"),
            vacancy(3, "Жеңіл автокөлік жүргізушісі", description="Директорды тасу", lang="kk"),
            vacancy(4, "Іс жүргізуші", description="Құжаттарды тіркеу", lang="kk"),
            vacancy(5, "Делопроизводитель", description="Ведение документооборота"),
            vacancy(6, "Хатшы-іс жүргізуші", description="Іс жүргізушінің міндеттері", lang="kk"),
            vacancy(7, "Аспаз", description="Асхана аспазы", lang="kk"),
            vacancy(8, "Повар горячего цеха", description="Приготовление блюд"),
            vacancy(9, "Мейіргер", description="Емханаға мейіргер қажет", lang="kk"),
            vacancy(10, "Участковая медсестра", description="Работа на участке"),
            vacancy(11, "Есепші", description="Бастапқы құжаттар", lang="kk"),
            vacancy(12, "Python developer", description="Backend services in Python"),
            vacancy(13, "Ветеринарный врач", description="Лечение животных"),
            vacancy(14, "Врач общей практики", description="Прием пациентов"),
        ],
    )
    return engine


def found(engine: SearchEngine, text: str) -> set[int]:
    return set(ids(engine.search(V, SearchQuery(text=text, limit=50))))


@pytest.mark.parametrize("text", ["жүргізуші", "водитель", "жүргізушілер", "шофер"])
def test_a_driver_query_finds_drivers_not_clerks(jobs: SearchEngine, text: str) -> None:
    assert found(jobs, text) == DRIVERS


@pytest.mark.parametrize("text", ["іс жүргізуші", "делопроизводитель", "Іс жүргізушісі"])
def test_a_clerk_query_finds_clerks_not_drivers(jobs: SearchEngine, text: str) -> None:
    assert found(jobs, text) == CLERKS


@pytest.mark.parametrize(
    ("ascii_text", "cyrillic"),
    [
        ("aspaz", "аспаз"),
        ("esepshi", "есепші"),
        ("zhurgizushi", "жүргізуші"),
        ("jurgizushi", "жүргізуші"),
        ("medbike", "медбике"),
        ("voditel", "водитель"),
        ("povar", "повар"),
        ("aspazdar", "аспаздар"),
        ("zhurgizushiler", "жүргізушілер"),
    ],
)
def test_ascii_typed_words_find_what_the_cyrillic_finds(
    jobs: SearchEngine, ascii_text: str, cyrillic: str
) -> None:
    expected = ids(jobs.search(V, SearchQuery(text=cyrillic)))
    assert expected
    assert ids(jobs.search(V, SearchQuery(text=ascii_text))) == expected


def test_english_stays_english(jobs: SearchEngine) -> None:
    assert found(jobs, "python developer") == {12}


def test_kazakh_and_russian_titles_meet_through_isco_synonyms(jobs: SearchEngine) -> None:
    assert found(jobs, "медбике") == {9, 10}
    assert found(jobs, "медсестра") == {9, 10}
    assert {7, 8} <= found(jobs, "аспаз")


def test_a_physician_query_does_not_find_veterinarians(jobs: SearchEngine) -> None:
    assert found(jobs, "врач") == {14}
    assert found(jobs, "ветеринарный врач") == {13}
