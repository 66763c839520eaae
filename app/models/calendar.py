"""The working-day calendar: public holidays and decreed swaps, editable by staff."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum
from .enums import HolidayKind


class CalendarDay(Base):
    """A day that differs from the Monday–Friday rule.

    ``holiday`` and ``day_off_transfer`` are days off; ``working_day`` is a weekend day
    decreed to be worked (the other half of a government day swap).
    """

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[HolidayKind] = mapped_column(str_enum(HolidayKind, 24))
    name_kk: Mapped[str] = mapped_column(String(255))
    name_ru: Mapped[str] = mapped_column(String(255))
