"""The public-works queue: priority groups, then strictly by registration date.

Priority (seed 002, "Организация общественных работ"): (1) unemployed people not receiving the
social payment for loss of work; (2) unemployed people registered for over six months; then
everyone else. Within a group the earlier registration goes first (unknown dates last), then
the person's id so the order is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from matching.rules.dates import add_months
from matching.rules.decision import Reason
from matching.rules.facts import UNEMPLOYED, PersonFacts
from matching.rules.params import RuleParams, params_for
from matching.rules.texts import reason

GROUP_NO_PAYMENT = 1
GROUP_LONG_TERM = 2
GROUP_GENERAL = 3


@dataclass(frozen=True, slots=True)
class QueueCandidate:
    person_id: int
    status: str | None
    registered_on: date | None
    receives_job_loss_payment: bool = False

    @classmethod
    def from_facts(cls, person_id: int, facts: PersonFacts) -> QueueCandidate:
        return cls(
            person_id=person_id,
            status=facts.status,
            registered_on=facts.registered_on,
            receives_job_loss_payment=facts.receives_job_loss_payment,
        )


@dataclass(frozen=True, slots=True)
class Priority:
    group: int
    reason: Reason


def registered_over(registered_on: date, months: int, today: date) -> bool:
    """Registered for more than ``months`` months on ``today``.

    The period ends on the same date ``months`` later (the month's last day when it has no such
    date, as the Civil Code counts terms); "over" starts the day after.
    """
    return today > add_months(registered_on, months)


def priority(candidate: QueueCandidate, today: date, params: RuleParams | None = None) -> Priority:
    p = params_for(today, params)
    if candidate.status == UNEMPLOYED:
        if not candidate.receives_job_loss_payment:
            return Priority(GROUP_NO_PAYMENT, reason("pw_no_payment"))
        months = p.public_works_long_term_months
        if candidate.registered_on is not None and registered_over(
            candidate.registered_on, months, today
        ):
            return Priority(GROUP_LONG_TERM, reason("pw_long_term", months=months))
    return Priority(GROUP_GENERAL, reason("pw_general"))


def queue_key(
    candidate: QueueCandidate, today: date, params: RuleParams | None = None
) -> tuple[int, bool, date, int]:
    registered = candidate.registered_on
    return (
        priority(candidate, today, params).group,
        registered is None,
        registered or date.max,
        candidate.person_id,
    )


def queue_order(
    candidates: Iterable[QueueCandidate], today: date, params: RuleParams | None = None
) -> list[QueueCandidate]:
    p = params_for(today, params)
    return sorted(candidates, key=lambda c: queue_key(c, today, p))
