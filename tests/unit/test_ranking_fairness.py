"""Fair spreading (``matching.ranking.fairness``) on its own and inside ``rank``."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.documents import VacancyDocument
from matching.ranking import Candidate, FairSpreadingParams, Load, SeekerProfile, rank
from matching.ranking.fairness import spreading_factor

TODAY = date(2025, 5, 15)


def _twin(id: int) -> VacancyDocument:
    return VacancyDocument(
        id=id, title="Бухгалтер", employer_id=id, region_kato="750000000", occupation_code="2411"
    )


def test_strength_zero_has_no_effect() -> None:
    params = FairSpreadingParams(strength=0.0)
    assert spreading_factor(Load(pending=500, places=1), params) == 1.0


@pytest.mark.parametrize(
    ("pending", "places", "expected"),
    [
        (0, 1, 1.0),
        (1, 1, 1.0),  # one candidate per place is not crowded
        (3, 1, 1 / (1 + 0.5 * 2)),
        (6, 2, 1 / (1 + 0.5 * 2)),  # per place
        (1000, 1, 0.2),  # the floor: demoted, never hidden
        (5, 0, 1 / (1 + 0.5 * 4)),  # no places left counts as one
    ],
)
def test_factor(pending: int, places: int, expected: float) -> None:
    assert spreading_factor(Load(pending, places), FairSpreadingParams()) == pytest.approx(expected)


def test_unknown_load_is_neutral() -> None:
    assert spreading_factor(None, FairSpreadingParams()) == 1.0


def test_overloaded_vacancy_drops_below_an_equal_one() -> None:
    profile = SeekerProfile(desired_occupations=("2411",))
    candidates = [Candidate(_twin(1)), Candidate(_twin(2))]
    plain = rank(profile, candidates, today=TODAY)
    assert [r.vacancy_id for r in plain] == [1, 2]  # equal scores: by id
    assert plain[0].score == plain[1].score

    loads = {1: Load(pending=12, places=1), 2: Load(pending=0, places=1)}
    spread = rank(profile, candidates, today=TODAY, fairness=loads)
    assert [r.vacancy_id for r in spread] == [2, 1]
    assert spread[1].factors["spreading"] < 1.0
    assert spread[0].score == plain[0].score

    off = rank(
        profile,
        candidates,
        today=TODAY,
        fairness=loads,
        spreading=FairSpreadingParams(strength=0.0),
    )
    assert [(r.vacancy_id, r.score) for r in off] == [(r.vacancy_id, r.score) for r in plain]


def test_near_duplicate_postings_are_shown_once() -> None:
    profile = SeekerProfile(desired_occupations=("2411",))
    original = _twin(1)
    copy = VacancyDocument(
        id=2,
        title="Бухгалтер",
        employer_id=1,
        region_kato="750000000",
        occupation_code="2411",
        duplicate_group=1,
    )
    ranked = rank(profile, [Candidate(copy, text_rank=1), Candidate(original)], today=TODAY)
    assert [r.vacancy_id for r in ranked] == [2]  # the better-placed posting of the job
