"""The working-day calendar as the database holds it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CalendarDay, HolidayKind
from matching.calendar import WorkCalendar


def work_calendar(session: Session) -> WorkCalendar:
    """A pure calendar built from the editable table (holidays, transfers, worked weekends)."""
    days_off: set[date] = set()
    worked: set[date] = set()
    for day, kind in session.execute(select(CalendarDay.day, CalendarDay.kind)):
        if kind == HolidayKind.WORKING_DAY:
            worked.add(day)
        else:
            days_off.add(day)
    return WorkCalendar(frozenset(days_off), frozenset(worked))


def add_working_days(session: Session, start: date, days: int) -> date:
    return work_calendar(session).add_working_days(start, days)
