"""Second stage of "jobs for me": score the candidates hybrid retrieval found for one seeker.

    final = weighted mean of features * kind * eligibility * spreading * reach * occupation
            * language  (factors: see ``weights``)

Programme places (social jobs, youth practice, public works, disability quota) are checked
against the programme rules here, inside ranking, so a place the person may not take is never
offered: it is dropped, or kept and marked when staff ask for ``include_ineligible``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np

from matching.ranking.eligibility import Eligibility, assess
from matching.ranking.explain import Explanation
from matching.ranking.fairness import Load, spreading_factors
from matching.ranking.features import reach_factor
from matching.ranking.match import Match, Retrieval, Seeker, evaluate_many, score_matrix
from matching.ranking.profile import (
    ACTIVE_MEASURE_KINDS,
    SeekerProfile,
    VacancyLike,
    duplicate_key,
)
from matching.ranking.weights import (
    DEFAULT_PARAMS,
    DEFAULT_WEIGHTS,
    FEATURES,
    FairSpreadingParams,
    FeatureParams,
    RankingWeights,
)
from matching.rules import RuleParams

DEFAULT_SPREADING = FairSpreadingParams()
RELATED = 0.7  # an occupation score from here on (same minor ISCO group) is the same trade


@dataclass(frozen=True, slots=True)
class Candidate:
    """A vacancy from hybrid retrieval, with what retrieval knew about it (see ``Hit``)."""

    vacancy: VacancyLike
    text_rank: int | None = None
    vector_rank: int | None = None
    distance_km: float | None = None

    @property
    def retrieval(self) -> Retrieval:
        return Retrieval(self.text_rank, self.vector_rank, self.distance_km)


@dataclass(frozen=True, slots=True)
class RankedVacancy:
    """One ranked vacancy. ``contributions`` (weight x feature score) sum to ``base_score``;
    ``factors`` (kind, eligibility, spreading, reach, occupation, language) multiply it into
    ``score``."""

    vacancy_id: int
    score: float
    base_score: float
    contributions: Mapping[str, float]
    factors: Mapping[str, float]
    eligibility: Eligibility | None
    match: Match = field(repr=False)
    limit_km: float | None = None  # the commute limit distance was judged by

    @property
    def explanation(self) -> Explanation:
        return Explanation.of(self.match, self.eligibility, self.limit_km)

    @property
    def offerable(self) -> bool:
        """False only for a programme place the person may not take (staff view)."""
        return self.eligibility is None or self.eligibility.allowed is not False


def as_date(today: date | datetime) -> date:
    return today.date() if isinstance(today, datetime) else today


def _eligibility_factor(
    eligibility: Eligibility | None, kind: str, weights: RankingWeights
) -> float:
    if eligibility is None:
        return 1.0
    if eligibility.allowed is None:
        return weights.eligibility_unknown
    if eligibility.not_obliged and kind in ACTIVE_MEASURE_KINDS:
        return weights.not_obliged
    return 1.0


def fit_factors(
    match: Match, max_commute_km: float, weights: RankingWeights, seeker_occupations: bool
) -> dict[str, float]:
    """The factors no weighted feature may outweigh (see ``weights``): reach, occupation,
    languages. Each is 1.0 when it does not apply."""
    language = 1.0
    if match.language.code == "language_missing":
        language = weights.missing_language ** len(match.language.items)
    occupation = 1.0
    if match.occupation.code == "occupation_other":
        occupation = weights.other_occupation
    elif match.occupation.code == "occupation_related" and match.occupation.score < RELATED:
        occupation = weights.distant_occupation
    elif match.occupation.code == "occupation_unknown" and seeker_occupations:
        evidence = max(match.text, match.vector) ** weights.unknown_evidence_power
        low, high = weights.other_occupation, weights.unknown_occupation
        occupation = low + (high - low) * evidence
    return {
        "reach": reach_factor(
            match.distance,
            max_commute_km,
            weights.beyond_reach,
            weights.beyond_reach_floor,
            weights.beyond_reach_power,
        ),
        "occupation": occupation,
        "language": language,
    }


def rank(
    profile: SeekerProfile,
    candidates: Sequence[Candidate],
    *,
    today: date | datetime,
    weights: RankingWeights = DEFAULT_WEIGHTS,
    fairness: Mapping[int, Load] | None = None,
    spreading: FairSpreadingParams = DEFAULT_SPREADING,
    params: FeatureParams = DEFAULT_PARAMS,
    include_ineligible: bool = False,
    rule_params: RuleParams | None = None,
) -> list[RankedVacancy]:
    """Candidates best first (ties by vacancy id); a vacancy given twice, or a near-duplicate
    posting of one already ranked (same ``duplicate_group``), is shown once.

    ``fairness`` maps vacancy id to its current load; ``include_ineligible`` keeps programme
    places the person may not take, marked, after all offerable ones; ``rule_params``
    overrides the rulebook version in force on ``today``.
    """
    seeker = Seeker.prepare(profile, as_date(today), params, rule_params)
    unique: dict[int, Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.vacancy.id, candidate)
    vacancies = [c.vacancy for c in unique.values()]
    matches = evaluate_many(seeker, vacancies, [c.retrieval for c in unique.values()])
    kept: list[tuple[VacancyLike, Match, Eligibility | None]] = []
    for vacancy, match in zip(vacancies, matches, strict=True):
        eligibility = assess(seeker, vacancy, match)
        if eligibility is not None and eligibility.allowed is False and not include_ineligible:
            continue
        kept.append((vacancy, match, eligibility))
    if not kept:
        return []

    w = weights.normalised()
    contributions = score_matrix([m for _, m, _ in kept]) * w
    base = np.clip(contributions.sum(axis=1), 0.0, 1.0)
    kind = np.array([weights.public_works if v.kind == "public_works" else 1.0 for v, _, _ in kept])
    elig = np.array([_eligibility_factor(e, v.kind, weights) for v, _, e in kept])
    spread = spreading_factors([v.id for v, _, _ in kept], fairness, spreading)
    known = bool(profile.desired_occupations or profile.past_occupations)
    fits = [fit_factors(m, seeker.max_commute_km, weights, known) for _, m, _ in kept]
    fit = np.array([math.prod(f.values()) for f in fits])
    final = base * kind * elig * spread * fit

    ranked = [
        RankedVacancy(
            vacancy_id=vacancy.id,
            score=float(final[i]),
            base_score=float(base[i]),
            contributions=dict(zip(FEATURES, contributions[i].tolist(), strict=True)),
            factors={
                "kind": float(kind[i]),
                "eligibility": float(elig[i]),
                "spreading": float(spread[i]),
                **fits[i],
            },
            eligibility=eligibility,
            match=match,
            limit_km=seeker.max_commute_km,
        )
        for i, (vacancy, match, eligibility) in enumerate(kept)
    ]
    ranked.sort(key=lambda r: (not r.offerable, -r.score, r.vacancy_id))
    return _one_per_group(ranked, {v.id: duplicate_key(v) for v, _, _ in kept})


def _one_per_group(ranked: list[RankedVacancy], group: Mapping[int, int]) -> list[RankedVacancy]:
    """Keep the best of each duplicate group (a duplicate's group is its original's id)."""
    seen: set[int] = set()
    out = []
    for item in ranked:
        key = group[item.vacancy_id]
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
