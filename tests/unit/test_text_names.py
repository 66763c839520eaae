"""Name search keys: case, ё, Kazakh letters and Latin look-alikes fold together."""

from __future__ import annotations

import pytest

from matching.text.names import name_key


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Тұрсынова", "Турсынова"),
        ("Тұрсынова", "турсынова"),
        ("Фёдоров", "Федоров"),
        ("ФЁДОРОВ", "фёд"),
        ("Әбілқасымова", "абилкас"),
        ("Ғабдуллин", "габд"),
        ("Өмірзақов", "омирзак"),
        ("Үсенова", "усен"),
        ("Һадиев", "хади"),
        ("Жаңабаев", "жанаб"),
        ("Kайрат", "Кайрат"),  # a Latin K typed in a Cyrillic name
        ("Мария  Анна", "мария анна"),
    ],
)
def test_a_typed_prefix_matches_the_stored_name(stored: str, typed: str) -> None:
    assert name_key(stored).startswith(name_key(typed))


def test_different_names_stay_apart() -> None:
    assert not name_key("Омаров").startswith(name_key("Сейт"))
    assert name_key("Aida") == "aida"  # a Latin name is only lower-cased
    assert name_key("") == ""
