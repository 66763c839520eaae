"""Registration at a centre: who may register, become unemployed, be deregistered, come back.

Sources (domain.md, seed 002:696-786): registration as a job seeker from 16 (younger with a
legal representative's written statement); unemployed status after 10 working days without
suitable work, never for people of pension age, with paid work or who gave false information;
deregistration grounds of art. 16 p. 1, with a 30-day wait after the first three.
"""

from __future__ import annotations

from datetime import date, timedelta

from matching.calendar import WorkCalendar
from matching.rules.dates import add_months, age_in_years
from matching.rules.decision import Decision, Reason, allow, refuse
from matching.rules.facts import (
    CARE_CHILD,
    CARE_DISABLED_ADULT,
    CARE_DISABLED_CHILD,
    CARE_ELDERLY,
    JOB_SEEKER,
    WAIT_BEFORE_REREGISTRATION,
    Deregistration,
    PersonFacts,
)
from matching.rules.params import RuleParams, params_for
from matching.rules.texts import reason


def is_pension_age(facts: PersonFacts, today: date, params: RuleParams | None = None) -> bool:
    return params_for(today, params).is_pension_age(facts.birth_date, facts.sex, today)


def reregistration_allowed_from(
    deregistration: Deregistration, params: RuleParams | None = None
) -> date:
    """The first day a deregistered person may register again (the same day when no wait)."""
    if deregistration.reason not in WAIT_BEFORE_REREGISTRATION:
        return deregistration.on
    p = params_for(deregistration.on, params)
    return deregistration.on + timedelta(days=p.reregistration_wait_days)


def may_reregister(facts: PersonFacts, today: date, params: RuleParams | None = None) -> Decision:
    last = facts.last_deregistration
    if last is None:
        return allow(reason("reregistration_allowed"))
    allowed_from = reregistration_allowed_from(last, params)
    if today < allowed_from:
        return refuse(reason("reregistration_wait", until=allowed_from))
    return allow(reason("reregistration_allowed"))


def may_register(facts: PersonFacts, today: date, params: RuleParams | None = None) -> Decision:
    """May this person register as a job seeker today?"""
    p = params_for(today, params)
    if facts.is_registered:
        return refuse(reason("already_registered"))
    age = age_in_years(facts.birth_date, today)
    notes: list[Reason] = []
    if age < p.min_age_with_guardian:
        return refuse(reason("under_min_age", age=p.min_age_with_guardian))
    if age < p.min_registration_age:
        if not facts.guardian_statement:
            return refuse(
                reason("under_min_age", age=p.min_registration_age),
                reason("guardian_statement_required", age=p.min_registration_age),
            )
        notes.append(reason("guardian_statement"))
    wait = may_reregister(facts, today, p)
    if not wait.allowed:
        return wait
    return allow(reason("may_register"), *notes)


def becomes_unemployed_on(
    registered_on: date, calendar: WorkCalendar, params: RuleParams | None = None
) -> date:
    """The day the search window closes: the 10th working day after registration.

    If no suitable work was found by then, the centre registers the person as unemployed.
    """
    p = params_for(registered_on, params)
    return calendar.add_working_days(registered_on, p.days_to_unemployed)


def may_be_unemployed(
    facts: PersonFacts,
    today: date,
    params: RuleParams | None = None,
    calendar: WorkCalendar | None = None,
) -> Decision:
    """May this person hold unemployed status today?

    With a ``calendar``, a job seeker must also have waited the working days since registration.
    """
    p = params_for(today, params)
    problems: list[Reason] = []
    if not facts.is_registered:
        problems.append(reason("not_registered"))
    if age_in_years(facts.birth_date, today) < p.min_registration_age:
        problems.append(reason("under_min_age", age=p.min_registration_age))
    if is_pension_age(facts, today, p):
        problems.append(reason("pension_age"))
    if facts.has_paid_work:
        problems.append(reason("has_paid_work"))
    if facts.gave_false_info:
        problems.append(reason("false_information"))
    if calendar is not None and facts.status == JOB_SEEKER and facts.registered_on is not None:
        on = becomes_unemployed_on(facts.registered_on, calendar, p)
        if today < on:
            problems.append(reason("waiting_period", days=p.days_to_unemployed, on=on))
    if problems:
        return refuse(*problems)
    return allow(reason("unemployed_conditions_met"))


