from __future__ import annotations

import csv
import functools
from pathlib import Path

import pytest

from matching.occupations import OccupationClassifier

DATA = Path(__file__).resolve().parents[2] / "app" / "data" / "occupations.csv"


@functools.cache
def classifier() -> OccupationClassifier:
    phrases: dict[str, list[str]] = {}
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] != "4":
                continue
            names = [row["name_ru"], row["name_kk"]]
            for column in ("synonyms_ru", "synonyms_kk", "synonyms_en"):
                names += [s for s in row[column].split("|") if s]
            phrases[row["code"]] = names
    return OccupationClassifier(phrases)


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Python-разработчик (Middle)", "2512"),
        ("Бағдарламашы", "2512"),
        ("Водитель такси", "8322"),
        ("Продавец-консультант в магазин одежды", "5223"),
        ("Бухгалтер со знанием 1С", "2411"),
        ("Мұғалімдер керек", "2341"),
    ],
)
def test_real_titles(title: str, code: str) -> None:
    guess = classifier().classify(title)
    assert guess is not None and guess.code == code, guess


def test_longest_phrase_wins() -> None:
    small = OccupationClassifier({"1221": ["менеджер по продажам"], "1000": ["менеджер"]})
    guess = small.classify("Менеджеры по продажам B2B")
    assert guess is not None and guess.code == "1221" and guess.terms_matched >= 2


def test_no_guess_for_unrelated_text() -> None:
    assert classifier().classify("Срочно! Высокий доход!") is None
