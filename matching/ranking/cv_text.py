"""What a pasted CV says about experience, when the person did not fill the field.

"Повар с опытом 5 лет", "стаж работы 3 года", "5 жыл тәжірибе", "тәжірибем 2 жыл",
"3 years of experience": the largest number of years stated next to a word for experience.
The occupation is read by ``matching.occupations.OccupationClassifier`` (the one used at
import); together they keep explanations from saying "experience not stated" to someone who
stated it.
"""

from __future__ import annotations

import re

MAX_YEARS = 60.0

_NUMBER_WORDS = {
    # ru
    "один": 1,
    "одного": 1,
    "два": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "трёх": 3,
    "четыре": 4,
    "четырех": 4,
    "четырёх": 4,
    "пять": 5,
    "пяти": 5,
    "шесть": 6,
    "шести": 6,
    "семь": 7,
    "семи": 7,
    "восемь": 8,
    "восьми": 8,
    "девять": 9,
    "девяти": 9,
    "десять": 10,
    "десяти": 10,
    # kk
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    # en
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_NUMBER = r"(\d{1,2}(?:[.,]\d)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_PLUS = r"\s*\+?\s*"
_YEARS = r"(?:лет|года|год|г\.|жыл(?:дан|ға|дық)?|years?|yrs?)"
_EXPERIENCE = r"(?:опыт\w*|стаж\w*|тәжірибе\w*|өтіл\w*|experience)"  # the word for experience
_FILLER = r"(?:[\s\w,:\-–—]{0,30}?)"  # "работы в общепите", "жұмыс", "более", "not more than"
_PATTERNS = (
    # "опыт работы 5 лет", "стаж: 3 года", "тәжірибесі 2 жыл", "experience: 4 years"
    re.compile(_EXPERIENCE + _FILLER + r"\b" + _NUMBER + _PLUS + _YEARS, re.IGNORECASE),
    # "5 лет опыта", "5 жыл тәжірибе", "3+ years of experience", "10 жылдық өтіл"
    re.compile(r"\b" + _NUMBER + _PLUS + _YEARS + _FILLER + _EXPERIENCE, re.IGNORECASE),
)


def _value(raw: str) -> float | None:
    word = raw.casefold()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    try:
        return float(word.replace(",", "."))
    except ValueError:
        return None


def experience_years_in(text: str) -> float | None:
    """Years of experience the text states (the largest mention), or None if it states none."""
    found = [
        value
        for pattern in _PATTERNS
        for match in pattern.finditer(text)
        if (value := _value(match.group(1))) is not None and 0 <= value <= MAX_YEARS
    ]
    return max(found) if found else None
