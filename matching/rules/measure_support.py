"""The money limits of the measures, in MRP converted at the rate of the day (seed 002).

The platform shows these amounts and checks offers against them; it pays nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matching.rules.decision import Reason
from matching.rules.measure_texts import measure_reason as mr
from matching.rules.params import RuleParams, params_for
from matching.rules.texts import money


@dataclass(frozen=True, slots=True)
class CreditLimits:
    max_amount_kzt: int
    max_mrp: int
    max_rate_percent: float
    max_years: int


@dataclass(frozen=True, slots=True)
class ResettlementSupport:
    relocation_mrp_per_member: int
    relocation_kzt: int  # once, for the whole family
    housing_mrp_per_month: int
    housing_kzt_per_month: int
    housing_months: int
    reasons: tuple[Reason, ...]

    @property
    def total_kzt(self) -> int:
        return self.relocation_kzt + self.housing_kzt_per_month * self.housing_months


def credit_limits(
    today: date, livestock_or_cooperative: bool = False, params: RuleParams | None = None
) -> CreditLimits:
    """Up to 8,000 MRP, at most 6% a year, up to 5 years (7 for livestock and cooperatives)."""
    p = params_for(today, params)
    years = p.credit_max_years_livestock if livestock_or_cooperative else p.credit_max_years
    return CreditLimits(
        max_amount_kzt=p.credit_max_mrp * p.mrp(today),
        max_mrp=p.credit_max_mrp,
        max_rate_percent=p.credit_max_rate_percent,
        max_years=years,
    )


def housing_mrp(family_size: int, urban: bool, p: RuleParams) -> int:
    """The monthly rent-and-utilities rate: one person, two to four, five or more."""
    rates = p.housing_mrp_urban if urban else p.housing_mrp_rural
    if family_size <= 1:
        return rates[0]
    return rates[1] if family_size <= 4 else rates[2]


def resettlement_support(
    family_size: int,
    within_region: bool,
    destination_urban: bool,
    today: date,
    params: RuleParams | None = None,
) -> ResettlementSupport:
    """Relocation subsidy (35 MRP a member between regions, 25 within one) and 12 months of
    rent and utilities at the urban or rural rate for the family's size."""
    if family_size < 1:
        raise ValueError("family_size must be >= 1")
    p = params_for(today, params)
    mrp = p.mrp(today)
    per_member = (
        p.relocation_mrp_within_region if within_region else p.relocation_mrp_between_regions
    )
    relocation = per_member * family_size * mrp
    monthly_mrp = housing_mrp(family_size, destination_urban, p)
    monthly = monthly_mrp * mrp
    months = p.housing_subsidy_months
    reasons = (
        mr("relocation_subsidy", members=family_size, mrp=per_member, amount=money(relocation)),
        mr("housing_subsidy", months=months, mrp=monthly_mrp, amount=money(monthly)),
    )
    return ResettlementSupport(per_member, relocation, monthly_mrp, monthly, months, reasons)
