"""Working days in Kazakhstan: a calendar for deadlines and the statutory public holidays.

``kazakhstan_holidays`` follows the Labour Code (art. 85) and the Law "On holidays": national
and state holidays falling on a Saturday or Sunday move the day off to the next working day;
the religious days off (Orthodox Christmas on 7 January, the first day of Kurban Ait) are not
moved. Government decrees that swap a weekend day for a weekday are data that staff keep in the
editable calendar table; the few already published are included so a fresh install is right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

HolidayKind = Literal["holiday", "day_off_transfer", "working_day"]

HOLIDAY: HolidayKind = "holiday"
DAY_OFF_TRANSFER: HolidayKind = "day_off_transfer"
WORKING_DAY: HolidayKind = "working_day"

FIRST_SUPPORTED_YEAR = 2013  # Defender of the Fatherland Day (7 May) became a day off


@dataclass(frozen=True, slots=True)
class Holiday:
    """One calendar entry: a day off (``holiday``, ``day_off_transfer``) or a worked weekend."""

    date: date
    name_kk: str
    name_ru: str
    kind: HolidayKind


class WorkCalendar:
    """Monday-Friday minus ``holidays``, plus the weekend days in ``working_weekends``."""

    def __init__(
        self, holidays: frozenset[date], working_weekends: frozenset[date] = frozenset()
    ) -> None:
        self.holidays = frozenset(holidays)
        self.working_weekends = frozenset(working_weekends)

    @classmethod
    def from_entries(cls, entries: Iterable[Holiday]) -> WorkCalendar:
        off: set[date] = set()
        worked: set[date] = set()
        for entry in entries:
            (worked if entry.kind == WORKING_DAY else off).add(entry.date)
        return cls(frozenset(off), frozenset(worked))

    def is_working_day(self, day: date) -> bool:
        if day in self.working_weekends:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself not counted; n=0 gives start).

        This is how statutory deadlines run: a 5-working-day deadline from a referral issued on
        a Friday ends on the following Friday when no holiday intervenes.
        """
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        day = start
        remaining = n
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days d with a < d <= b (negative when b < a).

        The inverse of ``add_working_days``: ``working_days_between(s, add_working_days(s, n))``
        is n.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


# The first day of Kurban Ait (10 Dhu al-Hijjah) as announced by the Spiritual Administration of
# Muslims of Kazakhstan; years after 2026 are the Umm al-Qura estimates, to be confirmed yearly.
KURBAN_AIT: dict[int, date] = {
    2013: date(2013, 10, 15),
    2014: date(2014, 10, 4),
    2015: date(2015, 9, 24),
    2016: date(2016, 9, 12),
    2017: date(2017, 9, 1),
    2018: date(2018, 8, 21),
    2019: date(2019, 8, 11),
    2020: date(2020, 7, 31),
    2021: date(2021, 7, 20),
    2022: date(2022, 7, 9),
    2023: date(2023, 6, 28),
    2024: date(2024, 6, 16),
    2025: date(2025, 6, 6),
    2026: date(2026, 5, 27),
    2027: date(2027, 5, 16),
    2028: date(2028, 5, 5),
    2029: date(2029, 4, 24),
    2030: date(2030, 4, 13),
    2031: date(2031, 4, 2),
    2032: date(2032, 3, 22),
    2033: date(2033, 3, 11),
    2034: date(2034, 3, 1),
    2035: date(2035, 2, 18),
}

# Government decrees moving a day off: (weekday made a day off, weekend day worked instead).
DECREED_SWAPS: dict[int, tuple[tuple[date, date], ...]] = {
    2020: ((date(2020, 1, 3), date(2020, 1, 5)), (date(2020, 12, 18), date(2020, 12, 20))),
    2021: ((date(2021, 7, 5), date(2021, 7, 3)),),
    2022: (
        (date(2022, 3, 7), date(2022, 3, 5)),
        (date(2022, 8, 29), date(2022, 8, 27)),
        (date(2022, 10, 24), date(2022, 10, 22)),
    ),
    2023: ((date(2023, 7, 7), date(2023, 7, 1)),),
    2024: ((date(2024, 5, 8), date(2024, 5, 4)),),
    2025: ((date(2025, 1, 3), date(2025, 1, 5)),),
}

