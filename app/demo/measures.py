"""Demo measures: a catalogue per centre's region, referrals to training with their outcomes
(so the dashboard's "employed after short training" has numbers), and the families' plans with
a few breaches. Runs after the people are made; every choice is seeded.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Centre,
    ContractBreach,
    Family,
    MeasureCourse,
    MeasureKind,
    MeasureOutcome,
    MeasureReferral,
    Placement,
    PlanItem,
    PlanItemKind,
    PlanItemStatus,
    Role,
    Seeker,
    SeekerStatus,
    User,
    Vacancy,
    VacancyKind,
    VacancyStatus,
)
from app.services.calendar import work_calendar
from app.services.client_status import able_bodied
from app.services.referrals import REPORT_DAYS
from app.services.registration import change_status

TRAINING_SHARE = 0.15  # of a centre's registered clients, referred to a course
EMPLOYED_AFTER = 0.75  # of those who completed it, found a job afterwards
BREACH_SHARE = 0.5  # of families whose last plan item is overdue
OTHER_MEASURES = (
    (MeasureKind.TIPO, "ТжКБ: дәнекерлеуші", "ТиПО: сварщик", ("Сварка",), 10, None),
    (MeasureKind.BASTAU, "Бастау Бизнес", "Бастау Бизнес", (), None, 21),
    (MeasureKind.ORIENTATION, "Кәсіптік бағдарлау", "Профориентация", (), None, 1),
)
BASICS = (("Компьютерлік сауаттылық", "Компьютерная грамотность", ("MS Office", "Excel")),
          ("Ағылшын тілі", "Английский язык", ("Английский язык",)))  # fmt: skip


@dataclass
class MeasuresMade:
    courses: int = 0
    referrals: int = 0
    plan_items: int = 0
    breaches: int = 0


def _skills_in_demand(session: Session, region_id: int, top: int) -> list[str]:
    """The skills the region's published vacancies ask for most (demo generation only)."""
    counts: Counter[str] = Counter()
    for skills in session.execute(
        select(Vacancy.skills).where(
            Vacancy.region_id == region_id, Vacancy.status == VacancyStatus.PUBLISHED
        )
    ).scalars():
        counts.update(s for s in skills or () if s)
    return [s for s, _ in counts.most_common(top)]


def _catalogue(session: Session, centre: Centre) -> list[MeasureCourse]:
    courses = []
    for n, skill in enumerate(_skills_in_demand(session, centre.region_id, 4), start=1):
        courses.append(MeasureCourse(
            kind=MeasureKind.SHORT_TRAINING, title_kk=f"Қысқа курс: {skill}",
            title_ru=f"Краткосрочный курс: {skill}", provider=f"Колледж №{n}",
            skills=[skill], duration_months=1 + n % 3,
        ))  # fmt: skip
    for kk, ru, skills in BASICS:
        courses.append(MeasureCourse(
            kind=MeasureKind.SHORT_TRAINING, title_kk=kk, title_ru=ru,
            provider="Мобильді оқу орталығы", skills=list(skills), duration_months=1,
        ))  # fmt: skip
    for kind, kk, ru, taught, months, days in OTHER_MEASURES:
        courses.append(MeasureCourse(
            kind=kind, title_kk=kk, title_ru=ru, provider="Атамекен" if days else "Колледж",
            skills=list(taught), duration_months=months, duration_days=days,
        ))  # fmt: skip
    for course in courses:
        course.region_id, course.centre_id = centre.region_id, centre.id
    return courses


def _staff_of(session: Session, centre: Centre) -> User | None:
    return session.execute(
        select(User).where(User.centre_id == centre.id, User.role == Role.STAFF).order_by(User.id)
    ).scalar()


