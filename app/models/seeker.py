"""A person looking for work: identity, education, work history, status history, CV, family."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from matching.text.names import name_key

from .base import Base, TimestampMixin, str_enum, utcnow, without_iins
from .enums import CvVisibility, EducationLevel, FamilyRole, SeekerStatus, Sex
from .geo import Locality
from .organisation import Centre


class Family(Base):
    """A household followed as one unit under targeted social assistance (social contract)."""

    __tablename__ = "family"

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)
    contract_from: Mapped[date | None]
    contract_to: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)

    members: Mapped[list[Seeker]] = relationship(back_populates="family")


class Seeker(TimestampMixin, Base):
    """A person. The IIN is personal data: stored, never indexed, shown masked."""

    __tablename__ = "seeker"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), unique=True)
    iin: Mapped[str | None] = mapped_column(String(12), unique=True)
    last_name: Mapped[str] = mapped_column(String(120))
    first_name: Mapped[str] = mapped_column(String(120))
    patronymic: Mapped[str | None] = mapped_column(String(120))
    # The names as search keys (matching.text.names): kept in step by ``_keyed`` below.
    last_name_key: Mapped[str] = mapped_column(String(120), default="", index=True)
    first_name_key: Mapped[str] = mapped_column(String(120), default="")
    birth_date: Mapped[date]
    sex: Mapped[Sex] = mapped_column(str_enum(Sex, 8))
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("locality.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(255))
    languages: Mapped[list[str]] = mapped_column(default=list)
    skills: Mapped[list[str]] = mapped_column(default=list)

    desired_occupations: Mapped[list[str]] = mapped_column(default=list)
    desired_salary: Mapped[int | None]
    desired_schedules: Mapped[list[str]] = mapped_column(default=list)
    max_commute_km: Mapped[int | None]
    disability_group: Mapped[int | None]
    health_restrictions: Mapped[str | None] = mapped_column(Text)
    receives_job_loss_payment: Mapped[bool] = mapped_column(default=False)
    is_student: Mapped[bool] = mapped_column(default=False)
    is_full_time_student: Mapped[bool] = mapped_column(default=False)
    is_carer: Mapped[bool] = mapped_column(default=False)
    # Whom the carer looks after (matching.rules.facts CARE_*) and that person's birth date.
    care_recipient: Mapped[str | None] = mapped_column(String(16))
    care_recipient_birth_date: Mapped[date | None]
    # When the person agreed to the processing of their personal data (Law on personal data).
    data_consent_at: Mapped[datetime | None]
    is_kandas: Mapped[bool] = mapped_column(default=False)
    has_paid_work: Mapped[bool] = mapped_column(default=False)
    long_illness: Mapped[bool] = mapped_column(default=False)
    on_downtime: Mapped[bool] = mapped_column(default=False)
    status: Mapped[SeekerStatus | None] = mapped_column(str_enum(SeekerStatus), index=True)
    status_since: Mapped[date | None]
    registered_on: Mapped[date | None]
    # Set when the person deleted their account but the centre must keep its record (minimised)
    # until this day; None for a live record.
    retained_until: Mapped[date | None]
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    family_role: Mapped[FamilyRole | None] = mapped_column(str_enum(FamilyRole, 16))

    locality: Mapped[Locality | None] = relationship()
    centre: Mapped[Centre | None] = relationship()
    family: Mapped[Family | None] = relationship(back_populates="members")
    education: Mapped[list[EducationEntry]] = relationship(
        back_populates="seeker",
        cascade="all, delete-orphan",
        order_by="EducationEntry.graduated_on",
    )
    work_history: Mapped[list[WorkExperience]] = relationship(
        back_populates="seeker", cascade="all, delete-orphan", order_by="WorkExperience.started_on"
    )
    status_history: Mapped[list[StatusChange]] = relationship(
        back_populates="seeker", cascade="all, delete-orphan", order_by="StatusChange.id"
    )
    cv: Mapped[Cv | None] = relationship(back_populates="seeker", cascade="all, delete-orphan")

    @validates("last_name", "first_name")
    def _keyed(self, name: str, value: str) -> str:
        """Every change of a name also changes its search key, whoever makes it."""
        setattr(self, f"{name}_key", name_key(value or ""))
        return value

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @validates("skills")
    def _no_iins(self, _key: str, value: Any) -> Any:
        return without_iins(value)


class EducationEntry(Base):
    __tablename__ = "education_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    level: Mapped[EducationLevel] = mapped_column(str_enum(EducationLevel))
    institution: Mapped[str | None] = mapped_column(String(255))
    specialty_code: Mapped[str | None] = mapped_column(String(16))
    specialty_name: Mapped[str | None] = mapped_column(String(255))
    graduated_on: Mapped[date | None]

    seeker: Mapped[Seeker] = relationship(back_populates="education")


class WorkExperience(Base):
    __tablename__ = "work_experience"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    employer_name: Mapped[str] = mapped_column(String(255))
    position: Mapped[str] = mapped_column(String(255))
    occupation_code: Mapped[str | None] = mapped_column(ForeignKey("occupation.code"))
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    last_wage: Mapped[int | None]
    description: Mapped[str | None] = mapped_column(Text)

    seeker: Mapped[Seeker] = relationship(back_populates="work_history")

    @validates("position", "description")
    def _no_iins(self, _key: str, value: Any) -> Any:
        return without_iins(value)


class StatusChange(Base):
    """One step of a person's status history (job seeker → unemployed → employed/deregistered)."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    status: Mapped[SeekerStatus] = mapped_column(str_enum(SeekerStatus))
    changed_on: Mapped[date]
    reason_code: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    seeker: Mapped[Seeker] = relationship(back_populates="status_history")


class Cv(TimestampMixin, Base):
    """The CV text the seeker controls, and who may see it."""

    __tablename__ = "cv"
    __table_args__ = (
        CheckConstraint(
            "visibility != 'public' OR consent_publish_at IS NOT NULL",
            name="public_needs_consent",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(String(255))
    summary: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str | None] = mapped_column(String(2))
    visibility: Mapped[CvVisibility] = mapped_column(
        str_enum(CvVisibility, 16), default=CvVisibility.CENTRES
    )
    consent_publish_at: Mapped[datetime | None]

    seeker: Mapped[Seeker] = relationship(back_populates="cv")

    @validates("title", "summary")
    def _no_iins(self, _key: str, value: Any) -> Any:
        return without_iins(value)
