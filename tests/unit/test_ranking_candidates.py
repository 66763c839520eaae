"""CVs for a vacancy (``rank_candidates``) and similar vacancies (``rank_similar``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from indexer.documents import CvDocument, VacancyDocument
from matching.ranking import CandidateCv, Neighbour, rank_candidates, rank_similar

TODAY = date(2025, 5, 15)
ALMATY = (43.2383, 76.9456)


def _vacancy(**kw: object) -> VacancyDocument:
    base: dict[str, object] = {
        "id": 1,
        "title": "Водитель категории C",
        "employer_id": 10,
        "region_kato": "750000000",
        "occupation_code": "8332",
        "lat": ALMATY[0],
        "lon": ALMATY[1],
        "salary_from": 300_000,
        "salary_to": 400_000,
        "experience": "1_3",
        "skills": ("Водительские права категории C", "Знание города"),
    }
    base.update(kw)
    return VacancyDocument(**base)  # type: ignore[arg-type]


def _cv(id: int, **kw: object) -> CvDocument:
    base: dict[str, object] = {
        "id": id,
        "seeker_id": 100 + id,
        "title": "Водитель",
        "region_kato": "750000000",
        "occupation_codes": ("8332",),
        "skills": ("водительские права категории C", "знание города Алматы"),
        "lat": ALMATY[0] + 0.01,
        "lon": ALMATY[1],
        "salary_expected": 350_000,
        "experience_years": 4.0,
        "updated_at": datetime(2025, 5, 10, tzinfo=UTC),
    }
    base.update(kw)
    return CvDocument(**base)  # type: ignore[arg-type]


def test_symmetric_scoring_prefers_the_fitting_cv() -> None:
    cvs = [
        CandidateCv(_cv(1, occupation_codes=("2411",), title="Бухгалтер", skills=("1С",))),
        CandidateCv(_cv(2)),
        CandidateCv(_cv(3, salary_expected=800_000, lat=ALMATY[0] + 0.5)),
    ]
    ranked = rank_candidates(_vacancy(), cvs, today=TODAY)
    assert [r.cv_id for r in ranked] == [2, 3, 1]
    best = ranked[0].explanation
    assert best.matched_skills == ("Водительские права категории C", "Знание города")
    assert best.distance_km == pytest.approx(1.1, abs=0.1)
    assert ranked[1].explanation.salary.code == "salary_below"
    assert all(0.0 <= r.score <= 1.0 for r in ranked)
    assert sum(ranked[0].contributions.values()) == pytest.approx(ranked[0].score)


def test_hidden_and_repeated_cvs_are_dropped() -> None:
    cvs = [CandidateCv(_cv(1, visibility="hidden")), CandidateCv(_cv(2)), CandidateCv(_cv(2))]
    assert [r.cv_id for r in rank_candidates(_vacancy(), cvs, today=TODAY)] == [2]


def test_engine_distance_is_used_when_given() -> None:
    ranked = rank_candidates(_vacancy(), [CandidateCv(_cv(1), distance_km=12.5)], today=TODAY)
    assert ranked[0].explanation.distance_km == 12.5


def test_similar_vacancies_prefer_same_occupation_skills_and_region() -> None:
    base = _vacancy()
    same = _vacancy(id=2, title="Водитель грузовика", employer_id=11)
    related = _vacancy(id=3, title="Водитель такси", occupation_code="8322", skills=("Права B",))
    other_region = _vacancy(id=4, region_kato="710000000")
    unrelated = _vacancy(id=5, title="Повар", occupation_code="5120", skills=("Кулинария",))
    neighbours = [
        Neighbour(unrelated, rank=1),
        Neighbour(related, rank=2),
        Neighbour(other_region, rank=3),
        Neighbour(same, rank=4),
        Neighbour(base, rank=5),
    ]
    ranked = rank_similar(base, neighbours)
    assert [s.vacancy_id for s in ranked] == [2, 4, 3, 5]
    assert ranked[0].shared_skills == ("Водительские права категории C", "Знание города")
    assert all(0.0 <= s.score <= 1.0 for s in ranked)


def test_similar_leaves_out_duplicates_of_the_base_and_of_each_other() -> None:
    base = _vacancy()
    copy_of_base = _vacancy(id=2, duplicate_group=1)
    other = _vacancy(id=3, title="Водитель грузовика")
    copy_of_other = _vacancy(id=4, title="Водитель грузовика", duplicate_group=3)
    neighbours = [
        Neighbour(v, rank=i + 1) for i, v in enumerate([copy_of_base, copy_of_other, other])
    ]
    assert [s.vacancy_id for s in rank_similar(base, neighbours)] == [4]
