"""``parse_query`` beyond places: Latin-typed words in Cyrillic, one-word typo correction."""

from __future__ import annotations

import pytest

from app.search.places import gazetteer
from matching.query import parse_query
from matching.text import Vocabulary


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("aspaz", "аспаз"),
        ("Esepshi", "есепші"),
        ("zhurgizushi Astana", "жүргізуші"),
        ("bağdarlamaşy", "бағдарламашы"),
        ("aspaz Almatyda", "аспаз"),
        ("voditel", "водитель"),
        ("satyp alu zhonindegi menedzher", "сатып алу жөніндегі менеджер"),
        ("bar", "bar"),
        ("python developer", "python developer"),
        ("sales manager", "sales manager"),
        (".net developer", ".net developer"),
        ("c++ Алматы", "c++"),
        ("node.js", "node.js"),
    ],
)
def test_latin_typed_kazakh_and_russian_become_cyrillic(query: str, text: str) -> None:
    parsed = parse_query(query, gazetteer())
    assert parsed.text == text
    assert parsed.corrected is None


@pytest.mark.parametrize(
    ("query", "text", "corrected"),
    [
        ("бугалтер", "бухгалтер", "бухгалтер"),
        ("праграммист", "программист", "программист"),
        ("водитл", "водитель", "водитель"),
        ("мугалим", "мұғалім", "мұғалім"),
        ("бугалтер Алматы", "бухгалтер", "бухгалтер Алматы"),
    ],
)
def test_one_misspelt_word_is_corrected_and_reported(query: str, text: str, corrected: str) -> None:
    parsed = parse_query(query, gazetteer())
    assert (parsed.text, parsed.corrected, parsed.original) == (text, corrected, query)


def test_correction_can_be_turned_off_and_skips_longer_queries() -> None:
    assert parse_query("бугалтер", gazetteer(), correct=False).text == "бугалтер"
    parsed = parse_query("бугалтер праграммист", gazetteer())
    assert (parsed.text, parsed.corrected) == ("бугалтер праграммист", None)


@pytest.mark.parametrize("query", ["бухгалтер", "медбике", "подработка", "кассирша", "", "   "])
def test_known_words_and_empty_queries_are_not_corrected(query: str) -> None:
    parsed = parse_query(query, gazetteer())
    assert parsed.corrected is None
    assert parsed.text == query.strip()


def test_a_vocabulary_can_be_passed_in() -> None:
    vocab = Vocabulary.from_words([("аспаз", 1)])
    assert parse_query("aspaz", gazetteer(), vocabulary=vocab).text == "аспаз"
    assert parse_query("voditel", gazetteer(), vocabulary=vocab).text == "voditel"


def test_places_split_by_the_field_to_filter() -> None:
    parsed = parse_query("бухгалтер Алматы, Караганда или Жетісу", gazetteer())
    assert parsed.text == "бухгалтер"
    assert parsed.region_katos == ("750000000", "330000000")
    assert parsed.locality_katos == ("351010000",)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Алматы или Астана", ""),
        ("повар и официант в Алматы", "повар и официант"),
        ("Алматы және Астана аспаз", "аспаз"),
        ("и", "и"),
    ],
)
def test_connectors_between_places_leave_with_them(query: str, text: str) -> None:
    assert parse_query(query, gazetteer()).text == text
