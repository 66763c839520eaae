"""Mapping as code: the engine-neutral field values of a document.

Both backends index exactly these values (the embedded schema and the Elasticsearch mapping
name the same fields), so filters, facets and sorting mean the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from indexer.analysis import Analyzer, analysed
from indexer.documents import CvDocument, DocType, Document, VacancyDocument

# Analysed full-text fields and their boosts: a title match outranks a description match.
TEXT_BOOSTS: dict[str, float] = {"title": 3.0, "skills_text": 1.5, "body": 1.0}

KEYWORD_FIELDS: dict[DocType, tuple[str, ...]] = {
    DocType.VACANCIES: (
        "region_kato",
        "locality_kato",
        "occupation_code",
        "occupation_path",
        "kind",
        "schedule",
        "employment_type",
        "experience",
        "education",
        "source",
        "lang",
        "skills",
        "languages",
        "status",
    ),
    DocType.CVS: (
        "region_kato",
        "locality_kato",
        "occupation_codes",
        "occupation_path",
        "schedules",
        "education_level",
        "visibility",
        "status",
        "lang",
        "skills",
        "languages",
    ),
}


@dataclass(frozen=True, slots=True)
class FieldValues:
    id: int
    text: dict[str, str]  # TEXT_BOOSTS field -> analysed terms joined by spaces
    keywords: dict[str, tuple[str, ...]]  # KEYWORD_FIELDS -> values (none: empty tuple)
    salary_lo: int | None
    salary_hi: int | None
    date: datetime | None  # published_at (vacancies) / updated_at (CVs)
    lat: float | None
    lon: float | None
    hazardous: bool


def _opt(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def salary_range(low: int | None, high: int | None) -> tuple[int | None, int | None]:
    """``(lo, hi)`` of whichever bounds are given (see ``indexer.query`` for the overlap rule)."""
    given = [v for v in (low, high) if v is not None]
    if not given:
        return None, None
    return min(given), max(given)


def text_inputs(doc: Document) -> dict[str, str]:
    """The raw text behind each ``TEXT_BOOSTS`` field (analysed with ``doc.lang``)."""
    if isinstance(doc, VacancyDocument):
        body = f"{doc.description}\n{doc.employer_name}" if doc.employer_name else doc.description
    else:
        body = doc.text
    return {"title": doc.title, "skills_text": "\n".join(doc.skills), "body": body}


def analyse_texts(doc: Document, analyzer: Analyzer) -> dict[str, str]:
    return {name: analysed(analyzer, raw, doc.lang) for name, raw in text_inputs(doc).items()}


def field_values(
    doc: Document, analyzer: Analyzer, texts: dict[str, str] | None = None
) -> FieldValues:
    """``texts``: the analysed text when already known (reused from a previous generation)."""
    if texts is None:
        texts = analyse_texts(doc, analyzer)
    if isinstance(doc, VacancyDocument):
        return _vacancy(doc, texts)
    return _cv(doc, texts)


def _vacancy(doc: VacancyDocument, texts: dict[str, str]) -> FieldValues:
    lo, hi = salary_range(doc.salary_from, doc.salary_to)
    return FieldValues(
        id=doc.id,
        text=texts,
        keywords={
            "region_kato": (doc.region_kato,),
            "locality_kato": _opt(doc.locality_kato),
            "occupation_code": _opt(doc.occupation_code),
            "occupation_path": doc.occupation_path,
            "kind": (doc.kind,),
            "schedule": (doc.schedule,),
            "employment_type": (doc.employment_type,),
            "experience": (doc.experience,),
            "education": _opt(doc.education),
            "source": _opt(doc.source),
            "lang": _opt(doc.lang),
            "skills": doc.skills,
            "languages": doc.languages,
            "status": (doc.status,),
        },
        salary_lo=lo,
        salary_hi=hi,
        date=doc.published_at,
        lat=doc.lat,
        lon=doc.lon,
        hazardous=doc.hazardous,
    )


def _cv(doc: CvDocument, texts: dict[str, str]) -> FieldValues:
    return FieldValues(
        id=doc.id,
        text=texts,
        keywords={
            "region_kato": (doc.region_kato,),
            "locality_kato": _opt(doc.locality_kato),
            "occupation_codes": doc.occupation_codes,
            "occupation_path": doc.occupation_path,
            "schedules": doc.schedules,
            "education_level": _opt(doc.education_level),
            "visibility": (doc.visibility,),
            "status": _opt(doc.status),
            "lang": _opt(doc.lang),
            "skills": doc.skills,
            "languages": doc.languages,
        },
        salary_lo=doc.salary_expected,
        salary_hi=doc.salary_expected,
        date=doc.updated_at,
        lat=doc.lat,
        lon=doc.lon,
        hazardous=False,
    )
