"""``matching.ranking.weights``: validation, baselines, and the documented table kept honest."""

from __future__ import annotations

import re
from datetime import date

import pytest

from indexer.documents import VacancyDocument
from matching.ranking import FEATURES, Candidate, RankingWeights, SeekerProfile, rank
from matching.ranking import weights as weights_module


def test_docstring_table_matches_the_defaults() -> None:
    doc = weights_module.__doc__ or ""
    table = dict(re.findall(r"^(\w+)\s+(\d\.\d\d)\s", doc, flags=re.M))
    defaults = RankingWeights()
    assert set(table) == set(FEATURES)
    for name, value in table.items():
        assert getattr(defaults, name) == pytest.approx(float(value)), name


def test_normalised_weights_sum_to_one() -> None:
    assert RankingWeights().normalised().sum() == pytest.approx(1.0)
    assert RankingWeights(occupation=5.0).normalised().sum() == pytest.approx(1.0)


def test_invalid_weights_are_refused() -> None:
    with pytest.raises(ValueError):
        RankingWeights(skills=-0.1)
    with pytest.raises(ValueError):
        RankingWeights(public_works=1.5)
    with pytest.raises(ValueError):
        RankingWeights.only()
    with pytest.raises(ValueError):
        RankingWeights.only("bm25")


def test_bm25_only_baseline_ranks_by_text_rank() -> None:
    vacancies = [
        VacancyDocument(id=i, title="Сатушы", employer_id=1, region_kato="1", occupation_code=c)
        for i, c in ((1, "5223"), (2, "9112"))
    ]
    profile = SeekerProfile(desired_occupations=("5223",))
    candidates = [Candidate(vacancies[0], text_rank=2), Candidate(vacancies[1], text_rank=1)]
    bm25 = rank(profile, candidates, today=date(2025, 5, 1), weights=RankingWeights.only("text"))
    assert [r.vacancy_id for r in bm25] == [2, 1]
    full = rank(profile, candidates, today=date(2025, 5, 1))
    assert [r.vacancy_id for r in full] == [1, 2]
