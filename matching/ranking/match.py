"""All features of one (seeker, vacancy) pair, with the seeker's side prepared once per request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from matching.geo import haversine_km
from matching.ranking import features as f
from matching.ranking.profile import SeekerProfile, VacancyLike
from matching.ranking.terms import doc_terms, pool, skill_terms
from matching.ranking.weights import FEATURES, FeatureParams
from matching.rules import RuleParams, params_for


@dataclass(frozen=True, slots=True)
class Retrieval:
    """What hybrid retrieval said about a candidate (1-based ranks; None: not in that list)."""

    text_rank: int | None = None
    vector_rank: int | None = None
    distance_km: float | None = None


def commute_limit_km(profile: SeekerProfile, today: date, rules: RuleParams | None = None) -> float:
    """The person's own limit, else the rules' suitable-work distance (village or town)."""
    if profile.max_commute_km:
        return profile.max_commute_km
    p = params_for(today, rules)
    rural = profile.rural
    if rural is None:
        rural = profile.person.is_rural if profile.person is not None else False
    return p.suitable_max_commute_km_rural if rural else p.suitable_max_commute_km_urban


@dataclass(frozen=True, slots=True)
class Seeker:
    """The seeker's side of every pair, analysed once."""

    profile: SeekerProfile
    terms: frozenset[str]
    specialties: tuple[frozenset[str], ...]
    max_commute_km: float
    today: date
    params: FeatureParams
    rule_params: RuleParams | None = None

    @classmethod
    def prepare(
        cls,
        profile: SeekerProfile,
        today: date,
        params: FeatureParams,
        rule_params: RuleParams | None = None,
    ) -> Seeker:
        names = list(profile.specialty_names)
        if profile.person is not None:
            names += [e.specialty_name for e in profile.person.education if e.specialty_name]
        specialties = tuple(dict.fromkeys(s for s in map(skill_terms, names) if s))
        return cls(
            profile=profile,
            terms=pool((*profile.skills, profile.text)),
            specialties=specialties,
            max_commute_km=commute_limit_km(profile, today, rule_params),
            today=today,
            params=params,
            rule_params=rule_params,
        )


@dataclass(frozen=True, slots=True)
class Match:
    """Every feature of a pair; ``scores`` in ``weights.FEATURES`` order."""

    occupation: f.Fit
    specialty: f.Fit
    skills: f.SkillFit
    distance: f.Fit
    salary: f.Fit
    schedule: f.Fit
    experience: f.Fit
    education: f.Fit
    language: f.Fit
    recency: f.Fit
    text: float
    vector: float

    def scores(self) -> tuple[float, ...]:
        return (
            self.occupation.score,
            self.specialty.score,
            self.skills.score,
            self.distance.score,
            self.salary.score,
            self.schedule.score,
            self.experience.score,
            self.education.score,
            self.language.score,
            self.recency.score,
            self.text,
            self.vector,
        )


def distances_km(
    seeker: SeekerProfile, vacancies: Sequence[VacancyLike], retrievals: Sequence[Retrieval]
) -> list[float | None]:
    """The engine's distance where it computed one, else haversine (vectorised) from home."""
    out: list[float | None] = [r.distance_km for r in retrievals]
    if seeker.lat is None or seeker.lon is None:
        return out
    todo = [
        i
        for i, (v, km) in enumerate(zip(vacancies, out, strict=True))
        if km is None and v.lat is not None and v.lon is not None
    ]
    if todo:
        lats = np.array([vacancies[i].lat for i in todo], dtype=np.float64)
        lons = np.array([vacancies[i].lon for i in todo], dtype=np.float64)
        kms = haversine_km(seeker.lat, seeker.lon, lats, lons).tolist()
        for i, km in zip(todo, kms, strict=True):
            out[i] = km
    return out


@lru_cache(maxsize=65_536)
def _specialty_terms(title: str, skills: tuple[str, ...]) -> frozenset[str]:
    out = doc_terms(title)
    for skill in skills:
        out = out | skill_terms(skill)
    return out


_NO_SPECIALTY = f.Fit(f.NEUTRAL, "specialty_unknown")


def evaluate(
    seeker: Seeker,
    vacancy: VacancyLike,
    retrieval: Retrieval,
    km: float | None,
    recency: f.Fit | None = None,
) -> Match:
    """Every feature of one pair; ``km`` is the distance from home (None: unknown).

    ``recency`` replaces the vacancy's own (ranking CVs dates the CV instead).
    """
    p, params = seeker.profile, seeker.params
    specialty = (
        f.specialty_fit(seeker.specialties, _specialty_terms(vacancy.title, vacancy.skills))
        if seeker.specialties
        else _NO_SPECIALTY
    )
    return Match(
        occupation=f.occupation_fit(
            p.desired_occupations,
            p.past_occupations,
            vacancy.occupation_code,
            params.past_occupation,
        ),
        specialty=specialty,
        skills=f.skills_fit(seeker.terms, vacancy.skills, params.skill_match_share, bool(p.skills)),
        distance=f.distance_fit(km, seeker.max_commute_km, vacancy.schedule, params.near_km),
        salary=f.salary_fit(
            p.desired_salary, vacancy.salary_from, vacancy.salary_to, params.salary_floor
        ),
        schedule=f.schedule_fit(p.schedules, vacancy.schedule),
        experience=f.experience_fit(p.experience_years, vacancy.experience),
        education=f.education_fit(p.education_level, vacancy.education),
        language=f.language_fit(p.languages, vacancy.languages),
        recency=recency
        or f.recency_fit(vacancy.published_at, seeker.today, params.recency_half_life_days),
        text=f.rank_score(retrieval.text_rank, params.rrf_k),
        vector=f.rank_score(retrieval.vector_rank, params.rrf_k),
    )


def evaluate_many(
    seeker: Seeker, vacancies: Sequence[VacancyLike], retrievals: Sequence[Retrieval]
) -> list[Match]:
    kms = distances_km(seeker.profile, vacancies, retrievals)
    return [evaluate(seeker, v, r, km) for v, r, km in zip(vacancies, retrievals, kms, strict=True)]


def score_matrix(matches: list[Match]) -> npt.NDArray[np.float64]:
    """``(len(matches), len(FEATURES))`` feature scores."""
    if not matches:
        return np.zeros((0, len(FEATURES)), dtype=np.float64)
    return np.array([m.scores() for m in matches], dtype=np.float64)
