"""Who may take a social job, youth practice, public works or a disability-quota place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matching.rules import (
    CARE_CHILD,
    DEFAULT_RULEBOOK,
    DISABILITY_QUOTA,
    FEMALE,
    JOB_SEEKER,
    PUBLIC_WORKS,
    REGULAR,
    SOCIAL_JOB,
    UNEMPLOYED,
    YOUTH_PRACTICE,
    CareRecipient,
    EducationEntry,
    PersonFacts,
    PlacementFacts,
    programme_eligibility,
)

TODAY = date(2026, 6, 15)
NURSING = "0302000"


def graduate(**changes: object) -> PersonFacts:
    base = PersonFacts(
        birth_date=date(2000, 2, 1),
        sex=FEMALE,
        status=UNEMPLOYED,
        registered_on=date(2026, 1, 12),
        education=(
            EducationEntry("secondary", graduated_on=date(2017, 6, 1)),
            EducationEntry("tipo", NURSING, "Сестринское дело", date(2025, 6, 30)),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def practice(**changes: object) -> PlacementFacts:
    base = PlacementFacts(YOUTH_PRACTICE, specialty_codes=(NURSING,), duration_months=6)
    return replace(base, **changes)  # type: ignore[arg-type]


def nursing_diploma(on: date) -> tuple[EducationEntry, ...]:
    return (EducationEntry("higher", NURSING, "Сестринское дело", on),)


# --- youth practice ----------------------------------------------------------------------------


def test_youth_practice_allowed_with_reasons() -> None:
    decision = programme_eligibility(graduate(), practice(), TODAY)
    assert decision.allowed
    assert decision.codes == (
        "registered_unemployed",
        "age_within_limit",
        "recent_graduate",
        "in_specialty",
    )
    assert not decision.not_obliged


def test_youth_practice_age_29_allowed_30_refused() -> None:
    turns_30_today = graduate(birth_date=date(1996, 6, 15))
    refused = programme_eligibility(turns_30_today, practice(), TODAY)
    assert not refused.allowed
    assert refused.codes == ("over_max_age",)
    assert "29" in refused.reasons[0].ru
    still_29 = graduate(birth_date=date(1996, 6, 16))
    assert programme_eligibility(still_29, practice(), TODAY).allowed


def test_youth_practice_age_bound_is_a_parameter() -> None:
    params = replace(DEFAULT_RULEBOOK.at(TODAY), youth_practice_max_age=28)
    facts = graduate(birth_date=date(1997, 1, 1))  # 29
    assert programme_eligibility(facts, practice(), TODAY).allowed
    assert not programme_eligibility(facts, practice(), TODAY, params).allowed


@pytest.mark.parametrize(
    ("graduated", "allowed"),
    [
        (date(2023, 6, 16), True),  # three years minus a day
        (date(2023, 6, 15), True),  # exactly three years
        (date(2023, 6, 14), False),  # three years and a day
    ],
)
def test_youth_practice_graduation_window(graduated: date, allowed: bool) -> None:
    decision = programme_eligibility(
        graduate(education=nursing_diploma(graduated)), practice(), TODAY
    )
    assert decision.allowed is allowed
    if not allowed:
        assert decision.codes == ("graduated_too_long_ago",)


def test_youth_practice_needs_tipo_or_higher() -> None:
    school_only = (EducationEntry("secondary", graduated_on=date(2025, 6, 1)),)
    decision = programme_eligibility(graduate(education=school_only), practice(), TODAY)
    assert decision.codes == ("no_qualifying_education",)
    undated = (EducationEntry("higher", NURSING),)
    decision = programme_eligibility(graduate(education=undated), practice(), TODAY)
    assert decision.codes == ("graduation_date_unknown",)


def test_youth_practice_specialty_mismatch() -> None:
    decision = programme_eligibility(graduate(), practice(specialty_codes=("0402000",)), TODAY)
    assert not decision.allowed
    assert decision.codes == ("specialty_mismatch",)


def test_youth_practice_specialty_by_hierarchy_or_caller() -> None:
    assert programme_eligibility(graduate(), practice(specialty_codes=("0302",)), TODAY).allowed
    unknown = practice(specialty_codes=())
    assert programme_eligibility(graduate(), unknown, TODAY).codes == ("specialty_unknown",)
    judged = practice(specialty_codes=(), in_specialty=True)
    assert programme_eligibility(graduate(), judged, TODAY).allowed
    overruled = practice(in_specialty=False)
    assert programme_eligibility(graduate(), overruled, TODAY).codes == ("specialty_mismatch",)


def test_youth_practice_only_for_registered_unemployed() -> None:
    decision = programme_eligibility(graduate(status=JOB_SEEKER), practice(), TODAY)
    assert decision.codes == ("requires_unemployed_status",)


def test_youth_practice_limits() -> None:
    decision = programme_eligibility(graduate(), practice(hazardous=True, duration_months=7), TODAY)
    assert decision.codes == ("hazardous_work", "duration_over_limit")


# --- social jobs -------------------------------------------------------------------------------


def test_social_job_for_registered_unemployed() -> None:
    place = PlacementFacts(SOCIAL_JOB, duration_months=12)
    assert programme_eligibility(graduate(), place, TODAY).codes == ("registered_unemployed",)
    assert programme_eligibility(graduate(status=JOB_SEEKER), place, TODAY).codes == (
        "requires_unemployed_status",
    )
    assert programme_eligibility(graduate(status=None), place, TODAY).codes == (
        "requires_unemployed_status",
    )


def test_hazardous_social_job_refused() -> None:
    decision = programme_eligibility(graduate(), PlacementFacts(SOCIAL_JOB, hazardous=True), TODAY)
    assert not decision.allowed
    assert decision.codes == ("hazardous_work",)
    assert "Социальное рабочее место" in decision.reasons[0].ru
    assert "Әлеуметтік жұмыс орны" in decision.reasons[0].kk


def test_social_job_at_most_twelve_months() -> None:
    decision = programme_eligibility(
        graduate(), PlacementFacts(SOCIAL_JOB, duration_months=13), TODAY
    )
    assert decision.codes == ("duration_over_limit",)


# --- public works ------------------------------------------------------------------------------


def student(**changes: object) -> PersonFacts:
    return graduate(status=None, is_student=True, **changes)


def test_public_works_for_a_student_in_july_not_october() -> None:
    july = programme_eligibility(student(), PlacementFacts(PUBLIC_WORKS, month=7), TODAY)
    assert july.allowed
    assert july.codes == ("student_summer", "consent_required")
    october = programme_eligibility(student(), PlacementFacts(PUBLIC_WORKS, month=10), TODAY)
    assert not october.allowed
    assert october.codes == ("public_works_not_eligible", "student_outside_summer")


def test_student_public_works_must_end_with_the_summer() -> None:
    assert programme_eligibility(
        student(), PlacementFacts(PUBLIC_WORKS, month=6, duration_months=3), TODAY
    ).allowed
    assert not programme_eligibility(
        student(), PlacementFacts(PUBLIC_WORKS, month=7, duration_months=3), TODAY
    ).allowed


def test_public_works_month_defaults_to_the_day_assessed() -> None:
    place = PlacementFacts(PUBLIC_WORKS)
    assert programme_eligibility(student(), place, date(2026, 8, 31)).allowed
    assert not programme_eligibility(student(), place, date(2026, 9, 1)).allowed


def test_public_works_for_the_unemployed_and_people_on_downtime() -> None:
    place = PlacementFacts(PUBLIC_WORKS, month=11)
    assert programme_eligibility(graduate(), place, TODAY).allowed
    idle = graduate(status=None, on_downtime=True)
    assert programme_eligibility(idle, place, TODAY).codes == ("downtime", "consent_required")
    nobody = graduate(status=JOB_SEEKER)
    assert programme_eligibility(nobody, place, TODAY).codes == ("public_works_not_eligible",)


# --- people not obliged to take part ----------------------------------------------------------


def test_not_obliged_people_are_eligible_but_flagged() -> None:
    carer = graduate(cares_for=(CareRecipient(CARE_CHILD, date(2023, 1, 1)),))
    decision = programme_eligibility(carer, PlacementFacts(SOCIAL_JOB), TODAY)
    assert decision.allowed
    assert decision.not_obliged
    assert decision.codes == ("registered_unemployed", "not_obliged", "carer_child")
    assert decision.to_dict()["not_obliged"] is True


def test_not_obliged_flag_only_on_allowed_active_measures() -> None:
    group_2 = graduate(disability_group=2)
    refused = programme_eligibility(group_2, PlacementFacts(SOCIAL_JOB, hazardous=True), TODAY)
    assert not refused.allowed and not refused.not_obliged
    quota = programme_eligibility(group_2, PlacementFacts(DISABILITY_QUOTA), TODAY)
    assert quota.allowed and not quota.not_obliged
    assert programme_eligibility(group_2, PlacementFacts(REGULAR), TODAY).not_obliged is False


# --- disability quota and regular vacancies ---------------------------------------------------


def test_disability_quota_needs_a_disability() -> None:
    place = PlacementFacts(DISABILITY_QUOTA)
    allowed = programme_eligibility(graduate(disability_group=3), place, TODAY)
    assert allowed.codes == ("has_disability",)
    assert "3" in allowed.reasons[0].ru
    assert programme_eligibility(graduate(), place, TODAY).codes == ("no_disability",)


def test_regular_vacancy_is_open_to_anyone() -> None:
    anyone = PersonFacts(birth_date=date(1950, 1, 1), sex=FEMALE)
    decision = programme_eligibility(anyone, PlacementFacts(REGULAR, hazardous=True), TODAY)
    assert decision.allowed
    assert decision.codes == ("regular_open",)


def test_placement_facts_are_validated() -> None:
    with pytest.raises(ValueError, match="placement kind"):
        PlacementFacts("internship")
    with pytest.raises(ValueError, match="month"):
        PlacementFacts(PUBLIC_WORKS, month=13)
    with pytest.raises(ValueError, match="education level"):
        EducationEntry("bachelor")
