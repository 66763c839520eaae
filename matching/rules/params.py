"""Every number the programme rules use, versioned by the day it takes effect.

A change in the law is a new ``RuleParams`` version added to the ``RuleBook``; older versions
stay, so past decisions can be re-explained with the rules of their day. Amounts the law itself
publishes as a schedule (pension age, minimum wage) are dated entries inside a version, because
a person's position depends on the whole schedule (a woman who reached pension age under the
2027 schedule keeps it when 2028 raises the age).

Values marked "configurable default" are not fixed by the sources (domain.md); they are the
platform's choice and the first thing to tune.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from matching.rules.dates import reaches_age_on


@dataclass(frozen=True, slots=True)
class PensionAge:
    """Pension age in months (61.5 years = 738) for those reaching it from ``effective_from``."""

    effective_from: date
    men_months: int
    women_months: int


@dataclass(frozen=True, slots=True)
class DatedAmount:
    effective_from: date
    amount: int


# Social Code art. 207 / former Pension Law art. 11 p. 1: men 63; women 61 in 2023-2027, then
# +6 months a year to 63 in 2031 (the 2028+ steps as published in 2025; confirm before then).
PENSION_AGES: tuple[PensionAge, ...] = (
    PensionAge(date(2022, 1, 1), 63 * 12, 60 * 12 + 6),
    PensionAge(date(2023, 1, 1), 63 * 12, 61 * 12),
    PensionAge(date(2028, 1, 1), 63 * 12, 61 * 12 + 6),
    PensionAge(date(2029, 1, 1), 63 * 12, 62 * 12),
    PensionAge(date(2030, 1, 1), 63 * 12, 62 * 12 + 6),
    PensionAge(date(2031, 1, 1), 63 * 12, 63 * 12),
)

# Minimum monthly wage (МЗП), KZT, set each year by the republican budget law.
MINIMUM_WAGES: tuple[DatedAmount, ...] = (
    DatedAmount(date(2022, 1, 1), 60_000),
    DatedAmount(date(2023, 1, 1), 70_000),
    DatedAmount(date(2024, 1, 1), 85_000),
)

# Monthly calculation index (МРП), KZT, set each year by the republican budget law: every
# measure amount in seed 002 is a multiple of it.
MRP_VALUES: tuple[DatedAmount, ...] = (
    DatedAmount(date(2023, 1, 1), 3_450),
    DatedAmount(date(2024, 1, 1), 3_692),
    DatedAmount(date(2025, 1, 1), 3_932),
    DatedAmount(date(2026, 1, 1), 4_325),
)

TIPO_AND_ABOVE = frozenset({"tipo", "post_secondary", "higher", "postgraduate"})

_Dated = TypeVar("_Dated", PensionAge, DatedAmount)


def _latest(entries: Iterable[_Dated], day: date) -> _Dated:
    found: _Dated | None = None
    for entry in entries:
        if entry.effective_from <= day and (
            found is None or entry.effective_from >= found.effective_from
        ):
            found = entry
    if found is None:
        raise LookupError(f"no schedule entry in force on {day}")
    return found


@dataclass(frozen=True, slots=True)
class RuleParams:
    effective_from: date
    source: str = ""  # the legal act or decision behind this version

    # registration and status (Social Code / former Law on employment, arts. 13-16)
    min_registration_age: int = 16
    min_age_with_guardian: int = 14  # configurable default: under 16 needs a guardian's statement
    pension_ages: tuple[PensionAge, ...] = PENSION_AGES
    days_to_unemployed: int = 10  # working days from registration
    job_seeker_check_in_days: int = 3  # working days
    unemployed_check_in_days: int = 10  # working days
    rural_check_in_months: int = 1
    referral_act_within_days: int = 5  # working days
    centre_call_answer_days: int = 3  # working days
    refusals_before_deregistration: int = 2
    # Calendar days; re-registration allowed on deregistration day + 30. Reading "по истечении"
    # strictly (the 30-day term ends at the end of day 30) would make this 31.
    reregistration_wait_days: int = 30

    # not obliged to take part in active measures (art. 17 p. 2)
    long_illness_months: int = 2
    carer_child_max_age: int = 7  # child under this age
    carer_elderly_min_age: int = 80  # configurable reading of "старше 80": aged 80 or more

    # programmes
    social_job_max_months: int = 12
    social_job_employer_answer_days: int = 3  # working days
    social_job_wage_subsidy_share: float = 0.35  # configurable default
    youth_practice_max_age: int = 29  # inclusive ("не старше 29")
    youth_practice_graduation_years: int = 3
    youth_practice_max_months: int = 6
    youth_practice_levels: frozenset[str] = TIPO_AND_ABOVE
    public_works_long_term_months: int = 6  # "over six months" registered: priority group 2
    summer_holiday_months: frozenset[int] = frozenset({6, 7, 8})

    # suitable work (not defined in the sources: all configurable defaults)
    minimum_wages: tuple[DatedAmount, ...] = MINIMUM_WAGES
    suitable_min_previous_wage_share: float = 0.8
    suitable_previous_wage_lookback_months: int = 12  # older last wages are not compared
    suitable_max_commute_km_urban: float = 30.0
    suitable_max_commute_km_rural: float = 50.0
    suitable_max_travel_minutes: int = 90  # one way
    suitable_occupation_match_digits: int = 3  # ISCO-08 minor group
    suitable_no_qualification_prefixes: tuple[str, ...] = ("9",)  # ISCO elementary occupations
    suitable_consent_schedules: frozenset[str] = frozenset({"rotation"})

    # measures for people the vacancies do not fit (seed 002, Productive employment programme;
    # line numbers are 002_297b51e348bf2027.txt)
    mrp_values: tuple[DatedAmount, ...] = MRP_VALUES
    measures_youth_under_age: int = 29  # "молодежь в возрасте до 29 лет" (002:840, 002:1130)
    short_training_min_months: int = 1  # "от 1 до 6 месяцев" (002:836)
    short_training_max_months: int = 6
    retraining_min_employer_share: float = 0.30  # "не менее 30 %" (002:863-864)
    bastau_max_days: int = 30  # "не превышает 30 календарных дней" (002:895)
    credit_certificate_years: int = 2  # "в течение последних двух лет" (002:918-922)
    credit_max_mrp: int = 8_000  # "до 8 тысяч МРП" (002:934)
    credit_max_rate_percent: float = 6.0  # "не более 6% годовых" (002:935)
    credit_max_years: int = 5  # (002:929)
    credit_max_years_livestock: int = 7  # livestock and cooperatives (002:931-932)
    resettlement_orphan_min_age: int = 16  # orphanage leavers 16-23 (002:1130-1133)
    resettlement_orphan_max_age: int = 23
    resettlement_graduate_years: int = 3  # (002:1135-1137)
    relocation_mrp_between_regions: int = 35  # per family member (002:1164-1166)
    relocation_mrp_within_region: int = 25  # per family member (002:1167-1170)
    housing_subsidy_months: int = 12  # (002:1172-1174, 002:1185-1187)
    # rent and utilities by family size: 1, 2-4, 5 or more (002:1176-1183; 002:1189-1196)
    housing_mrp_urban: tuple[int, int, int] = (20, 25, 30)
    housing_mrp_rural: tuple[int, int, int] = (15, 18, 21)
    # targeted social assistance, social contract (002:209-215, 002:232-247)
    social_contract_months: int = 6
    social_contract_extension_months: int = 6
    first_breach_cut_share: float = 0.5  # "сокращается в течение месяца на пятьдесят процентов"
    first_breach_cut_months: int = 1
    plan_item_due_days: int = 10  # working days; configurable default, the seed is silent

    def pension_age_months(self, sex: str, on: date) -> int:
        entry = _latest(self.pension_ages, on)
        return entry.women_months if sex == "female" else entry.men_months

    def pension_age_reached_on(self, birth_date: date, sex: str) -> date:
        """The day this person reaches pension age under the schedule.

        Each schedule entry applies to those reaching its age while it is in force; the first
        entry whose age is reached before the next entry starts decides (the first entry also
        covers everyone who reached its age before it took effect).
        """
        entries = sorted(self.pension_ages, key=lambda e: e.effective_from)
        if not entries:
            raise LookupError("empty pension-age schedule")
        for index, current in enumerate(entries):
            months = current.women_months if sex == "female" else current.men_months
            reached = reaches_age_on(birth_date, months)
            if index:
                reached = max(reached, current.effective_from)
            following = entries[index + 1] if index + 1 < len(entries) else None
            if following is None or reached < following.effective_from:
                return reached
        raise AssertionError("unreachable: the last entry always decides")

    def is_pension_age(self, birth_date: date, sex: str, on: date) -> bool:
        return self.pension_age_reached_on(birth_date, sex) <= on

    def minimum_wage(self, on: date) -> int:
        return _latest(self.minimum_wages, on).amount

    def mrp(self, on: date) -> int:
        return _latest(self.mrp_values, on).amount

    def max_duration_months(self, kind: str) -> int | None:
        """The longest a programme place of this vacancy kind may last (None: no limit)."""
        limits = {
            "social_job": self.social_job_max_months,
            "youth_practice": self.youth_practice_max_months,
        }
        return limits.get(kind)


class RuleBook:
    """The versions of the rules; ``at(day)`` is the version in force that day.

    Days before the first version get the first version (the platform keeps no older law).
    """

    def __init__(self, versions: Iterable[RuleParams]) -> None:
        ordered = sorted(versions, key=lambda v: v.effective_from)
        if not ordered:
            raise ValueError("a rule book needs at least one version")
        dates = [v.effective_from for v in ordered]
        if len(set(dates)) != len(dates):
            raise ValueError("two rule versions take effect on the same day")
        self._versions = tuple(ordered)

    @property
    def versions(self) -> tuple[RuleParams, ...]:
        return self._versions

    def at(self, day: date) -> RuleParams:
        current = self._versions[0]
        for version in self._versions[1:]:
            if version.effective_from > day:
                break
            current = version
        return current

    def with_version(self, params: RuleParams) -> RuleBook:
        """A new book with ``params`` added (replacing a version of the same day)."""
        kept = [v for v in self._versions if v.effective_from != params.effective_from]
        return RuleBook([*kept, params])


DEFAULT_RULEBOOK = RuleBook(
    [
        RuleParams(
            effective_from=date(2023, 7, 1),
            source="Social Code of the Republic of Kazakhstan (in force 1 July 2023); "
            "programme rules as in domain.md",
        )
    ]
)


def params_for(day: date, params: RuleParams | None = None) -> RuleParams:
    """``params`` when given, else the default rule book's version in force on ``day``."""
    return params if params is not None else DEFAULT_RULEBOOK.at(day)
