"""The ranker's reasons in words, through the Babel catalogues (msgids English; Kazakh and
Russian in ``app/translations/{kk,ru}/ranking.po``).

``matching.ranking.explain`` gives structured notes (code, side, params); this renders them
for the person they speak to: the seeker ("your occupation", "from home") or the employer
("the candidate's occupation", "from the workplace"). Pages and the API use the same texts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from flask_babel import LazyString, format_decimal, lazy_gettext

from matching.ranking import Explanation, Note

Audience = Literal["seeker", "employer"]

# The words a note's ``items`` stand for (the same msgids as the pages' labels).
_SCHEDULES: dict[str, LazyString] = {
    "full_day": lazy_gettext("Full day"),
    "shift": lazy_gettext("Shifts"),
    "flexible": lazy_gettext("Flexible hours"),
    "remote": lazy_gettext("Remote work"),
    "rotation": lazy_gettext("Rotation (fly-in fly-out)"),
}
_EDUCATION: dict[str, LazyString] = {
    "secondary": lazy_gettext("Secondary"),
    "tipo": lazy_gettext("Technical and vocational"),
    "post_secondary": lazy_gettext("Post-secondary"),
    "higher": lazy_gettext("Higher"),
    "postgraduate": lazy_gettext("Postgraduate"),
}
_LANGUAGES: dict[str, LazyString] = {
    "kk": lazy_gettext("Kazakh"),
    "ru": lazy_gettext("Russian"),
    "en": lazy_gettext("English"),
}


def money(value: int) -> str:
    """400000 -> '400 000 ₸' in the current locale's digit grouping (never wrapping)."""
    return format_decimal(value, format="#,##0").replace(" ", "\u00a0") + "\u00a0₸"


def km(value: float | None) -> str:
    return format_decimal(value or 0, format="#,##0.0")


def offer(params: Mapping[str, Any]) -> str:
    """The salary as posted: 'from 400 000 ₸', 'up to …', '300 000 – 400 000 ₸'."""
    low, high = params.get("salary_from"), params.get("salary_to")
    if low and high and low != high:
        return f"{money(low)[:-2]} – {money(high)}"
    if low and high:
        return money(low)
    if low:
        return str(lazy_gettext("from %(amount)s", amount=money(low)))
    if high:
        return str(lazy_gettext("up to %(amount)s", amount=money(high)))
    return str(lazy_gettext("Salary not stated"))


def _words(table: Mapping[str, LazyString], items: list[str]) -> str:
    return ", ".join(str(table[i]) if i in table else i for i in items)


Render = Callable[[Mapping[str, Any]], str]


