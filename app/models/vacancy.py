"""Vacancies: regular jobs and the programme places (social jobs, youth practice, public works)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from matching.rules.params import params_for

from .base import Base, TimestampMixin, str_enum, without_iins
from .enums import (
    EducationLevel,
    EmploymentType,
    Experience,
    Schedule,
    VacancyKind,
    VacancySource,
    VacancyStatus,
)
from .geo import Locality, Region
from .occupation import Occupation
from .organisation import Centre, Employer


class Vacancy(TimestampMixin, Base):
    __tablename__ = "vacancy"
    __table_args__ = (
        UniqueConstraint("source", "external_id", name="uq_vacancy_source_external_id"),
        CheckConstraint("places >= 1", name="places_positive"),
        CheckConstraint(
            "salary_from IS NULL OR salary_to IS NULL OR salary_from <= salary_to",
            name="salary_range",
        ),
        Index("ix_vacancy_status_expires_at", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)
    title: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str | None] = mapped_column(String(2))
    occupation_code: Mapped[str | None] = mapped_column(ForeignKey("occupation.code"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("locality.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(255))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    salary_from: Mapped[int | None]
    salary_to: Mapped[int | None]
    schedule: Mapped[Schedule] = mapped_column(str_enum(Schedule), default=Schedule.FULL_DAY)
    employment_type: Mapped[EmploymentType] = mapped_column(
        str_enum(EmploymentType), default=EmploymentType.FULL
    )
    experience: Mapped[Experience] = mapped_column(str_enum(Experience), default=Experience.NONE)
    education_level: Mapped[EducationLevel | None] = mapped_column(str_enum(EducationLevel))
    skills: Mapped[list[str]] = mapped_column(default=list)
    languages: Mapped[list[str]] = mapped_column(default=list)
    places: Mapped[int] = mapped_column(default=1)

    @validates("title", "description", "skills")
    def _no_iins(self, _key: str, value: Any) -> Any:
        return without_iins(value)

    kind: Mapped[VacancyKind] = mapped_column(
        str_enum(VacancyKind), default=VacancyKind.REGULAR, index=True
    )
    hazardous: Mapped[bool] = mapped_column(default=False)
    max_duration_months: Mapped[int | None]
    status: Mapped[VacancyStatus] = mapped_column(
        str_enum(VacancyStatus), default=VacancyStatus.DRAFT
    )
    published_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]
    source: Mapped[VacancySource] = mapped_column(
        str_enum(VacancySource), default=VacancySource.EMPLOYER
    )
    external_id: Mapped[str | None] = mapped_column(String(64))
    source_url: Mapped[str | None] = mapped_column(String(500))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    employer: Mapped[Employer] = relationship()
    centre: Mapped[Centre | None] = relationship()
    occupation: Mapped[Occupation | None] = relationship()
    region: Mapped[Region] = relationship()
    locality: Mapped[Locality | None] = relationship()

    @property
    def is_programme_place(self) -> bool:
        return self.kind in (VacancyKind.SOCIAL_JOB, VacancyKind.YOUTH_PRACTICE)

    def apply_kind_defaults(self, on: date | None = None) -> None:
        """Programme places carry their legal maximum duration (the rule parameters in force
        ``on``) unless a shorter one is set; the vacancy service refuses a longer one first."""
        limit = params_for(on or date.today()).max_duration_months(self.kind.value)
        if limit is not None and (
            self.max_duration_months is None or self.max_duration_months > limit
        ):
            self.max_duration_months = limit
