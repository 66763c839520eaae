"""Rule versions by effective date, dated schedules, and storing versions as JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from matching.rules import (
    DEFAULT_RULEBOOK,
    FEMALE,
    MALE,
    DatedAmount,
    PensionAge,
    RuleBook,
    RuleParams,
    params_for,
    params_from_dict,
    params_to_dict,
    rulebook_from_list,
    rulebook_to_list,
)

BASE = DEFAULT_RULEBOOK.versions[0]


def test_default_values() -> None:
    p = DEFAULT_RULEBOOK.at(date(2026, 1, 1))
    assert p.min_registration_age == 16
    assert p.youth_practice_max_age == 29
    assert p.youth_practice_graduation_years == 3
    assert p.days_to_unemployed == 10
    assert p.referral_act_within_days == 5
    assert p.social_job_employer_answer_days == 3
    assert p.refusals_before_deregistration == 2
    assert p.reregistration_wait_days == 30
    assert p.public_works_long_term_months == 6
    assert p.social_job_max_months == 12
    assert p.youth_practice_max_months == 6
    assert p.social_job_wage_subsidy_share == 0.35
    assert p.pension_age_months(MALE, date(2026, 1, 1)) == 63 * 12
    assert p.pension_age_months(FEMALE, date(2026, 1, 1)) == 61 * 12
    assert p.pension_age_months(FEMALE, date(2028, 1, 1)) == 61 * 12 + 6
    assert p.minimum_wage(date(2025, 6, 1)) == 85_000
    assert p.minimum_wage(date(2026, 12, 31)) == 85_000
    assert p.minimum_wage(date(2023, 6, 1)) == 70_000


def test_a_changed_law_keeps_history() -> None:
    change = replace(BASE, effective_from=date(2027, 1, 1), refusals_before_deregistration=3)
    book = DEFAULT_RULEBOOK.with_version(change)
    assert book.at(date(2026, 12, 31)).refusals_before_deregistration == 2
    assert book.at(date(2027, 1, 1)).refusals_before_deregistration == 3
    assert book.at(date(2020, 1, 1)) is BASE  # before the first version: the first
    assert len(book.versions) == 2
    again = book.with_version(replace(change, refusals_before_deregistration=4))
    assert len(again.versions) == 2
    assert again.at(date(2030, 1, 1)).refusals_before_deregistration == 4


def test_rule_book_validation() -> None:
    with pytest.raises(ValueError, match="at least one"):
        RuleBook([])
    with pytest.raises(ValueError, match="same day"):
        RuleBook([BASE, replace(BASE, source="duplicate")])


def test_params_for_defaults_to_the_rule_book() -> None:
    custom = replace(BASE, min_registration_age=18)
    assert params_for(date(2026, 1, 1)) is BASE
    assert params_for(date(2026, 1, 1), custom) is custom


def test_schedules_need_an_entry_in_force() -> None:
    p = replace(BASE, minimum_wages=(DatedAmount(date(2024, 1, 1), 85_000),))
    with pytest.raises(LookupError):
        p.minimum_wage(date(2023, 12, 31))
    later = replace(
        BASE,
        pension_ages=(*BASE.pension_ages, PensionAge(date(2035, 1, 1), 65 * 12, 65 * 12)),
    )
    assert later.pension_age_months(MALE, date(2035, 1, 1)) == 65 * 12


def test_json_round_trip() -> None:
    change = replace(
        BASE,
        effective_from=date(2027, 1, 1),
        social_job_wage_subsidy_share=0.5,
        summer_holiday_months=frozenset({6, 7}),
    )
    book = DEFAULT_RULEBOOK.with_version(change)
    stored = json.loads(json.dumps(rulebook_to_list(book)))
    assert rulebook_from_list(stored).versions == book.versions
    assert stored[1]["summer_holiday_months"] == [6, 7]
    assert stored[0]["pension_ages"][0]["effective_from"] == "2022-01-01"


def test_old_records_get_new_defaults_and_unknown_keys_fail() -> None:
    data = params_to_dict(BASE)
    del data["suitable_max_travel_minutes"]
    assert params_from_dict(data).suitable_max_travel_minutes == 90
    with pytest.raises(ValueError, match="unknown rule parameters: typo"):
        params_from_dict({**params_to_dict(BASE), "typo": 1})
    assert isinstance(params_from_dict(params_to_dict(BASE)), RuleParams)
