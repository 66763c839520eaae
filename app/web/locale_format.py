"""Numbers, money, distances and shares in the reader's language, and Kazakh/Russian sort order.

All formatting goes through Babel (CLDR data): ``3,1 км``, ``285 000 ₸``, ``8,3 %`` in Kazakh
and Russian, with no-break spaces so a figure never wraps. These are the Jinja filters every
template uses (``number``, ``money``, ``km``, ``percent``), registered once by ``init_app``.

The tenge sign is written out: CLDR's Russian data has no symbol for KZT (Babel would print
``285 000 KZT``), and ``₸`` is what people in Kazakhstan read in either language.

Sorting: ``collation_key`` orders names in the Kazakh alphabet (А Ә Б … Қ … Ң … Ө … Ұ Ү …
Һ … І …), so "Ақкөл" comes before "Атбасар" (code-point order puts every Kazakh letter after
"я"). It is a small table rather than PyICU because PyICU has no wheels on PyPI: it needs the ICU
development headers and a C++ build on every machine, for the one alphabet we need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from babel.numbers import format_decimal, format_percent
from flask_babel import gettext as _

from app.web.i18n import current_language

T = TypeVar("T")
NBSP = "\u00a0"

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_RANKS = {
    "kk": {c: n for n, c in enumerate(KAZAKH_ALPHABET)},
    "ru": {c: n for n, c in enumerate(RUSSIAN_ALPHABET)},
}


def _locale(lang: str | None) -> str:
    return lang or current_language()


def number(value: float | int | None, digits: int = 0, lang: str | None = None) -> str:
    """1234567 -> '1 234 567'; with ``digits``, that many decimals: 3.14 -> '3,1'."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, pattern, locale=_locale(lang))


def money(value: int | None, lang: str | None = None) -> str:
    """285000 -> '285 000 ₸'."""
    return number(int(value or 0), lang=lang) + NBSP + "₸"


def km(value: float | None, lang: str | None = None) -> str:
    """3.14 -> '3,1 км' ('' for no distance)."""
    if value is None:
        return ""
    return number(value, 1, lang) + NBSP + _("km")


def percent(share: float | None, lang: str | None = None) -> str:
    """0.083 -> '8,3 %' ('—' for no share)."""
    if share is None:
        return "—"
    return format_percent(share, "#,##0.0" + NBSP + "%", locale=_locale(lang))


def spreadsheet_number(value: float | int | None, lang: str | None = None) -> str:
    """A number a spreadsheet in this language reads as a number: no group separator, the
    locale's decimal mark ('8,3' in kk/ru, '8.3' in English); '' for none."""
    if value is None:
        return ""
    return format_decimal(value, "0.####", locale=_locale(lang))


def csv_delimiter(lang: str | None = None) -> str:
    """';' where the decimal mark is a comma (kk, ru: what Excel expects there), else ','."""
    return ";" if format_decimal(1.5, "0.0", locale=_locale(lang)) == "1,5" else ","


def collation_key(text: str, lang: str | None = None) -> tuple[tuple[int, int], ...]:
    """Sort key for ``text`` in the alphabetical order of ``lang`` (Kazakh or Russian):
    case-insensitive, letters of the alphabet in its order, anything else after by code point."""
    ranks = _RANKS.get(_locale(lang), _RANKS["ru"])
    return tuple(
        (0, ranks[c]) if c in ranks else (1, ord(c)) if c.isalnum() else (-1, ord(c))
        for c in text.strip().lower()
    )


def sorted_by_name(items: list[T], name: Callable[[T], str], lang: str | None = None) -> list[T]:
    """``items`` in the alphabetical order of their names in ``lang``."""
    lang = _locale(lang)
    return sorted(items, key=lambda item: collation_key(name(item), lang))


def init_app(app: Any) -> None:
    app.jinja_env.filters.update(number=number, money=money, km=km, percent=percent)
