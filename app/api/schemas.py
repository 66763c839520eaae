"""Request and response models: they validate input and are the OpenAPI document's schemas."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.models import EducationLevel, EmploymentType, Experience, Schedule, VacancyKind

MAX_PAGE = 100
MAX_ROW_ID = 2**31 - 1  # ids are 32-bit on PostgreSQL: a larger one names no row


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldErrorOut(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details; ``errors`` names the offending fields."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldErrorOut] = []


class SortBy(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"
    SALARY = "salary"
    DISTANCE = "distance"


class VacancySearch(Strict):
    q: str = Field("", max_length=200)
    region: str | None = Field(None, max_length=20, description="region KATO code")
    locality: str | None = Field(None, max_length=20, description="locality KATO code")
    occupation: str | None = Field(None, max_length=4, description="ISCO-08 code, 1-4 digits")
    kind: VacancyKind | None = None
    schedule: Schedule | None = None
    employment_type: EmploymentType | None = None
    experience: Experience | None = None
    salary_min: int | None = Field(None, ge=0, le=100_000_000)
    salary_max: int | None = Field(None, ge=0, le=100_000_000)
    published_since: datetime | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    radius_km: float | None = Field(None, gt=0, le=3000)
    sort: SortBy = SortBy.RELEVANCE
    facets: str = Field("", max_length=200, description="comma list: kind, region_kato, ...")
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(20, ge=1, le=MAX_PAGE)


class EmployerRef(BaseModel):
    id: int
    name: str


class LocalityRef(BaseModel):
    kato: str
    name_kk: str
    name_ru: str


class VacancySummary(BaseModel):
    id: int
    external_id: str | None
    title: str
    employer: EmployerRef
    locality: LocalityRef | None
    region_kato: str
    salary_from: int | None
    salary_to: int | None
    kind: VacancyKind
    schedule: Schedule
    published_at: datetime | None
    distance_km: float | None = None
    snippet: str


class VacancyDetail(VacancySummary):
    status: str
    description: str
    occupation_code: str | None
    employment_type: EmploymentType
    experience: Experience
    education_level: EducationLevel | None
    skills: list[str]
    languages: list[str]
    places: int
    hazardous: bool
    max_duration_months: int | None
    expires_at: datetime | None
    address: str | None
    lat: float | None
    lon: float | None


class FacetValue(BaseModel):
    value: str
    count: int


class QueryPlace(BaseModel):
    """A place named in ``q``: the search was kept to it (``level``: which KATO filter)."""

    kato: str
    level: str
    name: str


class VacancyPage(BaseModel):
    items: list[VacancySummary]
    next_cursor: str | None
    total: int
    facets: dict[str, list[FacetValue]] = {}
    corrected: str | None = Field(
        None, description="q as corrected when a word was misspelt: the results are for this"
    )
    places: list[QueryPlace] = Field([], description="places named in q, taken out of the text")
    place_fallback: bool = Field(
        False, description="nothing in the places named: these results are from everywhere"
    )


class VacancyPatch(Strict):
    """Fields to change; a field left out keeps its value, ``null`` clears it."""

    title: str | None = Field(None, max_length=255)
    description: str | None = Field(None, max_length=20_000)
    occupation_code: str | None = Field(None, max_length=4)
    locality_kato: str | None = Field(None, max_length=20)
    region_kato: str | None = Field(None, max_length=20)
    address: str | None = Field(None, max_length=255)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    salary_from: int | None = Field(None, ge=0, le=100_000_000)
    salary_to: int | None = Field(None, ge=0, le=100_000_000)
    schedule: Schedule | None = None
    employment_type: EmploymentType | None = None
    experience: Experience | None = None
    education_level: EducationLevel | None = None
    skills: list[str] | None = Field(None, max_length=50)
    languages: list[str] | None = Field(None, max_length=20)
    places: int | None = Field(None, ge=1, le=10_000)
    kind: VacancyKind | None = None
    hazardous: bool | None = None
    max_duration_months: int | None = Field(None, ge=1, le=120)
    expires_at: datetime | None = None
    lang: str | None = Field(None, pattern="^(kk|ru|en)$")
    source_url: str | None = Field(None, max_length=500)

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, exclude={"employer_id", "publish"})


class VacancyCreate(VacancyPatch):
    title: str = Field(max_length=255)
    employer_id: int | None = Field(
        None, ge=1, le=MAX_ROW_ID, description="required for staff; employers omit it"
    )
    publish: bool = True


class MatchRequest(Strict):
    text: str = Field("", max_length=2000, description="free text: what the person can do")
    skills: list[str] = Field([], max_length=50)
    occupation_codes: list[str] = Field([], max_length=20)
    locality_kato: str | None = Field(None, max_length=20)
    desired_salary: int | None = Field(None, ge=0, le=100_000_000)
    schedules: list[Schedule] = Field([], max_length=5)
    birth_date: date | None = None
    education_level: EducationLevel | None = None
    max_commute_km: int | None = Field(
        None, ge=1, le=500, description="how far the person will travel; default: the rules'"
    )
    limit: int = Field(20, ge=1, le=50)


class MatchItem(BaseModel):
    vacancy: VacancySummary
    score: float
    explanation: dict[str, Any]


class MatchResult(BaseModel):
    items: list[MatchItem]


class TokenRequest(Strict):
    email: str = Field(max_length=255)
    password: str = Field(max_length=200)
    name: str = Field("api", max_length=100)


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str
    created_at: datetime
    token: str = Field(description="the secret: shown once, only its hash is stored")


class ImportResult(BaseModel):
    accepted: int
    created: int
    updated: int
    unchanged: int
    closed: int
    rejected: list[dict[str, Any]]
    warnings: list[dict[str, Any]]


class ImportQuery(Strict):
    snapshot: bool = False


class ChangesQuery(Strict):
    since: str | None = Field(None, max_length=500, description="next_cursor of a previous call")
    limit: int = Field(100, ge=1, le=MAX_PAGE)


class Change(BaseModel):
    id: int
    external_id: str | None
    op: str = Field(description="upsert or delete")
    vacancy: VacancySummary | None = None


class ChangesPage(BaseModel):
    items: list[Change]
    next_cursor: str
    has_more: bool


class SimilarItem(BaseModel):
    vacancy: VacancySummary
    score: float
    shared_skills: list[str]


class SimilarResult(BaseModel):
    items: list[SimilarItem]


class CandidateItem(BaseModel):
    cv_id: int
    title: str
    region_kato: str
    locality_kato: str | None
    skills: list[str]
    experience_years: float
    visibility: str
    score: float
    explanation: dict[str, Any]


class CandidateResult(BaseModel):
    items: list[CandidateItem]
