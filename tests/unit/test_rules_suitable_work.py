"""Suitable work: each check, its boundaries, and the record kept on a referral."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matching.rules import (
    DEFAULT_RULEBOOK,
    OfferTerms,
    WorkerProfile,
    assess_suitability,
)

TODAY = date(2026, 3, 2)
NURSE = WorkerProfile(
    occupation_codes=("2221",),
    specialty_codes=("0302000",),
    previous_wage=200_000,
    previous_job_ended_on=date(2026, 1, 31),
)
OFFER = OfferTerms(occupation_code="2221", wage=250_000, schedule="full_day", distance_km=12.0)


def check(
    person: WorkerProfile, offer: OfferTerms, name: str, today: date = TODAY
) -> tuple[bool, str]:
    assessment = assess_suitability(person, offer, today)
    (found,) = [c for c in assessment.checks if c.name == name]
    return found.passed, found.detail.code


def test_suitable_offer_records_every_check() -> None:
    assessment = assess_suitability(NURSE, OFFER, TODAY)
    assert assessment.suitable
    assert [c.name for c in assessment.checks] == [
        "qualification",
        "health",
        "commute",
        "wage",
        "schedule",
    ]
    assert assessment.failed == ()
    data = assessment.to_dict()
    assert data["suitable"] is True
    assert data["checks"][2]["detail"]["ru"] == "До работы 12.0 км (предел 30.0 км)"


def test_one_failed_check_makes_the_offer_unsuitable() -> None:
    assessment = assess_suitability(NURSE, replace(OFFER, distance_km=80.0), TODAY)
    assert not assessment.suitable
    assert [c.name for c in assessment.failed] == ["commute"]


@pytest.mark.parametrize(
    ("occupation", "specialties", "expected"),
    [
        ("2222", (), (True, "qualification_match")),  # same ISCO minor group 222
        ("2212", (), (False, "qualification_mismatch")),  # doctors, not nurses
        ("9112", (), (True, "qualification_not_needed")),  # elementary occupation
        (None, (), (False, "qualification_unknown")),
        (None, ("0302",), (True, "qualification_match")),  # specialty group
        ("3221", ("0302000",), (True, "qualification_match")),
    ],
)
def test_qualification(
    occupation: str | None, specialties: tuple[str, ...], expected: tuple[bool, str]
) -> None:
    offer = replace(OFFER, occupation_code=occupation, specialty_codes=specialties)
    assert check(NURSE, offer, "qualification") == expected


def test_health_restrictions() -> None:
    hazardous = replace(OFFER, hazardous=True)
    assert check(NURSE, hazardous, "health") == (True, "health_ok")
    assert check(replace(NURSE, no_hazardous_work=True), hazardous, "health") == (
        False,
        "health_hazardous",
    )
    assert check(replace(NURSE, disability_group=3), hazardous, "health") == (
        False,
        "health_hazardous",
    )
    excluded = replace(NURSE, excluded_occupations=("22",))
    assert check(excluded, OFFER, "health") == (False, "health_excluded_occupation")


@pytest.mark.parametrize(
    ("rural", "km", "minutes", "expected"),
    [
        (False, 30.0, None, (True, "commute_ok")),
        (False, 30.1, None, (False, "commute_too_far")),
        (True, 50.0, None, (True, "commute_ok")),
        (True, 50.5, None, (False, "commute_too_far")),
        (False, None, 90, (True, "travel_ok")),
        (False, None, 91, (False, "travel_too_long")),
        (False, 10.0, 120, (False, "travel_too_long")),
        (False, None, None, (False, "commute_unknown")),
    ],
)
def test_commute(
    rural: bool, km: float | None, minutes: int | None, expected: tuple[bool, str]
) -> None:
    person = replace(NURSE, is_rural=rural)
    offer = replace(OFFER, distance_km=km, travel_minutes=minutes)
    assert check(person, offer, "commute") == expected


def test_remote_work_needs_no_commute() -> None:
    offer = replace(OFFER, schedule="remote", distance_km=None)
    assert check(NURSE, offer, "commute") == (True, "commute_remote")


def test_commute_limit_is_configurable() -> None:
    params = replace(DEFAULT_RULEBOOK.at(TODAY), suitable_max_commute_km_urban=50.0)
    offer = replace(OFFER, distance_km=45.0)
    assert not assess_suitability(NURSE, offer, TODAY).suitable
    assert assess_suitability(NURSE, offer, TODAY, params).suitable


@pytest.mark.parametrize(
    ("wage", "expected"),
    [
        (84_999, (False, "wage_below_minimum")),
        (85_000, (True, "wage_ok")),
    ],
)
def test_minimum_wage_2026(wage: int, expected: tuple[bool, str]) -> None:
    newcomer = WorkerProfile(occupation_codes=("2221",))
    assert check(newcomer, replace(OFFER, wage=wage), "wage") == expected


def test_minimum_wage_is_dated() -> None:
    newcomer = WorkerProfile(occupation_codes=("2221",))
    offer = replace(OFFER, wage=75_000)
    assert check(newcomer, offer, "wage", date(2023, 8, 1)) == (True, "wage_ok")
    assert check(newcomer, offer, "wage", date(2025, 8, 1)) == (False, "wage_below_minimum")


def test_part_time_minimum_is_proportional() -> None:
    newcomer = WorkerProfile(occupation_codes=("2221",))
    assert check(newcomer, replace(OFFER, wage=42_500, work_rate=0.5), "wage") == (True, "wage_ok")
    assert check(newcomer, replace(OFFER, wage=42_499, work_rate=0.5), "wage")[0] is False


def test_wage_against_previous_wage() -> None:
    # 80% of the previous 200 000 is 160 000.
    assert check(NURSE, replace(OFFER, wage=159_999), "wage") == (False, "wage_below_previous")
    passed, _ = check(NURSE, replace(OFFER, wage=160_000), "wage")
    assert passed
    long_ago = replace(NURSE, previous_job_ended_on=date(2024, 12, 31))
    assert check(long_ago, replace(OFFER, wage=100_000), "wage") == (True, "wage_ok")


def test_wage_unknown_is_not_suitable() -> None:
    assert check(NURSE, replace(OFFER, wage=None), "wage") == (False, "wage_unknown")


def test_wage_detail_text() -> None:
    assessment = assess_suitability(NURSE, replace(OFFER, wage=150_000), TODAY)
    (wage,) = assessment.failed
    assert "150\u00a0000\u00a0₸" in wage.detail.ru
    assert "80%" in wage.detail.ru and "80%" in wage.detail.kk


def test_schedule() -> None:
    assert check(NURSE, replace(OFFER, schedule="shift"), "schedule") == (True, "schedule_ok")
    rotation = replace(OFFER, schedule="rotation")
    assert check(NURSE, rotation, "schedule") == (False, "schedule_needs_consent")
    agrees = replace(NURSE, schedules=("full_day", "rotation"))
    assert check(agrees, rotation, "schedule") == (True, "schedule_ok")
    day_only = replace(NURSE, schedules=("full_day",))
    assert check(day_only, replace(OFFER, schedule="shift"), "schedule") == (
        False,
        "schedule_not_accepted",
    )
    assert check(NURSE, replace(OFFER, schedule=None), "schedule") == (False, "schedule_unknown")
    assessment = assess_suitability(day_only, replace(OFFER, schedule="shift"), TODAY)
    assert "сменный график" in assessment.failed[0].detail.ru
