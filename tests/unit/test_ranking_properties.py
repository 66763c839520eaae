"""Properties of ``rank`` over generated seekers and candidates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.documents import VacancyDocument
from matching.ranking import Candidate, Load, SeekerProfile, rank

TODAY = date(2025, 5, 15)
CODES = st.sampled_from(["2512", "2513", "2521", "2611", "5223", "8322", "9112"])
SKILLS = st.sampled_from(
    ["Excel", "1С", "Водительские права", "Кассовый аппарат", "Ағылшын тілі", "Python", "Продажи"]
)
LAT = st.floats(42.0, 52.0, allow_nan=False)
LON = st.floats(50.0, 85.0, allow_nan=False)
SALARY = st.none() | st.integers(50_000, 1_000_000)


@st.composite
def vacancies(draw: st.DrawFn, id: int) -> VacancyDocument:
    located = draw(st.booleans())
    return VacancyDocument(
        id=id,
        title=draw(st.sampled_from(["Продавец", "Бухгалтер", "Жүргізуші", "Программист"])),
        employer_id=draw(st.integers(1, 5)),
        region_kato="750000000",
        occupation_code=draw(st.none() | CODES),
        lat=draw(LAT) if located else None,
        lon=draw(LON) if located else None,
        salary_from=draw(SALARY),
        salary_to=draw(SALARY),
        schedule=draw(st.sampled_from(["full_day", "shift", "flexible", "remote", "rotation"])),
        experience=draw(st.sampled_from(["none", "1_3", "3_6", "6_plus"])),
        education=draw(st.sampled_from([None, "secondary", "tipo", "higher"])),
        kind=draw(
            st.sampled_from(
                ["regular", "social_job", "youth_practice", "public_works", "disability_quota"]
            )
        ),
        hazardous=draw(st.booleans()),
        published_at=datetime(2025, 5, 1, tzinfo=UTC) + timedelta(days=draw(st.integers(-90, 30))),
        skills=tuple(draw(st.lists(SKILLS, max_size=4, unique=True))),
        languages=tuple(draw(st.lists(st.sampled_from(["kk", "ru", "en"]), max_size=2))),
    )


@st.composite
def candidate_lists(draw: st.DrawFn) -> list[Candidate]:
    n = draw(st.integers(0, 25))
    out = []
    for i in range(n):
        out.append(
            Candidate(
                draw(vacancies(i + 1)),
                text_rank=draw(st.none() | st.integers(1, 500)),
                vector_rank=draw(st.none() | st.integers(1, 500)),
                distance_km=draw(st.none() | st.floats(0, 2000, allow_nan=False)),
            )
        )
    return out


@st.composite
def profiles(draw: st.DrawFn) -> SeekerProfile:
    located = draw(st.booleans())
    return SeekerProfile(
        text=draw(st.sampled_from(["", "ищу работу продавцом", "бухгалтер 1С"])),
        skills=tuple(draw(st.lists(SKILLS, max_size=4))),
        desired_occupations=tuple(draw(st.lists(CODES, max_size=2))),
        past_occupations=tuple(draw(st.lists(CODES, max_size=2))),
        education_level=draw(st.sampled_from([None, "secondary", "higher"])),
        experience_years=draw(st.none() | st.floats(0, 40, allow_nan=False)),
        lat=draw(LAT) if located else None,
        lon=draw(LON) if located else None,
        max_commute_km=draw(st.none() | st.floats(1, 200, allow_nan=False)),
        desired_salary=draw(SALARY),
        schedules=tuple(draw(st.lists(st.sampled_from(["full_day", "remote"]), max_size=2))),
        languages=tuple(draw(st.lists(st.sampled_from(["kk", "ru"]), max_size=2))),
    )


def _offerable(candidate: Candidate) -> bool:
    v = candidate.vacancy
    return not (v.hazardous and v.kind in ("social_job", "youth_practice"))


@settings(max_examples=150, deadline=None)
@given(profiles(), candidate_lists(), st.dictionaries(st.integers(1, 25), st.integers(0, 30)))
def test_scores_bounded_permutation_and_deterministic(
    profile: SeekerProfile, candidates: list[Candidate], pending: dict[int, int]
) -> None:
    loads = {vacancy_id: Load(n, 1) for vacancy_id, n in pending.items()}
    ranked = rank(profile, candidates, today=TODAY, fairness=loads)

    assert all(0.0 <= r.score <= r.base_score <= 1.0 for r in ranked)
    assert sorted(r.vacancy_id for r in ranked) == sorted(
        c.vacancy.id for c in candidates if _offerable(c)
    )
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    again = rank(profile, list(candidates), today=TODAY, fairness=loads)
    assert [(r.vacancy_id, r.score) for r in again] == [(r.vacancy_id, r.score) for r in ranked]
    assert rank(profile, candidates[::-1], today=TODAY, fairness=loads) == ranked


@settings(max_examples=50, deadline=None)
@given(profiles(), candidate_lists())
def test_staff_view_keeps_everything_and_marks_the_rest(
    profile: SeekerProfile, candidates: list[Candidate]
) -> None:
    ranked = rank(profile, candidates, today=TODAY, include_ineligible=True)
    assert sorted(r.vacancy_id for r in ranked) == sorted(c.vacancy.id for c in candidates)
    flags = [r.offerable for r in ranked]
    assert flags == sorted(flags, reverse=True)  # offerable ones first
