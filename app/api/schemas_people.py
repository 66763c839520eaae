"""Request and response models for people (staff's seeker records) and saved searches."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from app.api.schemas import MAX_PAGE, Money, ShortText, Strict
from app.models import Schedule, SeekerStatus

Care = Literal["child", "disabled", "elderly"]


class SeekerQuery(Strict):
    q: str = Field(
        "",
        max_length=120,
        description="part of the person's name (an IIN is refused here: it must never be in a"
        " URL; use POST /seekers/search)",
    )
    status: SeekerStatus | None = None
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(20, ge=1, le=MAX_PAGE)


class SeekerSearch(SeekerQuery):
    """The same search in a request body, where an IIN may travel (never in a URL or log)."""

    q: str = Field("", max_length=120, description="12-digit IIN (exact) or part of a name")


class SeekerFields(Strict):
    """What staff may set on a record: contact details, wishes and the facts rules look at."""

    patronymic: str | None = Field(None, max_length=120)
    locality_kato: str | None = Field(None, max_length=9, description="KATO code of residence")
    address: str | None = Field(None, max_length=255)
    phone: str | None = Field(None, max_length=32)
    email: str | None = Field(None, max_length=255, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    languages: list[ShortText] | None = Field(None, max_length=10)
    skills: list[ShortText] | None = Field(None, max_length=50)
    desired_occupations: list[ShortText] | None = Field(None, max_length=10)
    desired_salary: Money | None = None
    desired_schedules: list[Schedule] | None = None
    max_commute_km: int | None = Field(None, ge=0, le=1000)
    disability_group: int | None = Field(None, ge=1, le=3)
    health_restrictions: str | None = Field(None, max_length=2000)
    receives_job_loss_payment: bool | None = None
    is_student: bool | None = None
    is_full_time_student: bool | None = None
    is_carer: bool | None = None
    care_recipient: Care | None = None
    care_recipient_birth_date: date | None = None
    is_kandas: bool | None = None
    has_paid_work: bool | None = None
    long_illness: bool | None = None
    on_downtime: bool | None = None


class SeekerCreate(SeekerFields):
    iin: str = Field(max_length=20, description="12 digits; birth date and sex are read from it")
    last_name: str = Field(min_length=1, max_length=120)
    first_name: str = Field(min_length=1, max_length=120)
    data_consent: bool = Field(
        description="the person agreed to the processing of their personal data (must be true)"
    )


class SeekerPatch(SeekerFields):
    last_name: str | None = Field(None, min_length=1, max_length=120)
    first_name: str | None = Field(None, min_length=1, max_length=120)


class SeekerListItem(BaseModel):
    id: int
    iin_masked: str | None
    full_name: str
    birth_date: date
    status: SeekerStatus | None
    status_since: date | None
    locality_kato: str | None
    centre_id: int | None


class SeekerOut(SeekerListItem):
    iin: str | None = Field(
        None, description="the full IIN: only when the request gave X-Access-Reason"
    )
    last_name: str
    first_name: str
    patronymic: str | None
    sex: str
    registered_on: date | None
    address: str | None
    phone: str | None
    email: str | None
    languages: list[str]
    skills: list[str]
    desired_occupations: list[str]
    desired_salary: int | None
    desired_schedules: list[str]
    max_commute_km: int | None
    disability_group: int | None
    health_restrictions: str | None
    receives_job_loss_payment: bool
    is_student: bool
    is_full_time_student: bool
    is_carer: bool
    care_recipient: str | None
    care_recipient_birth_date: date | None
    is_kandas: bool
    has_paid_work: bool
    long_illness: bool
    on_downtime: bool
    data_consent_at: datetime | None


class SeekerPage(BaseModel):
    items: list[SeekerListItem]
    next_cursor: str | None


class SeekerCreated(BaseModel):
    seeker: SeekerOut
    decision: dict[str, Any] = Field(description="the registration rules' decision and reasons")


class SavedSearchCreate(Strict):
    name: str = Field(min_length=1, max_length=120)
    params: dict[str, Any] = Field(
        default_factory=dict,
        description="the search page's query parameters: q, region, locality, kind, schedule, "
        "employment, experience, salary_min, with_salary, days, lat, lon, radius_km, sort...",
    )
    alert: bool = True


class SavedSearchPatch(Strict):
    name: str | None = Field(None, min_length=1, max_length=120)
    params: dict[str, Any] | None = None
    alert: bool | None = None


class SavedSearchOut(BaseModel):
    id: int
    name: str
    params: dict[str, Any]
    alert: bool
    created_at: datetime
    checked_at: datetime
    search_url: str = Field(description="the search page showing this search")


class SavedSearchList(BaseModel):
    items: list[SavedSearchOut]
