"""Second-stage ranking: score what retrieval found, explain it, apply the programme rules.

Pure logic (stdlib + numpy, ``matching.text``, ``matching.rules``): no web, SQL or engine
imports. Vacancies and CVs are read through the ``VacancyLike`` / ``CvLike`` protocols, which
the indexer's documents satisfy.
"""

from matching.ranking.candidates import CandidateCv, RankedCv, rank_candidates
from matching.ranking.duplicates import (
    PostingFingerprint,
    find_duplicate,
    fingerprint,
    is_duplicate,
)
from matching.ranking.eligibility import Eligibility, Reason
from matching.ranking.explain import Explanation, Note
from matching.ranking.fairness import Load, spreading_factor
from matching.ranking.features import Fit, SkillFit
from matching.ranking.match import Retrieval, commute_limit_km
from matching.ranking.profile import CvLike, SeekerProfile, VacancyLike, profile_from_cv
from matching.ranking.scorer import Candidate, RankedVacancy, rank
from matching.ranking.similar import Neighbour, SimilarVacancy, rank_similar, similar_score
from matching.ranking.weights import (
    CANDIDATE_WEIGHTS,
    DEFAULT_PARAMS,
    DEFAULT_WEIGHTS,
    FEATURES,
    DuplicateParams,
    FairSpreadingParams,
    FeatureParams,
    RankingWeights,
    SimilarWeights,
)

__all__ = [
    "CANDIDATE_WEIGHTS",
    "DEFAULT_PARAMS",
    "DEFAULT_WEIGHTS",
    "FEATURES",
    "Candidate",
    "CandidateCv",
    "CvLike",
    "DuplicateParams",
    "Eligibility",
    "Explanation",
    "FairSpreadingParams",
    "FeatureParams",
    "Fit",
    "Load",
    "Neighbour",
    "Note",
    "PostingFingerprint",
    "RankedCv",
    "RankedVacancy",
    "RankingWeights",
    "Reason",
    "Retrieval",
    "SeekerProfile",
    "SimilarVacancy",
    "SimilarWeights",
    "SkillFit",
    "VacancyLike",
    "commute_limit_km",
    "find_duplicate",
    "fingerprint",
    "is_duplicate",
    "profile_from_cv",
    "rank",
    "rank_candidates",
    "rank_similar",
    "similar_score",
    "spreading_factor",
]
