"""Registration, unemployed status, deregistration and re-registration rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matching.calendar import kazakhstan_calendar
from matching.rules import (
    CARE_CHILD,
    CARE_DISABLED_ADULT,
    CARE_ELDERLY,
    CUSTODY,
    DEFAULT_RULEBOOK,
    FEMALE,
    JOB_SEEKER,
    MALE,
    REFUSED_SUITABLE_OFFERS,
    UNEMPLOYED,
    CareRecipient,
    Deregistration,
    PersonFacts,
    becomes_unemployed_on,
    deregistration_due,
    is_pension_age,
    may_be_unemployed,
    may_register,
    may_reregister,
    not_obliged_reasons,
    obliged_to_take_active_measures,
    reregistration_allowed_from,
)

CAL = kazakhstan_calendar(range(2025, 2029))
TODAY = date(2026, 3, 2)


def person(**changes: object) -> PersonFacts:
    base = PersonFacts(birth_date=date(1995, 6, 1), sex=MALE)
    return replace(base, **changes)  # type: ignore[arg-type]


def unemployed(**changes: object) -> PersonFacts:
    return person(
        status=UNEMPLOYED,
        registered_on=date(2026, 1, 12),
        status_since=date(2026, 1, 26),
        **changes,
    )


# --- registering as a job seeker ---------------------------------------------------------------


def test_sixteen_minus_a_day_is_refused_exactly_sixteen_allowed() -> None:
    teen = person(birth_date=date(2010, 3, 15))
    refused = may_register(teen, date(2026, 3, 14))
    assert not refused.allowed
    assert refused.codes == ("under_min_age", "guardian_statement_required")
    assert "16" in refused.reasons[0].ru and "16" in refused.reasons[0].kk
    allowed = may_register(teen, date(2026, 3, 15))
    assert allowed.allowed
    assert allowed.codes == ("may_register",)


def test_under_sixteen_with_a_guardian_statement() -> None:
    teen = person(birth_date=date(2011, 1, 1), guardian_statement=True)
    decision = may_register(teen, TODAY)
    assert decision.allowed
    assert decision.codes == ("may_register", "guardian_statement")
    child = person(birth_date=date(2013, 1, 1), guardian_statement=True)
    assert may_register(child, TODAY).codes == ("under_min_age",)


def test_already_registered_cannot_register_again() -> None:
    assert may_register(unemployed(), TODAY).codes == ("already_registered",)


def test_pension_age_people_may_still_register_as_job_seekers() -> None:
    assert may_register(person(birth_date=date(1950, 1, 1)), TODAY).allowed


# --- unemployed status -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sex", "born", "reached"),
    [
        (MALE, date(1963, 5, 10), date(2026, 5, 10)),  # 63
        (FEMALE, date(1965, 5, 10), date(2026, 5, 10)),  # 61
    ],
)
def test_pension_age_by_sex(sex: str, born: date, reached: date) -> None:
    facts = unemployed(sex=sex, birth_date=born)
    day_before = date.fromordinal(reached.toordinal() - 1)
    assert not is_pension_age(facts, day_before)
    assert may_be_unemployed(facts, day_before).allowed
    assert is_pension_age(facts, reached)
    decision = may_be_unemployed(facts, reached)
    assert not decision.allowed
    assert decision.codes == ("pension_age",)


def test_a_man_of_61_is_not_of_pension_age() -> None:
    assert not is_pension_age(unemployed(birth_date=date(1965, 5, 10)), date(2026, 5, 10))


def test_women_pension_age_schedule_is_dated() -> None:
    params = DEFAULT_RULEBOOK.at(TODAY)
    # Turns 61 in June 2027 under the 61 rule: pension age then, and still in 2028.
    assert params.pension_age_reached_on(date(1966, 6, 1), FEMALE) == date(2027, 6, 1)
    # Turns 61 in March 2028, when the age is 61.5: reached six months later.
    assert params.pension_age_reached_on(date(1967, 3, 1), FEMALE) == date(2028, 9, 1)
    # Long retired: the first schedule entry covers the past.
    assert params.pension_age_reached_on(date(1950, 1, 1), FEMALE) == date(2010, 7, 1)
    assert params.pension_age_reached_on(date(1966, 6, 1), MALE) == date(2029, 6, 1)


def test_paid_work_excludes_unemployed_status() -> None:
    decision = may_be_unemployed(unemployed(has_paid_work=True), TODAY)
    assert not decision.allowed
    assert decision.codes == ("has_paid_work",)


def test_false_information_excludes_unemployed_status() -> None:
    assert may_be_unemployed(unemployed(gave_false_info=True), TODAY).codes == (
        "false_information",
    )


def test_unregistered_person_cannot_be_unemployed() -> None:
    assert may_be_unemployed(person(), TODAY).codes == ("not_registered",)


def test_all_problems_are_listed() -> None:
    facts = person(birth_date=date(1960, 1, 1), has_paid_work=True)
    assert may_be_unemployed(facts, TODAY).codes == (
        "not_registered",
        "pension_age",
        "has_paid_work",
    )


def test_ten_working_days_to_unemployed_across_nauryz() -> None:
    registered = date(2026, 3, 19)  # Thursday before Nauryz (21-25 March off)
    # Fri 20 (1), Thu 26 (2), Fri 27, Mon 30, Tue 31, Wed 1, Thu 2, Fri 3, Mon 6, Tue 7 (10).
    assert becomes_unemployed_on(registered, CAL) == date(2026, 4, 7)
    seeker = person(status=JOB_SEEKER, registered_on=registered, status_since=registered)
    waiting = may_be_unemployed(seeker, date(2026, 4, 6), calendar=CAL)
    assert waiting.codes == ("waiting_period",)
    assert "07.04.2026" in waiting.reasons[0].ru
    assert may_be_unemployed(seeker, date(2026, 4, 7), calendar=CAL).allowed


# --- deregistration ----------------------------------------------------------------------------


def test_one_refused_suitable_offer_is_not_enough() -> None:
    decision = deregistration_due(unemployed(suitable_offers_refused=1), TODAY)
    assert not decision.allowed
    assert decision.codes == ("no_deregistration_grounds", "refusals_so_far")
    assert "1 из 2" in decision.reasons[1].ru


def test_two_refused_suitable_offers_deregister() -> None:
    decision = deregistration_due(unemployed(suitable_offers_refused=2), TODAY)
    assert decision.allowed
    assert decision.codes == ("refused_suitable_offers",)


def test_other_grounds() -> None:
    facts = unemployed(no_show=True, quit_active_measure=True, in_custody=True, has_paid_work=True)
    assert deregistration_due(facts, TODAY).codes == (
        "no_show",
        "quit_active_measure",
        "custody",
        "has_paid_work",
    )
    assert deregistration_due(unemployed(gave_false_info=True), TODAY).codes == ("false_documents",)


def test_missed_check_in_needs_the_calendar() -> None:
    facts = unemployed(last_check_in=date(2026, 2, 2))  # Monday; 10 working days: Mon 16 Feb
    assert not deregistration_due(facts, date(2026, 2, 16), calendar=CAL).allowed
    late = deregistration_due(facts, date(2026, 2, 17), calendar=CAL)
    assert late.codes == ("missed_check_in",)
    assert not deregistration_due(facts, date(2026, 2, 17)).allowed
    rural = replace(facts, is_rural=True)  # monthly at the akimat: due 2 March
    assert not deregistration_due(rural, date(2026, 3, 2), calendar=CAL).allowed
    assert deregistration_due(rural, date(2026, 3, 3), calendar=CAL).allowed


def test_job_seeker_checks_in_every_three_working_days() -> None:
    seeker = person(status=JOB_SEEKER, registered_on=date(2026, 3, 19))
    # Fri 20 (1), Thu 26 (2), Fri 27 (3).
    assert not deregistration_due(seeker, date(2026, 3, 27), calendar=CAL).allowed
    assert deregistration_due(seeker, date(2026, 3, 30), calendar=CAL).allowed


def test_not_registered_cannot_be_deregistered() -> None:
    assert deregistration_due(person(), TODAY).codes == ("not_registered",)


# --- re-registration ---------------------------------------------------------------------------


def test_reregistration_on_day_29_refused_day_30_allowed() -> None:
    off = date(2026, 1, 10)
    facts = person(
        status="deregistered", last_deregistration=Deregistration(REFUSED_SUITABLE_OFFERS, off)
    )
    assert reregistration_allowed_from(facts.last_deregistration) == date(2026, 2, 9)  # type: ignore[arg-type]
    day_29 = may_reregister(facts, date(2026, 2, 8))
    assert not day_29.allowed
    assert day_29.codes == ("reregistration_wait",)
    assert "09.02.2026" in day_29.reasons[0].ru
    assert not may_register(facts, date(2026, 2, 8)).allowed
    assert may_reregister(facts, date(2026, 2, 9)).allowed
    assert may_register(facts, date(2026, 2, 9)).allowed


def test_no_wait_after_other_grounds() -> None:
    off = date(2026, 1, 10)
    facts = person(status="deregistered", last_deregistration=Deregistration(CUSTODY, off))
    assert may_reregister(facts, off).allowed


# --- obligation to take part in active measures -----------------------------------------------


def test_obliged_by_default() -> None:
    assert obliged_to_take_active_measures(unemployed(), TODAY)
    assert obliged_to_take_active_measures(unemployed(disability_group=3), TODAY)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"disability_group": 1}, "disability_group_1_2"),
        ({"disability_group": 2}, "disability_group_1_2"),
        ({"is_full_time_student": True}, "full_time_student"),
        ({"long_illness": True}, "long_illness"),
        ({"has_permanent_job": True}, "permanent_job"),
        ({"cares_for": (CareRecipient(CARE_DISABLED_ADULT),)}, "carer_disabled"),
        ({"cares_for": (CareRecipient(CARE_CHILD),)}, "carer_child"),
    ],
)
def test_not_obliged(changes: dict[str, object], code: str) -> None:
    facts = unemployed(**changes)
    assert not obliged_to_take_active_measures(facts, TODAY)
    assert [r.code for r in not_obliged_reasons(facts, TODAY)] == [code]


def test_carer_age_limits_apply_over_time() -> None:
    child = CareRecipient(CARE_CHILD, birth_date=date(2019, 3, 2))  # 7 on 2 March 2026
    facts = unemployed(cares_for=(child,))
    assert not obliged_to_take_active_measures(facts, date(2026, 3, 1))
    assert obliged_to_take_active_measures(facts, date(2026, 3, 2))
    elder = CareRecipient(CARE_ELDERLY, birth_date=date(1946, 3, 2))  # 80 on 2 March 2026
    facts = unemployed(cares_for=(elder,))
    assert obliged_to_take_active_measures(facts, date(2026, 3, 1))
    assert not obliged_to_take_active_measures(facts, date(2026, 3, 2))


def test_facts_are_validated() -> None:
    with pytest.raises(ValueError, match="sex"):
        PersonFacts(birth_date=date(2000, 1, 1), sex="m")
    with pytest.raises(ValueError, match="status"):
        PersonFacts(birth_date=date(2000, 1, 1), sex=MALE, status="retired")
    with pytest.raises(ValueError, match="disability group"):
        PersonFacts(birth_date=date(2000, 1, 1), sex=MALE, disability_group=4)
    with pytest.raises(ValueError, match="care recipient"):
        CareRecipient("neighbour")


def test_decisions_serialise_with_both_languages() -> None:
    data = deregistration_due(unemployed(suitable_offers_refused=2), TODAY).to_dict()
    assert data["allowed"] is True
    assert data["not_obliged"] is False
    (only,) = data["reasons"]
    assert only["code"] == "refused_suitable_offers"
    assert only["kk"] and only["ru"] and only["kk"] != only["ru"]
