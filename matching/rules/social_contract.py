"""The social contract of conditional targeted social assistance (АСП, seed 002:160-254).

A contract runs six months, extendable by six. Breaches of the family plan: the first cuts the
assistance of adult members by half for a month (full-time students up to 23 excepted); a
repeated breach after that month stops it (minors and such students excepted). The platform
records and shows the consequence; it pays nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from matching.rules.dates import add_months, age_in_years
from matching.rules.decision import Reason
from matching.rules.measure_texts import measure_reason as mr
from matching.rules.params import RuleParams, params_for

FULL = "full"
HALVED = "halved"
STOPPED = "stopped"
ADULT_AGE = 18
STUDENT_EXCEPTION_MAX_AGE = 23


@dataclass(frozen=True, slots=True)
class Consequence:
    """Where the family's assistance stands on a day, and why."""

    state: str  # FULL, HALVED or STOPPED
    cut_share: float  # 0.0, 0.5, 1.0
    until: date | None  # the end of a halving
    reason: Reason

    def to_dict(self) -> dict[str, object]:
        return {
            "state": self.state,
            "cut_share": self.cut_share,
            "until": self.until.isoformat() if self.until else None,
            "reason": self.reason.to_dict(),
        }


def contract_ends_on(
    starts_on: date, extended: bool = False, params: RuleParams | None = None
) -> date:
    p = params_for(starts_on, params)
    months = p.social_contract_months + (p.social_contract_extension_months if extended else 0)
    return add_months(starts_on, months)


def breach_consequence(
    breaches: Iterable[date], today: date, params: RuleParams | None = None
) -> Consequence:
    """The consequence of the breaches recorded up to ``today`` (later ones are ignored).

    The seed's repeated breach is "found after the month" (002:243-244): staff record a breach
    when it is found, so any second breach stops the payment, as domain.md puts it.
    """
    p = params_for(today, params)
    dates = sorted(d for d in breaches if d <= today)
    if not dates:
        return Consequence(FULL, 0.0, None, mr("contract_no_breach"))
    first = dates[0]
    halved_until = add_months(first, p.first_breach_cut_months)
    if len(dates) > 1:
        return Consequence(STOPPED, 1.0, None, mr("contract_second_breach", on=dates[1]))
    percent = round(p.first_breach_cut_share * 100)
    if today < halved_until:
        reason = mr("contract_first_breach", on=first, until=halved_until, percent=percent)
        return Consequence(HALVED, p.first_breach_cut_share, halved_until, reason)
    return Consequence(
        FULL, 0.0, None, mr("contract_first_breach_over", on=first, until=halved_until)
    )


def member_affected(
    consequence: Consequence, birth_date: date, full_time_student: bool, today: date
) -> bool:
    """Whether a member's share is cut: halving spares minors and full-time students up to 23;
    stopping spares minors and the same students."""
    if consequence.state == FULL:
        return False
    age = age_in_years(birth_date, today)
    if age < ADULT_AGE:
        return False
    return not (full_time_student and age <= STUDENT_EXCEPTION_MAX_AGE)
