"""Weight diagnosis and tuning for the relevance bench, on the ranker's cached feature matrices.

Tuning is honest by construction: the held-out profiles are split in two seeded halves, the
weights are searched on one half only and reported on both (and on the title queries, which
the search never sees). The search is coordinate ascent over a fixed grid of weight values,
starting from the current defaults and moving a weight only for a strict gain.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace

import numpy as np
from relevance_data import Query
from relevance_systems import Scored, ndcg

from matching.ranking import FEATURES, RankingWeights

GRID = (0.0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.10, 0.12, 0.16, 0.22, 0.30, 0.40)
MIN_GAIN = 1e-4
MAX_PASSES = 6
# Seeker preferences and constraints the bench's label (same occupation) knows nothing about:
# a tuner on that label can only learn to ignore them, so the "relevance-only" search keeps
# them at their current values and tunes the features that carry fit.
PREFERENCE_FEATURES = (
    "distance",
    "salary",
    "schedule",
    "experience",
    "education",
    "language",
    "recency",
)
RELEVANCE_FEATURES = tuple(f for f in FEATURES if f not in PREFERENCE_FEATURES)


def split_halves(n: int, seed: int) -> tuple[list[int], list[int]]:
    """Indices of a seeded half split: (tune, report)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    half = n // 2
    return sorted(order[:half]), sorted(order[half:])


def mean_ndcg(scored: Sequence[Scored], queries: Sequence[Query], weights: RankingWeights) -> float:
    if not queries:
        return 0.0
    total = sum(ndcg(s.order(weights), q.relevant) for s, q in zip(scored, queries, strict=True))
    return total / len(queries)


def weight_dict(weights: RankingWeights) -> dict[str, float]:
    return {f.name: round(float(getattr(weights, f.name)), 4) for f in fields(weights)}


@dataclass(frozen=True, slots=True)
class Step:
    feature: str
    old: float
    new: float
    objective: float


@dataclass(frozen=True, slots=True)
class Tuned:
    weights: RankingWeights
    start_objective: float
    objective: float
    steps: list[Step]
    features: tuple[str, ...]


def varying(scored: Sequence[Scored], features: Sequence[str]) -> tuple[str, ...]:
    """The features that differ between candidates of at least one query. A feature constant
    within every query cannot change an order in exact arithmetic; searching its weight would
    only fit floating-point tie-breaks (and could zero it for query sets it does matter in,
    as ``occupation`` for declared occupations)."""
    out = []
    for name in features:
        column = FEATURES.index(name)
        if any(s.features.shape[0] > 1 and np.ptp(s.features[:, column]) > 1e-12 for s in scored):
            out.append(name)
    return tuple(out)


def coordinate_ascent(
    scored: Sequence[Scored],
    queries: Sequence[Query],
    start: RankingWeights,
    features: Sequence[str] = FEATURES,
) -> Tuned:
    """Best grid value per varying feature in turn, repeated until a pass gains nothing."""
    features = varying(scored, features)
    current = start
    best = mean_ndcg(scored, queries, current)
    first = best
    steps: list[Step] = []
    for _ in range(MAX_PASSES):
        improved = False
        for name in features:
            old = float(getattr(current, name))
            for value in GRID:
                if value == old:
                    continue
                try:
                    trial = replace(current, **{name: value})
                except ValueError:  # all feature weights zero
                    continue
                objective = mean_ndcg(scored, queries, trial)
                if objective > best + MIN_GAIN:
                    best, current, improved = objective, trial, True
            if float(getattr(current, name)) != old:
                steps.append(Step(name, old, float(getattr(current, name)), best))
        if not improved:
            break
    return Tuned(current, first, best, steps, tuple(features))


def ablation(
    scored: Sequence[Scored], queries: Sequence[Query], weights: RankingWeights
) -> dict[str, float]:
    """nDCG@10 with each feature's weight set to zero in turn (a drop: the feature helps)."""
    out = {"(none)": mean_ndcg(scored, queries, weights)}
    for name in FEATURES:
        if getattr(weights, name) == 0:
            continue
        try:
            out[f"-{name}"] = mean_ndcg(scored, queries, replace(weights, **{name: 0.0}))
        except ValueError:
            continue
    return out


def only(scored: Sequence[Scored], queries: Sequence[Query]) -> dict[str, float]:
    """nDCG@10 of the ranker's candidates ordered by one feature alone."""
    return {name: mean_ndcg(scored, queries, RankingWeights.only(name)) for name in FEATURES}
