"""Filters as engine-neutral clauses over the fields of ``indexer.fields``.

Each backend compiles these few clause kinds into its own query language, so a filter's meaning
is written once, here. Clauses are AND-ed. The geo radius is not a clause: Elasticsearch has
``geo_distance``, the embedded engine covers the circle with quadtree cells (``indexer.geo``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from indexer.documents import DocType
from indexer.query import Filters

Scalar = str | int


@dataclass(frozen=True, slots=True)
class AnyOf:
    """The field has at least one of the values."""

    field: str
    values: tuple[Scalar, ...]


@dataclass(frozen=True, slots=True)
class NoneOf:
    """The field has none of the values."""

    field: str
    values: tuple[Scalar, ...]


@dataclass(frozen=True, slots=True)
class Range:
    """The field has a value within the inclusive bounds (documents without one fail)."""

    field: str
    gte: int | float | datetime | None = None
    lte: int | float | datetime | None = None


@dataclass(frozen=True, slots=True)
class IsFalse:
    field: str


Clause = AnyOf | NoneOf | Range | IsFalse

# Filters attribute -> keyword field, per document type.
_KEYWORD_FILTERS: dict[DocType, tuple[tuple[str, str], ...]] = {
    DocType.VACANCIES: (
        ("region_katos", "region_kato"),
        ("locality_katos", "locality_kato"),
        ("occupation_codes", "occupation_path"),
        ("kinds", "kind"),
        ("schedules", "schedule"),
        ("employment_types", "employment_type"),
        ("experiences", "experience"),
    ),
    DocType.CVS: (
        ("region_katos", "region_kato"),
        ("locality_katos", "locality_kato"),
        ("occupation_codes", "occupation_path"),
        ("schedules", "schedules"),
        ("visibility", "visibility"),
    ),
}


def filter_clauses(doc_type: DocType, filters: Filters) -> list[Clause]:
    filters.check_for(doc_type)
    clauses: list[Clause] = []
    for attr, field_name in _KEYWORD_FILTERS[doc_type]:
        values: tuple[str, ...] = getattr(filters, attr)
        if values:
            clauses.append(AnyOf(field_name, values))
    statuses = filters.statuses_for(doc_type)
    if statuses:
        clauses.append(AnyOf("status", statuses))
    if filters.salary_min is not None:
        clauses.append(Range("salary_hi", gte=filters.salary_min))
    if filters.salary_max is not None:
        clauses.append(Range("salary_lo", lte=filters.salary_max))
    if filters.published_since is not None:
        clauses.append(Range("date", gte=filters.published_since))
    if filters.exclude_hazardous:
        clauses.append(IsFalse("hazardous"))
    if filters.ids_exclude:
        clauses.append(NoneOf("id", filters.ids_exclude))
    return clauses
