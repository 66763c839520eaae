"""Normalisation: HTML, Unicode, case, ё, punctuation and mixed-script words."""

from __future__ import annotations

import pytest

from matching.text import fold, normalize
from matching.text.normalize import strip_html


def test_html_tags_and_entities_are_removed() -> None:
    html = "<p>Требуется&nbsp;<b>водитель</b> &laquo;A&raquo; &amp; B</p><ul><li>Опыт</li></ul>"
    assert fold(html) == 'требуется водитель "a" & b опыт'


def test_block_tags_become_line_breaks_and_scripts_vanish() -> None:
    text = strip_html("<div>a</div><div>b</div><script>var x = '<b>';</script><!-- c -->d")
    assert text.split() == ["a", "b", "d"]
    assert "\n" in text


def test_plain_text_without_markup_is_untouched_by_strip_html() -> None:
    assert strip_html("x < y and y > z") == "x < y and y > z"


def test_yo_is_folded_to_ye() -> None:
    assert normalize("Ёмкость ёлка") == "емкость елка"
    assert fold("ёмкость") == fold("емкость")


def test_dashes_quotes_and_invisible_characters_are_unified() -> None:
    assert fold("«Жұмыс» — “job” ‘x’ a\u00adb\u200bc") == '"жұмыс" - "job" \'x\' abc'


def test_nfkc_and_casefold() -> None:
    assert fold("ＡＢＣ ﬁle ПРОГРАММИСТ Straße") == "abc file программист strasse"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kазахстан", "казахстан"),  # Latin K
        ("бiлiм", "білім"),  # Latin i for Kazakh і
        ("мoлоко", "молоко"),  # Latin o
        ("Еxcel", "excel"),  # Cyrillic Е in an English word
        ("ҚАЗАҚCТАН", "қазақстан"),  # Latin C
    ],
)
def test_confusable_letters_are_folded_into_the_word_script(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_genuinely_mixed_words_are_left_alone() -> None:
    assert normalize("Excelде") == "excelде"


def test_kazakh_schwa_typed_as_latin_schwa() -> None:
    assert normalize("Əлем") == "әлем"


def test_turkic_capital_i_in_kazakh_latin_words() -> None:
    assert normalize("Işker İnstitut Python") == "ışker institut python"


def test_fold_collapses_whitespace() -> None:
    assert fold("  a \n\t b  ") == "a b"
