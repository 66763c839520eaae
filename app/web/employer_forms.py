"""The employer pages' vocabulary (labels of the closed lists) and the vacancy form: reading it
into ``VacancyInput`` and turning the service's field errors into sentences next to the field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from flask_babel import LazyString, lazy_gettext
from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload
from werkzeug.datastructures import MultiDict

from app.models import Occupation, Region, Vacancy
from app.services.errors import FieldError, LimitExceeded
from app.services.vacancies import MAX_PLACES, VacancyInput
from app.web.locale_format import sorted_by_name
from app.web.public_labels import money

KINDS = {
    "regular": lazy_gettext("Regular job"),
    "social_job": lazy_gettext("Social job"),
    "youth_practice": lazy_gettext("Youth practice"),
    "public_works": lazy_gettext("Public works"),
    "disability_quota": lazy_gettext("Place for people with disabilities"),
}
STATUSES = {
    "draft": lazy_gettext("Draft"),
    "published": lazy_gettext("Published"),
    "closed": lazy_gettext("Closed"),
    "archived": lazy_gettext("Archived"),
}
SCHEDULES = {
    "full_day": lazy_gettext("Full day"),
    "shift": lazy_gettext("Shifts"),
    "flexible": lazy_gettext("Flexible hours"),
    "remote": lazy_gettext("Remote work"),
    "rotation": lazy_gettext("Rotation (fly-in fly-out)"),
}
EMPLOYMENT_TYPES = {
    "full": lazy_gettext("Full-time"),
    "part": lazy_gettext("Part-time"),
    "temporary": lazy_gettext("Temporary"),
    "project": lazy_gettext("Project work"),
    "internship": lazy_gettext("Internship"),
    "seasonal": lazy_gettext("Seasonal"),
}
EXPERIENCES = {
    "none": lazy_gettext("No experience needed"),
    "1_3": lazy_gettext("1 to 3 years"),
    "3_6": lazy_gettext("3 to 6 years"),
    "6_plus": lazy_gettext("More than 6 years"),
}
EDUCATION_LEVELS = {
    "secondary": lazy_gettext("Secondary"),
    "tipo": lazy_gettext("Technical and vocational"),
    "post_secondary": lazy_gettext("Post-secondary"),
    "higher": lazy_gettext("Higher"),
    "postgraduate": lazy_gettext("Postgraduate"),
}
LANGUAGES = {
    "kk": lazy_gettext("Kazakh"),
    "ru": lazy_gettext("Russian"),
    "en": lazy_gettext("English"),
}
APPLICATION_STATUSES = {
    "submitted": lazy_gettext("Submitted"),
    "viewed": lazy_gettext("Viewed"),
    "invited": lazy_gettext("Invited to an interview"),
    "rejected": lazy_gettext("Rejected"),
    "hired": lazy_gettext("Hired"),
    "withdrawn": lazy_gettext("Withdrawn"),
}
OUTCOMES = {
    "pending": lazy_gettext("Awaiting an answer"),
    "hired": lazy_gettext("Hired"),
    "rejected_by_employer": lazy_gettext("Rejected by the employer"),
    "refused_by_seeker": lazy_gettext("Refused by the person"),
    "no_show": lazy_gettext("Did not come"),
    "expired": lazy_gettext("Expired"),
}
OWNERSHIP_FORMS = {
    "private": lazy_gettext("Private"),
    "state": lazy_gettext("State"),
    "quasi_state": lazy_gettext("Quasi-public sector"),
    "ngo": lazy_gettext("Non-governmental organisation"),
    "individual_entrepreneur": lazy_gettext("Individual entrepreneur"),
    "foreign": lazy_gettext("Foreign"),
}
CHOOSE = lazy_gettext("Choose a value from the list.")
FIELD_MESSAGES: dict[str, LazyString] = {
    "title": lazy_gettext("Enter the job title (up to 255 characters)."),
    "description": lazy_gettext("The description is too long (up to 20,000 characters)."),
    "occupation_code": lazy_gettext("Choose an occupation from the list."),
    "locality_kato": lazy_gettext("Choose a locality."),
    "region_kato": lazy_gettext("Choose a locality."),
    "salary_from": lazy_gettext("Enter a whole number of tenge, not above the upper bound."),
    "salary_to": lazy_gettext("Enter a whole number of tenge."),
    "places": lazy_gettext("Enter a whole number from 1 to 10,000."),
    "hazardous": lazy_gettext(
        "Social jobs and youth practice may not be heavy, harmful or dangerous work."
    ),
    "skills": lazy_gettext("List at most 50 skills."),
    "max_duration_months": lazy_gettext("Enter a positive whole number of months."),
    "expires_at": lazy_gettext("Enter a date in the future."),
    "name": lazy_gettext("Enter the organisation's name."),
    "bin": lazy_gettext(
        "A BIN has 12 digits and a valid check digit, and belongs to one organisation."
    ),
    "phone": lazy_gettext("Enter a phone number, for example +7 701 234 56 78."),
    "email": lazy_gettext("Enter an e-mail address, for example hr@example.kz."),
    "website": lazy_gettext("Enter an address starting with http:// or https://."),
    "refusal_reason": lazy_gettext("Give the reason for the refusal."),
    "outcome": lazy_gettext("This referral has already been answered."),
    "status": lazy_gettext("This application can no longer be changed."),
}
_FORM_NAMES = {"region_kato": "locality_kato", "expires_at": "expires"}
_CODE = re.compile(r"^\s*(\d{4})(?!\d)")
_INT_FIELDS = ("salary_from", "salary_to", "places", "max_duration_months")


def limit_message(error: LimitExceeded) -> str:
    """A programme rule's limit in words, with the limit itself (from the rule parameters)."""
    if error.rule == "minimum_wage":
        return _(
            "A full-time vacancy must pay at least the minimum wage: %(amount)s a month.",
            amount=money(error.limit),
        )
    if error.rule == "youth_practice_max_months":
        return _("Youth practice lasts at most %(n)d months.", n=error.limit)
    return _("A social job lasts at most %(n)d months.", n=error.limit)


