"""Creating and changing vacancies with every field checked (pages, API and imports use this)."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    EducationLevel,
    Employer,
    EmploymentType,
    Experience,
    Locality,
    Occupation,
    Region,
    Schedule,
    Vacancy,
    VacancyKind,
    VacancySource,
    VacancyStatus,
)
from app.models.base import utcnow
from app.services.duplicates import mark_if_duplicate
from app.services.errors import FieldError, LimitExceeded, ValidationFailed
from matching.rules.params import params_for

MAX_TITLE = 255
MAX_DESCRIPTION = 20_000
MAX_SALARY = 100_000_000
MAX_PLACES = 10_000
MAX_SKILLS = 50
DEFAULT_LIFETIME = timedelta(days=30)
NO_HAZARDOUS_KINDS = frozenset({VacancyKind.SOCIAL_JOB, VacancyKind.YOUTH_PRACTICE})

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
_UNCLOSED_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*$")
_SCRIPT = re.compile(r"(?is)<\s*(script|style)\b.*?(<\s*/\s*\1\s*>|$)")
_BLOCK = re.compile(r"(?i)<\s*(br|/p|/li|/h\d|/div)\s*/?>")


def html_to_text(value: str) -> str:
    """Plain text from (possibly hostile) HTML: tags dropped, entities decoded, paragraphs kept.

    Entities are decoded before tags are stripped, so that an encoded ``&lt;script&gt;`` is
    stripped too; a tag left unclosed at the end is dropped; "5 < 10" stays text.
    """
    text = html.unescape(value)
    text = _BLOCK.sub("\n", _SCRIPT.sub("", text))
    text = _UNCLOSED_TAG.sub("", _TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


@dataclass
class VacancyInput:
    """What an employer, a centre or an import provides; unset fields keep their values."""

    title: str | None = None
    description: str | None = None
    occupation_code: str | None = None
    locality_kato: str | None = None
    region_kato: str | None = None
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    salary_from: int | None = None
    salary_to: int | None = None
    schedule: str | None = None
    employment_type: str | None = None
    experience: str | None = None
    education_level: str | None = None
    skills: list[str] | None = None
    languages: list[str] | None = None
    places: int | None = None
    kind: str | None = None
    hazardous: bool | None = None
    max_duration_months: int | None = None
    expires_at: datetime | None = None
    lang: str | None = None
    source_url: str | None = None
    set_fields: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, **values: Any) -> VacancyInput:
        """An input where exactly the given keys are set (None included: it clears a field)."""
        return cls(**values, set_fields=frozenset(values))


def without_invisible(text: str) -> str:
    """Text without format characters (zero-width spaces and joiners, BOMs, direction marks):
    a title made only of them is empty."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _enum(name: str, enum_cls: Any, value: str, errors: list[FieldError]) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        errors.append(FieldError(name, f"{value!r} is not one of: {allowed}"))
        return None


def _clean_list(name: str, values: list[str], errors: list[FieldError]) -> list[str]:
    out: list[str] = []
    for value in values:
        if not isinstance(value, str):
            errors.append(FieldError(name, "must be a list of strings"))
            return []
        cleaned = " ".join(html_to_text(value).split())[:100]
        if cleaned and cleaned.lower() not in {v.lower() for v in out}:
            out.append(cleaned)
    if len(out) > MAX_SKILLS:
        errors.append(FieldError(name, f"at most {MAX_SKILLS} entries"))
    return out


def _apply_text(vacancy: Vacancy, data: VacancyInput, errors: list[FieldError]) -> None:
    given = data.set_fields
    if "title" in given:
        title = " ".join(without_invisible(html_to_text(data.title or "")).split())
        if not title:
            errors.append(FieldError("title", "is required"))
        elif len(title) > MAX_TITLE:
            errors.append(FieldError("title", f"at most {MAX_TITLE} characters"))
        vacancy.title = title[:MAX_TITLE]
    if "description" in given:
        description = html_to_text(data.description or "")
        if len(description) > MAX_DESCRIPTION:
            errors.append(FieldError("description", f"at most {MAX_DESCRIPTION} characters"))
        vacancy.description = description[:MAX_DESCRIPTION]
    for name in ("skills", "languages"):
        if name in given:
            setattr(vacancy, name, _clean_list(name, getattr(data, name) or [], errors))
    if "lang" in given:
        if data.lang not in (None, "kk", "ru", "en"):
            errors.append(FieldError("lang", "must be kk, ru or en"))
        vacancy.lang = data.lang
    for name in ("address", "source_url"):
        if name in given:
            setattr(vacancy, name, (getattr(data, name) or "")[:255] or None)


