"""The domain model: plain SQLAlchemy 2.0 models, usable without Flask (workers load them)."""

from .api_token import ApiToken
from .base import Base
from .calendar import CalendarDay
from .embedding import EmbeddingCache
from .enums import (
    ApplicationStatus,
    CvVisibility,
    EducationLevel,
    EmploymentType,
    Experience,
    FamilyRole,
    HolidayKind,
    OwnershipForm,
    ReferralOutcome,
    RegionKind,
    Role,
    Schedule,
    SeekerStatus,
    Sex,
    VacancyKind,
    VacancySource,
    VacancyStatus,
)
from .geo import Locality, Region
from .measures import (
    ContractBreach,
    MeasureCourse,
    MeasureKind,
    MeasureOutcome,
    MeasureProfile,
    MeasureReferral,
    PlanItem,
    PlanItemKind,
    PlanItemStatus,
)
from .occupation import Occupation
from .organisation import Centre, Employer
from .outbox import OutboxEvent
from .placement import Application, Placement, Referral
from .saved_search import Notification, SavedSearch
from .seeker import Cv, EducationEntry, Family, Seeker, StatusChange, WorkExperience
from .users import AuditLog, User
from .vacancy import Vacancy

__all__ = [
    "ApiToken",
    "Application",
    "ApplicationStatus",
    "AuditLog",
    "Base",
    "CalendarDay",
    "Centre",
    "ContractBreach",
    "Cv",
    "CvVisibility",
    "EducationEntry",
    "EducationLevel",
    "EmbeddingCache",
    "Employer",
    "EmploymentType",
    "Experience",
    "Family",
    "FamilyRole",
    "HolidayKind",
    "Locality",
    "MeasureCourse",
    "MeasureKind",
    "MeasureOutcome",
    "MeasureProfile",
    "MeasureReferral",
    "Notification",
    "Occupation",
    "OutboxEvent",
    "OwnershipForm",
    "Placement",
    "PlanItem",
    "PlanItemKind",
    "PlanItemStatus",
    "Referral",
    "ReferralOutcome",
    "Region",
    "RegionKind",
    "Role",
    "SavedSearch",
    "Schedule",
    "Seeker",
    "SeekerStatus",
    "Sex",
    "StatusChange",
    "User",
    "Vacancy",
    "VacancyKind",
    "VacancySource",
    "VacancyStatus",
    "WorkExperience",
]
