"""Calendar arithmetic the rules share: ages and month offsets.

A month offset that lands past the end of a month is clamped to its last day (31 August plus
six months is 28/29 February). Someone born on 29 February turns a year older on 1 March in
common years.
"""

from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def age_in_months(birth_date: date, on: date) -> int:
    """Whole months lived by ``on`` (negative before birth)."""
    months = (on.year - birth_date.year) * 12 + on.month - birth_date.month
    if on.day < birth_date.day:
        months -= 1
    return months


def age_in_years(birth_date: date, on: date) -> int:
    """Whole years lived by ``on``: the usual age, as the law counts it."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def reaches_age_on(birth_date: date, months: int) -> date:
    """The day on which someone born on ``birth_date`` has lived ``months`` whole months.

    The day after the end of the month for a birth day that month lacks (born 31 March, six
    months reached on 1 October).
    """
    candidate = add_months(birth_date, months)
    if candidate.day < birth_date.day:
        return date.fromordinal(candidate.toordinal() + 1)
    return candidate