_NEW_YEAR = ("Жаңа жыл", "Новый год")
_INDEPENDENCE = ("Тәуелсіздік күні", "День Независимости")
_NAURYZ = ("Наурыз мейрамы", "Наурыз мейрамы")


def _transferable(year: int) -> list[tuple[date, tuple[str, str]]]:
    """National and state holidays: a weekend one gives a weekday off instead."""
    days: list[tuple[date, tuple[str, str]]] = [
        (date(year, 1, 1), _NEW_YEAR),
        (date(year, 1, 2), _NEW_YEAR),
        (date(year, 3, 8), ("Халықаралық әйелдер күні", "Международный женский день")),
        (date(year, 3, 21), _NAURYZ),
        (date(year, 3, 22), _NAURYZ),
        (date(year, 3, 23), _NAURYZ),
        (
            date(year, 5, 1),
            ("Қазақстан халқының бірлігі мерекесі", "Праздник единства народа Казахстана"),
        ),
        (date(year, 5, 7), ("Отан қорғаушы күні", "День защитника Отечества")),
        (date(year, 5, 9), ("Жеңіс күні", "День Победы")),
        (date(year, 7, 6), ("Астана күні", "День Столицы")),
        (
            date(year, 8, 30),
            (
                "Қазақстан Республикасының Конституциясы күні",
                "День Конституции Республики Казахстан",
            ),
        ),
        (date(year, 12, 16), _INDEPENDENCE),
    ]
    if year >= 2022:
        days.append((date(year, 10, 25), ("Республика күні", "День Республики")))
    else:
        days.append((date(year, 12, 17), _INDEPENDENCE))
        days.append((date(year, 12, 1), ("Тұңғыш Президент күні", "День Первого Президента")))
    return sorted(days)


def _religious(year: int) -> list[tuple[date, tuple[str, str]]]:
    """Religious days off: never moved when they fall on a weekend."""
    days = [(date(year, 1, 7), ("Православиелік Рождество", "Православное Рождество"))]
    if year in KURBAN_AIT:
        days.append((KURBAN_AIT[year], ("Құрбан айт", "Курбан айт")))
    return days


def kazakhstan_holidays(year: int, *, include_decrees: bool = True) -> list[Holiday]:
    """The statutory days off of ``year`` (with the transfers they cause), sorted by date.

    With ``include_decrees`` the published government swaps (``DECREED_SWAPS``) are added: the
    weekday off as ``day_off_transfer``, the weekend day worked as ``working_day``. Kurban Ait is
    known for the years in ``KURBAN_AIT`` only; other years lack it.
    """
    if year < FIRST_SUPPORTED_YEAR:
        raise ValueError(f"holiday rules are modelled from {FIRST_SUPPORTED_YEAR}, got {year}")
    entries: dict[date, Holiday] = {}
    for day, (kk, ru) in _transferable(year) + _religious(year):
        entries.setdefault(day, Holiday(day, kk, ru, HOLIDAY))
    for day, (kk, ru) in _transferable(year):
        if day.weekday() < 5:
            continue
        moved = day + timedelta(days=1)
        while moved.weekday() >= 5 or moved in entries:
            moved += timedelta(days=1)
        entries[moved] = Holiday(
            moved,
            f"Ауыстырылған демалыс күні ({kk})",
            f"Перенесённый выходной ({ru})",
            DAY_OFF_TRANSFER,
        )
    if include_decrees:
        for off, worked in DECREED_SWAPS.get(year, ()):
            entries.setdefault(
                off,
                Holiday(
                    off,
                    "Үкімет қаулысымен демалыс күні",
                    "Выходной по постановлению Правительства",
                    DAY_OFF_TRANSFER,
                ),
            )
            entries[worked] = Holiday(
                worked,
                "Үкімет қаулысымен жұмыс күні",
                "Рабочий день по постановлению Правительства",
                WORKING_DAY,
            )
    return sorted(entries.values(), key=lambda h: h.date)


def kazakhstan_calendar(years: Iterable[int], *, include_decrees: bool = True) -> WorkCalendar:
    """A ``WorkCalendar`` of the statutory days off of ``years`` (no staff edits)."""
    entries: list[Holiday] = []
    for year in years:
        entries.extend(kazakhstan_holidays(year, include_decrees=include_decrees))
    return WorkCalendar.from_entries(entries)
