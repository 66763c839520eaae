"""One label per value for the measures pages, and the routing reasons in the page's language.

The routing reasons are codes with values (matching.routing.Why); they are rendered here
through Babel so they read like the job explanations, in kk and ru.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext

from app.models import MeasureKind, MeasureOutcome, PlanItemKind, PlanItemStatus, Region
from app.web.i18n import current_language
from app.web.locale_format import money as locale_money
from matching.rules import measure_name

PLAN_KINDS = {
    PlanItemKind.JOB_SEARCH: lazy_gettext("Job search"),
    PlanItemKind.JOB_REFERRAL: lazy_gettext("Referral to a vacancy"),
    PlanItemKind.TRAINING: lazy_gettext("Vocational training"),
    PlanItemKind.BASTAU: lazy_gettext("Bastau Business"),
    PlanItemKind.PUBLIC_WORKS: lazy_gettext("Public works"),
    PlanItemKind.SOCIAL_JOB: lazy_gettext("Social job"),
    PlanItemKind.YOUTH_PRACTICE: lazy_gettext("Youth practice"),
    PlanItemKind.ORIENTATION: lazy_gettext("Career guidance"),
    PlanItemKind.SOCIAL_ADAPTATION: lazy_gettext("Social adaptation"),
}
PLAN_STATUSES = {
    PlanItemStatus.OPEN: lazy_gettext("Open"),
    PlanItemStatus.DONE: lazy_gettext("Done"),
    PlanItemStatus.BREACHED: lazy_gettext("Breached"),
    PlanItemStatus.CANCELLED: lazy_gettext("Cancelled"),
}
OUTCOMES = {
    MeasureOutcome.PENDING: lazy_gettext("Pending"),
    MeasureOutcome.ENROLLED: lazy_gettext("Enrolled"),
    MeasureOutcome.COMPLETED: lazy_gettext("Completed"),
    MeasureOutcome.DROPPED: lazy_gettext("Dropped out"),
    MeasureOutcome.DECLINED: lazy_gettext("Declined"),
}
STANDING = {
    "full": lazy_gettext("Assistance in full"),
    "halved": lazy_gettext("Assistance halved"),
    "stopped": lazy_gettext("Assistance stopped"),
}


def measure_label(kind: MeasureKind | str) -> str:
    names = measure_name(kind.value if isinstance(kind, MeasureKind) else kind)
    return names.kk if current_language() == "kk" else names.ru


def plan_kind_label(kind: PlanItemKind) -> str:
    return str(PLAN_KINDS[kind])


def plan_status_label(status: PlanItemStatus) -> str:
    return str(PLAN_STATUSES[status])


def measure_outcome_label(outcome: MeasureOutcome) -> str:
    return str(OUTCOMES[outcome])


def standing_label(state: str) -> str:
    return str(STANDING[state])


def region_name(region: Region | None, kato: str) -> str:
    if region is None:
        return kato
    return region.name_kk if current_language() == "kk" else region.name_ru


def money(amount: object) -> str:
    return locale_money(amount) if isinstance(amount, int) else "—"


def why_text(code: str, values: Mapping[str, Any], regions: Mapping[str, Region]) -> str:
    """One routing reason as a sentence in the page's language."""
    v = dict(values)
    if code == "few_local_jobs":
        return _("Suitable vacancies within reach: %(count)d.", count=v["count"])
    if code == "common_skill_gap":
        return _(
            "%(postings)d of %(total)d local vacancies ask for “%(skill)s”, "
            "which is not in the profile",
            postings=v["postings"], total=v["total"], skill=v["skill"],
        )  # fmt: skip
    if code == "teaches_missing_skill":
        return _(
            "Teaches “%(skill)s”, asked for by %(postings)d of %(total)d vacancies nearby",
            skill=v["skill"], postings=v["postings"], total=v["total"],
        )  # fmt: skip
    if code == "course_in_trade":
        return _("A course in the person's own trade")
    if code == "rural_self_starter":
        return _("Lives in a village or district centre: entrepreneurship is an option")
    if code == "self_starter":
        return _("Few jobs nearby: starting a business is an option")
    if code == "credit_ready":
        return _("Registered with the tax authority and trained: may apply for a microcredit")
    if code == "openings_in_region":
        region = region_name(regions.get(str(v["region"])), str(v["region"]))
        if v.get("salary"):
            return _(
                "%(region)s: %(count)d open vacancies in this occupation, median wage %(salary)s",
                region=region, count=v["count"], salary=money(v["salary"]),
            )  # fmt: skip
        return _(
            "%(region)s: %(count)d open vacancies in this occupation",
            region=region, count=v["count"],
        )  # fmt: skip
    if code == "consultation":
        return _("A consultation on training and work options")
    return code


FLAGS = {
    "self_employed": lazy_gettext("Self-employed"),
    "being_laid_off": lazy_gettext("Being laid off (notice received)"),
    "laid_off": lazy_gettext("Laid off by liquidation or staff cuts"),
    "school_leaver": lazy_gettext("School leaver not admitted to further study"),
    "in_hardship": lazy_gettext("In a difficult life situation"),
    "district_centre": lazy_gettext("Lives in a district centre"),
    "tax_registered": lazy_gettext("Registered with the tax authority"),
    "orphanage_leaver": lazy_gettext("Orphanage leaver"),
    "is_citizen": lazy_gettext("Citizen of Kazakhstan"),
    "entrepreneurship_course_on": lazy_gettext("Bastau Business completed on"),
    "certificate_on": lazy_gettext("Entrepreneurship certificate (other programme) issued on"),
}


def flag_label(name: str) -> str:
    return str(FLAGS[name])


def field_message(field: str, message: str) -> str:
    """A translated message for a field error (services speak English; the field and a word of
    the message decide the wording)."""
    simple = {
        "entrepreneurship_course_on": _("Enter a past date as YYYY-MM-DD."),
        "certificate_on": _("Enter a past date as YYYY-MM-DD."),
        "course_id": _("Choose an open course of this measure from the catalogue."),
        "target_region": _("Choose a region from the list."),
        "due_in_days": _("Enter from 1 to 130 working days."),
        "description": _("At most 500 characters."),
        "note": _("At most 500 characters."),
        "region_kato": _("Choose a region."),
        "occupation_code": _("Enter an ISCO-08 code of 1-4 digits."),
        "starts_on": _("Enter a date as YYYY-MM-DD."),
        "skills": _("At most 30 skills, separated by semicolons."),
        "duration_months": _("Enter a whole number of months (1-48)."),
        "duration_days": _("Enter a whole number of days (1-365)."),
        "seats": _("Enter a whole number of seats."),
    }
    if field in simple:
        return str(simple[field])
    if field in ("title_kk", "title_ru", "provider"):
        return _("Fill in this field (up to 255 characters).")
    if field == "kind":
        if "already" in message:
            return _("The person already has an open referral to this measure.")
        return _("Choose a measure.")
    if field == "seeker_id":
        if "able-bodied" in message:
            return _("Plan items are for able-bodied members.")
        return _("Choose a member of the family.")
    if field in ("status", "item_id"):
        if "already" in message:
            return _("This item is already closed.")
        return _("Choose a plan item.")
    if field == "family_id":
        return _("The family has no social contract: record its dates first.")
    if field == "outcome":
        if "cannot go" in message:
            return _("This step does not follow from the referral's current state.")
        return _("Choose how the referral went on.")
    return _("Check this field.")
