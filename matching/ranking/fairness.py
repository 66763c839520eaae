"""Fair spreading: demote vacancies that already hold many pending applicants per place.

Without it every strong seeker is sent to the same few attractive vacancies, which then hold
dozens of pending referrals while equally good ones nearby hold none. The factor is

    factor = max(floor, 1 / (1 + strength * max(0, pending / places - free_ratio)))

so up to ``free_ratio`` pending per place costs nothing, each further applicant per place
costs a little more, and ``strength = 0`` leaves every score unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.ranking.weights import FairSpreadingParams


@dataclass(frozen=True, slots=True)
class Load:
    """Pending applications and referrals (not yet answered) and open places of a vacancy."""

    pending: int
    places: int = 1

    def __post_init__(self) -> None:
        if self.pending < 0:
            raise ValueError("pending: negative")

    @property
    def per_place(self) -> float:
        return self.pending / max(1, self.places)


def spreading_factor(load: Load | None, params: FairSpreadingParams) -> float:
    """The multiplicative factor in [floor, 1] for one vacancy (no load known: 1.0)."""
    if load is None or params.strength == 0:
        return 1.0
    excess = max(0.0, load.per_place - params.free_ratio)
    return max(params.floor, 1.0 / (1.0 + params.strength * excess))


def spreading_factors(
    ids: Sequence[int], loads: Mapping[int, Load] | None, params: FairSpreadingParams
) -> npt.NDArray[np.float64]:
    """``spreading_factor`` for many vacancies at once, by vacancy id."""
    out = np.ones(len(ids), dtype=np.float64)
    if not loads or params.strength == 0:
        return out
    for i, vacancy_id in enumerate(ids):
        load = loads.get(vacancy_id)
        if load is not None:
            out[i] = spreading_factor(load, params)
    return out
