"""Why a candidate is ranked where it is, told to the employer (the ranking's own sentences
speak to the seeker: "your profession", "from home")."""

from __future__ import annotations

from flask_babel import LazyString, lazy_gettext
from flask_babel import gettext as _

from app.web.locale_format import number
from matching.ranking.explain import Explanation
from matching.ranking.features import Fit

_PLAIN: dict[str, LazyString] = {
    "occupation_same": lazy_gettext("Same occupation"),
    "occupation_related": lazy_gettext("Related occupation"),
    "occupation_other": lazy_gettext("Different occupation"),
    "specialty_match": lazy_gettext("Trained in this specialty"),
    "distance_remote": lazy_gettext("Remote work"),
    "salary_meets": lazy_gettext("Expects no more than you offer"),
    "salary_below": lazy_gettext("Expects more than you offer"),
    "schedule_match": lazy_gettext("The schedule suits the candidate"),
    "schedule_mismatch": lazy_gettext("Looking for a different schedule"),
    "experience_meets": lazy_gettext("Enough experience"),
    "experience_over": lazy_gettext("More experience than required"),
    "experience_short": lazy_gettext("Less experience than required"),
    "education_meets": lazy_gettext("Education meets the requirement"),
    "education_below": lazy_gettext("Education below the requirement"),
    "language_meets": lazy_gettext("Knows the required languages"),
    "language_missing": lazy_gettext("Lacks a required language"),
}
_DISTANCE = ("distance_near", "distance_commute", "distance_far", "distance_rotation")


def fit_note(fit: Fit) -> str | None:
    if fit.code in _DISTANCE and fit.value is not None:
        return _("%(km)s km from the workplace", km=number(fit.value, 1))
    text = _PLAIN.get(fit.code)
    return str(text) if text is not None else None


def candidate_notes(explanation: Explanation) -> list[str]:
    fits = (
        explanation.occupation,
        explanation.specialty,
        explanation.distance,
        explanation.salary,
        explanation.schedule,
        explanation.experience,
        explanation.education,
        explanation.language,
    )
    return [n for n in map(fit_note, fits) if n is not None]
