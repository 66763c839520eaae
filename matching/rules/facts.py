"""The facts about a person that the programme rules read (the app builds them from its models).

String values follow ``app.models.enums`` (sex, seeker status, education level).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MALE = "male"
FEMALE = "female"

JOB_SEEKER = "job_seeker"
UNEMPLOYED = "unemployed"
EMPLOYED = "employed"
DEREGISTERED = "deregistered"
REGISTERED_STATUSES = frozenset({JOB_SEEKER, UNEMPLOYED})
STATUSES = frozenset({JOB_SEEKER, UNEMPLOYED, EMPLOYED, DEREGISTERED})

EDUCATION_LEVELS = frozenset(
    {"none", "secondary", "tipo", "post_secondary", "higher", "postgraduate"}
)

# Whom a carer looks after (art. 17 p. 2 pp. 4).
CARE_CHILD = "child"  # qualifies while the child is under ``carer_child_max_age``
CARE_DISABLED_CHILD = "disabled_child"
CARE_DISABLED_ADULT = "disabled_adult"  # disability group 1 or 2
CARE_ELDERLY = "elderly"  # qualifies from ``carer_elderly_min_age``
CARE_KINDS = frozenset({CARE_CHILD, CARE_DISABLED_CHILD, CARE_DISABLED_ADULT, CARE_ELDERLY})

# Deregistration grounds (art. 16 p. 1); the first four make re-registration wait.
REFUSED_SUITABLE_OFFERS = "refused_suitable_offers"
NO_SHOW = "no_show"
QUIT_ACTIVE_MEASURE = "quit_active_measure"
MISSED_CHECK_IN = "missed_check_in"
CUSTODY = "custody"
FALSE_DOCUMENTS = "false_documents"
WAIT_BEFORE_REREGISTRATION = frozenset(
    {REFUSED_SUITABLE_OFFERS, NO_SHOW, QUIT_ACTIVE_MEASURE, MISSED_CHECK_IN}
)


@dataclass(frozen=True, slots=True)
class EducationEntry:
    level: str  # one of EDUCATION_LEVELS
    specialty_code: str | None = None
    specialty_name: str | None = None
    graduated_on: date | None = None

    def __post_init__(self) -> None:
        if self.level not in EDUCATION_LEVELS:
            raise ValueError(f"unknown education level {self.level!r}")


@dataclass(frozen=True, slots=True)
class CareRecipient:
    """Someone the person cares for; ``birth_date`` lets the age limits apply over time."""

    kind: str  # one of CARE_KINDS
    birth_date: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in CARE_KINDS:
            raise ValueError(f"unknown care recipient kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Deregistration:
    reason: str  # one of the deregistration grounds above, or another code
    on: date


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the centre knows about a person on the day a rule is applied.

    ``status`` is None for someone never registered. ``suitable_offers_refused`` counts refusals
    of offers assessed as suitable since registration. The event flags (no-show, missed
    check-in, ...) are set by staff when the event is recorded without a good reason.
    """

    birth_date: date
    sex: str
    status: str | None = None
    registered_on: date | None = None
    status_since: date | None = None
    has_paid_work: bool = False
    has_permanent_job: bool = False
    gave_false_info: bool = False
    guardian_statement: bool = False
    disability_group: int | None = None
    is_full_time_student: bool = False
    is_student: bool = False  # a student or a senior pupil (public works in summer)
    long_illness: bool = False  # illness with expected incapacity over two months
    cares_for: tuple[CareRecipient, ...] = ()
    receives_job_loss_payment: bool = False
    on_downtime: bool = False
    is_rural: bool = False
    suitable_offers_refused: int = 0
    no_show: bool = False
    quit_active_measure: bool = False
    in_custody: bool = False
    last_check_in: date | None = None
    last_deregistration: Deregistration | None = None
    education: tuple[EducationEntry, ...] = ()

    def __post_init__(self) -> None:
        if self.sex not in (MALE, FEMALE):
            raise ValueError(f"sex must be {MALE!r} or {FEMALE!r}, got {self.sex!r}")
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if self.disability_group not in (None, 1, 2, 3):
            raise ValueError(f"disability group must be 1, 2 or 3, got {self.disability_group}")
        if self.suitable_offers_refused < 0:
            raise ValueError("suitable_offers_refused must be >= 0")
        object.__setattr__(self, "cares_for", tuple(self.cares_for))
        object.__setattr__(self, "education", tuple(self.education))

    @property
    def is_registered(self) -> bool:
        return self.status in REGISTERED_STATUSES

    @property
    def is_unemployed(self) -> bool:
        return self.status == UNEMPLOYED
