"""Experience read from a pasted CV (``matching.ranking.cv_text``)."""

from __future__ import annotations

import pytest

from matching.ranking.cv_text import experience_years_in


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Повар с опытом 5 лет", 5.0),
        ("Стаж работы: 3 года", 3.0),
        ("опыт работы в общепите более 7 лет", 7.0),
        ("пять лет опыта на кухне", 5.0),
        ("Опыт работы: 1,5 года", 1.5),
        ("5 жыл тәжірибе", 5.0),
        ("Жұмыс өтілі 10 жыл", 10.0),
        ("Тәжірибем 2 жыл", 2.0),
        ("3+ years of experience", 3.0),
        ("Опыт 2 года продавцом, затем 4 года кассиром: опыт 4 года", 4.0),
    ],
)
def test_years_stated_next_to_a_word_for_experience(text: str, years: float) -> None:
    assert experience_years_in(text) == years


@pytest.mark.parametrize(
    "text",
    ["Повар", "Родился в 1990 году, опыт есть", "Опыт: 2015–2020", "Работал 5 лет назад", ""],
)
def test_no_years_no_guess(text: str) -> None:
    assert experience_years_in(text) is None
