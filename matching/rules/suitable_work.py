"""Is an offer "suitable work" for this person? The answer is recorded on each referral.

The sources do not define suitable work (domain.md), so it is a configurable rule: an offer is
suitable only when every check holds, and a check whose facts are missing fails ("not shown to
be suitable"), because refusing two suitable offers costs a person their registration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from matching.rules.codes import codes_match, same_group
from matching.rules.dates import add_months
from matching.rules.decision import Reason
from matching.rules.params import RuleParams, params_for
from matching.rules.texts import money, reason, schedule_name

QUALIFICATION = "qualification"
HEALTH = "health"
COMMUTE = "commute"
WAGE = "wage"
SCHEDULE = "schedule"


@dataclass(frozen=True, slots=True)
class WorkerProfile:
    """The person's side. Occupation codes are ISCO-08 (any level); specialty codes are the
    education classifier's. ``previous_wage`` is the monthly wage of the last job, which ended
    on ``previous_job_ended_on`` (None: still unknown or never worked)."""

    occupation_codes: tuple[str, ...] = ()
    specialty_codes: tuple[str, ...] = ()
    no_hazardous_work: bool = False  # medical contraindication to heavy/harmful/dangerous work
    excluded_occupations: tuple[str, ...] = ()  # ISCO prefixes contraindicated for health
    disability_group: int | None = None
    previous_wage: int | None = None
    previous_job_ended_on: date | None = None
    schedules: tuple[str, ...] = ()  # acceptable schedules; empty: any ordinary schedule
    is_rural: bool = False


@dataclass(frozen=True, slots=True)
class OfferTerms:
    """The offer's side. ``wage`` is the monthly wage offered (the lower bound of a range);
    ``work_rate`` is the share of full time (0.5 for half time) the minimum wage scales by."""

    occupation_code: str | None = None
    specialty_codes: tuple[str, ...] = ()
    hazardous: bool = False
    wage: int | None = None
    work_rate: float = 1.0
    schedule: str | None = None
    distance_km: float | None = None
    travel_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    passed: bool
    detail: Reason

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "passed": self.passed, "detail": self.detail.to_dict()}


@dataclass(frozen=True, slots=True)
class SuitabilityAssessment:
    suitable: bool
    checks: tuple[Check, ...]

    @property
    def failed(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.passed)

    def to_dict(self) -> dict[str, Any]:
        return {"suitable": self.suitable, "checks": [c.to_dict() for c in self.checks]}


def _qualification(person: WorkerProfile, offer: OfferTerms, p: RuleParams) -> Check:
    code = offer.occupation_code
    if code and code.startswith(p.suitable_no_qualification_prefixes):
        return Check(QUALIFICATION, True, reason("qualification_not_needed"))
    digits = p.suitable_occupation_match_digits
    if code and any(same_group(code, own, digits) for own in person.occupation_codes):
        return Check(QUALIFICATION, True, reason("qualification_match"))
    if any(
        codes_match(theirs, own)
        for theirs in offer.specialty_codes
        for own in person.specialty_codes
    ):
        return Check(QUALIFICATION, True, reason("qualification_match"))
    if not code and not offer.specialty_codes:
        return Check(QUALIFICATION, False, reason("qualification_unknown"))
    return Check(QUALIFICATION, False, reason("qualification_mismatch"))


def _health(person: WorkerProfile, offer: OfferTerms) -> Check:
    if offer.hazardous and (person.no_hazardous_work or person.disability_group is not None):
        return Check(HEALTH, False, reason("health_hazardous"))
    code = offer.occupation_code
    if code and any(code.startswith(prefix) for prefix in person.excluded_occupations if prefix):
        return Check(HEALTH, False, reason("health_excluded_occupation"))
    return Check(HEALTH, True, reason("health_ok"))


def _commute(person: WorkerProfile, offer: OfferTerms, p: RuleParams) -> Check:
    if offer.schedule == "remote":
        return Check(COMMUTE, True, reason("commute_remote"))
    km, minutes = offer.distance_km, offer.travel_minutes
    if km is None and minutes is None:
        return Check(COMMUTE, False, reason("commute_unknown"))
    limit = p.suitable_max_commute_km_rural if person.is_rural else p.suitable_max_commute_km_urban
    most = p.suitable_max_travel_minutes
    if km is not None and km > limit:
        return Check(COMMUTE, False, reason("commute_too_far", km=round(km, 1), limit=limit))
    if minutes is not None and minutes > most:
        return Check(COMMUTE, False, reason("travel_too_long", minutes=minutes, limit=most))
    if km is not None:
        return Check(COMMUTE, True, reason("commute_ok", km=round(km, 1), limit=limit))
    return Check(COMMUTE, True, reason("travel_ok", minutes=minutes, limit=most))


def _wage(person: WorkerProfile, offer: OfferTerms, today: date, p: RuleParams) -> Check:
    if offer.wage is None:
        return Check(WAGE, False, reason("wage_unknown"))
    minimum = round(p.minimum_wage(today) * offer.work_rate)
    wage = money(offer.wage)
    if offer.wage < minimum:
        return Check(WAGE, False, reason("wage_below_minimum", wage=wage, minimum=money(minimum)))
    required = minimum
    lookback = p.suitable_previous_wage_lookback_months
    ended = person.previous_job_ended_on
    recent = ended is not None and add_months(ended, lookback) >= today
    if person.previous_wage is not None and recent:
        share = p.suitable_min_previous_wage_share
        previous_floor = round(person.previous_wage * share)
        if offer.wage < previous_floor:
            return Check(
                WAGE,
                False,
                reason(
                    "wage_below_previous",
                    wage=wage,
                    percent=round(share * 100),
                    required=money(previous_floor),
                ),
            )
        required = max(required, previous_floor)
    return Check(WAGE, True, reason("wage_ok", wage=wage, required=money(required)))


def _schedule(person: WorkerProfile, offer: OfferTerms, p: RuleParams) -> Check:
    if not offer.schedule:
        return Check(SCHEDULE, False, reason("schedule_unknown"))
    name = schedule_name(offer.schedule)
    if person.schedules:
        if offer.schedule in person.schedules:
            return Check(SCHEDULE, True, reason("schedule_ok", schedule=name))
        return Check(SCHEDULE, False, reason("schedule_not_accepted", schedule=name))
    if offer.schedule in p.suitable_consent_schedules:
        return Check(SCHEDULE, False, reason("schedule_needs_consent", schedule=name))
    return Check(SCHEDULE, True, reason("schedule_ok", schedule=name))


def assess_suitability(
    person: WorkerProfile, offer: OfferTerms, today: date, params: RuleParams | None = None
) -> SuitabilityAssessment:
    """Run every check (none short-circuits, so the record shows each part)."""
    p = params_for(today, params)
    checks = (
        _qualification(person, offer, p),
        _health(person, offer),
        _commute(person, offer, p),
        _wage(person, offer, today, p),
        _schedule(person, offer, p),
    )
    return SuitabilityAssessment(all(c.passed for c in checks), checks)
