"""Synonym groups across Kazakh, Russian and English."""

from __future__ import annotations

from matching.text import (
    SynonymTable,
    analyze,
    analyze_alternatives,
    analyze_query,
    build_synonyms,
    default_synonyms,
)
from matching.text.synonyms import parse_groups


def reaches(query: str, document: str) -> bool:
    """Whether every query position has an alternative found in the document's terms."""
    terms = analyze(document)
    text = " " + " ".join(terms) + " "
    return all(any(f" {alt} " in text for alt in alts) for alts in analyze_query(query))


def test_shipped_table_loads_with_many_groups() -> None:
    assert len(default_synonyms()) >= 60
    assert default_synonyms() is default_synonyms()


def test_russian_query_reaches_kazakh_document() -> None:
    assert reaches("программист", "Бағдарламашы керек")
    assert reaches("программисты", "Бағдарламашылар керек")
    assert reaches("водитель", "Жүргізушіге жұмыс")
    assert reaches("учитель", "Мектепке мұғалімдер қажет")


def test_status_terms() -> None:
    assert reaches("оралман", "Қандастарға арналған бос орындар")
    assert reaches("инвалид", "Мүгедектігі бар адамдарға арналған жұмыс")
    assert reaches("мүгедек", "Рассматриваем человека с инвалидностью")


def test_english_and_latin_kazakh_queries() -> None:
    assert reaches("driver", "Требуется водитель")
    assert reaches("bağdarlamaşy", "Ищем разработчиков")


def test_multi_word_entry_collapses_into_one_phrase_position() -> None:
    positions = analyze_query("жүк тиеуші керек")
    assert len(positions) == 2
    assert "жүк тиеуші" in positions[0]
    assert "грузчик" in positions[0]
    assert positions[1] == ["керек"]
    assert reaches("грузчик", "Жүк тиеушілер керек")


def test_longest_entry_wins() -> None:
    positions = analyze_query("менеджер по продажам")
    assert len(positions) == 1
    assert "сату менеджер" in positions[0]
    assert analyze_query("менеджер")[0][0] == "менеджер"


def test_expand_works_on_analysed_terms() -> None:
    table = default_synonyms()
    expanded = table.expand(analyze("врачи требуются"))
    assert "дәрігер" in expanded[0]
    assert expanded[1] == analyze("требуются")
    assert "шофер" in table.group(analyze("водителю")[0])
    assert table.group("несуществующий") == []


def test_custom_table_and_file_format() -> None:
    text = "# comment\nаспаз, повар # inline comment\n\nодинокий\nкүзетші,охранник,  сторож\n"
    assert parse_groups(text) == [["аспаз", "повар"], ["күзетші", "охранник", "сторож"]]
    table = build_synonyms(text)
    assert len(table) == 2
    assert "повар" in analyze_query("аспаздар", synonyms=table)[0]
    assert SynonymTable([], analyze_alternatives).expand(["x"]) == [["x"]]


def test_unmatched_positions_pass_through() -> None:
    empty = SynonymTable([], analyze_alternatives)
    assert analyze_query("программист", synonyms=empty) == analyze_alternatives("программист")