def _training(
    session: Session, rng: random.Random, today: date, centre: Centre, courses: list[MeasureCourse]
) -> list[MeasureReferral]:
    short = [c for c in courses if c.kind is MeasureKind.SHORT_TRAINING]
    staff = _staff_of(session, centre)
    if not short or staff is None:
        return []
    calendar = work_calendar(session)
    people = session.execute(
        select(Seeker)
        .where(Seeker.centre_id == centre.id, Seeker.status == SeekerStatus.UNEMPLOYED)
        .order_by(Seeker.id)
    ).scalars()
    made = []
    for seeker in people:
        if rng.random() >= TRAINING_SHARE:
            continue
        since = seeker.status_since or seeker.registered_on
        if since is None or (today - since).days < 20:
            continue
        course = rng.choice(short)
        issued = since + timedelta(days=rng.randint(1, (today - since).days - 10))
        referral = MeasureReferral(
            seeker_id=seeker.id, kind=course.kind, course_id=course.id, centre_id=centre.id,
            issued_by_id=staff.id, issued_on=issued,
            report_by=calendar.add_working_days(issued, REPORT_DAYS),
            eligibility={"allowed": True, "reasons": []},
            evidence={"reasons": [f"{course.title_ru}"]},
        )  # fmt: skip
        ends = issued + timedelta(days=30 * (course.duration_months or 1) + 7)
        roll = rng.random()
        if ends >= today or roll < 0.1:
            referral.outcome = MeasureOutcome.ENROLLED if roll >= 0.05 else MeasureOutcome.PENDING
            referral.enrolled_on = issued + timedelta(days=7) if roll >= 0.05 else None
        elif roll < 0.2:
            referral.outcome, referral.enrolled_on = MeasureOutcome.DROPPED, issued + timedelta(7)
            referral.ended_on = issued + timedelta(days=20)
        else:
            referral.outcome, referral.enrolled_on = MeasureOutcome.COMPLETED, issued + timedelta(7)
            referral.ended_on = ends
            start = ends + timedelta(days=rng.randint(5, 60))
            if rng.random() < EMPLOYED_AFTER and start <= today:
                session.add(Placement(
                    seeker_id=seeker.id, kind=VacancyKind.REGULAR, is_permanent=True,
                    started_on=start,
                ))  # fmt: skip
                change_status(session, seeker, SeekerStatus.EMPLOYED, start,
                              "employed_after_training", staff)  # fmt: skip
        made.append(referral)
    return made


def _overdue(item: PlanItem, today: date) -> bool:
    return item.status is PlanItemStatus.OPEN and item.due_on < today


def _plans(
    session: Session, rng: random.Random, today: date, training: dict[int, MeasureReferral]
) -> tuple[list[PlanItem], list[ContractBreach]]:
    calendar = work_calendar(session)
    items: list[PlanItem] = []
    breaches: list[ContractBreach] = []
    families = session.execute(
        select(Family)
        .where(Family.contract_from.is_not(None))
        .options(selectinload(Family.members))
        .order_by(Family.id)
    ).scalars()
    for family in families:
        start = family.contract_from
        assert start is not None
        for member in sorted(family.members, key=lambda m: m.id):
            if not able_bodied(member, today):
                continue
            kinds = [PlanItemKind.JOB_SEARCH, rng.choice(
                [PlanItemKind.PUBLIC_WORKS, PlanItemKind.ORIENTATION, PlanItemKind.TRAINING]
            )]  # fmt: skip
            for n, kind in enumerate(kinds):
                created = start + timedelta(days=3 + 10 * n)
                item = PlanItem(
                    family_id=family.id, seeker_id=member.id, kind=kind, created_on=created,
                    due_on=calendar.add_working_days(created, 10 + 10 * n),
                    status=PlanItemStatus.OPEN,
                )  # fmt: skip
                referral = training.get(member.id)
                if kind is PlanItemKind.TRAINING and referral is not None:
                    item.measure_referral_id = referral.id
                if item.due_on < today and rng.random() < 0.7:
                    item.status, item.done_on = PlanItemStatus.DONE, item.due_on
                items.append(item)
        last = items[-1] if items else None
        breach = rng.random() < BREACH_SHARE
        if last is not None and last.family_id == family.id and _overdue(last, today) and breach:
            found = last.due_on + timedelta(days=rng.randint(1, 10))
            found = min(found, today)
            last.status, last.done_on = PlanItemStatus.BREACHED, found
            note = "Жоспар орындалмады / план не выполнен"
            breaches.append(ContractBreach(family_id=family.id, found_on=found, note=note))
            again = found + timedelta(days=35)
            if again <= today and rng.random() < 0.3:
                breaches.append(ContractBreach(family_id=family.id, found_on=again, note=note))
    return items, breaches


def add_measures(session: Session, *, seed: int, today: date) -> MeasuresMade:
    """The measures part of the demo (flushed, not committed)."""
    rng = random.Random(f"zhumys-demo:{seed}:measures")
    made = MeasuresMade()
    training: dict[int, MeasureReferral] = {}
    for centre in session.execute(select(Centre).order_by(Centre.id)).scalars():
        courses = _catalogue(session, centre)
        session.add_all(courses)
        session.flush()
        referrals = _training(session, rng, today, centre, courses)
        session.add_all(referrals)
        session.flush()
        training.update((r.seeker_id, r) for r in referrals)
        made.courses += len(courses)
        made.referrals += len(referrals)
    items, breaches = _plans(session, rng, today, training)
    session.add_all([*items, *breaches])
    session.flush()
    made.plan_items, made.breaches = len(items), len(breaches)
    return made
