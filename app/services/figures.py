"""The centre dashboard's figures (domain.md, "Figures worth measuring"), aggregated in SQL.

Definitions, fixed here once so that the page, the CSV export and the tests agree:

- **Scope**: a centre (its clients and referrals; vacancies of its region) or a region (clients
  of the region's centres, or living there when no centre), or everything; and a period.
- **Age group**: age on the last day of the period, in the groups of ``AGE_GROUPS``.
- **Registered clients** of a period: registered on or before its last day and not off the
  register (employed or deregistered) before its first day.
- **Placed**: a placement started within the period.
- **Youth**: aged up to the youth-practice age limit of the rules (inclusive) on the last day.
- **Permanent after subsidised**: of the people whose subsidised place (social job, youth practice,
  public works) was held during the period, those who then started a permanent placement on or
  before the period's last day.
- **Employed after short training**: of the people who completed a training measure (short
  vocational training, TiPO, retraining) within the period, those who then started a placement
  on or before the period's last day.
- **Time to placement**: days from registration to the start of each placement in the period.
- **Overdue referral**: still pending after its report date or the employer's answer date.

Figures count people, never name them: nothing person-level leaves this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import mean, median
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import (
    Centre,
    Locality,
    MeasureKind,
    MeasureOutcome,
    MeasureReferral,
    Occupation,
    Placement,
    Referral,
    ReferralOutcome,
    Seeker,
    SeekerStatus,
    Vacancy,
    VacancyKind,
    VacancyStatus,
)
from matching.rules.params import DEFAULT_RULEBOOK, RuleParams

AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("16-24", 16, 24),
    ("25-34", 25, 34),
    ("35-49", 35, 49),
    ("50+", 50, None),
)
UNDER_AGE = "<16"
SUBSIDISED = (VacancyKind.SOCIAL_JOB, VacancyKind.YOUTH_PRACTICE, VacancyKind.PUBLIC_WORKS)
DIMENSIONS = ("region", "sex", "age")
SHARE_FIGURES = (
    "placed",
    "youth_permanent",
    "permanent_after_subsidised",
    "employed_after_training",
    "overdue",
)
TRAINING = (MeasureKind.SHORT_TRAINING, MeasureKind.TIPO, MeasureKind.RETRAINING)
UNKNOWN = ""


@dataclass(frozen=True)
class Scope:
    date_from: date
    date_to: date
    centre_id: int | None = None
    region_id: int | None = None


@dataclass(frozen=True)
class Tally:
    """``count`` of ``base`` people in the group with key ``key`` (region id, sex, age group)."""

    key: str
    count: int
    base: int

    @property
    def share(self) -> float | None:
        return self.count / self.base if self.base else None


@dataclass(frozen=True)
class Duration:
    key: str
    placements: int
    mean_days: float | None
    median_days: float | None


@dataclass
class ShareFigure:
    total: Tally
    by: dict[str, list[Tally]] = field(default_factory=dict)


@dataclass
class DurationFigure:
    total: Duration
    by: dict[str, list[Duration]] = field(default_factory=dict)


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass
class Figures:
    scope: Scope
    shares: dict[str, ShareFigure]
    time_to_placement: DurationFigure
    vacancies_by_region: list[Count]
    vacancies_by_occupation: list[Count]
    seekers_by_region: list[Count]
    seekers_by_occupation: list[Count]
    youth_max_age: int


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def age_group(birth_date: ColumnElement[Any] | Any, on: date) -> ColumnElement[str]:
    """The age group on ``on`` as a SQL CASE over birth-date cut-offs (portable, no date maths)."""
    whens: list[tuple[ColumnElement[bool], str]] = [
        (birth_date > _years_before(on, AGE_GROUPS[0][1]), UNDER_AGE)
    ]
    for label, _low, high in AGE_GROUPS:
        if high is not None:
            whens.append((birth_date > _years_before(on, high + 1), label))
    return case(*whens, else_=AGE_GROUPS[-1][0])


def _region_of_seeker() -> ColumnElement[Any]:
    centre_region = select(Centre.region_id).where(Centre.id == Seeker.centre_id).scalar_subquery()
    home_region = (
        select(Locality.region_id).where(Locality.id == Seeker.locality_id).scalar_subquery()
    )
    return func.coalesce(centre_region, home_region)


def _seeker_scope(scope: Scope) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if scope.centre_id is not None:
        conditions.append(Seeker.centre_id == scope.centre_id)
    if scope.region_id is not None:
        conditions.append(_region_of_seeker() == scope.region_id)
    return conditions


def _dimension(name: str, scope: Scope) -> ColumnElement[Any]:
    if name == "region":
        return func.coalesce(cast(_region_of_seeker(), String), literal(UNKNOWN))
    if name == "sex":
        return func.coalesce(cast(Seeker.sex, String), literal(UNKNOWN))
    return age_group(Seeker.birth_date, scope.date_to)


def _share(
    session: Session,
    scope: Scope,
    population: list[ColumnElement[bool]],
    success: ColumnElement[bool],
    *,
    base_from: Any = Seeker,
) -> ShareFigure:
    """People meeting ``population`` (base) and of them those meeting ``success`` (count)."""
    hit = func.sum(case((success, 1), else_=0))

    def grouped(key: ColumnElement[Any] | None) -> list[Tally]:
        columns: list[Any] = [func.count(), hit]
        stmt = select(*columns) if key is None else select(key, *columns)
        stmt = stmt.select_from(base_from).where(*population, *_seeker_scope(scope))
        if key is None:
            total, count = session.execute(stmt).one()
            return [Tally("", int(count or 0), int(total))]
        stmt = stmt.group_by(key).order_by(key)
        return [Tally(str(k), int(c or 0), int(t)) for k, t, c in session.execute(stmt)]

    figure = ShareFigure(total=grouped(None)[0])
    for name in DIMENSIONS:
        figure.by[name] = grouped(_dimension(name, scope))
    return figure


def _placed_in(scope: Scope, *extra: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists().where(
        Placement.seeker_id == Seeker.id,
        Placement.started_on >= scope.date_from,
        Placement.started_on <= scope.date_to,
        *extra,
    )


def registered_clients(scope: Scope) -> list[ColumnElement[bool]]:
    left = Seeker.status.in_([SeekerStatus.EMPLOYED, SeekerStatus.DEREGISTERED])
    return [
        Seeker.registered_on.is_not(None),
        Seeker.registered_on <= scope.date_to,
        ~and_(left, Seeker.status_since.is_not(None), Seeker.status_since < scope.date_from),
    ]


def placed_share(session: Session, scope: Scope) -> ShareFigure:
    return _share(session, scope, registered_clients(scope), _placed_in(scope))


def youth_permanent(session: Session, scope: Scope, youth_max_age: int) -> ShareFigure:
    youth = Seeker.birth_date > _years_before(scope.date_to, youth_max_age + 1)
    permanent = _placed_in(scope, Placement.is_permanent.is_(True))
    return _share(session, scope, [*registered_clients(scope), youth], permanent)


def permanent_after_subsidised(session: Session, scope: Scope) -> ShareFigure:
    subsidised = aliased(Placement)
    held = exists().where(
        subsidised.seeker_id == Seeker.id,
        subsidised.kind.in_(SUBSIDISED),
        subsidised.started_on <= scope.date_to,
        or_(subsidised.ended_on.is_(None), subsidised.ended_on >= scope.date_from),
    )
    earlier = aliased(Placement)
    after = exists().where(
        Placement.seeker_id == Seeker.id,
        Placement.is_permanent.is_(True),
        Placement.kind.not_in(SUBSIDISED),
        Placement.started_on <= scope.date_to,
        exists().where(
            earlier.seeker_id == Seeker.id,
            earlier.kind.in_(SUBSIDISED),
            earlier.started_on < Placement.started_on,
        ),
    )
    return _share(session, scope, [held], after)


def employed_after_training(session: Session, scope: Scope) -> ShareFigure:
    completed = and_(
        MeasureReferral.seeker_id == Seeker.id,
        MeasureReferral.kind.in_(TRAINING),
        MeasureReferral.outcome == MeasureOutcome.COMPLETED,
        MeasureReferral.ended_on >= scope.date_from,
        MeasureReferral.ended_on <= scope.date_to,
    )
    employed = exists().where(
        completed,
        Placement.seeker_id == Seeker.id,
        Placement.started_on >= MeasureReferral.ended_on,
        Placement.started_on <= scope.date_to,
    )
    return _share(session, scope, [exists().where(completed)], employed)


def overdue_referrals(session: Session, scope: Scope, today: date) -> ShareFigure:
    """Referrals issued in the period (base), of them pending past a deadline (count)."""
    overdue = and_(
        Referral.outcome == ReferralOutcome.PENDING,
        or_(Referral.report_by < today, Referral.employer_answer_by < today),
    )
    population: list[ColumnElement[bool]] = [
        Referral.issued_on >= scope.date_from,
        Referral.issued_on <= scope.date_to,
    ]
    if scope.centre_id is not None:
        population.append(Referral.centre_id == scope.centre_id)
    inner = Scope(scope.date_from, scope.date_to, None, scope.region_id)
    base = Referral.__table__.join(Seeker.__table__, Referral.seeker_id == Seeker.id)
    return _share(session, inner, population, overdue, base_from=base)


def time_to_placement(session: Session, scope: Scope) -> DurationFigure:
    """Days from registration to placement; dates are subtracted here (no portable SQL for it)."""
    keys = [_dimension(name, scope) for name in DIMENSIONS]
    stmt = (
        select(Seeker.registered_on, Placement.started_on, *keys)
        .join(Placement, Placement.seeker_id == Seeker.id)
        .where(
            Seeker.registered_on.is_not(None),
            Seeker.registered_on <= Placement.started_on,
            Placement.started_on >= scope.date_from,
            Placement.started_on <= scope.date_to,
            *_seeker_scope(scope),
        )
    )
    rows = [
        (started - registered, tuple(rest)) for registered, started, *rest in session.execute(stmt)
    ]
    days = [float(delta.days) for delta, _ in rows]
    figure = DurationFigure(total=_duration("", days))
    for index, name in enumerate(DIMENSIONS):
        groups: dict[str, list[float]] = {}
        for delta, key in rows:
            groups.setdefault(str(key[index]), []).append(float(delta.days))
        figure.by[name] = [_duration(k, v) for k, v in sorted(groups.items())]
    return figure


def _duration(key: str, days: Sequence[float]) -> Duration:
    if not days:
        return Duration(key, 0, None, None)
    return Duration(key, len(days), round(mean(days), 1), float(median(days)))


def _vacancy_scope(session: Session, scope: Scope) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Vacancy.status == VacancyStatus.PUBLISHED]
    region_id = scope.region_id
    if scope.centre_id is not None:
        region_id = session.execute(
            select(Centre.region_id).where(Centre.id == scope.centre_id)
        ).scalar_one_or_none()
    if region_id is not None:
        conditions.append(Vacancy.region_id == region_id)
    return conditions


def open_vacancies(session: Session, scope: Scope, by: str) -> list[Count]:
    """Open places (a vacancy with three places counts three) by region or ISCO major group."""
    places = func.sum(Vacancy.places)
    if by == "region":
        key: ColumnElement[Any] = cast(Vacancy.region_id, String)
    else:
        key = func.coalesce(func.substr(Vacancy.occupation_code, 1, 1), literal(UNKNOWN))
    stmt = (
        select(key, places)
        .where(*_vacancy_scope(session, scope))
        .group_by(key)
        .order_by(places.desc(), key)
    )
    return [Count(str(k), int(n or 0)) for k, n in session.execute(stmt)]


def registered_seekers(session: Session, scope: Scope, by: str) -> list[Count]:
    """People on the register now (job seekers and unemployed) by region or the ISCO major
    group of their first desired occupation (a JSON list: read here, not in SQL)."""
    on_register = [
        Seeker.status.in_([SeekerStatus.JOB_SEEKER, SeekerStatus.UNEMPLOYED]),
        *_seeker_scope(scope),
    ]
    if by == "region":
        key = _dimension("region", scope)
        stmt = select(key, func.count()).where(*on_register).group_by(key)
        counts = {str(k): int(n) for k, n in session.execute(stmt)}
    else:
        counts = {}
        for (wanted,) in session.execute(select(Seeker.desired_occupations).where(*on_register)):
            group = str(wanted[0])[:1] if wanted else UNKNOWN
            counts[group] = counts.get(group, 0) + 1
    return [Count(k, n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def major_group_names(session: Session) -> dict[str, Occupation]:
    stmt = select(Occupation).where(Occupation.level == 1)
    return {o.code: o for o in session.execute(stmt).scalars()}


def compute(
    session: Session, scope: Scope, *, today: date, params: RuleParams | None = None
) -> Figures:
    params = params or DEFAULT_RULEBOOK.at(scope.date_to)
    return Figures(
        scope=scope,
        shares={
            "placed": placed_share(session, scope),
            "youth_permanent": youth_permanent(session, scope, params.youth_practice_max_age),
            "permanent_after_subsidised": permanent_after_subsidised(session, scope),
            "employed_after_training": employed_after_training(session, scope),
            "overdue": overdue_referrals(session, scope, today),
        },
        time_to_placement=time_to_placement(session, scope),
        vacancies_by_region=open_vacancies(session, scope, "region"),
        vacancies_by_occupation=open_vacancies(session, scope, "occupation"),
        seekers_by_region=registered_seekers(session, scope, "region"),
        seekers_by_occupation=registered_seekers(session, scope, "occupation"),
        youth_max_age=params.youth_practice_max_age,
    )
