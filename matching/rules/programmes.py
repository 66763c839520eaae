"""Who may take which kind of place (domain.md, "Placement kinds and their rules").

Every decision carries its reasons, for approvals too: people are shown why. People not obliged
to take part in active measures stay eligible, flagged ``not_obliged`` so ranking does not push.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from matching.rules.codes import codes_match
from matching.rules.dates import add_years, age_in_years
from matching.rules.decision import Decision, Reason, allow, refuse
from matching.rules.facts import EducationEntry, PersonFacts
from matching.rules.params import RuleParams, params_for
from matching.rules.registration import not_obliged_reasons
from matching.rules.texts import programme_name, reason

REGULAR = "regular"
SOCIAL_JOB = "social_job"
YOUTH_PRACTICE = "youth_practice"
PUBLIC_WORKS = "public_works"
DISABILITY_QUOTA = "disability_quota"
PLACEMENT_KINDS = frozenset({REGULAR, SOCIAL_JOB, YOUTH_PRACTICE, PUBLIC_WORKS, DISABILITY_QUOTA})
ACTIVE_MEASURE_KINDS = frozenset({SOCIAL_JOB, YOUTH_PRACTICE, PUBLIC_WORKS})
NO_HAZARD_KINDS = frozenset({SOCIAL_JOB, YOUTH_PRACTICE})

_Outcome = tuple[list[Reason], list[Reason]]  # (problems, notes)


@dataclass(frozen=True, slots=True)
class PlacementFacts:
    """The place offered.

    ``specialty_codes``: the education specialties the place is for (youth practice); codes
    match when equal or one is a prefix of the other. ``in_specialty`` overrides the code
    comparison when the caller has judged it (e.g. by occupation matching). ``month`` is the
    starting month (default: the month of the day assessed); with ``duration_months`` a
    student's public works must lie wholly in the summer holidays.
    """

    kind: str
    occupation_code: str | None = None
    specialty_codes: tuple[str, ...] = ()
    hazardous: bool = False
    duration_months: int | None = None
    month: int | None = None
    in_specialty: bool | None = None

    def __post_init__(self) -> None:
        if self.kind not in PLACEMENT_KINDS:
            raise ValueError(f"unknown placement kind {self.kind!r}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1-12, got {self.month}")
        if self.duration_months is not None and self.duration_months < 1:
            raise ValueError("duration_months must be >= 1")
        object.__setattr__(self, "specialty_codes", tuple(self.specialty_codes))


def _limits(placement: PlacementFacts, p: RuleParams) -> list[Reason]:
    name = programme_name(placement.kind)
    problems: list[Reason] = []
    if placement.hazardous and placement.kind in NO_HAZARD_KINDS:
        problems.append(reason("hazardous_work", programme=name))
    limit = {SOCIAL_JOB: p.social_job_max_months, YOUTH_PRACTICE: p.youth_practice_max_months}
    most = limit.get(placement.kind)
    months = placement.duration_months
    if most is not None and months is not None and months > most:
        problems.append(reason("duration_over_limit", programme=name, limit=most, months=months))
    return problems


def _in_specialty(entry: EducationEntry, placement: PlacementFacts) -> bool | None:
    """True/False when it can be told, None when the codes to compare are missing."""
    if placement.in_specialty is not None:
        return placement.in_specialty
    if not entry.specialty_code or not placement.specialty_codes:
        return None
    return any(codes_match(entry.specialty_code, code) for code in placement.specialty_codes)


def _youth_education(
    person: PersonFacts, placement: PlacementFacts, today: date, p: RuleParams
) -> tuple[bool, list[Reason]]:
    years = p.youth_practice_graduation_years
    qualifying = [e for e in person.education if e.level in p.youth_practice_levels]
    if not qualifying:
        return False, [reason("no_qualifying_education")]
    dated = [e for e in qualifying if e.graduated_on is not None and e.graduated_on <= today]
    if not dated:
        return False, [reason("graduation_date_unknown")]
    recent = [e for e in dated if e.graduated_on and add_years(e.graduated_on, years) >= today]
    if not recent:
        latest = max(e.graduated_on for e in dated if e.graduated_on)
        return False, [reason("graduated_too_long_ago", years=years, on=latest)]
    verdicts = [(_in_specialty(e, placement), e) for e in recent]
    for verdict, entry in verdicts:
        if verdict:
            return True, [
                reason("recent_graduate", on=entry.graduated_on, years=years),
                reason("in_specialty"),
            ]
    if any(verdict is None for verdict, _ in verdicts):
        return False, [reason("specialty_unknown")]
    return False, [reason("specialty_mismatch")]


def _youth_practice(
    person: PersonFacts, placement: PlacementFacts, today: date, p: RuleParams
) -> _Outcome:
    problems = _limits(placement, p)
    notes: list[Reason] = []
    if person.is_unemployed:
        notes.append(reason("registered_unemployed"))
    else:
        problems.append(
            reason("requires_unemployed_status", programme=programme_name(YOUTH_PRACTICE))
        )
    years = age_in_years(person.birth_date, today)
    if years > p.youth_practice_max_age:
        problems.append(reason("over_max_age", age=p.youth_practice_max_age, years=years))
    else:
        notes.append(reason("age_within_limit", age=p.youth_practice_max_age, years=years))
    ok, education = _youth_education(person, placement, today, p)
    (notes if ok else problems).extend(education)
    return problems, notes


def _social_job(
    person: PersonFacts, placement: PlacementFacts, today: date, p: RuleParams
) -> _Outcome:
    problems = _limits(placement, p)
    notes: list[Reason] = []
    if person.is_unemployed:
        notes.append(reason("registered_unemployed"))
    else:
        problems.append(reason("requires_unemployed_status", programme=programme_name(SOCIAL_JOB)))
    return problems, notes


def _summer_only(placement: PlacementFacts, today: date, p: RuleParams) -> bool:
    start = placement.month or today.month
    months = placement.duration_months or 1
    return all((start - 1 + i) % 12 + 1 in p.summer_holiday_months for i in range(months))


def _public_works(
    person: PersonFacts, placement: PlacementFacts, today: date, p: RuleParams
) -> _Outcome:
    grounds: list[Reason] = []
    if person.is_unemployed:
        grounds.append(reason("registered_unemployed"))
    if person.is_student and _summer_only(placement, today, p):
        grounds.append(reason("student_summer"))
    if person.on_downtime:
        grounds.append(reason("downtime"))
    if grounds:
        return [], [*grounds, reason("consent_required")]
    problems = [reason("public_works_not_eligible")]
    if person.is_student:
        problems.append(reason("student_outside_summer"))
    return problems, []


def _disability_quota(
    person: PersonFacts, placement: PlacementFacts, today: date, p: RuleParams
) -> _Outcome:
    if person.disability_group is None:
        return [reason("no_disability")], []
    return [], [reason("has_disability", group=person.disability_group)]


_RULES: dict[str, Callable[[PersonFacts, PlacementFacts, date, RuleParams], _Outcome]] = {
    SOCIAL_JOB: _social_job,
    YOUTH_PRACTICE: _youth_practice,
    PUBLIC_WORKS: _public_works,
    DISABILITY_QUOTA: _disability_quota,
}


def programme_eligibility(
    person: PersonFacts,
    placement: PlacementFacts,
    today: date,
    params: RuleParams | None = None,
) -> Decision:
    """May ``person`` take ``placement`` on ``today``? Reasons explain either outcome."""
    if placement.kind == REGULAR:
        return allow(reason("regular_open"))
    p = params_for(today, params)
    problems, notes = _RULES[placement.kind](person, placement, today, p)
    if problems:
        return refuse(*problems)
    if placement.kind in ACTIVE_MEASURE_KINDS:
        why_not = not_obliged_reasons(person, today, p)
        if why_not:
            return allow(*notes, reason("not_obliged"), *why_not, not_obliged=True)
    return allow(*notes)
