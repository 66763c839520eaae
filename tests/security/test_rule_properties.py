"""Properties of the IIN parser and of the working-day calendar the database holds."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from app.models import CalendarDay, HolidayKind
from app.services.calendar import work_calendar
from matching.iin import (
    FEMALE,
    MALE,
    InvalidIIN,
    is_valid_iin,
    make_iin,
    mask_iin,
    parse_iin,
    validate_iin,
)

SETTINGS = settings(max_examples=400, deadline=None, database=None)
TWELVE_DIGITS = st.text(alphabet="0123456789", min_size=12, max_size=12)


@SETTINGS
@given(TWELVE_DIGITS)
def test_any_twelve_digits_parse_or_are_rejected_cleanly(value: str) -> None:
    try:
        info = parse_iin(value)
    except InvalidIIN as exc:
        assert str(exc).startswith("IIN")
        assert not is_valid_iin(value)
        return
    assert is_valid_iin(value)
    assert info.sex in (MALE, FEMALE)
    assert f"{info.birth_date:%y%m%d}" == value[:6]
    serial = int(value[7:11])
    assert make_iin(info.birth_date, info.sex, serial) == value


@SETTINGS
@given(st.text(max_size=30))
def test_any_text_is_an_iin_or_invalid_iin_never_another_error(value: str) -> None:
    try:
        digits = validate_iin(value)
    except InvalidIIN:
        return
    assert len(digits) == 12 and digits.isdigit()
    assert validate_iin(digits) == digits


@SETTINGS
@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    sex=st.sampled_from([MALE, FEMALE]),
    serial=st.integers(0, 9999),
    separator=st.sampled_from(["", " ", "-", "\u00a0"]),
)
def test_valid_iin_round_trips_with_separators(
    born: date, sex: str, serial: int, separator: str
) -> None:
    iin = make_iin(born, sex, serial)
    spaced = separator.join([iin[:6], iin[6:]])
    assert validate_iin(spaced) == iin
    assert parse_iin(spaced).birth_date == born
    masked = mask_iin(spaced)
    assert iin[:8] not in masked and masked.endswith(iin[-4:])


def test_database_calendar_counts_back_what_it_adds(session: Session) -> None:
    """The calendar as loaded and edited in the database, not only the built-in table."""
    session.add_all(
        [
            CalendarDay(day=date(2026, 6, 3), kind=HolidayKind.HOLIDAY, name_kk="x", name_ru="x"),
            CalendarDay(
                day=date(2026, 6, 6), kind=HolidayKind.WORKING_DAY, name_kk="y", name_ru="y"
            ),
        ]
    )
    session.flush()
    calendar = work_calendar(session)
    assert not calendar.is_working_day(date(2026, 6, 3))
    assert calendar.is_working_day(date(2026, 6, 6))

    @SETTINGS
    @given(
        start=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
        n=st.integers(min_value=0, max_value=60),
    )
    def adding_then_counting(start: date, n: int) -> None:
        due = calendar.add_working_days(start, n)
        assert calendar.working_days_between(start, due) == n
        if n:
            assert calendar.is_working_day(due)
            assert due.weekday() < 5 or due in calendar.working_weekends
            assert due not in calendar.holidays
            skipped = [
                start + timedelta(days=k)
                for k in range(1, (due - start).days)
                if calendar.is_working_day(start + timedelta(days=k))
            ]
            assert len(skipped) == n - 1

    adding_then_counting()
