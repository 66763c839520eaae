"""The social contract: its term and what breaches of the family plan do (seed 002:209-247)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from matching.rules import breach_consequence, contract_ends_on, member_affected, params_for

START = date(2026, 1, 31)


def test_contract_runs_six_months_extendable_by_six() -> None:
    assert contract_ends_on(START) == date(2026, 7, 31)
    assert contract_ends_on(START, extended=True) == date(2027, 1, 31)


def test_no_breach_full_assistance() -> None:
    c = breach_consequence([], START)
    assert (c.state, c.cut_share, c.reason.code) == ("full", 0.0, "contract_no_breach")


def test_first_breach_halves_for_a_month_then_full_again() -> None:
    first = date(2026, 3, 10)
    during = breach_consequence([first], date(2026, 4, 9))
    assert (during.state, during.cut_share, during.until) == ("halved", 0.5, date(2026, 4, 10))
    assert (
        during.reason.ru == "Первое нарушение (10.03.2026): помощь сокращена на 50% до 10.04.2026"
    )
    assert during.reason.kk.startswith("Алғашқы бұзушылық (10.03.2026)")
    after = breach_consequence([first], date(2026, 4, 10))
    assert (after.state, after.reason.code) == ("full", "contract_first_breach_over")


def test_second_breach_stops_assistance() -> None:
    c = breach_consequence([date(2026, 3, 10), date(2026, 5, 4)], date(2026, 5, 4))
    assert (c.state, c.cut_share) == ("stopped", 1.0)
    assert c.reason.ru.startswith("Повторное нарушение (04.05.2026)")


def test_breaches_after_the_day_are_not_counted() -> None:
    assert breach_consequence([date(2026, 3, 10)], date(2026, 3, 9)).state == "full"


def test_cut_share_and_months_are_parameters() -> None:
    p = replace(params_for(START), first_breach_cut_share=0.3, first_breach_cut_months=2)
    c = breach_consequence([date(2026, 3, 10)], date(2026, 5, 1), p)
    assert (c.state, c.cut_share, c.until) == ("halved", 0.3, date(2026, 5, 10))


def test_minors_and_full_time_students_up_to_23_are_spared() -> None:
    halved = breach_consequence([date(2026, 3, 10)], date(2026, 3, 20))
    day = date(2026, 3, 20)
    assert member_affected(halved, date(1990, 1, 1), False, day)
    assert not member_affected(halved, date(2010, 1, 1), False, day)  # a minor
    assert not member_affected(halved, date(2004, 1, 1), True, day)  # student, 22
    assert member_affected(halved, date(2000, 1, 1), True, day)  # student, 26
    full = breach_consequence([], day)
    assert not member_affected(full, date(1990, 1, 1), False, day)
