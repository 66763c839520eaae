"""Closed vocabularies of the domain (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    SEEKER = "seeker"
    EMPLOYER = "employer"
    STAFF = "staff"
    ADMIN = "admin"


class RegionKind(StrEnum):
    OBLAST = "oblast"
    CITY = "city"


class OwnershipForm(StrEnum):
    PRIVATE = "private"
    STATE = "state"
    QUASI_STATE = "quasi_state"
    NGO = "ngo"
    INDIVIDUAL_ENTREPRENEUR = "individual_entrepreneur"
    FOREIGN = "foreign"


class VacancyKind(StrEnum):
    REGULAR = "regular"
    SOCIAL_JOB = "social_job"
    YOUTH_PRACTICE = "youth_practice"
    PUBLIC_WORKS = "public_works"
    DISABILITY_QUOTA = "disability_quota"


class VacancyStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    ARCHIVED = "archived"


class VacancySource(StrEnum):
    EMPLOYER = "employer"
    CENTRE = "centre"
    IMPORT = "import"


class Schedule(StrEnum):
    FULL_DAY = "full_day"
    SHIFT = "shift"
    FLEXIBLE = "flexible"
    REMOTE = "remote"
    ROTATION = "rotation"


class EmploymentType(StrEnum):
    FULL = "full"
    PART = "part"
    TEMPORARY = "temporary"
    PROJECT = "project"
    INTERNSHIP = "internship"
    SEASONAL = "seasonal"


class Experience(StrEnum):
    NONE = "none"
    FROM_1_TO_3 = "1_3"
    FROM_3_TO_6 = "3_6"
    OVER_6 = "6_plus"


class EducationLevel(StrEnum):
    """Levels as the programme rules need them (TiPO = technical and vocational)."""

    NONE = "none"
    SECONDARY = "secondary"
    TIPO = "tipo"
    POST_SECONDARY = "post_secondary"
    HIGHER = "higher"
    POSTGRADUATE = "postgraduate"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class SeekerStatus(StrEnum):
    JOB_SEEKER = "job_seeker"
    UNEMPLOYED = "unemployed"
    EMPLOYED = "employed"
    DEREGISTERED = "deregistered"


class CvVisibility(StrEnum):
    PUBLIC = "public"
    CENTRES = "centres"
    HIDDEN = "hidden"


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"
    VIEWED = "viewed"
    INVITED = "invited"
    REJECTED = "rejected"
    HIRED = "hired"
    WITHDRAWN = "withdrawn"


class ReferralOutcome(StrEnum):
    PENDING = "pending"
    HIRED = "hired"
    REJECTED_BY_EMPLOYER = "rejected_by_employer"
    REFUSED_BY_SEEKER = "refused_by_seeker"
    NO_SHOW = "no_show"
    EXPIRED = "expired"


class HolidayKind(StrEnum):
    HOLIDAY = "holiday"
    DAY_OFF_TRANSFER = "day_off_transfer"
    WORKING_DAY = "working_day"


class FamilyRole(StrEnum):
    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    OTHER = "other"