def _apply_place(
    session: Session, vacancy: Vacancy, data: VacancyInput, errors: list[FieldError]
) -> None:
    given = data.set_fields
    if "locality_kato" in given and data.locality_kato:
        locality = session.execute(
            select(Locality).where(Locality.kato == data.locality_kato)
        ).scalar_one_or_none()
        if locality is None:
            errors.append(FieldError("locality_kato", f"unknown KATO code {data.locality_kato!r}"))
        else:
            vacancy.locality_id = locality.id
            vacancy.region_id = locality.region_id
            if "lat" not in given:
                vacancy.lat, vacancy.lon = locality.lat, locality.lon
    elif "region_kato" in given and data.region_kato:
        region = session.execute(
            select(Region).where(Region.kato == data.region_kato)
        ).scalar_one_or_none()
        if region is None:
            errors.append(FieldError("region_kato", f"unknown KATO code {data.region_kato!r}"))
        else:
            vacancy.region_id = region.id
            vacancy.locality_id = None
            if "lat" not in given:
                vacancy.lat, vacancy.lon = region.lat, region.lon
    if vacancy.region_id is None:
        errors.append(FieldError("locality_kato", "a locality or region is required"))
    if "lat" in given or "lon" in given:
        if (data.lat is None) != (data.lon is None):
            errors.append(FieldError("lat", "give both lat and lon, or neither"))
        elif data.lat is not None and data.lon is not None:
            if not (40.0 <= data.lat <= 56.0 and 46.0 <= data.lon <= 88.0):
                errors.append(FieldError("lat", "coordinates are outside Kazakhstan"))
            vacancy.lat, vacancy.lon = data.lat, data.lon


def _apply_terms(
    session: Session, vacancy: Vacancy, data: VacancyInput, errors: list[FieldError], on: date
) -> None:
    given = data.set_fields
    for name in ("salary_from", "salary_to"):
        if name in given:
            value = getattr(data, name)
            if value is not None and (not isinstance(value, int) or not 0 <= value <= MAX_SALARY):
                errors.append(FieldError(name, f"must be a whole number of tenge, 0..{MAX_SALARY}"))
                continue
            setattr(vacancy, name, value)
    low, high = vacancy.salary_from, vacancy.salary_to
    if low is not None and high is not None and low > high:
        errors.append(FieldError("salary_from", "is greater than salary_to"))
    enums = {
        "schedule": Schedule,
        "employment_type": EmploymentType,
        "experience": Experience,
        "education_level": EducationLevel,
        "kind": VacancyKind,
    }
    for name, enum_cls in enums.items():
        value = getattr(data, name)
        if name in given and value is not None:
            parsed = _enum(name, enum_cls, value, errors)
            if parsed is not None:
                setattr(vacancy, name, parsed)
    if "occupation_code" in given:
        code = data.occupation_code
        if code is not None and session.get(Occupation, code) is None:
            errors.append(FieldError("occupation_code", f"unknown ISCO-08 code {code!r}"))
        else:
            vacancy.occupation_code = code
    if "places" in given:
        if not isinstance(data.places, int) or not 1 <= data.places <= MAX_PLACES:
            errors.append(FieldError("places", f"must be a whole number 1..{MAX_PLACES}"))
        else:
            vacancy.places = data.places
    if "hazardous" in given and data.hazardous is not None:
        vacancy.hazardous = bool(data.hazardous)
    if vacancy.hazardous and vacancy.kind in NO_HAZARDOUS_KINDS:
        errors.append(
            FieldError(
                "hazardous", f"{vacancy.kind.value} places may not be heavy or hazardous work"
            )
        )
    if "max_duration_months" in given:
        months = data.max_duration_months
        if months is not None and (not isinstance(months, int) or months < 1):
            errors.append(FieldError("max_duration_months", "must be a positive whole number"))
        else:
            vacancy.max_duration_months = months
    errors.extend(rule_limits(vacancy, on))
    vacancy.apply_kind_defaults(on)
    if "expires_at" in given:
        vacancy.expires_at = data.expires_at


