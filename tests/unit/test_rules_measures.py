"""Who may take which measure, within which limits (seed 002:798-1196), with kk/ru reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matching.rules import (
    BASTAU,
    DEFAULT_RULEBOOK,
    EMPLOYED,
    JOB_SEEKER,
    MALE,
    MICROCREDIT,
    ORIENTATION,
    RESETTLEMENT,
    RETRAINING,
    SHORT_TRAINING,
    TIPO,
    UNEMPLOYED,
    EducationEntry,
    MeasureFacts,
    MeasureOffer,
    PersonFacts,
    credit_limits,
    measure_eligibility,
    params_for,
    params_from_dict,
    params_to_dict,
    resettlement_priority,
    resettlement_support,
)

TODAY = date(2026, 6, 15)
MRP_2026 = 4_325


def adult(**changes: object) -> PersonFacts:
    """35 years old, registered unemployed, in a city."""
    base = PersonFacts(birth_date=date(1991, 3, 1), sex=MALE, status=UNEMPLOYED)
    return replace(base, **changes)  # type: ignore[arg-type]


def worker(**changes: object) -> PersonFacts:
    """35 years old with a paid job."""
    return adult(status=EMPLOYED, has_paid_work=True, **changes)


def decide(person: PersonFacts, offer: MeasureOffer, **extra: object):  # type: ignore[no-untyped-def]
    return measure_eligibility(person, offer, TODAY, MeasureFacts(**extra))  # type: ignore[arg-type]


# --- short-term vocational training: youth under 29, unemployed, self-employed, being laid off


def test_training_for_the_unemployed_registered_or_not() -> None:
    assert decide(adult(), MeasureOffer(SHORT_TRAINING)).allowed
    unregistered = decide(adult(status=None), MeasureOffer(SHORT_TRAINING))
    assert unregistered.allowed
    assert "without_paid_work" in unregistered.codes


def test_training_for_youth_under_29_even_when_working() -> None:
    young = worker(birth_date=date(1997, 6, 16))  # 28 the day before the 29th birthday
    decision = decide(young, MeasureOffer(SHORT_TRAINING))
    assert decision.allowed and decision.codes == ("youth_under_age",)
    assert decision.reasons[0].ru == "Молодёжь до 29 лет (28 лет)"
    assert decision.reasons[0].kk == "29 жасқа толмаған жас (28 жаста)"
    turned_29 = worker(birth_date=date(1997, 6, 15))
    refused = decide(turned_29, MeasureOffer(SHORT_TRAINING))
    assert not refused.allowed and refused.codes == ("training_group_missing",)


@pytest.mark.parametrize(
    ("flag", "code"), [("self_employed", "self_employed"), ("being_laid_off", "being_laid_off")]
)
def test_training_for_self_employed_and_workers_being_laid_off(flag: str, code: str) -> None:
    decision = decide(worker(), MeasureOffer(SHORT_TRAINING), **{flag: True})
    assert decision.allowed and code in decision.codes


@pytest.mark.parametrize(("months", "ok"), [(0, False), (1, True), (6, True), (7, False)])
def test_training_lasts_one_to_six_months(months: int, ok: bool) -> None:
    decision = decide(adult(), MeasureOffer(SHORT_TRAINING, duration_months=months))
    assert decision.allowed is ok
    code = "training_duration_ok" if ok else "training_duration_out"
    assert code in decision.codes
    if not ok:
        assert decision.reasons[-1].ru == f"Длительность {months} мес.: должна быть от 1 до 6 мес."


# --- TiPO: school leavers and people in hardship


def test_tipo_for_school_leavers_and_people_in_hardship() -> None:
    assert decide(adult(), MeasureOffer(TIPO), school_leaver=True).codes == ("school_leaver",)
    assert decide(worker(), MeasureOffer(TIPO), in_hardship=True).allowed
    refused = decide(adult(), MeasureOffer(TIPO))
    assert not refused.allowed and refused.codes == ("tipo_group_missing",)
    assert "ТиПО" in refused.reasons[0].ru and "ТжКБ" in refused.reasons[0].kk


# --- retraining at the employer's request with >= 30% co-funding


def test_retraining_needs_a_worker_being_laid_off_and_an_employer_request() -> None:
    offer = MeasureOffer(RETRAINING, employer_request=True, employer_share=0.3)
    assert decide(worker(), offer, being_laid_off=True).allowed
    no_layoff = decide(worker(), offer)
    assert not no_layoff.allowed and "not_being_laid_off" in no_layoff.codes
    no_request = decide(worker(), replace(offer, employer_request=False), being_laid_off=True)
    assert not no_request.allowed and "employer_request_missing" in no_request.codes


@pytest.mark.parametrize(("share", "ok"), [(0.29, False), (0.30, True), (0.5, True)])
def test_retraining_co_funding_at_least_30_percent(share: float, ok: bool) -> None:
    offer = MeasureOffer(RETRAINING, employer_request=True, employer_share=share)
    decision = decide(worker(), offer, being_laid_off=True)
    assert decision.allowed is ok
    if not ok:
        assert decision.reasons[0].ru == "Доля работодателя 29%: должна быть не менее 30%"


def test_retraining_keeps_the_workplace_until_training_ends() -> None:
    offer = MeasureOffer(RETRAINING, employer_request=True, employer_share=0.4, keeps_job=False)
    assert decide(worker(), offer, being_laid_off=True).codes[-1] == "job_not_kept"


def test_co_funding_share_is_a_dated_parameter() -> None:
    lower = replace(params_for(TODAY), retraining_min_employer_share=0.2)
    offer = MeasureOffer(RETRAINING, employer_request=True, employer_share=0.25)
    facts = MeasureFacts(being_laid_off=True)
    assert measure_eligibility(worker(), offer, TODAY, facts, lower).allowed
    assert not measure_eligibility(worker(), offer, TODAY, facts).allowed


# --- Bastau Business: unemployed or self-employed in villages and district centres, <= 30 days


def test_bastau_in_villages_and_district_centres() -> None:
    village = decide(adult(is_rural=True), MeasureOffer(BASTAU))
    assert village.allowed and "rural_or_district_centre" in village.codes
    assert decide(adult(), MeasureOffer(BASTAU), district_centre=True).allowed
    city = decide(adult(), MeasureOffer(BASTAU))
    assert not city.allowed and city.codes == ("not_rural",)
    assert city.reasons[0].kk.startswith("«Бастау Бизнес» ауылдар")


def test_bastau_not_for_people_with_paid_work_unless_self_employed() -> None:
    employed = decide(worker(is_rural=True), MeasureOffer(BASTAU))
    assert not employed.allowed and "has_paid_work_measure" in employed.codes
    assert decide(worker(is_rural=True), MeasureOffer(BASTAU), self_employed=True).allowed


@pytest.mark.parametrize(("days", "ok"), [(30, True), (31, False)])
def test_bastau_lasts_at_most_30_calendar_days(days: int, ok: bool) -> None:
    decision = decide(adult(is_rural=True), MeasureOffer(BASTAU, duration_days=days))
    assert decision.allowed is ok


# --- credit and microcredit


def course(on: date = date(2025, 11, 1)) -> dict[str, object]:
    return {"tax_registered": True, "entrepreneurship_course_on": on}


def test_credit_needs_tax_registration() -> None:
    refused = decide(
        adult(), MeasureOffer(MICROCREDIT), entrepreneurship_course_on=date(2026, 1, 1)
    )
    assert not refused.allowed and refused.codes[-1] != "tax_registered"
    assert "tax_registration_missing" in refused.codes
    assert decide(adult(), MeasureOffer(MICROCREDIT), **course()).allowed


def test_credit_after_bastau_or_a_certificate_from_the_last_two_years() -> None:
    no_course = decide(adult(), MeasureOffer(MICROCREDIT), tax_registered=True)
    assert not no_course.allowed and "entrepreneurship_course_missing" in no_course.codes
    fresh = decide(
        adult(), MeasureOffer(MICROCREDIT), tax_registered=True, certificate_on=date(2024, 6, 15)
    )
    assert fresh.allowed  # exactly two years old
    stale = decide(
        adult(), MeasureOffer(MICROCREDIT), tax_registered=True, certificate_on=date(2024, 6, 14)
    )
    assert not stale.allowed
    assert stale.reasons[-1].ru == "Сертификат выдан 14.06.2024: старше 2 лет"
    # the programme's own Bastau course has no age limit
    assert decide(adult(), MeasureOffer(MICROCREDIT), **course(date(2019, 1, 1))).allowed


def test_credit_limits_8000_mrp_6_percent_5_years_7_for_livestock() -> None:
    limits = credit_limits(TODAY)
    assert limits.max_amount_kzt == 8_000 * MRP_2026 == 34_600_000
    assert (limits.max_rate_percent, limits.max_years) == (6.0, 5)
    assert credit_limits(TODAY, livestock_or_cooperative=True).max_years == 7
    assert credit_limits(date(2024, 3, 1)).max_amount_kzt == 8_000 * 3_692  # the MRP of its year


@pytest.mark.parametrize(
    ("offer", "code"),
    [
        (MeasureOffer(MICROCREDIT, amount_kzt=34_600_001), "credit_amount_over"),
        (MeasureOffer(MICROCREDIT, rate_percent=6.5), "credit_rate_over"),
        (MeasureOffer(MICROCREDIT, term_years=6), "credit_term_over"),
        (MeasureOffer(MICROCREDIT, expands_business=True), "new_jobs_required"),
    ],
)
def test_credit_offers_beyond_the_limits_are_refused(offer: MeasureOffer, code: str) -> None:
    decision = decide(adult(), offer, **course())
    assert not decision.allowed and code in decision.codes


def test_credit_within_limits_and_livestock_to_seven_years() -> None:
    offer = MeasureOffer(
        MICROCREDIT,
        amount_kzt=34_600_000,
        rate_percent=6.0,
        term_years=7,
        livestock_or_cooperative=True,
    )
    decision = decide(adult(), offer, **course())
    assert decision.allowed
    amount = next(r for r in decision.reasons if r.code == "credit_amount_ok")
    assert (
        amount.ru
        == "Сумма 34\u00a0600\u00a0000\u00a0₸: предел 34\u00a0600\u00a0000\u00a0₸ (8000 МРП)"
    )
    offer_jobs = MeasureOffer(MICROCREDIT, expands_business=True, creates_jobs=True)
    assert decide(adult(), offer_jobs, **course()).allowed


# --- voluntary resettlement


def test_resettlement_for_citizens_and_kandas_only() -> None:
    assert decide(adult(), MeasureOffer(RESETTLEMENT)).allowed
    foreigner = decide(adult(), MeasureOffer(RESETTLEMENT), is_citizen=False)
    assert not foreigner.allowed and foreigner.codes == ("not_citizen",)
    assert decide(adult(), MeasureOffer(RESETTLEMENT), is_citizen=False, is_kandas=True).allowed


def test_resettlement_priority_groups() -> None:
    older = adult()
    assert resettlement_priority(older, MeasureFacts(), TODAY) == ()
    young = adult(birth_date=date(2000, 1, 1))
    assert [r.code for r in resettlement_priority(young, MeasureFacts(), TODAY)] == [
        "priority_youth"
    ]
    orphan = adult(birth_date=date(2003, 1, 1))  # 23
    codes = [
        r.code for r in resettlement_priority(orphan, MeasureFacts(orphanage_leaver=True), TODAY)
    ]
    assert codes == ["priority_youth", "priority_orphan"]
    graduate = adult(education=(EducationEntry("higher", graduated_on=date(2023, 6, 15)),))
    assert [r.code for r in resettlement_priority(graduate, MeasureFacts(), TODAY)] == [
        "priority_graduate"
    ]
    too_long = adult(education=(EducationEntry("higher", graduated_on=date(2023, 6, 14)),))
    assert resettlement_priority(too_long, MeasureFacts(), TODAY) == ()
    for flag, code in [
        ("completed_programme_training", "priority_trained"),
        ("is_kandas", "priority_kandas"),
        ("laid_off", "priority_laid_off"),
    ]:
        found = resettlement_priority(older, MeasureFacts(**{flag: True}), TODAY)  # type: ignore[arg-type]
        assert [r.code for r in found] == [code]


def test_relocation_subsidy_35_mrp_between_regions_25_within() -> None:
    between = resettlement_support(3, within_region=False, destination_urban=True, today=TODAY)
    assert between.relocation_kzt == 35 * 3 * MRP_2026
    within = resettlement_support(3, within_region=True, destination_urban=True, today=TODAY)
    assert within.relocation_kzt == 25 * 3 * MRP_2026
    assert (
        between.reasons[0].ru
        == "Субсидия на переезд: по 35 МРП на 3 чел., всего 454\u00a0125\u00a0₸"
    )
    assert between.reasons[0].kk.startswith("Көшуге субсидия: 3 адамға 35 АЕК-тен")


@pytest.mark.parametrize(
    ("size", "urban", "mrp"),
    [
        (1, True, 20),
        (2, True, 25),
        (4, True, 25),
        (5, True, 30),
        (1, False, 15),
        (3, False, 18),
        (6, False, 21),
    ],
)
def test_rent_and_utilities_12_months_by_family_size(size: int, urban: bool, mrp: int) -> None:
    support = resettlement_support(size, within_region=False, destination_urban=urban, today=TODAY)
    assert support.housing_mrp_per_month == mrp
    assert support.housing_kzt_per_month == mrp * MRP_2026
    assert support.housing_months == 12
    assert support.total_kzt == support.relocation_kzt + 12 * mrp * MRP_2026


def test_resettlement_decision_shows_the_support() -> None:
    decision = decide(adult(), MeasureOffer(RESETTLEMENT, family_size=2, destination_urban=False))
    assert decision.codes == ("citizen_or_kandas", "relocation_subsidy", "housing_subsidy")


# --- social professional orientation


def test_orientation_for_seekers_self_employed_and_students() -> None:
    assert decide(adult(status=JOB_SEEKER), MeasureOffer(ORIENTATION)).allowed
    assert decide(worker(is_student=True), MeasureOffer(ORIENTATION)).codes[-1] == "student"
    assert decide(worker(), MeasureOffer(ORIENTATION), self_employed=True).allowed
    employed = decide(worker(), MeasureOffer(ORIENTATION))
    assert not employed.allowed and employed.codes == ("orientation_not_for_employed",)


# --- people not obliged, parameters, bad input


def test_people_not_obliged_stay_eligible_but_flagged() -> None:
    decision = decide(adult(disability_group=2), MeasureOffer(SHORT_TRAINING))
    assert decision.allowed and decision.not_obliged
    assert "not_obliged_measure" in decision.codes
    consult = decide(adult(disability_group=2), MeasureOffer(ORIENTATION))
    assert not consult.not_obliged  # a consultation is not an active measure


def test_mrp_is_a_dated_schedule() -> None:
    p = DEFAULT_RULEBOOK.at(TODAY)
    assert [p.mrp(date(y, 6, 1)) for y in (2023, 2024, 2025, 2026)] == [3450, 3692, 3932, 4325]


def test_measure_parameters_round_trip_through_json() -> None:
    p = replace(params_for(TODAY), housing_mrp_rural=(16, 19, 22), credit_max_mrp=9000)
    back = params_from_dict(params_to_dict(p))
    assert back == p


def test_bad_offers_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown measure kind"):
        MeasureOffer("holiday")
    with pytest.raises(ValueError, match="family_size"):
        MeasureOffer(RESETTLEMENT, family_size=0)
    with pytest.raises(ValueError, match="employer_share"):
        MeasureOffer(RETRAINING, employer_share=1.5)
