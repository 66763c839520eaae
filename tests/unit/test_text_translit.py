"""Kazakh Latin (2021, 2018, 2017 alphabets) to Cyrillic."""

from __future__ import annotations

import pytest

from matching.text import latin_to_cyrillic
from matching.text.translit import is_kazakh_latin


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Qazaqstan", "Қазақстан"),
        ("bağdarlamaşy", "бағдарламашы"),
        ("Jūmys ızdeimın", "Жұмыс іздеймін"),
        ("mūğalım", "мұғалім"),
        ("jürgızuşı", "жүргізуші"),
        ("därıger", "дәрігер"),
        ("meñgeru", "меңгеру"),
        ("öndırıs", "өндіріс"),
        ("üi syi kiım", "үй сый киім"),
        ("kompaniia aiaq", "компания аяқ"),
        ("çempion", "чемпион"),
        ("QAZAQSTAN", "ҚАЗАҚСТАН"),
    ],
)
def test_2021_alphabet(latin: str, cyrillic: str) -> None:
    assert latin_to_cyrillic(latin) == cyrillic


def test_2021_sample_sentence() -> None:
    latin = "Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken qazysynyñ"
    expected = "Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шахарының бір үлкен қазысының"
    assert latin_to_cyrillic(latin) == expected


def test_2018_acute_alphabet_with_digraphs() -> None:
    assert latin_to_cyrillic("Qazaqstan Respýblıkasy") == "Қазақстан Республикасы"
    assert latin_to_cyrillic("Ǵylym jáne bilim") == "Ғылым және білім"
    assert latin_to_cyrillic("shahar ákimdigi") == "шахар әкімдігі"


def test_2017_apostrophe_alphabet() -> None:
    assert latin_to_cyrillic("bag'darlamas'y") == "бағдарламашы"
    assert latin_to_cyrillic("Bag’darlamas’y men mug’alim") == "Бағдарламашы мен мұғалім"


@pytest.mark.parametrize(
    "english",
    [
        "Python developer",
        "Excel, Word, Outlook",
        "SQL and PostgreSQL",
        "QA engineer",
        "quality equipment request",
        "don't panic, it's the workers' day",
        "Node.js, C++",
    ],
)
def test_english_and_tech_words_are_untouched(english: str) -> None:
    assert latin_to_cyrillic(english) == english


def test_in_kazakh_latin_text_unmarked_kazakh_words_convert_but_english_stays() -> None:
    assert latin_to_cyrillic("Python bağdarlamaşy kerek") == "Python бағдарламашы керек"


def test_assume_kazakh_converts_unmarked_words() -> None:
    assert latin_to_cyrillic("jumys bar", assume_kazakh=True) == "жумыс бар"
    assert latin_to_cyrillic("jumys bar") == "jumys bar"


def test_cyrillic_text_passes_through() -> None:
    assert latin_to_cyrillic("Алматы қаласы") == "Алматы қаласы"


def test_is_kazakh_latin() -> None:
    assert is_kazakh_latin("Qala")
    assert is_kazakh_latin("jūmys")
    assert not is_kazakh_latin("Python")
    assert not is_kazakh_latin("query")
