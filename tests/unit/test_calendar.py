"""Working days and Kazakhstan's statutory days off."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.calendar import (
    DAY_OFF_TRANSFER,
    HOLIDAY,
    WORKING_DAY,
    WorkCalendar,
    kazakhstan_calendar,
    kazakhstan_holidays,
)

KZ = kazakhstan_calendar(range(2024, 2029))


def days_off(year: int) -> set[date]:
    return {h.date for h in kazakhstan_holidays(year) if h.kind != WORKING_DAY}


def test_days_off_2025_include_the_january_decree() -> None:
    assert days_off(2025) == {
        date(2025, 1, 1),
        date(2025, 1, 2),
        date(2025, 1, 3),  # decree: Friday off, Sunday 5 January worked
        date(2025, 1, 7),
        date(2025, 3, 8),
        date(2025, 3, 10),
        date(2025, 3, 21),
        date(2025, 3, 22),
        date(2025, 3, 23),
        date(2025, 3, 24),
        date(2025, 3, 25),
        date(2025, 5, 1),
        date(2025, 5, 7),
        date(2025, 5, 9),
        date(2025, 6, 6),
        date(2025, 7, 6),
        date(2025, 7, 7),
        date(2025, 8, 30),
        date(2025, 9, 1),
        date(2025, 10, 25),
        date(2025, 10, 27),
        date(2025, 12, 16),
    }
    worked = [h.date for h in kazakhstan_holidays(2025) if h.kind == WORKING_DAY]
    assert worked == [date(2025, 1, 5)]


def test_days_off_2026() -> None:
    assert days_off(2026) == {
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 7),
        date(2026, 3, 8),
        date(2026, 3, 9),
        date(2026, 3, 21),
        date(2026, 3, 22),
        date(2026, 3, 23),
        date(2026, 3, 24),
        date(2026, 3, 25),
        date(2026, 5, 1),
        date(2026, 5, 7),
        date(2026, 5, 9),
        date(2026, 5, 11),
        date(2026, 5, 27),
        date(2026, 7, 6),
        date(2026, 8, 30),
        date(2026, 8, 31),
        date(2026, 10, 25),
        date(2026, 10, 26),
        date(2026, 12, 16),
    }


def test_days_off_2027() -> None:
    assert days_off(2027) == {
        date(2027, 1, 1),
        date(2027, 1, 2),
        date(2027, 1, 4),
        date(2027, 1, 7),
        date(2027, 3, 8),
        date(2027, 3, 21),
        date(2027, 3, 22),
        date(2027, 3, 23),
        date(2027, 3, 24),
        date(2027, 5, 1),
        date(2027, 5, 3),
        date(2027, 5, 7),
        date(2027, 5, 9),
        date(2027, 5, 10),
        date(2027, 5, 16),
        date(2027, 7, 6),
        date(2027, 8, 30),
        date(2027, 10, 25),
        date(2027, 12, 16),
    }


def test_every_entry_is_named_in_both_languages() -> None:
    for year in (2025, 2026, 2027):
        for entry in kazakhstan_holidays(year):
            assert entry.name_kk and entry.name_ru
            assert entry.kind in {HOLIDAY, DAY_OFF_TRANSFER, WORKING_DAY}


def test_sunday_holiday_moves_to_monday() -> None:
    entries = {h.date: h for h in kazakhstan_holidays(2026)}
    assert entries[date(2026, 3, 8)].kind == HOLIDAY  # Sunday
    assert entries[date(2026, 3, 9)].kind == DAY_OFF_TRANSFER
    assert "Международный женский день" in entries[date(2026, 3, 9)].name_ru
    assert not KZ.is_working_day(date(2026, 3, 9))
    assert KZ.is_working_day(date(2026, 3, 10))


def test_weekend_nauryz_days_move_past_the_holiday_itself() -> None:
    # 2026: 21 Sat and 22 Sun move past Monday 23 (itself Nauryz) to Tuesday and Wednesday.
    transfers = [h.date for h in kazakhstan_holidays(2026) if h.kind == DAY_OFF_TRANSFER]
    assert date(2026, 3, 24) in transfers
    assert date(2026, 3, 25) in transfers
    assert KZ.is_working_day(date(2026, 3, 26))


def test_five_working_day_deadline_across_nauryz_2026() -> None:
    # Referral issued Thursday 19 March: Fri 20 (1); 21-25 off; Thu 26 (2), Fri 27 (3),
    # Mon 30 (4), Tue 31 (5).
    assert KZ.add_working_days(date(2026, 3, 19), 5) == date(2026, 3, 31)
    assert KZ.working_days_between(date(2026, 3, 19), date(2026, 3, 31)) == 5


def test_deadline_across_a_weekend() -> None:
    # Friday + 5 working days = next Friday; Monday 6 July 2026 (Capital Day) moves it one day.
    assert KZ.add_working_days(date(2026, 2, 6), 5) == date(2026, 2, 13)
    assert KZ.add_working_days(date(2026, 7, 3), 5) == date(2026, 7, 13)


def test_kurban_ait_2026_is_a_day_off() -> None:
    assert not KZ.is_working_day(date(2026, 5, 27))
    assert KZ.add_working_days(date(2026, 5, 26), 1) == date(2026, 5, 28)


def test_religious_days_off_are_not_moved() -> None:
    # Kurban Ait 2027 is a Sunday; Orthodox Christmas 2024 was a Sunday: the Mondays are worked.
    assert KZ.is_working_day(date(2027, 5, 17))
    assert KZ.is_working_day(date(2024, 1, 8))
    assert not any(
        h.kind == DAY_OFF_TRANSFER for h in kazakhstan_holidays(2024) if h.date.month == 1
    )


def test_orthodox_christmas_is_a_day_off() -> None:
    assert not KZ.is_working_day(date(2026, 1, 7))


def test_decreed_swap_2025() -> None:
    cal = kazakhstan_calendar([2024, 2025])
    assert not cal.is_working_day(date(2025, 1, 3))
    assert cal.is_working_day(date(2025, 1, 5))  # a Sunday worked by decree
    # 31 Dec + 3: 1-3 Jan off, 4 Jan Saturday, Sun 5 (1), Mon 6 (2), 7 Jan off, Wed 8 (3).
    assert cal.add_working_days(date(2024, 12, 31), 3) == date(2025, 1, 8)
    plain = kazakhstan_calendar([2025], include_decrees=False)
    assert plain.is_working_day(date(2025, 1, 3))
    assert not plain.is_working_day(date(2025, 1, 5))


def test_staff_edited_working_weekend() -> None:
    saturday = date(2026, 4, 11)
    monday = date(2026, 4, 13)
    cal = WorkCalendar(frozenset({monday}), frozenset({saturday}))
    assert cal.is_working_day(saturday)
    assert not cal.is_working_day(monday)
    # Friday 10 April + 2: Sat 11 (1), Tue 14 (2).
    assert cal.add_working_days(date(2026, 4, 10), 2) == date(2026, 4, 14)


def test_from_entries_matches_the_table_kinds() -> None:
    cal = WorkCalendar.from_entries(kazakhstan_holidays(2025))
    assert cal.working_weekends == frozenset({date(2025, 1, 5)})
    assert date(2025, 1, 3) in cal.holidays


def test_zero_and_negative_n() -> None:
    sunday = date(2026, 3, 22)
    assert KZ.add_working_days(sunday, 0) == sunday
    with pytest.raises(ValueError, match=">= 0"):
        KZ.add_working_days(sunday, -1)


def test_working_days_between_is_antisymmetric() -> None:
    a, b = date(2026, 3, 1), date(2026, 4, 1)
    assert KZ.working_days_between(a, b) == -KZ.working_days_between(b, a)
    assert KZ.working_days_between(a, a) == 0
    assert KZ.next_working_day(date(2026, 3, 20)) == date(2026, 3, 26)


def test_years_before_the_modelled_law_are_refused() -> None:
    with pytest.raises(ValueError, match="2013"):
        kazakhstan_holidays(2012)


def test_law_changes_of_2022() -> None:
    assert date(2021, 12, 17) in days_off(2021)
    assert date(2021, 12, 1) in days_off(2021)
    assert date(2021, 10, 25) not in days_off(2021)
    assert date(2023, 10, 25) in days_off(2023)
    assert date(2023, 12, 17) not in days_off(2023)


SETTINGS = settings(max_examples=300, deadline=None, database=None)
STARTS = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


@SETTINGS
@given(start=STARTS, n=st.integers(min_value=1, max_value=40))
def test_deadline_lands_on_a_working_day(start: date, n: int) -> None:
    due = KZ.add_working_days(start, n)
    assert due > start
    assert KZ.is_working_day(due)
    assert KZ.working_days_between(start, due) == n
    assert KZ.working_days_between(start, due - timedelta(days=1)) == n - 1


@SETTINGS
@given(start=STARTS, n=st.integers(min_value=0, max_value=40), more=st.integers(1, 10))
def test_deadline_is_monotonic_in_n(start: date, n: int, more: int) -> None:
    assert KZ.add_working_days(start, n) < KZ.add_working_days(start, n + more)
    assert KZ.add_working_days(KZ.add_working_days(start, n), more) == KZ.add_working_days(
        start, n + more
    )
