"""Measures for people the vacancies do not fit, and the family plan of the social contract.

The catalogue lists courses and other measures per region, kept by centre staff. A
``MeasureReferral`` sends a person to one (like a job referral: printable, with a deadline and
an outcome). ``PlanItem`` rows are the family plan's items per member; ``ContractBreach`` rows
record breaches, whose consequence the rules compute (matching.rules.social_contract).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, TimestampMixin, str_enum, utcnow
from .geo import Locality, Region
from .seeker import Family, Seeker


class MeasureKind(StrEnum):
    """The measures of matching.rules.measures (the values are the rules' kinds)."""

    SHORT_TRAINING = "short_training"
    TIPO = "tipo"
    RETRAINING = "retraining"
    BASTAU = "bastau_business"
    MICROCREDIT = "microcredit"
    RESETTLEMENT = "resettlement"
    ORIENTATION = "orientation"


class MeasureOutcome(StrEnum):
    PENDING = "pending"
    ENROLLED = "enrolled"
    COMPLETED = "completed"
    DROPPED = "dropped"
    DECLINED = "declined"  # the person did not take the place up


class PlanItemKind(StrEnum):
    JOB_SEARCH = "job_search"
    JOB_REFERRAL = "job_referral"
    TRAINING = "training"
    BASTAU = "bastau"
    PUBLIC_WORKS = "public_works"
    SOCIAL_JOB = "social_job"
    YOUTH_PRACTICE = "youth_practice"
    ORIENTATION = "orientation"
    SOCIAL_ADAPTATION = "social_adaptation"


class PlanItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    BREACHED = "breached"
    CANCELLED = "cancelled"


class MeasureCourse(TimestampMixin, Base):
    """One offer in the catalogue: a course of a provider in a region, or another measure
    (Bastau Business group, microcredit programme, orientation service)."""

    __tablename__ = "measure_course"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MeasureKind] = mapped_column(str_enum(MeasureKind), index=True)
    title_kk: Mapped[str] = mapped_column(String(255))
    title_ru: Mapped[str] = mapped_column(String(255))
    provider: Mapped[str] = mapped_column(String(255))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    # the centre that keeps the entry (every centre of the region proposes it)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("locality.id"))
    occupation_code: Mapped[str | None] = mapped_column(String(4))
    skills: Mapped[list[str]] = mapped_column(default=list)  # what the course teaches
    duration_months: Mapped[int | None]
    duration_days: Mapped[int | None]
    starts_on: Mapped[date | None]
    seats: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)

    region: Mapped[Region] = relationship()
    locality: Mapped[Locality | None] = relationship()

    def title(self, locale: str) -> str:
        return self.title_kk if locale == "kk" else self.title_ru


class MeasureProfile(Base):
    """What the measures' rules read beyond the seeker's record (matching.rules.MeasureFacts)."""

    __tablename__ = "measure_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), unique=True)
    self_employed: Mapped[bool] = mapped_column(default=False)
    being_laid_off: Mapped[bool] = mapped_column(default=False)
    laid_off: Mapped[bool] = mapped_column(default=False)
    school_leaver: Mapped[bool] = mapped_column(default=False)
    in_hardship: Mapped[bool] = mapped_column(default=False)
    district_centre: Mapped[bool] = mapped_column(default=False)
    tax_registered: Mapped[bool] = mapped_column(default=False)
    entrepreneurship_course_on: Mapped[date | None]
    certificate_on: Mapped[date | None]
    orphanage_leaver: Mapped[bool] = mapped_column(default=False)
    is_citizen: Mapped[bool] = mapped_column(default=True)

    seeker: Mapped[Seeker] = relationship()


class MeasureReferral(TimestampMixin, Base):
    """A centre sends a person to a measure (направление / жолдама), or a seeker asks for one.

    ``evidence`` keeps why the measure was proposed (routing reason codes); ``eligibility`` the
    rules' decision on the day. Whether a job followed is read from placements.
    """

    __tablename__ = "measure_referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    kind: Mapped[MeasureKind] = mapped_column(str_enum(MeasureKind), index=True)
    course_id: Mapped[int | None] = mapped_column(ForeignKey("measure_course.id"), index=True)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    requested_by_seeker: Mapped[bool] = mapped_column(default=False)
    issued_on: Mapped[date]
    report_by: Mapped[date]
    outcome: Mapped[MeasureOutcome] = mapped_column(
        str_enum(MeasureOutcome), default=MeasureOutcome.PENDING, index=True
    )
    enrolled_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    target_region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))  # resettlement
    eligibility: Mapped[dict[str, Any]] = mapped_column(default=dict)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str | None] = mapped_column(Text)

    seeker: Mapped[Seeker] = relationship()
    course: Mapped[MeasureCourse | None] = relationship()
    target_region: Mapped[Region | None] = relationship()


class PlanItem(Base):
    """One item of a family's individual plan, for one able-bodied member."""

    __tablename__ = "plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PlanItemKind] = mapped_column(str_enum(PlanItemKind))
    description: Mapped[str | None] = mapped_column(String(500))
    created_on: Mapped[date]
    due_on: Mapped[date] = mapped_column(index=True)
    status: Mapped[PlanItemStatus] = mapped_column(
        str_enum(PlanItemStatus), default=PlanItemStatus.OPEN, index=True
    )
    done_on: Mapped[date | None]
    measure_referral_id: Mapped[int | None] = mapped_column(ForeignKey("measure_referral.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    family: Mapped[Family] = relationship()
    seeker: Mapped[Seeker] = relationship()
    measure_referral: Mapped[MeasureReferral | None] = relationship()


class ContractBreach(Base):
    """A breach of the social contract found on ``found_on`` (its consequence is computed)."""

    __tablename__ = "contract_breach"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("plan_item.id"))
    seeker_id: Mapped[int | None] = mapped_column(ForeignKey("seeker.id", ondelete="SET NULL"))
    found_on: Mapped[date]
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    plan_item: Mapped[PlanItem | None] = relationship()
