"""The features: pure functions, each a score in [0, 1] with its evidence.

Convention: missing information on either side scores a neutral 0.5; a side that states no
requirement or preference (no salary wish, no schedule wish, "no experience needed") scores 1.0,
since nothing is violated. Reason codes are turned into kk/ru text by ``explain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from matching.ranking.profile import education_rank
from matching.ranking.terms import skill_terms

NEUTRAL = 0.5
_CACHE = 8192  # the functions are pure and their inputs repeat across requests
EARTH_RADIUS_KM = 6371.0088
# Score by the number of leading ISCO-08 digits two codes share (unit group = 4 digits).
ISCO_LEVEL_SCORES = (0.0, 0.15, 0.4, 0.7, 1.0)
# Required experience band -> (minimum years, maximum years or None).
EXPERIENCE_BANDS: dict[str, tuple[float, float | None]] = {
    "none": (0.0, None),
    "1_3": (1.0, 3.0),
    "3_6": (3.0, 6.0),
    "6_plus": (6.0, None),
}
OVERQUALIFIED_YEARS = 3.0  # beyond a band's top by this much, experience scores 0.8
OVERQUALIFIED_SCORE = 0.8
EDUCATION_ONE_BELOW = 0.4  # one level short of the requirement: still worth a look


@dataclass(frozen=True, slots=True)
class Fit:
    """A feature's score with its reason code, a number (km, tenge, years) and items.

    ``bounds`` is a range the reason states (a salary's from/to: either may be missing).
    """

    score: float
    code: str
    value: float | None = None
    items: tuple[str, ...] = ()
    bounds: tuple[float | None, float | None] = (None, None)


@dataclass(frozen=True, slots=True)
class SkillFit:
    """Vacancy skills the seeker has / lacks, in the vacancy's own wording."""

    score: float
    matched: tuple[str, ...]
    missing: tuple[str, ...]


@lru_cache(maxsize=_CACHE)
def isco_level_score(a: str, b: str) -> float:
    """1.0 same unit group, 0.7 same minor, 0.4 same sub-major, 0.15 same major group, else 0.

    A code given at a coarser level covers its whole group ("25" covers "2512").
    """
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    if shared == min(len(a), len(b)) and shared > 0:
        return 1.0
    return ISCO_LEVEL_SCORES[min(shared, 4)]


@lru_cache(maxsize=_CACHE)
def occupation_fit(
    desired: tuple[str, ...], past: tuple[str, ...], code: str | None, past_weight: float
) -> Fit:
    """Best ISCO match of the vacancy's code against desired (full) and past (discounted)."""
    if not code or not (desired or past):
        return Fit(NEUTRAL, "occupation_unknown")
    best = max((isco_level_score(c, code) for c in desired if c), default=0.0)
    best_past = max((isco_level_score(c, code) for c in past if c), default=0.0) * past_weight
    score = max(best, best_past)
    if score >= 1.0:
        return Fit(score, "occupation_same")
    if score >= 0.4:
        return Fit(score, "occupation_related")
    return Fit(score, "occupation_other")


@lru_cache(maxsize=_CACHE)
def specialty_fit(specialties: tuple[frozenset[str], ...], vacancy_terms: frozenset[str]) -> Fit:
    """Share of the best specialty name's words found in the vacancy's title and skills."""
    if not specialties:
        return Fit(NEUTRAL, "specialty_unknown")
    best = max((len(s & vacancy_terms) / len(s) for s in specialties if s), default=0.0)
    return Fit(best, "specialty_match" if best >= 0.5 else "specialty_other")


@lru_cache(maxsize=_CACHE)
def skills_fit(
    seeker_terms: frozenset[str],
    vacancy_skills: tuple[str, ...],
    share: float,
    declared: bool = True,
) -> SkillFit:
    """Mean per-skill coverage; a skill is matched when ``share`` of its words are covered.

    A matched skill counts 1.0, an unmatched one its partial coverage. With no vacancy skills,
    or nothing known about the seeker, the score is neutral (missing skills are still listed).
    When the seeker ``declared`` no skills (a short query, a bare profile), coverage found in
    their text can only lift the score above neutral: silence is not a lack of skills.
    """
    if not vacancy_skills:
        return SkillFit(NEUTRAL, (), ())
    matched: list[str] = []
    missing: list[str] = []
    total = 0.0
    for skill in vacancy_skills:
        terms = skill_terms(skill)
        if not terms:
            continue
        covered = len(terms & seeker_terms) / len(terms)
        if covered >= share:
            matched.append(skill)
            total += 1.0
        else:
            missing.append(skill)
            total += covered
    counted = len(matched) + len(missing)
    if not counted or not seeker_terms:
        return SkillFit(NEUTRAL, (), tuple(missing))
    score = total / counted
    if not declared:
        score = NEUTRAL + (1.0 - NEUTRAL) * score
    return SkillFit(score, tuple(matched), tuple(missing))


def distance_fit(km: float | None, max_commute_km: float, schedule: str, near_km: float) -> Fit:
    """1.0 within ``near_km``, falling linearly to 0 at ``max_commute_km``; remote work 1.0.

    Rotation work (вахта) is lived at, not commuted to: it never scores below neutral.
    """
    if schedule == "remote":
        return Fit(1.0, "distance_remote", km)
    if km is None:
        return Fit(NEUTRAL, "distance_unknown")
    if km <= near_km:
        fit = Fit(1.0, "distance_near", km)
    elif km >= max_commute_km:
        fit = Fit(0.0, "distance_far", km)
    else:
        fit = Fit((max_commute_km - km) / (max_commute_km - near_km), "distance_commute", km)
    if schedule == "rotation" and fit.score < NEUTRAL:
        return Fit(NEUTRAL, "distance_rotation", km)
    return fit


def reach_factor(
    distance: Fit, max_commute_km: float, step: float, floor: float, power: float
) -> float:
    """How far beyond the commute limit a workplace is, as a factor on the final score.

    1.0 within the limit, for remote and rotation work and for unknown distances; beyond it
    ``floor + (step - floor) * (limit / km) ** power``: a step down at the limit, then nearer
    work beyond the limit before farther, never below ``floor``.
    """
    if distance.code != "distance_far" or distance.value is None or distance.value <= 0:
        return 1.0
    share = min(1.0, max_commute_km / distance.value) ** power
    return float(min(1.0, floor + (step - floor) * share))


@lru_cache(maxsize=_CACHE)
def salary_fit(
    desired: int | None, salary_from: int | None, salary_to: int | None, floor: float
) -> Fit:
    """1.0 when the offered range reaches the wish; below it, linear down to 0 at ``floor``.

    The fit keeps the offer as posted (``bounds`` = from, to) and the wish as ``value``, so
    an explanation says "from 400 000" for a posting that pays from 400 000.
    """
    offer = (
        None if salary_from is None else float(salary_from),
        None if salary_to is None else float(salary_to),
    )
    if desired is None or desired <= 0:
        return Fit(1.0, "salary_no_wish", bounds=offer)
    offered = [s for s in (salary_from, salary_to) if s is not None]
    if not offered:
        return Fit(NEUTRAL, "salary_unknown", float(desired))
    top = max(offered)
    if top >= desired:
        return Fit(1.0, "salary_meets", float(desired), bounds=offer)
    score = (top / desired - floor) / (1.0 - floor)
    return Fit(min(1.0, max(0.0, score)), "salary_below", float(desired), bounds=offer)


@lru_cache(maxsize=_CACHE)
def schedule_fit(desired: tuple[str, ...], schedule: str) -> Fit:
    if not desired:
        return Fit(1.0, "schedule_any")
    if schedule in desired:
        return Fit(1.0, "schedule_match")
    return Fit(0.0, "schedule_mismatch", items=(schedule,))


@lru_cache(maxsize=_CACHE)
def experience_fit(years: float | None, required: str) -> Fit:
    """Full marks inside (or above) the band; below it, the share of the minimum reached."""
    low, high = EXPERIENCE_BANDS.get(required, (0.0, None))
    if low <= 0:
        return Fit(1.0, "experience_not_required")
    if years is None:
        # Unknown experience says nothing either way about a requirement.
        return Fit(NEUTRAL, "experience_unknown", low)
    if years < low:
        return Fit(years / low, "experience_short", low)
    if high is not None and years > high + OVERQUALIFIED_YEARS:
        return Fit(OVERQUALIFIED_SCORE, "experience_over", years)
    return Fit(1.0, "experience_meets", years)


@lru_cache(maxsize=_CACHE)
def education_fit(level: str | None, required: str | None) -> Fit:
    need = education_rank(required)
    if need is None or need == 0:
        return Fit(1.0, "education_not_required")
    have = education_rank(level)
    if have is None:
        return Fit(NEUTRAL, "education_unknown", items=(required or "",))
    if have >= need:
        return Fit(1.0, "education_meets")
    score = EDUCATION_ONE_BELOW if need - have == 1 else 0.0
    return Fit(score, "education_below", items=(required or "",))


@lru_cache(maxsize=_CACHE)
def language_fit(have: tuple[str, ...], required: tuple[str, ...]) -> Fit:
    need = tuple(dict.fromkeys(r.strip().casefold() for r in required if r.strip()))
    if not need:
        return Fit(1.0, "language_not_required")
    known = {h.strip().casefold() for h in have}
    if not known:
        return Fit(NEUTRAL, "language_unknown", items=need)
    missing = tuple(n for n in need if n not in known)
    if not missing:
        return Fit(1.0, "language_meets")
    return Fit(1.0 - len(missing) / len(need), "language_missing", items=missing)


@lru_cache(maxsize=_CACHE)
def recency_fit(published_at: datetime | None, today: date, half_life_days: float) -> Fit:
    """Halves every ``half_life_days`` since publication; undated postings are neutral."""
    if published_at is None:
        return Fit(NEUTRAL, "recency_unknown")
    age = max(0, (today - published_at.date()).days)
    return Fit(0.5 ** (age / half_life_days), "recency", float(age))


def rank_score(rank: int | None, k: int) -> float:
    """Reciprocal rank scaled to 1.0 at rank 1: ``k / (k + rank - 1)``; absent → 0."""
    if rank is None or rank < 1:
        return 0.0
    return k / (k + rank - 1)
