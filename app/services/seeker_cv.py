"""A job seeker edits their own profile and CV: wishes, skills, education, work history, and who
may see the CV (public needs a recorded consent). Changes go through the session, so the outbox
re-indexes the CV on commit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Cv,
    CvVisibility,
    EducationEntry,
    EducationLevel,
    Occupation,
    Schedule,
    Seeker,
    WorkExperience,
)
from app.services.errors import FieldError, ValidationFailed

MAX_SALARY = 100_000_000
MAX_COMMUTE_KM = 500
MAX_ITEMS = 30
LANGUAGES = ("kk", "ru", "en", "tr", "zh", "de", "uz", "ky")


@dataclass
class ProfileForm:
    desired_occupations: list[str] = field(default_factory=list)
    skills: str = ""
    desired_salary: str = ""
    desired_schedules: list[str] = field(default_factory=list)
    max_commute_km: str = ""
    languages: list[str] = field(default_factory=list)
    cv_title: str = ""
    cv_summary: str = ""
    visibility: str = CvVisibility.CENTRES.value
    consent_publish: bool = False


def split_skills(text: str) -> list[str]:
    """Skills typed comma-separated or one per line, trimmed, without repeats."""
    out: list[str] = []
    for part in re.split(r"[,;\n]", text):
        skill = " ".join(part.split())[:80]
        if skill and skill.lower() not in (s.lower() for s in out):
            out.append(skill)
    return out


def _whole(name: str, raw: str, high: int) -> int | None:
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if not text.isdigit() or int(text) > high:
        raise FieldError(name, f"enter a whole number from 0 to {high}")
    return int(text)


def find_occupations(session: Session, text: str, limit: int = 15) -> list[Occupation]:
    """Unit groups whose names or synonyms (Kazakh, Russian, English) contain every word typed.
    Matched in Python: SQLite's lower() leaves Cyrillic as it is, and the table is small."""
    words = text.casefold().split()[:4]
    if not words:
        return []
    found: list[Occupation] = []
    rows = session.scalars(
        select(Occupation).where(Occupation.level == 4).order_by(Occupation.code)
    )
    for occupation in rows:
        names = " ".join(
            [
                occupation.name_kk,
                occupation.name_ru,
                occupation.name_en,
                *occupation.synonyms_kk,
                *occupation.synonyms_ru,
                *occupation.synonyms_en,
            ]
        ).casefold()
        if all(word in names for word in words):
            found.append(occupation)
            if len(found) >= limit:
                break
    return found


def save_profile(
    session: Session, seeker: Seeker, form: ProfileForm, now: datetime | None = None
) -> Seeker:
    """Validate the whole form, then apply it (nothing changes when a field is wrong)."""
    now = now or datetime.now(UTC)
    errors: list[FieldError] = []
    codes = list(dict.fromkeys(c for c in form.desired_occupations if c))[:MAX_ITEMS]
    if codes:
        known = set(session.scalars(select(Occupation.code).where(Occupation.code.in_(codes))))
        if unknown := [c for c in codes if c not in known]:
            errors.append(FieldError("desired_occupations", f"unknown: {', '.join(unknown)}"))
    salary = commute = None
    try:
        salary = _whole("desired_salary", form.desired_salary, MAX_SALARY)
    except FieldError as exc:
        errors.append(exc)
    try:
        commute = _whole("max_commute_km", form.max_commute_km, MAX_COMMUTE_KM)
    except FieldError as exc:
        errors.append(exc)
    schedules = [s for s in dict.fromkeys(form.desired_schedules)]
    if any(s not in {x.value for x in Schedule} for s in schedules):
        errors.append(FieldError("desired_schedules", "unknown schedule"))
    languages = [lang for lang in dict.fromkeys(form.languages)]
    if any(lang not in LANGUAGES for lang in languages):
        errors.append(FieldError("languages", "unknown language"))
    title = " ".join(form.cv_title.split())
    summary = form.cv_summary.strip()
    if len(title) > 255:
        errors.append(FieldError("cv_title", "must be at most 255 characters"))
    if len(summary) > 5000:
        errors.append(FieldError("cv_summary", "must be at most 5000 characters"))
    known_visibility = form.visibility in {v.value for v in CvVisibility}
    if not known_visibility:
        errors.append(FieldError("visibility", "choose one"))
    visibility = CvVisibility(form.visibility) if known_visibility else CvVisibility.CENTRES
    cv = seeker.cv
    consented = form.consent_publish or (cv is not None and cv.consent_publish_at is not None)
    if visibility is CvVisibility.PUBLIC and not consented:
        errors.append(FieldError("consent_publish", "a public CV needs your consent"))
    if (summary or visibility is not CvVisibility.CENTRES) and not title:
        errors.append(FieldError("cv_title", "give the CV a title"))
    if errors:
        raise ValidationFailed(errors)
    seeker.desired_occupations = codes
    seeker.skills = split_skills(form.skills)[:MAX_ITEMS]
    seeker.desired_salary = salary
    seeker.desired_schedules = schedules
    seeker.max_commute_km = commute
    seeker.languages = languages
    if title:
        if cv is None:
            cv = Cv(title=title, summary=summary, visibility=visibility)
            seeker.cv = cv
        cv.title, cv.summary, cv.visibility = title, summary, visibility
        if form.consent_publish and cv.consent_publish_at is None:
            cv.consent_publish_at = now
        if not form.consent_publish and visibility is not CvVisibility.PUBLIC:
            cv.consent_publish_at = None  # consent withdrawn with the public setting
    session.flush()
    return seeker


