"""The ways a person reaches a job: online applications, centre referrals, and placements."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from .base import Base, TimestampMixin, str_enum, utcnow, without_iins
from .enums import ApplicationStatus, ReferralOutcome, VacancyKind
from .seeker import Seeker
from .vacancy import Vacancy


class Application(TimestampMixin, Base):
    """A seeker applied online to a vacancy."""

    __tablename__ = "application"
    __table_args__ = (UniqueConstraint("seeker_id", "vacancy_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    cover_letter: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ApplicationStatus] = mapped_column(
        str_enum(ApplicationStatus), default=ApplicationStatus.SUBMITTED
    )

    seeker: Mapped[Seeker] = relationship()
    vacancy: Mapped[Vacancy] = relationship()

    @validates("cover_letter")
    def _no_iins(self, _key: str, value: Any) -> Any:
        return without_iins(value)


class Referral(TimestampMixin, Base):
    """A centre sends a person to a vacancy (направление / жолдама).

    Every offer is recorded with whether it counted as an offer of suitable work, since two
    refused suitable offers lead to deregistration. ``suitability`` keeps the checks that held.
    """

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    issued_on: Mapped[date]
    report_by: Mapped[date]
    employer_answer_by: Mapped[date | None]
    outcome: Mapped[ReferralOutcome] = mapped_column(
        str_enum(ReferralOutcome), default=ReferralOutcome.PENDING, index=True
    )
    outcome_on: Mapped[date | None]
    counted_as_suitable_offer: Mapped[bool] = mapped_column(default=False)
    suitability: Mapped[dict[str, Any]] = mapped_column(default=dict)
    refusal_reason: Mapped[str | None] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(Text)

    seeker: Mapped[Seeker] = relationship()
    vacancy: Mapped[Vacancy] = relationship()


class Placement(Base):
    """A person started work (or a programme place) through the service."""

    __tablename__ = "placement"

    id: Mapped[int] = mapped_column(primary_key=True)
    seeker_id: Mapped[int] = mapped_column(ForeignKey("seeker.id", ondelete="CASCADE"), index=True)
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id"), index=True)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id"), index=True)
    kind: Mapped[VacancyKind] = mapped_column(str_enum(VacancyKind))
    is_permanent: Mapped[bool] = mapped_column(default=False)
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    ended_reason: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    seeker: Mapped[Seeker] = relationship()
    vacancy: Mapped[Vacancy | None] = relationship()
