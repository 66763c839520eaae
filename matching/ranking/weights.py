"""Every number the ranker weighs with, in one place, so a bench can tune them by measurement.

The final score of a vacancy for a seeker is

    base   = sum_i w_i * f_i / sum_i w_i          (f_i in [0, 1]: the features of ``features``)
    final  = base * kind_factor * eligibility_factor * spreading_factor

so it stays in [0, 1]. Values were set by judgement, then text/vector raised and skills/distance
lowered once after ``bench/relevance.py`` (held-out hh.kz vacancies, relevance = same
occupation) showed the retrieval evidence drowned by features that benchmark cannot see. Do not
tune distance or skills to zero on that benchmark: it has no signal for them.

============  ======  =========================================================================
feature       weight  why
============  ======  =========================================================================
occupation    0.22    the strongest single signal of fit; also the bench's relevance label
skills        0.12    what the employer asked for, in its own words; partial credit per skill
text          0.16    BM25 rank: the seeker's own words in the title/description
vector        0.16    kNN rank: meaning beyond shared words (kk/ru paraphrase)
distance      0.08    people take work they can reach; most seekers search locally (domain.md)
salary        0.07    matters, but a job below the wish is still worth seeing
experience    0.06    a soft gate: employers relax it, seekers stretch
education     0.05    a soft gate; more often a formality than a requirement
specialty     0.04    the diploma's specialty; mostly already carried by occupation
schedule      0.04    a stated preference; rarely a hard constraint
language      0.02    kk/ru bilingualism is common; matters for a few posts
recency       0.02    old postings are often filled; a tie-breaker, not a driver
============  ======  =========================================================================

Factors (multiplied in after the weighted mean). A weighted mean lets any feature be outweighed
by the others: a job 800 km away in the seeker's occupation outscored one in town, and a plumber
matched a cook's vacancy on one shared skill. What cannot be traded off is a factor:

* reach: 1 within the commute limit (the seeker's, else the suitable-work default of the
  rules: 30 km in a town, 50 km in a village), for remote and rotation work and where the
  distance is unknown; beyond it ``floor + (beyond_reach - floor) * (limit / km) ** power``
  (floor 0.3, 0.8, power 0.35): a step at the limit, then nearer work before farther (for a
  30 km limit: 176 km keeps 0.57, 794 km 0.46), never below the floor, so the person's own
  trade far away still comes before another trade in town.
* occupation, when the person's is known: the same unit or minor ISCO group 1; the same
  sub-major group only (a cook and a waiter) ``distant_occupation`` 0.7; otherwise
  ``other_occupation`` 0.2, below any reach factor: a shared skill or word is not a trade. A
  posting without an occupation gets between 0.2 and ``unknown_occupation`` 0.6 by how well it
  matched the person's words: the better of its text and vector rank scores to the power
  ``unknown_evidence_power`` (4), so only a posting near the top of the whole index's lists
  counts as probably their trade.
* ``missing_language`` 0.7 for each required language the person does not list (only when
  their languages are known): a post asking for English is demoted for someone without it.

Kind factors:

* ``public_works`` 0.8: public-works pay is set so as not to keep people there (domain.md), so
  an equally matching permanent job must come first.
* ``not_obliged`` 0.6: people not obliged to take part in active measures (disability group
  1-2, full-time students, carers, ...) still see programme places, but they are not pushed.
* ``eligibility_unknown`` 0.7: programme places for someone whose facts are unknown
  (anonymous) are shown, marked "register at a centre", below equally matching open jobs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

FEATURES: tuple[str, ...] = (
    "occupation",
    "specialty",
    "skills",
    "distance",
    "salary",
    "schedule",
    "experience",
    "education",
    "language",
    "recency",
    "text",
    "vector",
)


@dataclass(frozen=True, slots=True)
class RankingWeights:
    """Feature weights (any non-negative scale; they are normalised) and kind factors."""

    occupation: float = 0.22
    specialty: float = 0.04
    skills: float = 0.12
    distance: float = 0.08
    salary: float = 0.07
    schedule: float = 0.04
    experience: float = 0.06
    education: float = 0.05
    language: float = 0.02
    recency: float = 0.02
    text: float = 0.16
    vector: float = 0.16
    public_works: float = 0.8
    not_obliged: float = 0.6
    eligibility_unknown: float = 0.7
    other_occupation: float = 0.2
    distant_occupation: float = 0.7
    unknown_occupation: float = 0.6
    unknown_evidence_power: float = 4.0
    missing_language: float = 0.7
    beyond_reach: float = 0.8
    beyond_reach_floor: float = 0.3
    beyond_reach_power: float = 0.35

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not value >= 0:
                raise ValueError(f"{f.name}: must be >= 0, got {value!r}")
        if self.total() <= 0:
            raise ValueError("weights: at least one feature weight must be positive")
        if self.beyond_reach_floor > self.beyond_reach:
            raise ValueError("beyond_reach_floor: must not exceed beyond_reach")
        for name in (
            "public_works",
            "not_obliged",
            "eligibility_unknown",
            "other_occupation",
            "distant_occupation",
            "unknown_occupation",
            "missing_language",
            "beyond_reach",
            "beyond_reach_floor",
        ):
            if getattr(self, name) > 1:
                raise ValueError(f"{name}: a kind factor must be in [0, 1]")

    def total(self) -> float:
        return float(sum(getattr(self, name) for name in FEATURES))

    def normalised(self) -> npt.NDArray[np.float64]:
        """Feature weights in ``FEATURES`` order, normalised to sum to 1."""
        raw = np.array([getattr(self, name) for name in FEATURES], dtype=np.float64)
        out: npt.NDArray[np.float64] = raw / raw.sum()
        return out

    @classmethod
    def only(cls, *names: str) -> RankingWeights:
        """Weights using only ``names`` (e.g. ``only("text")`` is the BM25-only baseline), with
        the reach, occupation and language factors switched off."""
        unknown = set(names) - set(FEATURES)
        if unknown or not names:
            raise ValueError(f"only: expected some of {FEATURES}, got {names}")
        gates_off = {
            "other_occupation": 1.0,
            "distant_occupation": 1.0,
            "unknown_occupation": 1.0,
            "missing_language": 1.0,
            "beyond_reach": 1.0,
            "beyond_reach_floor": 1.0,
            "beyond_reach_power": 0.0,
        }
        return cls(**{name: (1.0 if name in names else 0.0) for name in FEATURES}, **gates_off)


@dataclass(frozen=True, slots=True)
class FeatureParams:
    """The shapes of the feature curves (see ``features``)."""

    near_km: float = 5.0  # distance scores 1.0 up to here
    salary_floor: float = 0.5  # an offer at this share of the wish (or below) scores 0
    recency_half_life_days: float = 14.0
    rrf_k: int = 60  # reciprocal-rank scale, as indexer.fusion's default
    past_occupation: float = 0.8  # a past occupation counts this much of a desired one
    # Share of a skill's distinctive words the seeker must have for it to count as theirs
    # ("yours" in explanations); a partly covered skill still earns its coverage in the score.
    skill_match_share: float = 1.0

    def __post_init__(self) -> None:
        if self.near_km < 0:
            raise ValueError("near_km: must be >= 0")
        if not 0 <= self.salary_floor < 1:
            raise ValueError("salary_floor: must be in [0, 1)")
        if self.recency_half_life_days <= 0 or self.rrf_k < 1:
            raise ValueError("recency_half_life_days / rrf_k: must be positive")
        if not 0 <= self.past_occupation <= 1 or not 0 < self.skill_match_share <= 1:
            raise ValueError("past_occupation / skill_match_share: out of range")


@dataclass(frozen=True, slots=True)
class FairSpreadingParams:
    """Fair spreading of applicants over vacancies (``fairness``); ``strength=0`` disables it.

    ``free_ratio``: pending applications per place that cost nothing (one per place by
    default: a place with one candidate waiting is not crowded). ``floor``: the factor never
    goes below this, so a crowded but excellent match is demoted, never hidden.
    """

    strength: float = 0.5
    free_ratio: float = 1.0
    floor: float = 0.2

    def __post_init__(self) -> None:
        if self.strength < 0 or self.free_ratio < 0 or not 0 <= self.floor <= 1:
            raise ValueError("fair spreading: strength/free_ratio >= 0, floor in [0, 1]")


@dataclass(frozen=True, slots=True)
class SimilarWeights:
    """For "similar vacancies": occupation path, skill overlap, same region, kNN closeness.

    Then two factors, as for a seeker (see ``RankingWeights``): ``other_occupation`` when the
    occupations differ, and place: 1.0 within ``near_km`` of the vacancy (remote work, or
    coordinates unknown: 1.0), beyond it ``(near_km / km) ** place_power``, never below
    ``place_floor``: the same job in the same town first, the same job elsewhere still shown.
    """

    occupation: float = 0.45
    skills: float = 0.25
    region: float = 0.10
    neighbour: float = 0.20
    other_occupation: float = 0.5
    near_km: float = 50.0
    place_power: float = 0.5
    place_floor: float = 0.4

    def __post_init__(self) -> None:
        values = (self.occupation, self.skills, self.region, self.neighbour)
        if min(values) < 0 or sum(values) <= 0:
            raise ValueError("similar weights: non-negative, at least one positive")
        if not 0 <= self.other_occupation <= 1 or not 0 <= self.place_floor <= 1:
            raise ValueError("similar weights: factors must be in [0, 1]")
        if self.near_km <= 0 or self.place_power < 0:
            raise ValueError("similar weights: near_km > 0, place_power >= 0")


@dataclass(frozen=True, slots=True)
class DuplicateParams:
    """Near-duplicate thresholds: text Jaccard (MinHash estimate) or embedding cosine."""

    jaccard: float = 0.9
    cosine: float = 0.97


DEFAULT_WEIGHTS = RankingWeights()
# Employers/staff ranking CVs: the CV's own words carry less (CVs are short), skills more.
CANDIDATE_WEIGHTS = RankingWeights(
    occupation=0.24,
    specialty=0.04,
    skills=0.22,
    distance=0.12,
    salary=0.08,
    schedule=0.04,
    experience=0.08,
    education=0.06,
    language=0.02,
    recency=0.02,
    text=0.04,
    vector=0.04,
)
DEFAULT_PARAMS = FeatureParams()