def message(error: FieldError) -> str:
    """The sentence shown next to a field (the service's own words for fields without one)."""
    if isinstance(error, LimitExceeded):
        return limit_message(error)
    return str(FIELD_MESSAGES.get(error.field, CHOOSE if error.field else error.message))


def errors_by_field(errors: list[FieldError]) -> dict[str, str]:
    out: dict[str, str] = {}
    for error in errors:
        name = _FORM_NAMES.get(error.field, error.field)
        out.setdefault(name, message(error))
    return out


@dataclass
class VacancyForm:
    """The form's values as typed (for showing it again) and what could be read from them."""

    values: dict[str, Any]
    data: VacancyInput
    errors: list[FieldError]


def form_values(vacancy: Vacancy | None, lang: str) -> dict[str, Any]:
    """A vacancy's fields as the form shows them (defaults for a new one)."""
    if vacancy is None:
        return {
            "kind": "regular",
            "places": "1",
            "schedule": "full_day",
            "employment_type": "full",
            "experience": "none",
            "languages": [],
        }
    occupation = vacancy.occupation
    return {
        "title": vacancy.title,
        "description": vacancy.description,
        "kind": vacancy.kind.value,
        "places": str(vacancy.places),
        "hazardous": vacancy.hazardous,
        "salary_from": "" if vacancy.salary_from is None else str(vacancy.salary_from),
        "salary_to": "" if vacancy.salary_to is None else str(vacancy.salary_to),
        "schedule": vacancy.schedule.value,
        "employment_type": vacancy.employment_type.value,
        "experience": vacancy.experience.value,
        "education_level": vacancy.education_level.value if vacancy.education_level else "",
        "locality_kato": vacancy.locality.kato if vacancy.locality else "",
        "address": vacancy.address or "",
        "skills": ", ".join(vacancy.skills),
        "languages": list(vacancy.languages),
        "lang": vacancy.lang or "",
        "occupation": f"{occupation.code} {occupation.name(lang)}" if occupation else "",
        "max_duration_months": ""
        if vacancy.max_duration_months is None
        else str(vacancy.max_duration_months),
        # A past expiry is not offered back (saving would refuse it); publishing renews it.
        "expires": vacancy.expires_at.date().isoformat()
        if vacancy.expires_at and vacancy.expires_at.date() > date.today()
        else "",
    }


