"""The other direction: CVs for one vacancy (employers and centre staff).

The same features as "jobs for me", read from the vacancy's side: the vacancy's skills the CV
covers, occupation, distance from the vacancy, the CV's salary expectation against the offer,
experience and education. Recency is the CV's last update. Who may see which CV is the app's
business; CVs marked hidden are dropped here all the same.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

import numpy as np

from matching.geo import haversine_km
from matching.ranking.eligibility import Eligibility, assess
from matching.ranking.explain import Explanation
from matching.ranking.features import recency_fit
from matching.ranking.match import Match, Retrieval, Seeker, evaluate, score_matrix
from matching.ranking.profile import CvLike, VacancyLike, profile_from_cv
from matching.ranking.scorer import as_date, fit_factors
from matching.ranking.weights import (
    CANDIDATE_WEIGHTS,
    DEFAULT_PARAMS,
    FEATURES,
    FeatureParams,
    RankingWeights,
)
from matching.rules import RuleParams

if TYPE_CHECKING:
    from matching.rules import PersonFacts


@dataclass(frozen=True, slots=True)
class CandidateCv:
    """A CV from retrieval, with its ranks and distance from the vacancy (see ``Hit``)."""

    cv: CvLike
    text_rank: int | None = None
    vector_rank: int | None = None
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class RankedCv:
    cv_id: int
    seeker_id: int
    score: float
    contributions: Mapping[str, float]
    eligibility: Eligibility | None
    match: Match = field(repr=False)
    factors: Mapping[str, float] = field(default_factory=dict)  # reach, occupation, language
    limit_km: float | None = None  # the candidate's commute limit (theirs, else the default)

    @property
    def explanation(self) -> Explanation:
        return Explanation.of(self.match, self.eligibility, self.limit_km)


def _distances_km(vacancy: VacancyLike, items: Sequence[CandidateCv]) -> list[float | None]:
    """The engine's distance where given, else haversine (vectorised) from the vacancy."""
    out: list[float | None] = [item.distance_km for item in items]
    if vacancy.lat is None or vacancy.lon is None:
        return out
    todo = [
        i
        for i, item in enumerate(items)
        if out[i] is None and item.cv.lat is not None and item.cv.lon is not None
    ]
    if todo:
        lats = np.array([items[i].cv.lat for i in todo], dtype=np.float64)
        lons = np.array([items[i].cv.lon for i in todo], dtype=np.float64)
        kms = haversine_km(vacancy.lat, vacancy.lon, lats, lons).tolist()
        for i, km in zip(todo, kms, strict=True):
            out[i] = km
    return out


def _match(
    vacancy: VacancyLike,
    item: CandidateCv,
    km: float | None,
    today: date,
    params: FeatureParams,
    person: PersonFacts | None,
    rule_params: RuleParams | None,
) -> tuple[Match, Eligibility | None, float]:
    """The pair's features, the programme decision and the person's commute limit."""
    profile = profile_from_cv(item.cv, person=person)
    seeker = Seeker.prepare(profile, today, params, rule_params)
    retrieval = Retrieval(item.text_rank, item.vector_rank, item.distance_km)
    recency = recency_fit(item.cv.updated_at, today, params.recency_half_life_days)
    match = evaluate(seeker, vacancy, retrieval, km, recency)
    return match, assess(seeker, vacancy, match), seeker.max_commute_km


def rank_candidates(
    vacancy: VacancyLike,
    cvs: Sequence[CandidateCv],
    *,
    today: date | datetime,
    weights: RankingWeights = CANDIDATE_WEIGHTS,
    params: FeatureParams = DEFAULT_PARAMS,
    people: Mapping[int, PersonFacts] | None = None,
    include_ineligible: bool = False,
    rule_params: RuleParams | None = None,
) -> list[RankedCv]:
    """CVs best first (ties by CV id). Hidden CVs and repeated CV ids are dropped.

    For a programme place, ``people`` (by seeker id) lets the rules say who may take it; those
    who may not are dropped, or kept last and marked with ``include_ineligible``.
    """
    day = as_date(today)
    unique: dict[int, CandidateCv] = {}
    for item in cvs:
        if item.cv.visibility != "hidden":
            unique.setdefault(item.cv.id, item)
    items = list(unique.values())
    kept: list[tuple[CvLike, Match, Eligibility | None, float]] = []
    for item, km in zip(items, _distances_km(vacancy, items), strict=True):
        person = people.get(item.cv.seeker_id) if people else None
        match, eligibility, limit = _match(vacancy, item, km, day, params, person, rule_params)
        if eligibility is not None and eligibility.allowed is False and not include_ineligible:
            continue
        kept.append((item.cv, match, eligibility, limit))
    if not kept:
        return []
    contributions = score_matrix([m for _, m, _, _ in kept]) * weights.normalised()
    base = contributions.sum(axis=1).clip(0.0, 1.0)
    # The vacancy's side is the "seeker" here: its occupation known, the CV's maybe not.
    known = bool(vacancy.occupation_code)
    factors = [fit_factors(m, limit, weights, known) for _, m, _, limit in kept]
    ranked = [
        RankedCv(
            cv_id=cv.id,
            seeker_id=cv.seeker_id,
            score=float(base[i]) * math.prod(factors[i].values()),
            contributions=dict(zip(FEATURES, contributions[i].tolist(), strict=True)),
            eligibility=eligibility,
            match=match,
            factors=factors[i],
            limit_km=limit,
        )
        for i, (cv, match, eligibility, limit) in enumerate(kept)
    ]
    ranked.sort(
        key=lambda r: (
            r.eligibility is not None and r.eligibility.allowed is False,
            -r.score,
            r.cv_id,
        )
    )
    return ranked
