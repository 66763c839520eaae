"""Programme rules applied inside ranking, and the kind factors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from indexer.documents import VacancyDocument
from matching.ranking import (
    DEFAULT_WEIGHTS,
    Candidate,
    RankedVacancy,
    SeekerProfile,
    rank,
)
from matching.rules import CARE_CHILD, CareRecipient, EducationEntry, PersonFacts, RuleParams

TODAY = date(2025, 5, 15)
GRADUATED = date(2024, 6, 30)


def _person(age: int, **kw: object) -> PersonFacts:
    facts: dict[str, object] = {
        "birth_date": date(TODAY.year - age, 1, 10),
        "sex": "female",
        "status": "unemployed",
        "registered_on": date(2025, 3, 1),
        "education": (
            EducationEntry("higher", specialty_name="Учёт и аудит", graduated_on=GRADUATED),
        ),
    }
    facts.update(kw)
    return PersonFacts(**facts)  # type: ignore[arg-type]


def _profile(person: PersonFacts | None) -> SeekerProfile:
    return SeekerProfile(
        desired_occupations=("2411",),
        skills=("1С", "Excel"),
        education_level="higher",
        graduated_on=GRADUATED,
        person=person,
    )


def _vacancy(id: int, kind: str = "regular", **kw: object) -> VacancyDocument:
    fields: dict[str, object] = {
        "id": id,
        "title": "Бухгалтер",
        "employer_id": 5,
        "region_kato": "750000000",
        "occupation_code": "2411",
        "kind": kind,
        "skills": ("1С", "Excel"),
    }
    fields.update(kw)
    return VacancyDocument(**fields)  # type: ignore[arg-type]


def _ids(ranked: list[RankedVacancy]) -> list[int]:
    return [r.vacancy_id for r in ranked]


def _rank(
    person: PersonFacts | None, *vacancies: VacancyDocument, **kw: object
) -> list[RankedVacancy]:
    return rank(_profile(person), [Candidate(v) for v in vacancies], today=TODAY, **kw)  # type: ignore[arg-type]


def test_youth_practice_for_a_29_year_old_graduate_in_specialty() -> None:
    (ranked,) = _rank(_person(29), _vacancy(1, "youth_practice"))
    assert ranked.eligibility is not None and ranked.eligibility.allowed
    assert "in_specialty" in ranked.eligibility.codes
    assert ranked.factors["eligibility"] == 1.0
    assert ranked.explanation.to_dict()["eligibility"]["allowed"] is True


def test_youth_practice_not_offered_at_30() -> None:
    assert _rank(_person(30), _vacancy(1, "youth_practice")) == []
    (kept,) = _rank(_person(30), _vacancy(1, "youth_practice"), include_ineligible=True)
    assert not kept.offerable
    assert kept.eligibility is not None and "over_max_age" in kept.eligibility.codes
    reasons = kept.explanation.to_dict()["eligibility"]["reasons"]
    assert any("29" in r["kk"] and "29" in r["ru"] for r in reasons)


def test_youth_practice_outside_specialty_is_not_offered() -> None:
    cook = _vacancy(1, "youth_practice", title="Повар", occupation_code="5120", skills=())
    (kept,) = _rank(_person(25), cook, include_ineligible=True)
    assert kept.eligibility is not None and "specialty_mismatch" in kept.eligibility.codes


def test_youth_practice_age_bound_is_a_rule_parameter() -> None:
    params = replace(RuleParams(effective_from=date(2020, 1, 1)), youth_practice_max_age=30)
    assert _ids(_rank(_person(30), _vacancy(1, "youth_practice"), rule_params=params)) == [1]


def test_social_job_only_for_the_registered_unemployed() -> None:
    social = _vacancy(1, "social_job")
    assert _ids(_rank(_person(40), social)) == [1]
    assert _rank(_person(40, status="job_seeker"), social) == []
    assert _rank(_person(40, status=None), social) == []


def test_hazardous_social_job_and_youth_practice_never_offered() -> None:
    hazardous = (
        _vacancy(1, "social_job", hazardous=True),
        _vacancy(2, "youth_practice", hazardous=True),
        _vacancy(3, "regular", hazardous=True),
    )
    assert _ids(_rank(_person(25), *hazardous)) == [3]
    assert _ids(_rank(None, *hazardous)) == [3]  # not for anonymous seekers either
    staff = _rank(_person(25), *hazardous, include_ineligible=True)
    assert [r.offerable for r in staff] == [True, False, False]
    assert all("hazardous_work" in r.eligibility.codes for r in staff[1:] if r.eligibility)


def test_public_works_rank_below_an_equally_matching_permanent_job() -> None:
    ranked = _rank(_person(40), _vacancy(1, "public_works"), _vacancy(2, "regular"))
    assert _ids(ranked) == [2, 1]
    assert ranked[0].base_score == pytest.approx(ranked[1].base_score)
    assert ranked[1].factors["kind"] == DEFAULT_WEIGHTS.public_works


def test_not_obliged_person_sees_programme_places_down_weighted() -> None:
    carer = _person(40, cares_for=(CareRecipient(CARE_CHILD, date(2022, 3, 1)),))
    social, regular = _vacancy(1, "social_job"), _vacancy(2, "regular")
    ranked = _rank(carer, social, regular)
    assert _ids(ranked) == [2, 1]
    place = ranked[1]
    assert place.eligibility is not None and place.eligibility.not_obliged
    assert place.factors["eligibility"] == DEFAULT_WEIGHTS.not_obliged
    assert "carer_child" in place.eligibility.codes

    (obliged,) = _rank(_person(40), social)
    assert place.score == pytest.approx(obliged.score * DEFAULT_WEIGHTS.not_obliged)


def test_disability_quota_needs_a_disability() -> None:
    quota = _vacancy(1, "disability_quota")
    assert _rank(_person(40), quota) == []
    (ranked,) = _rank(_person(40, disability_group=3), quota)
    assert ranked.eligibility is not None and ranked.eligibility.allowed
    assert ranked.factors["eligibility"] == 1.0


def test_anonymous_seekers_see_programme_places_marked_and_below_open_jobs() -> None:
    ranked = _rank(None, _vacancy(1, "social_job"), _vacancy(2, "regular"))
    assert _ids(ranked) == [2, 1]
    eligibility = ranked[1].eligibility
    assert eligibility is not None and eligibility.allowed is None
    assert eligibility.codes == ("registration_needed",)
    assert ranked[1].factors["eligibility"] == DEFAULT_WEIGHTS.eligibility_unknown
    assert ranked[0].eligibility is None
