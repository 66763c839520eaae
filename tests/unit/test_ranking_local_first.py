"""The factors no feature may outweigh: reach, occupation, language (``scorer.fit_factors``)."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.documents import VacancyDocument
from matching.ranking import DEFAULT_WEIGHTS, Candidate, SeekerProfile, commute_limit_km, rank
from matching.ranking.features import Fit, reach_factor
from matching.rules import PersonFacts

TODAY = date(2026, 3, 16)
KARAGANDA = (49.8019, 73.1021)
PLACES = {
    "Караганда": KARAGANDA,
    "Темиртау": (50.0549, 72.9646),  # 30 km
    "Нура": (50.2621, 71.5484),  # 122 km
    "Астана": (51.1694, 71.4491),  # 193 km
    "Кызылорда": (44.8528, 65.5092),  # 794 km
}


def _vacancy(id: int, place: str, code: str | None, **kw: object) -> VacancyDocument:
    lat, lon = PLACES[place]
    values: dict[str, object] = {"title": "Вакансия", "employer_id": id, "region_kato": "1"}
    return VacancyDocument(id=id, lat=lat, lon=lon, occupation_code=code, **{**values, **kw})  # type: ignore[arg-type]


def _accountant(**kw: object) -> SeekerProfile:
    values: dict[str, object] = {
        "text": "Бухгалтер",
        "desired_occupations": ("2411",),
        "lat": KARAGANDA[0],
        "lon": KARAGANDA[1],
        "max_commute_km": 30,
    }
    return SeekerProfile(**{**values, **kw})  # type: ignore[arg-type]


def _order(profile: SeekerProfile, vacancies: list[VacancyDocument]) -> list[int]:
    return [r.vacancy_id for r in rank(profile, [Candidate(v) for v in vacancies], today=TODAY)]


def test_reach_is_one_within_the_limit_then_falls_but_never_below_the_floor() -> None:
    w = DEFAULT_WEIGHTS
    args = (30.0, w.beyond_reach, w.beyond_reach_floor, w.beyond_reach_power)
    assert reach_factor(Fit(1.0, "distance_near", 3.0), *args) == 1.0
    assert reach_factor(Fit(1.0, "distance_remote", 900.0), *args) == 1.0
    assert reach_factor(Fit(0.5, "distance_rotation", 900.0), *args) == 1.0
    assert reach_factor(Fit(0.5, "distance_unknown"), *args) == 1.0
    far = [reach_factor(Fit(0.0, "distance_far", km), *args) for km in (31, 93, 176, 794, 5000)]
    assert far == sorted(far, reverse=True) and len(set(far)) == len(far)
    assert far[0] == pytest.approx(w.beyond_reach, abs=0.01)
    assert min(far) > w.beyond_reach_floor >= w.other_occupation


def test_own_trade_in_town_then_nearer_beyond_the_limit_then_other_trades() -> None:
    shared = {"skills": ("Работа с документами",)}
    order = _order(
        _accountant(skills=("Работа с документами",)),
        [
            _vacancy(1, "Кызылорда", "2411", **shared),
            _vacancy(2, "Астана", "2411"),
            _vacancy(3, "Нура", "2411"),
            _vacancy(4, "Караганда", "9112", **shared),  # a cleaner, one shared skill
            _vacancy(5, "Темиртау", "2411"),  # just within 30 km
            _vacancy(6, "Караганда", "2411"),
            _vacancy(7, "Караганда", None),  # occupation unknown, no text evidence
        ],
    )
    assert order[:2] == [6, 5]
    assert order[2:5] == [3, 2, 1]  # 122, 193, 794 km: beyond the limit, nearer first
    assert order[5:] == [7, 4]


def test_remote_and_rotation_work_are_not_demoted_for_distance() -> None:
    order = _order(
        _accountant(),
        [
            _vacancy(1, "Кызылорда", "2411", schedule="remote"),
            _vacancy(2, "Кызылорда", "2411", schedule="rotation"),
            _vacancy(3, "Кызылорда", "2411"),
        ],
    )
    assert order[-1] == 3
    ranked = rank(
        _accountant(), [Candidate(_vacancy(1, "Кызылорда", "2411", schedule="remote"))], today=TODAY
    )
    assert ranked[0].factors["reach"] == 1.0 and ranked[0].explanation.within_reach


def test_each_missing_language_demotes() -> None:
    ranked = rank(
        _accountant(languages=("ru",)),
        [
            Candidate(_vacancy(1, "Караганда", "2411", languages=("en",))),
            Candidate(_vacancy(2, "Караганда", "2411", languages=("kk", "en"))),
            Candidate(_vacancy(3, "Караганда", "2411", languages=("ru",))),
        ],
        today=TODAY,
    )
    factors = {r.vacancy_id: r.factors["language"] for r in ranked}
    assert factors == {3: 1.0, 1: pytest.approx(0.7), 2: pytest.approx(0.49)}
    assert [r.vacancy_id for r in ranked] == [3, 1, 2]


def test_the_default_commute_limit_is_the_rules_town_or_village_one() -> None:
    assert commute_limit_km(SeekerProfile(), TODAY) == 30
    assert commute_limit_km(SeekerProfile(rural=True), TODAY) == 50
    village = PersonFacts(birth_date=date(1990, 1, 1), sex="female", is_rural=True)
    assert commute_limit_km(SeekerProfile(person=village), TODAY) == 50
    assert commute_limit_km(SeekerProfile(rural=True, max_commute_km=12), TODAY) == 12
