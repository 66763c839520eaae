"""Who may take which employment measure, and within which limits (seed 002, Productive
employment programme, 002:798-1196): training, TiPO, retraining, Bastau Business, credit,
voluntary resettlement, social professional orientation.

Like ``programmes.py``: every decision carries its reasons, approvals too, and people not
obliged to take part in active measures stay eligible, flagged ``not_obliged``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from matching.rules.dates import add_years, age_in_years
from matching.rules.decision import Decision, Reason, allow, refuse
from matching.rules.facts import PersonFacts
from matching.rules.measure_support import credit_limits, resettlement_support
from matching.rules.measure_texts import measure_reason as mr
from matching.rules.params import RuleParams, params_for
from matching.rules.registration import not_obliged_reasons
from matching.rules.texts import money

SHORT_TRAINING = "short_training"
TIPO = "tipo"
RETRAINING = "retraining"
BASTAU = "bastau_business"
MICROCREDIT = "microcredit"
RESETTLEMENT = "resettlement"
ORIENTATION = "orientation"
MEASURE_KINDS = (SHORT_TRAINING, TIPO, RETRAINING, BASTAU, MICROCREDIT, RESETTLEMENT, ORIENTATION)
TRAINING_KINDS = frozenset({SHORT_TRAINING, TIPO, RETRAINING, BASTAU})
# Orientation is a consultation, not an active measure one can be pushed to.
ACTIVE_KINDS = frozenset(MEASURE_KINDS) - {ORIENTATION}

_Outcome = tuple[list[Reason], list[Reason]]  # (problems, notes)


@dataclass(frozen=True, slots=True)
class MeasureFacts:
    """What the measures read beyond ``PersonFacts``; staff record these on the person.

    ``entrepreneurship_course_on``: Bastau Business or first-direction training finished (no
    age limit); ``certificate_on``: a certificate from another programme (valid two years).
    """

    self_employed: bool = False
    being_laid_off: bool = False  # notified of redundancy, still employed
    laid_off: bool = False  # released by liquidation or staff reduction
    school_leaver: bool = False  # finished grade 9-11, not admitted anywhere
    in_hardship: bool = False  # difficult life situation or low-income family member
    district_centre: bool = False  # lives in a district centre (a village is PersonFacts.is_rural)
    tax_registered: bool = False
    entrepreneurship_course_on: date | None = None
    certificate_on: date | None = None
    completed_programme_training: bool = False
    is_kandas: bool = False
    is_citizen: bool = True
    orphanage_leaver: bool = False


@dataclass(frozen=True, slots=True)
class MeasureOffer:
    """The concrete offer: a course, a loan, a move. Unset fields are not checked."""

    kind: str
    duration_months: int | None = None  # training
    duration_days: int | None = None  # Bastau Business, calendar days
    employer_request: bool = False  # retraining
    employer_share: float | None = None  # retraining co-funding, 0..1
    keeps_job: bool = True  # retraining: the place is kept until training ends
    amount_kzt: int | None = None  # credit
    rate_percent: float | None = None
    term_years: float | None = None
    livestock_or_cooperative: bool = False
    expands_business: bool = False  # expansion or a cooperative: needs new permanent jobs
    creates_jobs: bool = False
    within_region: bool = False  # resettlement
    family_size: int = 1
    destination_urban: bool = True

    def __post_init__(self) -> None:
        if self.kind not in MEASURE_KINDS:
            raise ValueError(f"unknown measure kind {self.kind!r}")
        if self.family_size < 1:
            raise ValueError("family_size must be >= 1")
        if self.employer_share is not None and not 0 <= self.employer_share <= 1:
            raise ValueError("employer_share must be between 0 and 1")


def _youth(person: PersonFacts, today: date, p: RuleParams) -> Reason | None:
    years = age_in_years(person.birth_date, today)
    if years < p.measures_youth_under_age:
        return mr("youth_under_age", age=p.measures_youth_under_age, years=years)
    return None


def _without_work(person: PersonFacts) -> bool:
    """Unemployed "regardless of registration": no paid work, whatever the status."""
    return not person.has_paid_work and person.status != "employed"


def _short_training(
    person: PersonFacts, extra: MeasureFacts, offer: MeasureOffer, today: date, p: RuleParams
) -> _Outcome:
    grounds = [g for g in (_youth(person, today, p),) if g]
    if _without_work(person):
        grounds.append(mr("without_paid_work"))
    if extra.self_employed:
        grounds.append(mr("self_employed"))
    if extra.being_laid_off:
        grounds.append(mr("being_laid_off"))
    problems = [] if grounds else [mr("training_group_missing", age=p.measures_youth_under_age)]
    months, low, high = (
        offer.duration_months,
        p.short_training_min_months,
        p.short_training_max_months,
    )
    if months is not None:
        ok = low <= months <= high
        code = "training_duration_ok" if ok else "training_duration_out"
        (grounds if ok else problems).append(mr(code, months=months, low=low, high=high))
    return problems, grounds


def _tipo(
    person: PersonFacts, extra: MeasureFacts, offer: MeasureOffer, today: date, p: RuleParams
) -> _Outcome:
    grounds = []
    if extra.school_leaver:
        grounds.append(mr("school_leaver"))
    if extra.in_hardship:
        grounds.append(mr("in_hardship"))
    return ([] if grounds else [mr("tipo_group_missing")]), grounds


def _retraining(
    person: PersonFacts, extra: MeasureFacts, offer: MeasureOffer, today: date, p: RuleParams
) -> _Outcome:
    problems: list[Reason] = []
    notes: list[Reason] = []
    if extra.being_laid_off:
        notes.append(mr("being_laid_off"))
    else:
        problems.append(mr("not_being_laid_off"))
    if offer.employer_request:
        notes.append(mr("employer_request"))
    else:
        problems.append(mr("employer_request_missing"))
    minimum = round(p.retraining_min_employer_share * 100)
    if offer.employer_share is not None:
        share = round(offer.employer_share * 100)
        ok = offer.employer_share >= p.retraining_min_employer_share
        code = "employer_share_ok" if ok else "employer_share_low"
        (notes if ok else problems).append(mr(code, share=share, minimum=minimum))
    if not offer.keeps_job:
        problems.append(mr("job_not_kept"))
    return problems, notes


def _unemployed_or_self_employed(person: PersonFacts, extra: MeasureFacts) -> _Outcome:
    if extra.self_employed:
        return [], [mr("self_employed")]
    if _without_work(person):
        return [], [mr("without_paid_work")]
    return [mr("has_paid_work_measure")], []


def _bastau(
    person: PersonFacts, extra: MeasureFacts, offer: MeasureOffer, today: date, p: RuleParams
) -> _Outcome:
    problems, notes = _unemployed_or_self_employed(person, extra)
    if person.is_rural or extra.district_centre:
        notes.append(mr("rural_or_district_centre"))
    else:
        problems.append(mr("not_rural"))
    days, limit = offer.duration_days, p.bastau_max_days
    if days is not None:
        ok = days <= limit
        code = "bastau_duration_ok" if ok else "bastau_duration_over"
        (notes if ok else problems).append(mr(code, days=days, limit=limit))
    return problems, notes


def _course_ground(extra: MeasureFacts, today: date, p: RuleParams) -> tuple[bool, Reason]:
    years = p.credit_certificate_years
    if extra.entrepreneurship_course_on is not None and extra.entrepreneurship_course_on <= today:
        return True, mr("entrepreneurship_course", on=extra.entrepreneurship_course_on)
    on = extra.certificate_on
    if on is not None and on <= today:
        if add_years(on, years) >= today:
            return True, mr("entrepreneurship_course", on=on)
        return False, mr("certificate_too_old", on=on, years=years)
    return False, mr("entrepreneurship_course_missing", years=years)


def _credit(
    person: PersonFacts, extra: MeasureFacts, offer: MeasureOffer, today: date, p: RuleParams
) -> _Outcome:
    problems, notes = _unemployed_or_self_employed(person, extra)
    if extra.tax_registered:
        notes.append(mr("tax_registered"))
    else:
        problems.append(mr("tax_registration_missing"))
    ok, why = _course_ground(extra, today, p)
    (notes if ok else problems).append(why)
    limits = credit_limits(today, offer.livestock_or_cooperative, p)
    if offer.amount_kzt is not None:
        fits = offer.amount_kzt <= limits.max_amount_kzt
        code = "credit_amount_ok" if fits else "credit_amount_over"
        (notes if fits else problems).append(
            mr(
                code,
                amount=money(offer.amount_kzt),
                limit=money(limits.max_amount_kzt),
                mrp=p.credit_max_mrp,
            )
        )
    if offer.rate_percent is not None:
        fits = offer.rate_percent <= limits.max_rate_percent
        code = "credit_rate_ok" if fits else "credit_rate_over"
        (notes if fits else problems).append(
            mr(code, rate=offer.rate_percent, limit=limits.max_rate_percent)
        )
    if offer.term_years is not None:
        fits = offer.term_years <= limits.max_years
        code = "credit_term_ok" if fits else "credit_term_over"
        (notes if fits else problems).append(
            mr(code, years=offer.term_years, limit=limits.max_years)
        )
    if offer.expands_business and not offer.creates_jobs:
        problems.append(mr("new_jobs_required"))
    return problems, notes


def resettlement_priority(
    person: PersonFacts, extra: MeasureFacts, today: date, params: RuleParams | None = None
) -> tuple[Reason, ...]:
    """The grounds of the preferential right to resettle (002:1127-1148); empty if none."""
    p = params_for(today, params)
    found = [g for g in (_youth(person, today, p),) if g]
    years = age_in_years(person.birth_date, today)
    low, high = p.resettlement_orphan_min_age, p.resettlement_orphan_max_age
    if extra.orphanage_leaver and low <= years <= high:
        found.append(mr("priority_orphan", low=low, high=high))
    span = p.resettlement_graduate_years
    recent = [
        e.graduated_on
        for e in person.education
        if e.graduated_on is not None and e.graduated_on <= today <= add_years(e.graduated_on, span)
    ]
    if recent:
        found.append(mr("priority_graduate", on=max(recent), years=span))
    if extra.completed_programme_training:
        found.append(mr("priority_trained"))
    if extra.is_kandas:
        found.append(mr("priority_kandas"))
    if extra.laid_off:
        found.append(mr("priority_laid_off"))
    if found and found[0].code == "youth_under_age":
        found[0] = mr("priority_youth", age=p.measures_youth_under_age)
    return tuple(found)


def _resettlement(
    person: PersonFacts, extra: MeasureFacts, offer: MeasureOffer, today: date, p: RuleParams
) -> _Outcome:
    if not (extra.is_citizen or extra.is_kandas):
        return [mr("not_citizen")], []
    support = resettlement_support(
        offer.family_size, offer.within_region, offer.destination_urban, today, p
    )
    return [], [
        mr("citizen_or_kandas"),
        *resettlement_priority(person, extra, today, p),
        *support.reasons,
    ]


def _orientation(
    person: PersonFacts, extra: MeasureFacts, offer: MeasureOffer, today: date, p: RuleParams
) -> _Outcome:
    notes = [mr("orientation_open")]
    if person.is_student:
        return [], [*notes, mr("student")]
    if extra.self_employed:
        return [], [*notes, mr("self_employed")]
    if _without_work(person) or person.is_registered:
        return [], notes
    return [mr("orientation_not_for_employed")], []


_RULES: dict[
    str, Callable[[PersonFacts, MeasureFacts, MeasureOffer, date, RuleParams], _Outcome]
] = {
    SHORT_TRAINING: _short_training,
    TIPO: _tipo,
    RETRAINING: _retraining,
    BASTAU: _bastau,
    MICROCREDIT: _credit,
    RESETTLEMENT: _resettlement,
    ORIENTATION: _orientation,
}


def measure_eligibility(
    person: PersonFacts,
    offer: MeasureOffer,
    today: date,
    extra: MeasureFacts | None = None,
    params: RuleParams | None = None,
) -> Decision:
    """May ``person`` take ``offer`` on ``today``? Reasons explain either outcome."""
    p = params_for(today, params)
    problems, notes = _RULES[offer.kind](person, extra or MeasureFacts(), offer, today, p)
    if problems:
        return refuse(*problems)
    if offer.kind in ACTIVE_KINDS:
        why_not = not_obliged_reasons(person, today, p)
        if why_not:
            return allow(*notes, mr("not_obliged_measure"), *why_not, not_obliged=True)
    return allow(*notes)
