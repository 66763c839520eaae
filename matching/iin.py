"""Kazakhstan's individual identification number (ИИН / ЖСН): validate, parse, mask, generate.

Layout of the 12 digits: ``YYMMDD`` birth date, one digit for century and sex (1/2: 1800s,
3/4: 1900s, 5/6: 2000s; odd male, even female), a four-digit serial, a check digit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

MALE = "male"
FEMALE = "female"

_WEIGHTS_FIRST = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_CENTURY_BY_DIGIT = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}
_SEPARATORS = " -\u00a0"
SERIAL_COUNT = 10_000


class InvalidIIN(ValueError):
    """The string is not a valid IIN; the message says why."""


@dataclass(frozen=True, slots=True)
class IinInfo:
    birth_date: date
    sex: str  # "male" | "female"


def check_digit(first_eleven: str) -> int | None:
    """The 12th digit for these 11 digits, or None when both weight sets give 10 (unusable)."""
    digits = [int(ch) for ch in first_eleven]
    for weights in (_WEIGHTS_FIRST, _WEIGHTS_SECOND):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def _normalize(value: str) -> str:
    text = value.strip()
    for sep in _SEPARATORS:
        text = text.replace(sep, "")
    return text


def _decode(digits: str) -> IinInfo:
    code = int(digits[6])
    century = _CENTURY_BY_DIGIT.get(code)
    if century is None:
        raise InvalidIIN(f"IIN digit 7 must be 1-6 (century and sex), got {code}")
    year = century + int(digits[0:2])
    try:
        born = date(year, int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        raise InvalidIIN(
            f"IIN does not start with a valid birth date: {digits[0:6]} in the {century}s"
        ) from None
    return IinInfo(birth_date=born, sex=MALE if code % 2 else FEMALE)


def validate_iin(value: str) -> str:
    """The IIN as 12 digits (spaces and hyphens dropped), or ``InvalidIIN`` saying why not."""
    digits = _normalize(value)
    if not digits.isascii() or not digits.isdigit():
        raise InvalidIIN("IIN must consist of digits only")
    if len(digits) != 12:
        raise InvalidIIN(f"IIN must have 12 digits, got {len(digits)}")
    _decode(digits)
    expected = check_digit(digits[:11])
    if expected is None:
        raise InvalidIIN("IIN checksum is 10 with both weight sets: no valid check digit exists")
    if expected != int(digits[11]):
        raise InvalidIIN(f"IIN check digit is {digits[11]}, expected {expected}")
    return digits


def is_valid_iin(value: str) -> bool:
    try:
        validate_iin(value)
    except InvalidIIN:
        return False
    return True


def parse_iin(value: str) -> IinInfo:
    """Birth date and sex encoded in a valid IIN (raises ``InvalidIIN`` otherwise)."""
    return _decode(validate_iin(value))


def mask_iin(value: str) -> str:
    """Only the last four digits stay visible: ``********1234``. Never raises (display helper)."""
    digits = _normalize(value)
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


# Between two digits of an IIN typed into free text: nothing, or up to three separators of
# any kind people (and word processors) put there: spaces including no-break, thin and
# ideographic ones, zero-width characters, hyphens and dashes, dots, slashes.
_GAP = r"[\s\u00a0\u2000-\u200d\u2060\u202f\u205f\u3000\ufeff\-\u2010-\u2015\u2212./]{0,3}"
# ``\d`` is every Unicode decimal digit: full-width and other scripts' digits are found too.
_DIGIT_CHAIN = re.compile(rf"\d(?:{_GAP}\d)*")
_LENGTH = 12


def _ascii_digits(text: str) -> str:
    """Only the digits of ``text``, each as its ASCII digit (full-width 1 -> 1)."""
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def _bounded(text: str, start: int, end: int) -> bool:
    """No digit directly before ``start`` or after ``end``: not a slice of a longer number."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return not before.isdecimal() and not after.isdecimal()


def redact_iins(text: str, replacement: str = "[ЖСН/ИИН]") -> str:
    """Free text with every valid IIN replaced, however it is typed (separators, dashes,
    full-width digits): people type their IIN into CVs, skills, cover letters and vacancy
    texts, and it must not reach a search index, a snippet or another person's screen.

    Each run of digits and separators is read 12 digits at a time, so an IIN written right
    after another number ("8 900517401231") is found too."""
    pieces: list[str] = []
    last = 0
    for chain in _DIGIT_CHAIN.finditer(text):
        offset = chain.start()
        where = [offset + i for i, ch in enumerate(chain.group()) if ch.isdecimal()]
        digits = _ascii_digits(chain.group())
        i = 0
        while i + _LENGTH <= len(digits):
            start, end = where[i], where[i + _LENGTH - 1] + 1
            if _bounded(text, start, end) and is_valid_iin(digits[i : i + _LENGTH]):
                pieces += [text[last:start], replacement]
                last = end
                i += _LENGTH
            else:
                i += 1
    pieces.append(text[last:])
    return "".join(pieces)


def redact_all(values: list[str]) -> list[str]:
    return [redact_iins(v) for v in values]


def make_iin(birth_date: date, sex: str, serial: int) -> str:
    """A valid IIN for this birth date and sex (for demo data and tests).

    ``serial`` (0-9999) fills digits 8-11. Serials whose checksum is 10 with both weight sets
    have no valid IIN, so the next serial (wrapping at 9999) is used instead.
    """
    if sex not in (MALE, FEMALE):
        raise ValueError(f"sex must be {MALE!r} or {FEMALE!r}, got {sex!r}")
    if not 1800 <= birth_date.year <= 2099:
        raise ValueError(f"an IIN encodes birth years 1800-2099, got {birth_date.year}")
    if not 0 <= serial < SERIAL_COUNT:
        raise ValueError(f"serial must be 0-{SERIAL_COUNT - 1}, got {serial}")
    century_code = (birth_date.year // 100 - 18) * 2 + (1 if sex == MALE else 2)
    prefix = f"{birth_date:%y%m%d}{century_code}"
    for offset in range(SERIAL_COUNT):
        first_eleven = f"{prefix}{(serial + offset) % SERIAL_COUNT:04d}"
        digit = check_digit(first_eleven)
        if digit is not None:
            return f"{first_eleven}{digit}"
    raise AssertionError("unreachable: some serial always has a check digit")
