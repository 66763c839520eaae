"""Russian and Kazakh word forms, Latin-script Kazakh, synonyms and field weights.

The analysis itself is ``matching.text``'s; this checks that each engine indexes and queries
through it, so the same words find the same documents everywhere.
"""

from __future__ import annotations

import pytest

from indexer import DocType, SearchEngine, SearchQuery
from tests.conformance.data import ids, vacancy

V = DocType.VACANCIES


@pytest.fixture
def jobs(engine: SearchEngine) -> SearchEngine:
    engine.upsert(
        V,
        [
            vacancy(1, "Программист", description="Пишем сервисы на Python"),
            vacancy(2, "Бағдарламашы", description="Бағдарламалық қамтамасыз ету", lang="kk"),
            vacancy(3, "Жұмыс аспазға", description="Асхана", lang="kk"),
            vacancy(4, "Водитель категории C", description="Доставка грузов"),
            vacancy(5, "Менеджер", description="Нужен опыт работы программистом"),
            vacancy(6, "Есепші", description="Бухгалтерлік есеп", lang="kk"),
        ],
    )
    return engine


def test_russian_word_forms(jobs: SearchEngine) -> None:
    assert 1 in ids(jobs.search(V, SearchQuery(text="программистов")))
    assert ids(jobs.search(V, SearchQuery(text="водителей"))) == [4]


def test_kazakh_word_forms(jobs: SearchEngine) -> None:
    assert 3 in ids(jobs.search(V, SearchQuery(text="жұмыстары")))


def test_latin_kazakh_finds_cyrillic(jobs: SearchEngine) -> None:
    assert 2 in ids(jobs.search(V, SearchQuery(text="bağdarlamaşy")))
    assert 3 in ids(jobs.search(V, SearchQuery(text="jūmys")))


def test_synonyms_cross_languages(jobs: SearchEngine) -> None:
    found = ids(jobs.search(V, SearchQuery(text="программист")))
    assert {1, 2} <= set(found)
    assert 6 in ids(jobs.search(V, SearchQuery(text="бухгалтер")))


def test_title_match_outranks_description_match(jobs: SearchEngine) -> None:
    found = ids(jobs.search(V, SearchQuery(text="программист")))
    assert found.index(1) < found.index(5)


def test_text_without_terms_matches_everything(jobs: SearchEngine) -> None:
    assert jobs.search(V, SearchQuery(text="   ")).total == 6


def test_multi_word_queries_need_every_word(jobs: SearchEngine) -> None:
    assert ids(jobs.search(V, SearchQuery(text="водитель грузов"))) == [4]
    assert ids(jobs.search(V, SearchQuery(text="водитель программист"))) == []


def test_text_match_any_retrieves_on_one_shared_word(jobs: SearchEngine) -> None:
    profile = "Опытный водитель, ищу работу рядом с домом, готов к командировкам"
    assert ids(jobs.search(V, SearchQuery(text=profile))) == []
    assert 4 in ids(jobs.search(V, SearchQuery(text=profile, text_match="any")))