def _occupation_code(session: Session, text: str, errors: list[FieldError]) -> str | None:
    text = text.strip()
    if not text:
        return None
    found = _CODE.match(text)
    if found:
        return found.group(1)
    folded = text.casefold()
    code = session.execute(
        select(Occupation.code).where(
            Occupation.level == 4,
            or_(func.lower(Occupation.name_ru) == folded, func.lower(Occupation.name_kk) == folded),
        )
    ).scalar()
    if code is None:
        errors.append(FieldError("occupation_code", f"no occupation named {text!r}"))
    return code


def read_vacancy_form(session: Session, form: MultiDict[str, str], *, new: bool) -> VacancyForm:
    """Every field the form has, set (so an edit may clear one); bad numbers and dates become
    field errors here, the rest is checked by ``app.services.vacancies``."""
    errors: list[FieldError] = []
    values: dict[str, Any] = {
        name: form.get(name, "").strip()
        for name in (
            "title",
            "description",
            "kind",
            "places",
            "salary_from",
            "salary_to",
            "schedule",
            "employment_type",
            "experience",
            "education_level",
            "locality_kato",
            "address",
            "skills",
            "lang",
            "occupation",
            "max_duration_months",
            "expires",
        )
    }
    values["description"] = form.get("description", "")
    values["hazardous"] = form.get("hazardous") == "on"
    values["languages"] = [v for v in form.getlist("languages") if v in LANGUAGES]
    numbers: dict[str, int | None] = {}
    for name in _INT_FIELDS:
        raw = values[name].replace(" ", "").replace("\u00a0", "")
        if not raw:
            numbers[name] = None
        elif raw.isascii() and raw.isdigit() and len(raw) < 10:
            numbers[name] = int(raw)
        else:
            errors.append(FieldError(name, "must be a whole number"))
    changes: dict[str, Any] = {
        "title": values["title"],
        "description": values["description"],
        "kind": values["kind"] or "regular",
        "hazardous": values["hazardous"],
        "schedule": values["schedule"] or None,
        "employment_type": values["employment_type"] or None,
        "experience": values["experience"] or None,
        "education_level": values["education_level"] or None,
        "address": values["address"],
        "skills": [s for s in re.split(r"[,;\n]", values["skills"]) if s.strip()],
        "languages": values["languages"],
        "lang": values["lang"] or None,
        "occupation_code": _occupation_code(session, values["occupation"], errors),
    }
    if values["locality_kato"] or new:
        changes["locality_kato"] = values["locality_kato"]
    for name, number in numbers.items():
        if name == "places" and number is None:
            errors.append(FieldError("places", f"must be a whole number 1..{MAX_PLACES}"))
        elif name in ("salary_from", "salary_to", "max_duration_months") or number is not None:
            changes[name] = number
    if values["expires"]:
        try:
            day = date.fromisoformat(values["expires"])
        except ValueError:
            errors.append(FieldError("expires_at", "is not a date"))
        else:
            if day <= date.today():
                errors.append(FieldError("expires_at", "must be in the future"))
            changes["expires_at"] = datetime.combine(day, time(23, 59), UTC)
    return VacancyForm(values, VacancyInput.of(**changes), errors)


def regions_with_localities(session: Session, lang: str) -> list[Region]:
    regions = session.execute(select(Region).options(selectinload(Region.localities))).scalars()
    return sorted_by_name(list(regions), lambda r: r.name(lang), lang)


def occupation_choices(session: Session, lang: str) -> list[tuple[str, str]]:
    """Unit groups as "code name" for the occupation field's suggestion list."""
    rows = session.execute(select(Occupation).where(Occupation.level == 4)).scalars()
    return sorted(
        ((o.code, f"{o.code} {o.name(lang)}") for o in rows),
        key=lambda item: item[1][5:],
    )
