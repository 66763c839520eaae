"""IIN validation, parsing, masking and generation."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.iin import (
    FEMALE,
    MALE,
    IinInfo,
    InvalidIIN,
    check_digit,
    is_valid_iin,
    make_iin,
    mask_iin,
    parse_iin,
    validate_iin,
)

# Hand-computed. 9 0 0 1 0 1 3 0 0 1 2 with weights 1..11:
# 9 + 4 + 6 + 21 + 10 + 22 = 72; 72 mod 11 = 6.
FIRST_WEIGHTS = "900101300126"
# 9 0 0 1 0 1 3 0 0 8 1 with weights 1..11: 9 + 4 + 6 + 21 + 80 + 11 = 131; mod 11 = 10, so
# weights 3,4,5,6,7,8,9,10,11,1,2: 27 + 6 + 8 + 27 + 8 + 2 = 78; 78 mod 11 = 1.
SECOND_WEIGHTS = "900101300811"
# 9 0 0 1 0 1 3 0 0 8 0: 120 mod 11 = 10, then 27 + 6 + 8 + 27 + 8 = 76; 76 mod 11 = 10.
NO_CHECK_DIGIT_PREFIX = "90010130080"


def test_hand_computed_first_weight_set() -> None:
    assert check_digit(FIRST_WEIGHTS[:11]) == 6
    assert validate_iin(FIRST_WEIGHTS) == FIRST_WEIGHTS
    assert parse_iin(FIRST_WEIGHTS) == IinInfo(date(1990, 1, 1), MALE)


def test_hand_computed_second_weight_set() -> None:
    assert check_digit(SECOND_WEIGHTS[:11]) == 1
    assert is_valid_iin(SECOND_WEIGHTS)


def test_checksum_ten_twice_has_no_valid_iin() -> None:
    assert check_digit(NO_CHECK_DIGIT_PREFIX) is None
    for last in "0123456789":
        with pytest.raises(InvalidIIN, match="both weight sets"):
            validate_iin(NO_CHECK_DIGIT_PREFIX + last)


def test_make_iin_skips_serial_without_check_digit() -> None:
    assert make_iin(date(1990, 1, 1), MALE, 80) == SECOND_WEIGHTS
    assert make_iin(date(1990, 1, 1), MALE, 12) == FIRST_WEIGHTS


def test_leap_day_female_born_2000s() -> None:
    iin = make_iin(date(2000, 2, 29), FEMALE, 1)
    assert iin.startswith("0002296")
    assert parse_iin(iin) == IinInfo(date(2000, 2, 29), FEMALE)


@pytest.mark.parametrize(
    ("born", "sex", "digit"),
    [
        (date(1899, 12, 31), MALE, "1"),
        (date(1899, 12, 31), FEMALE, "2"),
        (date(1985, 7, 15), MALE, "3"),
        (date(1985, 7, 15), FEMALE, "4"),
        (date(2005, 3, 1), MALE, "5"),
        (date(2005, 3, 1), FEMALE, "6"),
    ],
)
def test_century_and_sex_digit(born: date, sex: str, digit: str) -> None:
    iin = make_iin(born, sex, 123)
    assert iin[6] == digit
    assert parse_iin(iin) == IinInfo(born, sex)


def test_wrong_checksum() -> None:
    wrong = FIRST_WEIGHTS[:11] + "7"
    with pytest.raises(InvalidIIN, match="check digit is 7, expected 6"):
        validate_iin(wrong)
    assert not is_valid_iin(wrong)


@pytest.mark.parametrize("value", ["90013130012", "9001313001", "9001013001234"])
def test_wrong_length(value: str) -> None:
    with pytest.raises(InvalidIIN, match="12 digits"):
        validate_iin(value)


@pytest.mark.parametrize("value", ["90010130012a", "９００１０１３００１２６", ""])
def test_non_digits(value: str) -> None:
    with pytest.raises(InvalidIIN, match="digits only"):
        validate_iin(value)


@pytest.mark.parametrize(
    "prefix",
    [
        "9002303",  # 30 February
        "9013013",  # month 13
        "0102295",  # 29 February 2001
    ],
)
def test_bad_birth_date(prefix: str) -> None:
    first_eleven = prefix + "0012"
    digit = check_digit(first_eleven)
    assert digit is not None
    with pytest.raises(InvalidIIN, match="birth date"):
        validate_iin(first_eleven + str(digit))


@pytest.mark.parametrize("code", ["0", "7", "9"])
def test_bad_century_digit(code: str) -> None:
    first_eleven = "900101" + code + "0012"
    digit = check_digit(first_eleven)
    assert digit is not None
    with pytest.raises(InvalidIIN, match="digit 7"):
        validate_iin(first_eleven + str(digit))


def test_normalizes_spaces_and_hyphens() -> None:
    assert validate_iin(" 900101-300126 ") == FIRST_WEIGHTS
    assert validate_iin("9001 0130 0126") == FIRST_WEIGHTS


def test_mask_shows_only_last_four() -> None:
    assert mask_iin(FIRST_WEIGHTS) == "********0126"
    assert mask_iin("9001 0130 0126") == "********0126"
    assert mask_iin("123") == "***"


def test_make_iin_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="serial"):
        make_iin(date(1990, 1, 1), MALE, 10_000)
    with pytest.raises(ValueError, match="sex"):
        make_iin(date(1990, 1, 1), "m", 1)
    with pytest.raises(ValueError, match="birth years"):
        make_iin(date(2100, 1, 1), MALE, 1)


@settings(max_examples=300, deadline=None, database=None)
@given(
    born=st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
    sex=st.sampled_from([MALE, FEMALE]),
    serial=st.integers(min_value=0, max_value=9999),
)
def test_make_iin_always_validates_and_parses_back(born: date, sex: str, serial: int) -> None:
    iin = make_iin(born, sex, serial)
    assert validate_iin(iin) == iin
    assert parse_iin(iin) == IinInfo(born, sex)
    assert mask_iin(iin) == "********" + iin[-4:]


@settings(max_examples=200, deadline=None, database=None)
@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    serial=st.integers(min_value=0, max_value=9999),
)
def test_exactly_one_check_digit_is_valid(born: date, serial: int) -> None:
    iin = make_iin(born, FEMALE, serial)
    valid = [d for d in "0123456789" if is_valid_iin(iin[:11] + d)]
    assert valid == [iin[11]]
