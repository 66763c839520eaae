"""Numbers, money, distances and shares through Babel in kk/ru; Kazakh alphabetical order."""

from __future__ import annotations

import pytest
from flask import Flask

from app.web.locale_format import (
    collation_key,
    csv_delimiter,
    km,
    money,
    number,
    percent,
    sorted_by_name,
    spreadsheet_number,
)
from app.web.public_labels import salary_text

NBSP = "\u00a0"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_kazakh_and_russian_formats(app: Flask, lang: str) -> None:
    with app.test_request_context(f"/?lang={lang}"):
        assert money(285000) == f"285{NBSP}000{NBSP}₸"
        assert percent(0.083) == f"8,3{NBSP}%"
        assert number(1234567) == f"1{NBSP}234{NBSP}567" and number(0.547, 2) == "0,55"
        assert km(3.14) == f"3,1{NBSP}" + {"kk": "км", "ru": "км"}[lang]
        assert salary_text(150000, 200000) == f"150{NBSP}000 – 200{NBSP}000{NBSP}₸"
        assert spreadsheet_number(57.1) == "57,1" and spreadsheet_number(1234) == "1234"
        assert csv_delimiter() == ";"
        assert percent(None) == "—" and km(None) == ""


def test_english_keeps_its_own_marks(app: Flask) -> None:
    with app.test_request_context("/?lang=en"):
        assert percent(0.083, "en") == f"8.3{NBSP}%" and csv_delimiter("en") == ","
        assert number(1234567, lang="en") == "1,234,567"


def test_kazakh_order_puts_kazakh_letters_in_their_places() -> None:
    towns = ["Атбасар", "Ақкөл", "Әйтеке би", "Ұзынағаш", "Үржар", "Уральск", "Іле", "Ыргыз"]
    assert sorted_by_name(towns, str, "kk") == [
        "Ақкөл",
        "Атбасар",
        "Әйтеке би",
        "Уральск",
        "Ұзынағаш",
        "Үржар",
        "Ыргыз",
        "Іле",
    ]
    assert sorted(towns) != sorted_by_name(towns, str, "kk")  # code points put Ә, Ұ after Я
    assert collation_key("ақкөл", "kk") == collation_key("АҚКӨЛ", "kk")
    assert sorted_by_name(["Ёлкино", "Елец", "Жанатас"], str, "ru") == [
        "Елец",
        "Ёлкино",
        "Жанатас",
    ]