_SEEKER: dict[str, LazyString | Render] = {
    "occupation_same": lazy_gettext("Your occupation"),
    "occupation_related": lazy_gettext("A related occupation"),
    "occupation_other": lazy_gettext("A different occupation from yours"),
    "specialty_match": lazy_gettext("In your field of study"),
    "distance_near": lambda p: str(lazy_gettext("%(km)s km from home", km=km(p["km"]))),
    "distance_commute": lambda p: str(lazy_gettext("%(km)s km from home", km=km(p["km"]))),
    "distance_far": lambda p: str(
        lazy_gettext(
            "%(km)s km from home: farther than you are ready to travel (%(limit)s km)",
            km=km(p["km"]),
            limit=format_decimal(p.get("limit_km") or 0, format="#,##0.#"),
        )
    ),
    "distance_rotation": lambda p: str(
        lazy_gettext("Rotation work, %(km)s km from home", km=km(p["km"]))
    ),
    "distance_remote": lazy_gettext("Remote work"),
    "distance_unknown": lazy_gettext("Distance from home unknown"),
    "salary_meets": lambda p: str(
        lazy_gettext("Salary %(offer)s: no less than you want", offer=offer(p))
    ),
    "salary_below": lambda p: str(
        lazy_gettext(
            "Salary %(offer)s: less than the %(wish)s you want",
            offer=offer(p),
            wish=money(p["wish"]),
        )
    ),
    "salary_unknown": lazy_gettext("Salary not stated"),
    "schedule_match": lazy_gettext("The schedule you want"),
    "schedule_mismatch": lambda p: str(
        lazy_gettext(
            "Schedule: %(schedule)s; you looked for another",
            schedule=_words(_SCHEDULES, p["items"]),
        )
    ),
    "experience_not_required": lazy_gettext("No experience required"),
    "experience_meets": lazy_gettext("You have the experience it asks for"),
    "experience_over": lazy_gettext("You have more experience than it asks for"),
    "experience_short": lambda p: str(
        lazy_gettext("Asks for %(years)s years of experience or more", years=p["years"])
    ),
    "experience_unknown": lambda p: str(
        lazy_gettext(
            "Asks for %(years)s years of experience or more; yours is not stated",
            years=p["years"],
        )
    ),
    "education_meets": lazy_gettext("Your education meets the requirement"),
    "education_below": lambda p: str(
        lazy_gettext("Asks for education: %(level)s", level=_words(_EDUCATION, p["items"]))
    ),
    "education_unknown": lambda p: str(
        lazy_gettext(
            "Asks for education: %(level)s; yours is not stated",
            level=_words(_EDUCATION, p["items"]),
        )
    ),
    "language_meets": lazy_gettext("You know the languages it asks for"),
    "language_missing": lambda p: str(
        lazy_gettext(
            "Asks for a language you did not list: %(languages)s",
            languages=_words(_LANGUAGES, p["items"]),
        )
    ),
    "language_unknown": lambda p: str(
        lazy_gettext(
            "Asks for languages: %(languages)s; yours are not stated",
            languages=_words(_LANGUAGES, p["items"]),
        )
    ),
}

# The employer reads about the candidate; codes not listed here fall back to nothing.
_EMPLOYER: dict[str, LazyString | Render] = {
    "occupation_same": lazy_gettext("Same occupation"),
    "occupation_related": lazy_gettext("Related occupation"),
    "occupation_other": lazy_gettext("Different occupation"),
    "specialty_match": lazy_gettext("Trained in this specialty"),
    "distance_near": lambda p: str(lazy_gettext("%(km)s km from the workplace", km=km(p["km"]))),
    "distance_commute": lambda p: str(lazy_gettext("%(km)s km from the workplace", km=km(p["km"]))),
    "distance_far": lambda p: str(
        lazy_gettext(
            "%(km)s km from the workplace: farther than the candidate can travel",
            km=km(p["km"]),
        )
    ),
    "distance_rotation": lambda p: str(
        lazy_gettext("%(km)s km from the workplace", km=km(p["km"]))
    ),
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
_TEXTS: dict[Audience, dict[str, LazyString | Render]] = {"seeker": _SEEKER, "employer": _EMPLOYER}


def note_text(note: Note, audience: Audience = "seeker") -> str | None:
    render = _TEXTS[audience].get(note.code)
    if render is None:
        return None
    if isinstance(render, LazyString):
        return str(render)
    return render(note.params)


@dataclass(frozen=True)
class Reasons:
    """An explanation in words: why it fits, what does not fit, what is not known."""

    fits: list[str]
    misfits: list[str]
    unknowns: list[str]


def reasons(explanation: Explanation, audience: Audience = "seeker") -> Reasons:
    def texts(notes: tuple[Note, ...]) -> list[str]:
        return [t for t in (note_text(n, audience) for n in notes) if t]

    return Reasons(texts(explanation.fits), texts(explanation.misfits), texts(explanation.unknowns))


def explanation_json(explanation: Explanation, audience: Audience = "seeker") -> dict[str, Any]:
    """The API's explanation: the structured notes, each with its text in the request's
    language, split as the pages split them."""
    out = explanation.to_dict()
    for item, note in zip(out["notes"], explanation.notes(), strict=True):
        item["text"] = note_text(note, audience)
    return out