def offered_wage(vacancy: Vacancy) -> tuple[str, int] | None:
    """The monthly pay the rules compare (the lower bound, else the upper), and its field;
    the referral assessment reads the same figure (``app.services.referrals.offer_terms``)."""
    if vacancy.salary_from is not None:
        return "salary_from", vacancy.salary_from
    if vacancy.salary_to is not None:
        return "salary_to", vacancy.salary_to
    return None


def rule_limits(vacancy: Vacancy, on: date) -> list[LimitExceeded]:
    """What the programme rules in force ``on`` refuse: a programme place longer than its
    legal maximum, and a full-time vacancy posted by an employer or a centre that pays less
    than the minimum wage (imported listings are other sites' data and are kept as they are)."""
    p = params_for(on)
    found: list[LimitExceeded] = []
    kind = vacancy.kind.value
    limit = p.max_duration_months(kind)
    months = vacancy.max_duration_months
    if limit is not None and months is not None and months > limit:
        found.append(
            LimitExceeded(
                "max_duration_months",
                f"a {kind} lasts at most {limit} months under the programme rules",
                rule=f"{kind}_max_months",
                limit=limit,
            )
        )
    wage = offered_wage(vacancy)
    own = vacancy.source in (VacancySource.EMPLOYER, VacancySource.CENTRE)
    if own and wage is not None and vacancy.employment_type is EmploymentType.FULL:
        minimum = p.minimum_wage(on)
        if wage[1] < minimum:
            found.append(
                LimitExceeded(
                    wage[0],
                    f"a full-time vacancy pays at least the minimum wage, {minimum} tenge a month",
                    rule="minimum_wage",
                    limit=minimum,
                )
            )
    return found


def part_time_below_minimum(vacancy: Vacancy, on: date | None = None) -> int | None:
    """The minimum wage when a part-time (or other not full-time) vacancy pays less than it:
    allowed, since pay follows the hours, but worth a warning to the employer."""
    wage = offered_wage(vacancy)
    minimum = params_for(on or date.today()).minimum_wage(on or date.today())
    if wage is None or vacancy.employment_type is EmploymentType.FULL or wage[1] >= minimum:
        return None
    return minimum


def apply_input(
    session: Session, vacancy: Vacancy, data: VacancyInput, on: date | None = None
) -> None:
    """Copy the set fields onto ``vacancy``; raises ValidationFailed listing every bad field.
    The programme rules checked are those in force ``on`` (default: today)."""
    errors: list[FieldError] = []
    _apply_text(vacancy, data, errors)
    _apply_place(session, vacancy, data, errors)
    _apply_terms(session, vacancy, data, errors, on or date.today())
    if errors:
        raise ValidationFailed(errors)


def create_vacancy(
    session: Session,
    employer: Employer,
    data: VacancyInput,
    *,
    source: VacancySource = VacancySource.EMPLOYER,
    external_id: str | None = None,
    publish: bool = True,
    centre_id: int | None = None,
    created_by_id: int | None = None,
    on: date | None = None,
) -> Vacancy:
    missing = [] if "title" in data.set_fields else [FieldError("title", "is required")]
    if "locality_kato" not in data.set_fields and "region_kato" not in data.set_fields:
        missing.append(FieldError("locality_kato", "a locality or region is required"))
    if missing:
        raise ValidationFailed(missing)
    vacancy = Vacancy(
        employer=employer,
        source=source,
        external_id=external_id,
        centre_id=centre_id,
        created_by_id=created_by_id,
        status=VacancyStatus.DRAFT,
        kind=VacancyKind.REGULAR,
        schedule=Schedule.FULL_DAY,
        employment_type=EmploymentType.FULL,
        experience=Experience.NONE,
        places=1,
        hazardous=False,
        skills=[],
        languages=[],
        description="",
    )
    apply_input(session, vacancy, data, on)
    if publish:
        publish_vacancy(vacancy)
    session.add(vacancy)
    session.flush()
    mark_if_duplicate(session, vacancy)
    return vacancy


def publish_vacancy(vacancy: Vacancy, now: datetime | None = None) -> None:
    now = now or utcnow()
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.published_at = vacancy.published_at or now
    if vacancy.expires_at is None or vacancy.expires_at <= now:
        vacancy.expires_at = now + DEFAULT_LIFETIME


def close_vacancy(vacancy: Vacancy) -> None:
    vacancy.status = VacancyStatus.CLOSED


def input_field_names() -> list[str]:
    return [f.name for f in fields(VacancyInput) if f.name != "set_fields"]
