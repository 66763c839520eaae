"""Per-token language decisions."""

from __future__ import annotations

from matching.text.language import (
    doc_term,
    language_signal,
    looks_russian,
    query_terms,
    sentence_language,
    stem_english,
    stem_russian,
)


def test_kazakh_letters_mean_kazakh() -> None:
    assert language_signal("мұғалім") == 1
    assert doc_term("cyr", "мұғалімдер", "ru") == "мұғалім"


def test_russian_letters_and_endings_mean_russian() -> None:
    assert language_signal("водитель") == -1
    assert language_signal("программистами") == -1
    assert looks_russian("программистами")
    assert not looks_russian("аудан")
    assert language_signal("аудан") == 0


def test_ambiguous_words_follow_their_sentence() -> None:
    assert doc_term("cyr", "ауданда", "kk") == "аудан"
    assert doc_term("cyr", "ауданда", "ru") == stem_russian("ауданда")


def test_russian_inflection_beats_kazakh_context() -> None:
    assert doc_term("cyr", "программистами", "kk") == "программист"


def test_sentence_language() -> None:
    assert sentence_language(["алматы", "қаласында", "бухгалтер", "керек"]) == "kk"
    assert sentence_language(["требуется", "бухгалтер", "в", "алматы"]) == "ru"
    assert sentence_language(["бухгалтер"]) is None


def test_latin_words_use_english_stemmer_and_others_are_verbatim() -> None:
    assert doc_term("lat", "developers", None) == "develop"
    assert stem_english("managing") == "manag"
    assert doc_term("lat", "b2b", None) == "b2b"
    assert doc_term("tech", "c++", None) == "c++"
    assert doc_term("num", "2000", None) == "2000"


def test_query_terms_give_both_readings_of_ambiguous_words() -> None:
    assert set(query_terms("cyr", "ауданда", None)) >= {"аудан", stem_russian("ауданда")}
    assert query_terms("cyr", "ауданда", "kk")[0] == "аудан"
    assert query_terms("cyr", "водителями", None) == ("водител",)


def test_russian_snowball_with_overrides() -> None:
    assert stem_russian("опыт") == stem_russian("опыта") == stem_russian("опытом") == "опыт"
    assert stem_russian("удаленная") == "удален"  # one pass only: no over-stemming