def check_in_due(facts: PersonFacts, calendar: WorkCalendar, params: RuleParams) -> date | None:
    """The last day of the person's current check-in window (None when not registered)."""
    since = facts.last_check_in or facts.status_since or facts.registered_on
    if not facts.is_registered or since is None:
        return None
    if facts.status == JOB_SEEKER:
        return calendar.add_working_days(since, params.job_seeker_check_in_days)
    if facts.is_rural:
        return add_months(since, params.rural_check_in_months)
    return calendar.add_working_days(since, params.unemployed_check_in_days)


def deregistration_due(
    facts: PersonFacts,
    today: date,
    params: RuleParams | None = None,
    calendar: WorkCalendar | None = None,
) -> Decision:
    """Must the centre take this person off the register? ``allowed`` means "yes, due".

    The reasons are the grounds found (two refused suitable offers, no-show, quitting a measure,
    missed check-ins when a ``calendar`` is given, custody, false documents, and, for the
    unemployed, paid work or pension age), or, when none, the refusal count so far.
    """
    p = params_for(today, params)
    if not facts.is_registered:
        return refuse(reason("not_registered"))
    grounds: list[Reason] = []
    if facts.suitable_offers_refused >= p.refusals_before_deregistration:
        grounds.append(reason("refused_suitable_offers", count=facts.suitable_offers_refused))
    if facts.no_show:
        grounds.append(reason("no_show"))
    if facts.quit_active_measure:
        grounds.append(reason("quit_active_measure"))
    if calendar is not None:
        due = check_in_due(facts, calendar, p)
        if due is not None and today > due:
            grounds.append(reason("missed_check_in", due=due))
    if facts.in_custody:
        grounds.append(reason("custody"))
    if facts.gave_false_info:
        grounds.append(reason("false_documents"))
    if facts.is_unemployed:
        if facts.has_paid_work:
            grounds.append(reason("has_paid_work"))
        if is_pension_age(facts, today, p):
            grounds.append(reason("pension_age"))
    if grounds:
        return allow(*grounds)
    return refuse(
        reason("no_deregistration_grounds"),
        reason(
            "refusals_so_far",
            count=facts.suitable_offers_refused,
            limit=p.refusals_before_deregistration,
        ),
    )


def not_obliged_reasons(
    facts: PersonFacts, today: date, params: RuleParams | None = None
) -> tuple[Reason, ...]:
    """Why the person need not take part in active measures (art. 17 p. 2); empty if obliged."""
    p = params_for(today, params)
    found: list[Reason] = []
    if facts.disability_group in (1, 2):
        found.append(reason("disability_group_1_2"))
    if facts.is_full_time_student:
        found.append(reason("full_time_student"))
    if facts.long_illness:
        found.append(reason("long_illness"))
    kinds: set[str] = set()
    for person in facts.cares_for:
        age = None if person.birth_date is None else age_in_years(person.birth_date, today)
        if person.kind == CARE_CHILD and (age is None or age < p.carer_child_max_age):
            kinds.add("carer_child")
        elif person.kind in (CARE_DISABLED_CHILD, CARE_DISABLED_ADULT):
            kinds.add("carer_disabled")
        elif person.kind == CARE_ELDERLY and (age is None or age >= p.carer_elderly_min_age):
            kinds.add("carer_elderly")
    if "carer_child" in kinds:
        found.append(reason("carer_child", age=p.carer_child_max_age))
    if "carer_disabled" in kinds:
        found.append(reason("carer_disabled"))
    if "carer_elderly" in kinds:
        found.append(reason("carer_elderly", age=p.carer_elderly_min_age))
    if facts.has_permanent_job:
        found.append(reason("permanent_job"))
    return tuple(found)


def obliged_to_take_active_measures(
    facts: PersonFacts, today: date, params: RuleParams | None = None
) -> bool:
    return not not_obliged_reasons(facts, today, params)
