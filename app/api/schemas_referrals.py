"""Request and response models for online applications and centre referrals."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from app.api.schemas import MAX_PAGE, MAX_ROW_ID, Strict
from app.models import ApplicationStatus, ReferralOutcome


class ApplicationCreate(Strict):
    vacancy_id: int = Field(ge=1, le=MAX_ROW_ID)
    cover_letter: str | None = Field(None, max_length=5000)


class ApplicationPatch(Strict):
    status: ApplicationStatus


class ApplicationQuery(Strict):
    status: ApplicationStatus | None = None
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(20, ge=1, le=MAX_PAGE)


class ApplicationOut(BaseModel):
    id: int
    seeker_id: int
    vacancy_id: int
    vacancy_title: str
    cover_letter: str | None
    status: ApplicationStatus
    created_at: datetime | None


class ApplicationPage(BaseModel):
    items: list[ApplicationOut]
    next_cursor: str | None


class ReferralCreate(Strict):
    seeker_id: int = Field(ge=1, le=MAX_ROW_ID)
    vacancy_id: int = Field(ge=1, le=MAX_ROW_ID)
    counted_as_suitable_offer: bool | None = Field(
        None,
        description="leave out to take the rules' verdict; a value overrides it (audited)",
    )
    note: str | None = Field(None, max_length=2000)


class ReferralQuery(Strict):
    overdue: bool = Field(False, description="only pending referrals past their report_by date")
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(20, ge=1, le=MAX_PAGE)


class OutcomeRequest(Strict):
    outcome: ReferralOutcome
    refusal_reason: str | None = Field(None, max_length=500)


class EmployerReferralOut(BaseModel):
    """A referral as the employer sees it: the same facts as their referrals page. The rules'
    suitable-work assessment (health, distance from home, the previous wage) and the centre's
    notes are the person's and the centre's business, not the employer's."""

    id: int
    seeker_id: int
    vacancy_id: int
    vacancy_title: str
    centre_id: int | None
    issued_on: date
    report_by: date
    employer_answer_by: date | None
    outcome: ReferralOutcome
    outcome_on: date | None
    refusal_reason: str | None


class ReferralOut(EmployerReferralOut):
    """A referral as the centre and the person see it."""

    issued_by_id: int | None
    counted_as_suitable_offer: bool
    suitability: dict[str, Any]
    note: str | None


class ReferralPage(BaseModel):
    items: list[ReferralOut | EmployerReferralOut]
    next_cursor: str | None


class OutcomeResult(BaseModel):
    referral: ReferralOut | EmployerReferralOut
    decision: dict[str, Any] | None = Field(
        None, description="the deregistration decision, when a refusal made one"
    )
