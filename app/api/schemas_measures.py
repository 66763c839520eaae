"""Request and response models for measures, referrals to them and the family plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from app.api.schemas import MAX_PAGE, MAX_ROW_ID, Strict
from app.models import MeasureKind, MeasureOutcome, PlanItemKind, PlanItemStatus


class CourseCreate(Strict):
    kind: MeasureKind
    title_kk: str = Field(min_length=1, max_length=255)
    title_ru: str = Field(min_length=1, max_length=255)
    provider: str = Field(min_length=1, max_length=255)
    region_kato: str | None = Field(None, max_length=9, description="default: the centre's")
    skills: list[str] = Field(default_factory=list, max_length=30)
    occupation_code: str | None = Field(None, max_length=4)
    duration_months: int | None = Field(None, ge=1, le=48)
    duration_days: int | None = Field(None, ge=1, le=365)
    starts_on: date | None = None
    seats: int | None = Field(None, ge=1, le=10_000)


class CourseOut(BaseModel):
    id: int
    kind: MeasureKind
    title_kk: str
    title_ru: str
    provider: str
    region_id: int
    centre_id: int | None
    skills: list[str]
    occupation_code: str | None
    duration_months: int | None
    duration_days: int | None
    starts_on: date | None
    seats: int | None
    active: bool


class CourseQuery(Strict):
    kind: MeasureKind | None = None
    region_kato: str | None = Field(None, max_length=9)
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(20, ge=1, le=MAX_PAGE)


class CoursePage(BaseModel):
    items: list[CourseOut]
    next_cursor: str | None


class ImportResult(BaseModel):
    added: int
    ids: list[int]


class MeasureReferralCreate(Strict):
    seeker_id: int = Field(ge=1, le=MAX_ROW_ID)
    kind: MeasureKind
    course_id: int | None = Field(None, ge=1, le=MAX_ROW_ID)
    target_region_kato: str | None = Field(None, max_length=9)
    note: str | None = Field(None, max_length=1000)


class MeasureRequestCreate(Strict):
    kind: MeasureKind
    course_id: int | None = Field(None, ge=1, le=MAX_ROW_ID)


class MeasureReferralOut(BaseModel):
    id: int
    seeker_id: int
    kind: MeasureKind
    course_id: int | None
    centre_id: int | None
    requested_by_seeker: bool
    issued_on: date
    report_by: date
    outcome: MeasureOutcome
    enrolled_on: date | None
    ended_on: date | None
    target_region_id: int | None
    eligibility: dict[str, Any]
    evidence: dict[str, Any]


class MeasureReferralQuery(Strict):
    seeker_id: int | None = Field(None, ge=1, le=MAX_ROW_ID)
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(20, ge=1, le=MAX_PAGE)


class MeasureReferralPage(BaseModel):
    items: list[MeasureReferralOut]
    next_cursor: str | None


class MeasureOutcomeRequest(Strict):
    outcome: MeasureOutcome


class RoutingOut(BaseModel):
    local_count: int
    scarce: bool
    gaps: list[dict[str, Any]]
    proposals: list[dict[str, Any]]
    decisions: dict[str, dict[str, Any]]


class PlanItemCreate(Strict):
    seeker_id: int = Field(ge=1, le=MAX_ROW_ID)
    kind: PlanItemKind
    due_in_days: int | None = Field(None, ge=1, le=130, description="working days")
    description: str | None = Field(None, max_length=500)


class PlanItemOut(BaseModel):
    id: int
    family_id: int
    seeker_id: int
    kind: PlanItemKind
    description: str | None
    created_on: date
    due_on: date
    status: PlanItemStatus
    done_on: date | None


class PlanItemClose(Strict):
    status: PlanItemStatus


class BreachCreate(Strict):
    item_id: int | None = Field(None, ge=1, le=MAX_ROW_ID)
    note: str | None = Field(None, max_length=500)


class PlanOut(BaseModel):
    family_id: int
    contract_from: date | None
    contract_to: date | None
    items: list[PlanItemOut]
    breaches: list[date]
    consequence: dict[str, Any]
    affected_member_ids: list[int]