def _date(name: str, raw: str, required: bool) -> date | None:
    raw = raw.strip()
    if not raw:
        if required:
            raise FieldError(name, "is required")
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise FieldError(name, "enter a date (YYYY-MM-DD)") from None
    if value > date.today() or value.year < 1940:
        raise FieldError(name, "enter a date between 1940 and today")
    return value


def add_education(
    session: Session,
    seeker: Seeker,
    *,
    level: str,
    institution: str,
    specialty_name: str,
    graduated_on: str,
) -> EducationEntry:
    errors: list[FieldError] = []
    if level not in {v.value for v in EducationLevel}:
        errors.append(FieldError("level", "choose one"))
    try:
        graduated = _date("graduated_on", graduated_on, required=False)
    except FieldError as exc:
        errors.append(exc)
    if len(institution) > 255 or len(specialty_name) > 255:
        errors.append(FieldError("institution", "must be at most 255 characters"))
    if errors:
        raise ValidationFailed(errors)
    entry = EducationEntry(
        level=EducationLevel(level),
        institution=" ".join(institution.split()) or None,
        specialty_name=" ".join(specialty_name.split()) or None,
        graduated_on=graduated,
    )
    seeker.education.append(entry)
    session.flush()
    return entry


def add_work(
    session: Session,
    seeker: Seeker,
    *,
    employer_name: str,
    position: str,
    started_on: str,
    ended_on: str,
    description: str,
) -> WorkExperience:
    errors: list[FieldError] = []
    employer = " ".join(employer_name.split())
    title = " ".join(position.split())
    if not employer or len(employer) > 255:
        errors.append(FieldError("employer_name", "is required (at most 255 characters)"))
    if not title or len(title) > 255:
        errors.append(FieldError("position", "is required (at most 255 characters)"))
    started = ended = None
    try:
        started = _date("started_on", started_on, required=True)
    except FieldError as exc:
        errors.append(exc)
    try:
        ended = _date("ended_on", ended_on, required=False)
    except FieldError as exc:
        errors.append(exc)
    if started and ended and ended < started:
        errors.append(FieldError("ended_on", "must not be before the start"))
    if errors or started is None:
        raise ValidationFailed(errors)
    entry = WorkExperience(
        employer_name=employer,
        position=title,
        started_on=started,
        ended_on=ended,
        description=description.strip()[:5000] or None,
    )
    seeker.work_history.append(entry)
    session.flush()
    return entry


def remove_entry(session: Session, seeker: Seeker, kind: str, entry_id: int) -> bool:
    """Remove one of the seeker's own education or work entries; False if not theirs."""
    entries: list[EducationEntry] | list[WorkExperience]
    entries = seeker.education if kind == "education" else seeker.work_history
    for entry in entries:
        if entry.id == entry_id:
            session.delete(entry)
            session.flush()
            return True
    return False
