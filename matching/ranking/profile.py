"""What the ranker knows about a person, and the shapes of the documents it scores.

``matching`` must not import the indexer, so vacancies and CVs are described by read-only
protocols that ``indexer.documents.VacancyDocument`` / ``CvDocument`` satisfy structurally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from matching.rules import ACTIVE_MEASURE_KINDS, PLACEMENT_KINDS, REGULAR, PersonFacts

__all__ = [
    "ACTIVE_MEASURE_KINDS",
    "EDUCATION_LEVELS",
    "PROGRAMME_KINDS",
    "CvLike",
    "SeekerProfile",
    "VacancyLike",
    "duplicate_key",
    "education_rank",
    "profile_from_cv",
]

# EducationLevel values (app.models.enums), lowest first.
EDUCATION_LEVELS: tuple[str, ...] = (
    "none",
    "secondary",
    "tipo",
    "post_secondary",
    "higher",
    "postgraduate",
)
# Places with programme rules; of these, ACTIVE_MEASURE_KINDS are not pushed on people not
# obliged to take part in active measures.
PROGRAMME_KINDS = PLACEMENT_KINDS - {REGULAR}


class VacancyLike(Protocol):
    """The vacancy attributes the ranker reads (``VacancyDocument`` has them all)."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def employer_id(self) -> int: ...
    @property
    def region_kato(self) -> str: ...
    @property
    def occupation_code(self) -> str | None: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...
    @property
    def salary_from(self) -> int | None: ...
    @property
    def salary_to(self) -> int | None: ...
    @property
    def schedule(self) -> str: ...
    @property
    def experience(self) -> str: ...
    @property
    def education(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def hazardous(self) -> bool: ...
    @property
    def published_at(self) -> datetime | None: ...
    @property
    def skills(self) -> tuple[str, ...]: ...
    @property
    def languages(self) -> tuple[str, ...]: ...
    @property
    def duplicate_group(self) -> int | None: ...  # the original's id for a near-duplicate


class CvLike(Protocol):
    """The CV attributes candidate ranking reads (``CvDocument`` has them all)."""

    @property
    def id(self) -> int: ...
    @property
    def seeker_id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def region_kato(self) -> str: ...
    @property
    def skills(self) -> tuple[str, ...]: ...
    @property
    def occupation_codes(self) -> tuple[str, ...]: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...
    @property
    def salary_expected(self) -> int | None: ...
    @property
    def schedules(self) -> tuple[str, ...]: ...
    @property
    def experience_years(self) -> float: ...
    @property
    def education_level(self) -> str | None: ...
    @property
    def languages(self) -> tuple[str, ...]: ...
    @property
    def visibility(self) -> str: ...
    @property
    def updated_at(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class SeekerProfile:
    """A registered or anonymous seeker, as far as ranking needs them.

    Unknowns stay ``None`` (their features score neutral 0.5). ``person`` carries the facts the
    programme rules need; without it programme places are shown as "register at a centre".
    """

    text: str = ""
    skills: tuple[str, ...] = ()
    desired_occupations: tuple[str, ...] = ()  # ISCO-08 codes, any level
    past_occupations: tuple[str, ...] = ()
    specialty_codes: tuple[str, ...] = ()
    specialty_names: tuple[str, ...] = ()
    education_level: str | None = None  # highest, one of EDUCATION_LEVELS
    graduated_on: date | None = None
    experience_years: float | None = None
    lat: float | None = None
    lon: float | None = None
    region_kato: str | None = None
    max_commute_km: float | None = None  # None: the rules' default for a town or a village
    rural: bool | None = None  # lives in a village (None: from ``person``, else a town)
    desired_salary: int | None = None
    schedules: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    birth_date: date | None = None
    person: PersonFacts | None = None

    def __post_init__(self) -> None:
        for name in (
            "skills",
            "desired_occupations",
            "past_occupations",
            "specialty_codes",
            "specialty_names",
            "schedules",
            "languages",
        ):
            value = getattr(self, name)
            if isinstance(value, str):
                raise ValueError(f"{name}: expected a sequence of strings, not one string")
            object.__setattr__(self, name, tuple(value))
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat/lon: give both or neither")
        if self.education_level is not None and self.education_level not in EDUCATION_LEVELS:
            raise ValueError(f"education_level: {self.education_level!r} is unknown")
        if self.experience_years is not None and self.experience_years < 0:
            raise ValueError("experience_years: negative")
        if self.max_commute_km is not None and self.max_commute_km <= 0:
            raise ValueError("max_commute_km: must be positive")


def duplicate_key(vacancy: VacancyLike) -> int:
    """Postings with the same key are one job: an original and its near-duplicates."""
    return vacancy.duplicate_group or vacancy.id


def education_rank(level: str | None) -> int | None:
    """Position of ``level`` in ``EDUCATION_LEVELS`` (``None`` when absent or unknown)."""
    if level is None:
        return None
    try:
        return EDUCATION_LEVELS.index(level)
    except ValueError:
        return None


def profile_from_cv(
    cv: CvLike, *, max_commute_km: float | None = None, person: PersonFacts | None = None
) -> SeekerProfile:
    """The profile a CV describes (for scoring CVs against a vacancy with the same features)."""
    level = cv.education_level if cv.education_level in EDUCATION_LEVELS else None
    return SeekerProfile(
        text=f"{cv.title}\n{cv.text}",
        skills=tuple(cv.skills),
        desired_occupations=tuple(cv.occupation_codes),
        education_level=level,
        experience_years=cv.experience_years,
        lat=cv.lat,
        lon=cv.lon,
        region_kato=cv.region_kato,
        max_commute_km=max_commute_km,
        desired_salary=cv.salary_expected,
        schedules=tuple(cv.schedules),
        languages=tuple(cv.languages),
        person=person,
    )
