"""The ASCII skeleton, the vocabulary behind Latin-typed and misspelt words, compound titles
and the occupation files derived from ``app/data/occupations.csv``."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from matching.text import analyze, analyze_query, default_vocabulary
from matching.text.compounds import CompoundTable
from matching.text.occupation_terms import render_synonyms, render_words
from matching.text.skeleton import skeleton
from matching.text.vocabulary import Vocabulary, max_edits

CSV = Path(__file__).resolve().parents[2] / "app" / "data" / "occupations.csv"


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["Қарағанды", "Karagandy", "Qarağandy", "QARAGHANDY", "Караганды"], "karagandi"),
        (["жүргізуші", "zhurgizushi", "jurgizushi", "jürgızuşı"], "jurgizushi"),
        (["бухгалтер", "buhgalter", "bukhgalter"], "buhgalter"),
        (["продавец", "prodavec", "prodavets"], "prodavec"),
        (["менеджер", "menedzher", "menedjer"], "menejer"),
        (["Усть-Каменогорск", "Ust-Kamenogorsk"], "ust-kamenogorsk"),
        (["Есиль", "Yesil", "Есіл"], "esil"),
        (["Щучинск", "Shchuchinsk"], "shuchinsk"),
    ],
)
def test_skeleton_meets_scripts_and_spellings(spellings: list[str], key: str) -> None:
    assert {skeleton(s) for s in spellings} == {key}


def test_skeleton_keeps_different_words_apart() -> None:
    assert skeleton("водитель") != skeleton("воспитатель")
    assert skeleton("аспаз") != skeleton("аспап")


@pytest.mark.parametrize(
    ("ascii_word", "cyrillic"),
    [
        ("aspaz", "аспаз"),
        ("esepshi", "есепші"),
        ("zhurgizushi", "жүргізуші"),
        ("jurgizushi", "жүргізуші"),
        ("bagdarlamashy", "бағдарламашы"),
        ("mugalim", "мұғалім"),
        ("zanger", "заңгер"),
        ("medbike", "медбике"),
        ("satushy", "сатушы"),
        ("kuzetshi", "күзетші"),
        ("dariger", "дәрігер"),
        ("voditel", "водитель"),
        ("buhgalter", "бухгалтер"),
        ("prodavec", "продавец"),
        ("Aspaz", "аспаз"),
        ("menedzher", "менеджер"),
        ("mugalimder", "мұғалімдер"),
        ("aspazdar", "аспаздар"),
        ("zhurgizushiler", "жүргізушілер"),
        ("esepshige", "есепшіге"),
    ],
)
def test_plain_ascii_spells_a_known_cyrillic_word(ascii_word: str, cyrillic: str) -> None:
    assert default_vocabulary().cyrillic(ascii_word)[0] == cyrillic


@pytest.mark.parametrize(
    "word",
    [
        "python",
        "developer",
        "manager",
        "sales",
        "operator",
        "qa",
        "bar",
        "java",
        "operators",
        "mastery",
        "voditelya",
    ],
)
def test_english_words_are_not_read_as_cyrillic(word: str) -> None:
    assert default_vocabulary().cyrillic(word) == ()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("бугалтер", "бухгалтер"),
        ("праграммист", "программист"),
        ("водитл", "водитель"),
        ("мугалим", "мұғалім"),
        ("есепши", "есепші"),
        ("повор", "повар"),
        ("сварщек", "сварщик"),
        ("электирк", "электрик"),
        ("develper", "developer"),
    ],
)
def test_misspellings_are_corrected(typed: str, meant: str) -> None:
    assert default_vocabulary().correct(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "бухгалтер",
        "бухгалтера",
        "водителем",
        "кассирша",
        "программистов",
        "подработка",
        "удаленка",
        "вахта",
        "медбике",
        "aspaz",
        "вор",
        "c++",
    ],
)
def test_known_words_their_forms_and_short_words_are_left_alone(word: str) -> None:
    assert default_vocabulary().correct(word) is None


def test_edit_budget_grows_with_length() -> None:
    assert [max_edits(n) for n in (3, 4, 5, 8, 9, 14)] == [0, 0, 1, 1, 2, 2]


def test_no_correction_without_a_clear_winner() -> None:
    vocab = Vocabulary.from_words([("сварщик", 1), ("сварщиц", 1)])
    assert vocab.correct("сварщиб") is None
    vocab = Vocabulary.from_words([("сварщик", 5), ("сварщиц", 1)])
    assert vocab.correct("сварщиб") == "сварщик"


def test_compounds_join_in_documents_and_queries_alike() -> None:
    table = CompoundTable(["іс жүргізуші"], lambda text: [[w] for w in text.split()])
    assert table.join_terms(["хатшы", "іс", "жүргізуші", "керек"]) == [
        "хатшы",
        "іс_жүргізуші",
        "керек",
    ]
    assert table.join_terms(["жүргізуші", "іс"]) == ["жүргізуші", "іс"]
    assert table.join_positions([["іс", "іст"], ["жүргізуші"], ["x"]]) == [["іс_жүргізуші"], ["x"]]
    assert len(table) == 1


def test_the_shipped_compounds_keep_clerks_apart_from_drivers() -> None:
    assert analyze("Іс жүргізушісі керек") == ["іс_жүргізуші", "керек"]
    driver = {alt for position in analyze_query("жүргізуші") for alt in position}
    assert "іс_жүргізуші" not in driver
    clerk = {alt for position in analyze_query("делопроизводитель") for alt in position}
    assert "іс_жүргізуші" in clerk
    assert analyze("ветеринарный врач") == ["ветеринарн_врач"]


def test_isco_head_titles_are_synonyms() -> None:
    nurse = {alt for position in analyze_query("медбике") for alt in position}
    assert {"медсестр", "мейіргер"} <= nurse
    doctor = {alt for position in analyze_query("врач") for alt in position}
    assert "дәрігер" in doctor


def test_derived_occupation_files_match_the_csv() -> None:
    """Regenerate with ``python -m matching.text.occupation_terms app/data/occupations.csv``."""
    with CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    package = resources.files("matching.text")
    shipped = package.joinpath("occupation_synonyms.txt").read_text(encoding="utf-8")
    assert shipped == render_synonyms(rows)
    assert package.joinpath("occupation_words.txt").read_text(encoding="utf-8") == render_words(
        rows
    )
