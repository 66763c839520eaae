"""Why a vacancy (or a CV) was ranked where it was, as structured reasons.

Each reason is a ``Note``: a code, whether it speaks for the match (``fit``), against it
(``misfit``) or only says what is not known (``unknown``), and the numbers and words its
sentence needs. ``matching`` stays free of any interface: the app renders notes in Kazakh or
Russian through its Babel catalogues (``app.services.explanations``), so one translation
mechanism serves every page and the API.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from matching.ranking.eligibility import Eligibility
from matching.ranking.features import Fit
from matching.ranking.match import Match

Side = Literal["fit", "misfit", "unknown"]
FIT: Side = "fit"
MISFIT: Side = "misfit"
UNKNOWN: Side = "unknown"


@dataclass(frozen=True, slots=True)
class Note:
    """One reason: ``code`` (a feature's reason code), its ``side`` and ``params``.

    Params are plain JSON values: ``km`` and ``limit_km`` (kilometres), ``salary_from``,
    ``salary_to`` and ``wish`` (tenge, None when not given), ``years`` (required experience),
    ``items`` (schedule, education level or language codes).
    """

    code: str
    side: Side
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "side": self.side, "params": dict(self.params)}


def _km(fit: Fit) -> dict[str, Any]:
    return {"km": None if fit.value is None else round(fit.value, 1)}


def _salary(fit: Fit) -> dict[str, Any]:
    low, high = fit.bounds
    return {
        "salary_from": None if low is None else int(low),
        "salary_to": None if high is None else int(high),
        "wish": None if fit.value is None else int(fit.value),
    }


def _items(fit: Fit) -> dict[str, Any]:
    return {"items": list(fit.items)}


def _years(fit: Fit) -> dict[str, Any]:
    return {"years": int(fit.value or 0)}


def _none(_: Fit) -> dict[str, Any]:
    return {}


# code -> (side, params); codes not listed say nothing worth a sentence (e.g. "any schedule").
_NOTES: dict[str, tuple[Side, Callable[[Fit], dict[str, Any]]]] = {
    "occupation_same": (FIT, _none),
    "occupation_related": (FIT, _none),
    "occupation_other": (MISFIT, _none),
    "specialty_match": (FIT, _none),
    "distance_near": (FIT, _km),
    "distance_commute": (FIT, _km),
    "distance_far": (MISFIT, _km),
    "distance_rotation": (FIT, _km),
    "distance_remote": (FIT, _none),
    "distance_unknown": (UNKNOWN, _none),
    "salary_meets": (FIT, _salary),
    "salary_below": (MISFIT, _salary),
    "salary_unknown": (UNKNOWN, _none),
    "schedule_match": (FIT, _none),
    "schedule_mismatch": (MISFIT, _items),
    "experience_not_required": (FIT, _none),
    "experience_meets": (FIT, _none),
    "experience_over": (FIT, _none),
    "experience_short": (MISFIT, _years),
    "experience_unknown": (UNKNOWN, _years),
    "education_meets": (FIT, _none),
    "education_below": (MISFIT, _items),
    "education_unknown": (UNKNOWN, _items),
    "language_meets": (FIT, _none),
    "language_missing": (MISFIT, _items),
    "language_unknown": (UNKNOWN, _items),
}


def note(fit: Fit, limit_km: float | None = None) -> Note | None:
    """The reason a feature gives (None for codes not worth a sentence)."""
    entry = _NOTES.get(fit.code)
    if entry is None:
        return None
    side, params = entry
    values = params(fit)
    if fit.code == "distance_far" and limit_km is not None:
        values["limit_km"] = round(limit_km, 1)
    return Note(fit.code, side, values)


@dataclass(frozen=True, slots=True)
class Explanation:
    """The evidence behind one ranked item; ``eligibility`` only for programme places.

    ``matched_skills`` are the vacancy's skills found in what the person wrote themselves;
    ``limit_km`` is the commute limit the distance was judged by.
    """

    matched_skills: tuple[str, ...]
    missing_skills: tuple[str, ...]
    distance_km: float | None
    occupation: Fit
    specialty: Fit
    distance: Fit
    salary: Fit
    schedule: Fit
    experience: Fit
    education: Fit
    language: Fit
    eligibility: Eligibility | None = None
    limit_km: float | None = None

    @classmethod
    def of(
        cls, match: Match, eligibility: Eligibility | None = None, limit_km: float | None = None
    ) -> Explanation:
        return cls(
            matched_skills=match.skills.matched,
            missing_skills=match.skills.missing,
            distance_km=match.distance.value,
            occupation=match.occupation,
            specialty=match.specialty,
            distance=match.distance,
            salary=match.salary,
            schedule=match.schedule,
            experience=match.experience,
            education=match.education,
            language=match.language,
            eligibility=eligibility,
            limit_km=limit_km,
        )

    @property
    def within_reach(self) -> bool:
        """False only when the workplace is known to be beyond the commute limit."""
        return self.distance.code != "distance_far"

    def notes(self) -> tuple[Note, ...]:
        """One reason per feature with something to say, in feature order."""
        fits = (
            self.occupation,
            self.specialty,
            self.distance,
            self.salary,
            self.schedule,
            self.experience,
            self.education,
            self.language,
        )
        return tuple(n for n in (note(f, self.limit_km) for f in fits) if n is not None)

    def side(self, side: Side) -> tuple[Note, ...]:
        return tuple(n for n in self.notes() if n.side == side)

    @property
    def fits(self) -> tuple[Note, ...]:
        """Why it fits."""
        return self.side(FIT)

    @property
    def misfits(self) -> tuple[Note, ...]:
        """What does not fit."""
        return self.side(MISFIT)

    @property
    def unknowns(self) -> tuple[Note, ...]:
        """What could not be judged: a requirement the person's profile does not answer."""
        return self.side(UNKNOWN)

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched_skills": list(self.matched_skills),
            "missing_skills": list(self.missing_skills),
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "within_reach": self.within_reach,
            "limit_km": None if self.limit_km is None else round(self.limit_km, 1),
            "notes": [n.to_dict() for n in self.notes()],
            "eligibility": None if self.eligibility is None else self.eligibility.to_dict(),
        }
