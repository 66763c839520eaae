"""Sanity checks for the ISCO-08 occupation classifier shipped in ``app/data``.

``occupations.csv`` holds every ISCO-08 group (major, sub-major, minor and unit) with
its title in English, Russian and Kazakh, plus pipe-separated job-ad titles
(``synonyms_*``) for the unit groups that are common on the Kazakh labour market.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

CSV_PATH = Path(__file__).resolve().parents[2] / "app" / "data" / "occupations.csv"

COLUMNS = [
    "code",
    "level",
    "parent_code",
    "name_en",
    "name_ru",
    "name_kk",
    "synonyms_ru",
    "synonyms_kk",
    "synonyms_en",
]
SYNONYM_COLUMNS = ("synonyms_ru", "synonyms_kk", "synonyms_en")

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")


def _read() -> tuple[list[str], list[dict[str, str]]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@cache
def rows() -> list[dict[str, str]]:
    return _read()[1]


@cache
def by_code() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in rows()}


def units() -> list[dict[str, str]]:
    return [row for row in rows() if len(row["code"]) == 4]


def synonyms(row: dict[str, str], column: str) -> list[str]:
    value = row[column]
    return value.split("|") if value else []


def test_header() -> None:
    assert _read()[0] == COLUMNS


def test_codes_are_unique_and_complete() -> None:
    codes = [row["code"] for row in rows()]
    assert len(codes) == 619
    assert len(set(codes)) == 619
    assert all(code.isdigit() and 1 <= len(code) <= 4 for code in codes)


def test_level_counts() -> None:
    counts = defaultdict(int)
    for row in rows():
        counts[row["level"]] += 1
    assert counts == {"1": 10, "2": 43, "3": 130, "4": 436}
    majors = sorted(row["code"] for row in rows() if row["level"] == "1")
    assert majors == [str(digit) for digit in range(10)]


def test_level_matches_code_length() -> None:
    for row in rows():
        assert row["level"] == str(len(row["code"])), row["code"]


def test_hierarchy() -> None:
    index = by_code()
    for row in rows():
        code, parent = row["code"], row["parent_code"]
        if len(code) == 1:
            assert parent == "", code
            continue
        assert parent == code[:-1], code
        assert parent in index, code
        assert code.startswith(parent), code
        assert index[parent]["level"] == str(len(code) - 1), code


def test_every_non_unit_group_has_children() -> None:
    parents = {row["parent_code"] for row in rows()}
    for row in rows():
        if len(row["code"]) < 4:
            assert row["code"] in parents, row["code"]


@pytest.mark.parametrize("column", ["name_en", "name_ru", "name_kk"])
def test_names_not_empty(column: str) -> None:
    for row in rows():
        assert row[column].strip(), (row["code"], column)
        assert row[column] == row[column].strip(), (row["code"], column)
        assert len(row[column]) <= 255, (row["code"], column)  # Occupation.name_* columns


def test_russian_names_are_cyrillic() -> None:
    for row in rows():
        name = row["name_ru"]
        assert CYRILLIC.search(name), row["code"]
        assert not LATIN.search(name), row["code"]
        assert not set(name) & KAZAKH_LETTERS, row["code"]


def test_kazakh_names_are_kazakh_cyrillic() -> None:
    for row in rows():
        assert CYRILLIC.search(row["name_kk"]), row["code"]
        assert not LATIN.search(row["name_kk"]), row["code"]
    with_kazakh_letters = sum(1 for row in rows() if set(row["name_kk"]) & KAZAKH_LETTERS)
    assert with_kazakh_letters / len(rows()) >= 0.8


def test_names_differ_between_languages() -> None:
    for row in rows():
        assert row["name_ru"] != row["name_kk"], row["code"]


def test_english_names_are_latin() -> None:
    for row in rows():
        assert LATIN.search(row["name_en"]), row["code"]
        assert not CYRILLIC.search(row["name_en"]), row["code"]


def test_synonyms_only_on_unit_groups() -> None:
    for row in rows():
        if len(row["code"]) < 4:
            for column in SYNONYM_COLUMNS:
                assert row[column] == "", (row["code"], column)


@pytest.mark.parametrize("column", SYNONYM_COLUMNS)
def test_synonyms_are_clean(column: str) -> None:
    for row in units():
        items = synonyms(row, column)
        assert len(items) == len(set(items)), (row["code"], column)
        for item in items:
            assert item, (row["code"], column)
            assert item == item.strip(), (row["code"], item)
            assert item == item.lower(), (row["code"], item)
            assert "  " not in item, (row["code"], item)


def test_synonym_languages() -> None:
    for row in units():
        for item in synonyms(row, "synonyms_en"):
            assert not CYRILLIC.search(item), (row["code"], item)
        for item in synonyms(row, "synonyms_ru"):
            assert not set(item) & KAZAKH_LETTERS, (row["code"], item)


def test_enough_unit_groups_have_synonyms() -> None:
    assert sum(1 for row in units() if row["synonyms_ru"]) >= 200
    assert sum(1 for row in units() if row["synonyms_kk"]) >= 200
    assert sum(1 for row in units() if row["synonyms_en"]) >= 200


@pytest.mark.parametrize("column", SYNONYM_COLUMNS)
def test_synonym_belongs_to_one_unit_group(column: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in units():
        for item in synonyms(row, column):
            owners[item].add(row["code"])
    overlaps = {item: sorted(codes) for item, codes in owners.items() if len(codes) > 1}
    assert overlaps == {}


def test_synonym_belongs_to_one_unit_group_across_languages() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in units():
        for column in SYNONYM_COLUMNS:
            for item in synonyms(row, column):
                owners[item].add(row["code"])
    overlaps = {item: sorted(codes) for item, codes in owners.items() if len(codes) > 1}
    assert overlaps == {}


@pytest.mark.parametrize(
    ("code", "column", "expected"),
    [
        ("2512", "synonyms_ru", "программист"),
        ("2512", "synonyms_kk", "бағдарламашы"),
        ("2512", "synonyms_en", "software developer"),
        ("8322", "synonyms_ru", "водитель"),
        ("5223", "synonyms_ru", "продавец"),
        ("2341", "synonyms_ru", "учитель"),
        ("2411", "synonyms_ru", "бухгалтер"),
        ("3221", "synonyms_ru", "медсестра"),
        ("5120", "synonyms_ru", "повар"),
        ("5414", "synonyms_ru", "охранник"),
        ("7212", "synonyms_ru", "сварщик"),
        ("8341", "synonyms_ru", "тракторист"),
        ("9333", "synonyms_ru", "грузчик"),
    ],
)
def test_spot_check_synonyms(code: str, column: str, expected: str) -> None:
    assert expected in synonyms(by_code()[code], column)


@pytest.mark.parametrize(
    ("code", "name_en", "name_ru", "name_kk"),
    [
        (
            "2512",
            "Software developers",
            "Разработчики программного обеспечения",
            "Бағдарламалық қамтамасыз етуді әзірлеушілер",
        ),
        ("2", "Professionals", "Специалисты-профессионалы", "Жоғары білікті мамандар"),
        ("9", "Elementary occupations", None, None),
    ],
)
def test_spot_check_names(
    code: str, name_en: str, name_ru: str | None, name_kk: str | None
) -> None:
    row = by_code()[code]
    assert row["name_en"] == name_en
    if name_ru is not None:
        assert row["name_ru"] == name_ru
    if name_kk is not None:
        assert row["name_kk"] == name_kk
