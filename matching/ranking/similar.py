"""Re-ranking the kNN neighbours of a vacancy for "similar vacancies".

Embeddings alone find postings that read alike (same employer boilerplate, same city); the
occupation path, shared skills and region say whether they are the same kind of job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matching.geo import haversine_km
from matching.ranking.features import NEUTRAL, isco_level_score, rank_score
from matching.ranking.profile import VacancyLike, duplicate_key
from matching.ranking.terms import jaccard, skill_terms
from matching.ranking.weights import DEFAULT_PARAMS, SimilarWeights

DEFAULT_SIMILAR_WEIGHTS = SimilarWeights()


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A kNN neighbour: the vacancy and its 1-based rank in the kNN list (None: not from kNN)."""

    vacancy: VacancyLike
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class SimilarVacancy:
    vacancy_id: int
    score: float
    shared_skills: tuple[str, ...]  # the neighbour's skills that the base vacancy also lists
    distance_km: float | None = None  # from the base vacancy's workplace


def _skill_set(skills: Sequence[str]) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for skill in skills:
        out |= skill_terms(skill)
    return out


def similar_score(
    base: VacancyLike,
    other: VacancyLike,
    rank: int | None = None,
    weights: SimilarWeights = DEFAULT_SIMILAR_WEIGHTS,
) -> SimilarVacancy:
    """Weighted mean of occupation level, skills Jaccard, same region and kNN closeness, times
    the occupation and place factors of ``SimilarWeights``."""
    if base.occupation_code and other.occupation_code:
        occupation = isco_level_score(base.occupation_code, other.occupation_code)
    else:
        occupation = NEUTRAL  # unknown: no occupation factor either
    base_terms, other_terms = _skill_set(base.skills), _skill_set(other.skills)
    skills = jaccard(base_terms, other_terms) if base_terms and other_terms else NEUTRAL
    region = 1.0 if base.region_kato == other.region_kato else 0.0
    neighbour = rank_score(rank, DEFAULT_PARAMS.rrf_k)
    total = weights.occupation + weights.skills + weights.region + weights.neighbour
    score = (
        weights.occupation * occupation
        + weights.skills * skills
        + weights.region * region
        + weights.neighbour * neighbour
    ) / total
    if occupation < 0.4:  # both known, not even the same sub-major group
        score *= weights.other_occupation
    km = distance_between(base, other)
    if km is not None and other.schedule != "remote" and km > weights.near_km:
        score *= max(weights.place_floor, (weights.near_km / km) ** weights.place_power)
    shared = tuple(s for s in other.skills if skill_terms(s) and skill_terms(s) <= base_terms)
    return SimilarVacancy(other.id, score, shared, km)


def distance_between(a: VacancyLike, b: VacancyLike) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return float(haversine_km(a.lat, a.lon, [b.lat], [b.lon])[0])


def rank_similar(
    base: VacancyLike,
    neighbours: Sequence[Neighbour],
    weights: SimilarWeights = DEFAULT_SIMILAR_WEIGHTS,
) -> list[SimilarVacancy]:
    """Neighbours best first, ties by id; the base vacancy and its near-duplicates are left out,
    and of several postings of one job only the best-scoring is kept."""
    scored = [
        (similar_score(base, n.vacancy, n.rank, weights), duplicate_key(n.vacancy))
        for n in neighbours
    ]
    scored.sort(key=lambda s: (-s[0].score, s[0].vacancy_id))
    seen = {duplicate_key(base)}
    out = []
    for item, key in scored:
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
