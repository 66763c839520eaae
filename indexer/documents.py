"""The documents the search engines index: plain, frozen values built by the app from its rows.

Vectors are ``numpy.ndarray`` (1-D, float32, read-only) or ``None``. Any sequence of floats is
accepted at construction and converted, so callers may pass a list or tuple; the array is left
out of ``==`` and ``hash`` (compare vectors with ``numpy.array_equal`` if you must).

Datetimes are timezone-aware UTC; naive values are taken to be UTC and made aware.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

Vector: TypeAlias = npt.NDArray[np.float32]


class DocType(StrEnum):
    VACANCIES = "vacancies"
    CVS = "cvs"


# Closed vocabularies (the same strings as the app's enums; the indexer must not import the app).
SCHEDULES = frozenset({"full_day", "shift", "flexible", "remote", "rotation"})
EMPLOYMENT_TYPES = frozenset({"full", "part", "temporary", "project", "internship", "seasonal"})
EXPERIENCES = frozenset({"none", "1_3", "3_6", "6_plus"})
KINDS = frozenset({"regular", "social_job", "youth_practice", "public_works", "disability_quota"})
VACANCY_STATUSES = frozenset({"draft", "published", "closed", "archived"})
VISIBILITIES = frozenset({"public", "centres", "hidden"})
LANGS = frozenset({"kk", "ru", "en"})


def as_vector(values: Any) -> Vector | None:
    """A read-only 1-D float32 copy of ``values`` (``None`` stays ``None``)."""
    if values is None:
        return None
    arr = np.array(values, dtype=np.float32)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"vector: expected a non-empty 1-D sequence, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("vector: contains NaN or infinity")
    arr.setflags(write=False)
    return arr


def as_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def occupation_path(code: str | None) -> tuple[str, ...]:
    """ISCO-08 prefixes of ``code``: ``"2512"`` → ``("2", "25", "251", "2512")``.

    Indexed as a multi-valued keyword so a filter on any level (major group to unit group) is
    one exact term lookup.
    """
    if not code:
        return ()
    return tuple(code[:i] for i in range(1, len(code) + 1))


def _check(
    name: str, value: str | None, allowed: frozenset[str], *, optional: bool = False
) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise ValueError(f"{name}: {value!r} is not one of {sorted(allowed)}")


def _check_geo(lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise ValueError("lat/lon: give both or neither")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"lat/lon: ({lat}, {lon}) is out of range")


@dataclass(frozen=True, slots=True)
class VacancyDocument:
    id: int
    title: str
    employer_id: int
    region_kato: str
    source: str = "employer"
    external_id: str | None = None
    description: str = ""
    employer_name: str = ""
    occupation_code: str | None = None
    locality_kato: str | None = None
    lat: float | None = None
    lon: float | None = None
    salary_from: int | None = None
    salary_to: int | None = None
    schedule: str = "full_day"
    employment_type: str = "full"
    experience: str = "none"
    education: str | None = None
    kind: str = "regular"
    hazardous: bool = False
    status: str = "published"
    published_at: datetime | None = None
    expires_at: datetime | None = None
    skills: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    places: int = 1
    lang: str | None = None
    duplicate_group: int | None = None
    vector: Vector | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _check("schedule", self.schedule, SCHEDULES)
        _check("employment_type", self.employment_type, EMPLOYMENT_TYPES)
        _check("experience", self.experience, EXPERIENCES)
        _check("kind", self.kind, KINDS)
        _check("status", self.status, VACANCY_STATUSES)
        _check("lang", self.lang, LANGS, optional=True)
        _check_geo(self.lat, self.lon)
        object.__setattr__(self, "skills", tuple(self.skills))
        object.__setattr__(self, "languages", tuple(self.languages))
        object.__setattr__(self, "published_at", as_utc(self.published_at))
        object.__setattr__(self, "expires_at", as_utc(self.expires_at))
        object.__setattr__(self, "vector", as_vector(self.vector))

    @property
    def occupation_path(self) -> tuple[str, ...]:
        return occupation_path(self.occupation_code)


@dataclass(frozen=True, slots=True)
class CvDocument:
    """A CV. ``visibility == "hidden"`` CVs are never indexed: upsert removes them instead."""

    id: int
    seeker_id: int
    title: str
    region_kato: str
    text: str = ""
    skills: tuple[str, ...] = ()
    occupation_codes: tuple[str, ...] = ()
    locality_kato: str | None = None
    lat: float | None = None
    lon: float | None = None
    salary_expected: int | None = None
    schedules: tuple[str, ...] = ()
    experience_years: float = 0.0
    education_level: str | None = None
    languages: tuple[str, ...] = ()
    visibility: str = "centres"
    status: str = "job_seeker"
    updated_at: datetime | None = None
    lang: str | None = None
    vector: Vector | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _check("visibility", self.visibility, VISIBILITIES)
        _check("lang", self.lang, LANGS, optional=True)
        for schedule in self.schedules:
            _check("schedules", schedule, SCHEDULES)
        _check_geo(self.lat, self.lon)
        if self.experience_years < 0:
            raise ValueError("experience_years: negative")
        object.__setattr__(self, "skills", tuple(self.skills))
        object.__setattr__(self, "occupation_codes", tuple(self.occupation_codes))
        object.__setattr__(self, "schedules", tuple(self.schedules))
        object.__setattr__(self, "languages", tuple(self.languages))
        object.__setattr__(self, "updated_at", as_utc(self.updated_at))
        object.__setattr__(self, "vector", as_vector(self.vector))

    @property
    def occupation_path(self) -> tuple[str, ...]:
        """Every ISCO prefix of every occupation code, deduplicated, in order."""
        seen: dict[str, None] = {}
        for code in self.occupation_codes:
            seen.update(dict.fromkeys(occupation_path(code)))
        return tuple(seen)


Document: TypeAlias = VacancyDocument | CvDocument


def document_class(doc_type: DocType) -> type[VacancyDocument] | type[CvDocument]:
    return VacancyDocument if doc_type is DocType.VACANCIES else CvDocument


def check_documents(doc_type: DocType, docs: Sequence[Document]) -> None:
    """Raise ``TypeError`` when a document of the wrong class is given for ``doc_type``."""
    cls = document_class(doc_type)
    for doc in docs:
        if not isinstance(doc, cls):
            raise TypeError(f"{doc_type.value}: expected {cls.__name__}, got {type(doc).__name__}")
