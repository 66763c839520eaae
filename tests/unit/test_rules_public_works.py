"""The public-works queue order and its explanation."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from matching.rules import (
    GROUP_GENERAL,
    GROUP_LONG_TERM,
    GROUP_NO_PAYMENT,
    JOB_SEEKER,
    MALE,
    UNEMPLOYED,
    PersonFacts,
    QueueCandidate,
    priority,
    queue_order,
    registered_over,
)

TODAY = date(2026, 7, 15)


def paid(person_id: int, registered_on: date | None) -> QueueCandidate:
    return QueueCandidate(person_id, UNEMPLOYED, registered_on, receives_job_loss_payment=True)


def unpaid(person_id: int, registered_on: date | None) -> QueueCandidate:
    return QueueCandidate(person_id, UNEMPLOYED, registered_on)


def test_six_months_boundary() -> None:
    # Registered 15 January: six months complete on 15 July; "over six months" from 16 July.
    exactly_six = paid(1, date(2026, 1, 15))
    over_six = paid(2, date(2026, 1, 14))
    assert priority(exactly_six, TODAY).group == GROUP_GENERAL
    assert priority(over_six, TODAY).group == GROUP_LONG_TERM
    assert priority(exactly_six, date(2026, 7, 16)).group == GROUP_LONG_TERM
    assert not registered_over(date(2026, 1, 15), 6, TODAY)
    assert registered_over(date(2026, 1, 15), 6, date(2026, 7, 16))


def test_six_months_from_the_end_of_a_long_month() -> None:
    # 31 August + 6 months ends on 28 February (clamped); over from 1 March.
    assert not registered_over(date(2025, 8, 31), 6, date(2026, 2, 28))
    assert registered_over(date(2025, 8, 31), 6, date(2026, 3, 1))


def test_payment_recipients_come_after_non_recipients() -> None:
    recipient_early = paid(1, date(2026, 5, 1))
    non_recipient_late = unpaid(2, date(2026, 7, 1))
    assert queue_order([recipient_early, non_recipient_late], TODAY) == [
        non_recipient_late,
        recipient_early,
    ]


def test_full_order() -> None:
    long_term_paid = paid(10, date(2025, 12, 1))
    recent_paid = paid(11, date(2026, 6, 1))
    unpaid_recent = unpaid(12, date(2026, 7, 1))
    unpaid_old = unpaid(13, date(2025, 1, 10))
    student = QueueCandidate(14, None, None)
    job_seeker = QueueCandidate(15, JOB_SEEKER, date(2026, 2, 1))
    same_day_a = unpaid(21, date(2026, 3, 3))
    same_day_b = unpaid(20, date(2026, 3, 3))
    ordered = queue_order(
        [
            student,
            job_seeker,
            recent_paid,
            unpaid_recent,
            long_term_paid,
            same_day_a,
            unpaid_old,
            same_day_b,
        ],
        TODAY,
    )
    assert [c.person_id for c in ordered] == [13, 20, 21, 12, 10, 15, 11, 14]


def test_priority_is_explained_in_both_languages() -> None:
    first = priority(unpaid(1, date(2026, 1, 1)), TODAY)
    assert first.group == GROUP_NO_PAYMENT
    assert first.reason.code == "pw_no_payment"
    assert first.reason.ru.startswith("1-я очередь")
    assert first.reason.kk.startswith("1-кезек")
    second = priority(paid(2, date(2025, 1, 1)), TODAY)
    assert second.reason.code == "pw_long_term"
    assert "6" in second.reason.ru and "6" in second.reason.kk
    assert priority(QueueCandidate(3, None, None), TODAY).reason.code == "pw_general"


def test_candidate_from_person_facts() -> None:
    facts = PersonFacts(
        birth_date=date(1990, 1, 1),
        sex=MALE,
        status=UNEMPLOYED,
        registered_on=date(2026, 1, 5),
        receives_job_loss_payment=True,
    )
    candidate = QueueCandidate.from_facts(7, facts)
    assert candidate == QueueCandidate(7, UNEMPLOYED, date(2026, 1, 5), True)


CANDIDATES = st.builds(
    QueueCandidate,
    person_id=st.integers(1, 10_000),
    status=st.sampled_from([UNEMPLOYED, JOB_SEEKER, None]),
    registered_on=st.none() | st.dates(date(2024, 1, 1), date(2026, 7, 15)),
    receives_job_loss_payment=st.booleans(),
)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(CANDIDATES, max_size=30, unique_by=lambda c: c.person_id))
def test_order_is_by_group_then_registration_date(candidates: list[QueueCandidate]) -> None:
    ordered = queue_order(candidates, TODAY)
    assert queue_order(list(reversed(candidates)), TODAY) == ordered
    ranked = [(priority(c, TODAY).group, c.registered_on) for c in ordered]
    for (group_a, day_a), (group_b, day_b) in pairwise(ranked):
        assert group_a <= group_b
        if group_a == group_b and day_b is not None:
            assert day_a is not None and day_a <= day_b
