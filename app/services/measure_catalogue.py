"""The measures catalogue: courses and other offers per region, kept by centre staff.

One parser (``parse_course``) serves the staff form, the API and each CSV row, so the three
accept and refuse the same input. A CSV import is all-or-nothing: every bad row is reported
with its line number and nothing is saved until the file is clean.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import MeasureCourse, MeasureKind, Region, User
from app.services.audit import record
from app.services.errors import FieldError, ValidationFailed

CSV_COLUMNS = (
    "kind",
    "title_kk",
    "title_ru",
    "provider",
    "region_kato",
    "skills",
    "occupation_code",
    "duration_months",
    "duration_days",
    "starts_on",
    "seats",
)
TITLE_MAX = 255
SKILLS_MAX = 30


@dataclass(frozen=True)
class CourseData:
    kind: MeasureKind
    title_kk: str
    title_ru: str
    provider: str
    region_id: int
    skills: tuple[str, ...]
    occupation_code: str | None
    duration_months: int | None
    duration_days: int | None
    starts_on: date | None
    seats: int | None


def _int(raw: str, name: str, low: int, high: int, errors: list[FieldError]) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        errors.append(FieldError(name, f"a whole number from {low} to {high}"))
        return None
    return int(raw)


def _regions(session: Session) -> dict[str, int]:
    return {kato: rid for rid, kato in session.execute(select(Region.id, Region.kato))}


def parse_course(
    form: Mapping[str, str], regions: Mapping[str, int], default_region: int | None = None
) -> CourseData:
    """Validate one course; ``ValidationFailed`` names every bad field."""
    errors: list[FieldError] = []
    kind_raw = (form.get("kind") or "").strip()
    kind = MeasureKind(kind_raw) if kind_raw in MeasureKind._value2member_map_ else None
    if kind is None:
        errors.append(FieldError("kind", f"one of {', '.join(k.value for k in MeasureKind)}"))
    texts = {}
    for name in ("title_kk", "title_ru", "provider"):
        value = " ".join((form.get(name) or "").split())
        if not value:
            errors.append(FieldError(name, "required"))
        elif len(value) > TITLE_MAX:
            errors.append(FieldError(name, f"at most {TITLE_MAX} characters"))
        texts[name] = value
    kato = (form.get("region_kato") or "").strip()
    region_id = regions.get(kato) if kato else default_region
    if region_id is None:
        errors.append(FieldError("region_kato", f"unknown region {kato!r}" if kato else "required"))
    skills = tuple(
        dict.fromkeys(s.strip() for s in (form.get("skills") or "").split(";") if s.strip())
    )
    if len(skills) > SKILLS_MAX:
        errors.append(FieldError("skills", f"at most {SKILLS_MAX} skills, separated by ';'"))
    code = (form.get("occupation_code") or "").strip() or None
    if code is not None and (not code.isdigit() or len(code) > 4):
        errors.append(FieldError("occupation_code", "an ISCO-08 code of 1-4 digits"))
    months = _int(form.get("duration_months") or "", "duration_months", 1, 48, errors)
    days = _int(form.get("duration_days") or "", "duration_days", 1, 365, errors)
    starts_on = None
    raw_start = (form.get("starts_on") or "").strip()
    if raw_start:
        try:
            starts_on = date.fromisoformat(raw_start)
        except ValueError:
            errors.append(FieldError("starts_on", "a date as YYYY-MM-DD"))
    seats = _int(form.get("seats") or "", "seats", 1, 10_000, errors)
    if errors:
        raise ValidationFailed(errors)
    assert kind is not None and region_id is not None
    return CourseData(
        kind, texts["title_kk"], texts["title_ru"], texts["provider"], region_id,
        skills, code, months, days, starts_on, seats,
    )  # fmt: skip


def _apply(course: MeasureCourse, data: CourseData) -> None:
    course.kind = data.kind
    course.title_kk, course.title_ru, course.provider = data.title_kk, data.title_ru, data.provider
    course.region_id = data.region_id
    course.skills = list(data.skills)
    course.occupation_code = data.occupation_code
    course.duration_months, course.duration_days = data.duration_months, data.duration_days
    course.starts_on, course.seats = data.starts_on, data.seats


def staff_region(session: Session, staff: User) -> int | None:
    centre = staff.centre
    return centre.region_id if centre is not None else None


def add_course(session: Session, staff: User, form: Mapping[str, str]) -> MeasureCourse:
    data = parse_course(form, _regions(session), staff_region(session, staff))
    course = MeasureCourse(centre_id=staff.centre_id)
    _apply(course, data)
    session.add(course)
    session.flush()
    record(
        session,
        user=staff,
        action="measure_course:add",
        entity_type="measure_course",
        entity_id=course.id,
    )
    return course


def update_course(
    session: Session, staff: User, course: MeasureCourse, form: Mapping[str, str]
) -> None:
    _apply(course, parse_course(form, _regions(session), course.region_id))
    record(
        session,
        user=staff,
        action="measure_course:edit",
        entity_type="measure_course",
        entity_id=course.id,
    )


def set_active(session: Session, staff: User, course: MeasureCourse, active: bool) -> None:
    course.active = active
    action = "measure_course:" + ("open" if active else "close")
    record(session, user=staff, action=action, entity_type="measure_course", entity_id=course.id)


def import_courses(session: Session, staff: User, text: str) -> list[MeasureCourse]:
    """Add every row of a CSV (header ``CSV_COLUMNS``; skills separated by ';').

    ``ValidationFailed`` lists every bad row as ``line N: field: message``; nothing is added.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    missing = [c for c in ("kind", "title_kk", "title_ru", "provider") if c not in header]
    if missing:
        raise ValidationFailed([FieldError("file", f"missing columns: {', '.join(missing)}")])
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise ValidationFailed([FieldError("file", f"unknown columns: {', '.join(unknown)}")])
    regions = _regions(session)
    default = staff_region(session, staff)
    parsed: list[CourseData] = []
    errors: list[FieldError] = []
    for line, row in enumerate(reader, start=2):
        try:
            parsed.append(parse_course({k: v or "" for k, v in row.items() if k}, regions, default))
        except ValidationFailed as exc:
            errors += [FieldError(f"line {line}: {e.field}", e.message) for e in exc.errors]
    if errors:
        raise ValidationFailed(errors)
    if not parsed:
        raise ValidationFailed([FieldError("file", "no rows")])
    courses = []
    for data in parsed:
        course = MeasureCourse(centre_id=staff.centre_id)
        _apply(course, data)
        session.add(course)
        courses.append(course)
    session.flush()
    record(
        session,
        user=staff,
        action="measure_course:import",
        entity_type="measure_course",
        count=len(courses),
    )
    return courses


def courses_in(
    session: Session, region_id: int | None, active_only: bool = True
) -> list[MeasureCourse]:
    stmt = select(MeasureCourse).order_by(
        MeasureCourse.kind, MeasureCourse.title_ru, MeasureCourse.id
    )
    if region_id is not None:
        stmt = stmt.where(MeasureCourse.region_id == region_id)
    if active_only:
        stmt = stmt.where(MeasureCourse.active.is_(True))
    return list(session.execute(stmt).scalars())
