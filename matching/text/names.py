"""A person's name as a search key, so that staff find "Тұрсынова" by typing "турсынова".

People's names are typed on Russian keyboards as often as on Kazakh ones, with or without "ё",
in any case: the key is lower case, "ё" is "е", each Kazakh letter becomes its Russian
look-alike (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), Latin letters that look Cyrillic
(a Latin "K" in "Kайрат") become Cyrillic, and runs of spaces become one. The same function
keys the stored name and the typed text, so a prefix of one key matches the other.
"""

from __future__ import annotations

import unicodedata

__all__ = ["name_key"]

_FOLD = str.maketrans(
    {
        "ё": "е",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        # Latin letters that look like Cyrillic ones, typed in Cyrillic names.
        "a": "а",
        "c": "с",
        "e": "е",
        "k": "к",
        "o": "о",
        "p": "р",
        "x": "х",
        "y": "у",
        "i": "и",
        "m": "м",
        "h": "н",
        "t": "т",
        "b": "в",
    }
)


def name_key(text: str) -> str:
    """The folded form of a name or of the start of one (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).casefold()
    letters = text.translate(_FOLD) if _has_cyrillic(text) else text
    return " ".join(letters.split())


def _has_cyrillic(text: str) -> bool:
    """Latin look-alikes are folded only in a name written in Cyrillic: "Aida" stays Latin."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
