"""The family's individual plan under the social contract (АСП): items per able-bodied member
with due dates in working days, their status, and breaches with the consequence the rules give
(first breach: assistance halved for a month; second: stopped). Nothing is paid here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    ContractBreach,
    Family,
    MeasureKind,
    MeasureOutcome,
    MeasureReferral,
    PlanItem,
    PlanItemKind,
    PlanItemStatus,
    Seeker,
    User,
)
from app.services.audit import record
from app.services.calendar import work_calendar
from app.services.client_status import able_bodied
from app.services.errors import FieldError
from matching.rules import (
    Consequence,
    add_months,
    breach_consequence,
    member_affected,
    params_for,
)

DUE_DAYS_MAX = 130  # about six months of working days: the contract's term
NOTE_MAX = 500


@dataclass(frozen=True)
class OverduePlanItem:
    item: PlanItem
    days: int  # working days past due


@dataclass(frozen=True)
class FamilyStanding:
    consequence: Consequence
    affected: tuple[int, ...]  # member ids whose share the consequence cuts
    breaches: tuple[ContractBreach, ...]


def centre_family(session: Session, staff: User, family_id: int) -> Family:
    family = session.get(Family, family_id)
    if family is None or staff.centre_id is None or family.centre_id != staff.centre_id:
        raise FieldError("family_id", f"no family {family_id} at your centre")
    return family


def plan_items(session: Session, family_id: int) -> list[PlanItem]:
    stmt = (
        select(PlanItem)
        .where(PlanItem.family_id == family_id)
        .options(selectinload(PlanItem.measure_referral))
        .order_by(PlanItem.due_on, PlanItem.id)
    )
    return list(session.execute(stmt).scalars())


def add_plan_item(
    session: Session,
    staff: User,
    family: Family,
    seeker_id: int,
    kind: PlanItemKind,
    today: date,
    *,
    due_in_days: int | None = None,
    description: str | None = None,
    measure_referral: MeasureReferral | None = None,
) -> PlanItem:
    """Add an item for an able-bodied member, due ``due_in_days`` working days from today."""
    member = next((m for m in family.members if m.id == seeker_id), None)
    if member is None:
        raise FieldError("seeker_id", f"person {seeker_id} is not a member of this family")
    if not able_bodied(member, today):
        raise FieldError("seeker_id", "the plan's employment items are for able-bodied members")
    days = params_for(today).plan_item_due_days if due_in_days is None else due_in_days
    if not 1 <= days <= DUE_DAYS_MAX:
        raise FieldError("due_in_days", f"from 1 to {DUE_DAYS_MAX} working days")
    if description is not None and len(description) > NOTE_MAX:
        raise FieldError("description", f"at most {NOTE_MAX} characters")
    item = PlanItem(
        family_id=family.id,
        seeker_id=member.id,
        kind=kind,
        description=description or None,
        created_on=today,
        due_on=work_calendar(session).add_working_days(today, days),
        measure_referral_id=measure_referral.id if measure_referral else None,
        created_by_id=staff.id,
    )
    item.seeker = member
    session.add(item)
    session.flush()
    record(session, user=staff, action="plan_item:add", entity_type="plan_item",
           entity_id=item.id, family_id=family.id, kind=kind.value)  # fmt: skip
    return item


def family_plan_item(session: Session, family: Family, item_id: int) -> PlanItem:
    item = session.get(PlanItem, item_id)
    if item is None or item.family_id != family.id:
        raise FieldError("item_id", f"no plan item {item_id} in this family")
    return item


def close_plan_item(
    session: Session, staff: User, item: PlanItem, status: PlanItemStatus, today: date
) -> None:
    if status not in (PlanItemStatus.DONE, PlanItemStatus.CANCELLED):
        raise FieldError("status", "done or cancelled (breaches are recorded as breaches)")
    if item.status is not PlanItemStatus.OPEN:
        raise FieldError("status", f"the item is already {item.status.value}")
    item.status, item.done_on = status, today
    record(session, user=staff, action=f"plan_item:{status.value}", entity_type="plan_item",
           entity_id=item.id)  # fmt: skip


def record_breach(
    session: Session,
    staff: User,
    family: Family,
    today: date,
    *,
    item: PlanItem | None = None,
    note: str | None = None,
) -> FamilyStanding:
    """Record a breach found today (of an open item, or of the contract at large)."""
    if item is not None and item.status is not PlanItemStatus.OPEN:
        raise FieldError("item_id", f"the item is already {item.status.value}")
    if note is not None and len(note) > NOTE_MAX:
        raise FieldError("note", f"at most {NOTE_MAX} characters")
    if family.contract_from is None:
        raise FieldError("family_id", "the family has no social contract")
    breach = ContractBreach(
        family_id=family.id,
        plan_item_id=item.id if item else None,
        seeker_id=item.seeker_id if item else None,
        found_on=today,
        note=note or None,
        recorded_by_id=staff.id,
    )
    if item is not None:
        item.status, item.done_on = PlanItemStatus.BREACHED, today
    session.add(breach)
    session.flush()
    standing = family_standing(session, family, today)
    record(session, user=staff, action="contract:breach", entity_type="family", entity_id=family.id,
           consequence=standing.consequence.state)  # fmt: skip
    return standing


def family_standing(session: Session, family: Family, today: date) -> FamilyStanding:
    breaches = tuple(
        session.execute(
            select(ContractBreach)
            .where(ContractBreach.family_id == family.id)
            .order_by(ContractBreach.found_on, ContractBreach.id)
        ).scalars()
    )
    consequence = breach_consequence([b.found_on for b in breaches], today)
    affected = tuple(
        m.id
        for m in family.members
        if member_affected(consequence, m.birth_date, m.is_full_time_student, today)
    )
    return FamilyStanding(consequence, affected, breaches)


def overdue_plan_items(session: Session, centre_id: int, today: date) -> list[OverduePlanItem]:
    """Open plan items past their due date, in the centre's families; the longest overdue first."""
    calendar = work_calendar(session)
    stmt = (
        select(PlanItem)
        .join(Family, Family.id == PlanItem.family_id)
        .where(
            Family.centre_id == centre_id,
            PlanItem.status == PlanItemStatus.OPEN,
            PlanItem.due_on < today,
        )
        .options(selectinload(PlanItem.seeker).selectinload(Seeker.family))
    )
    found = [
        OverduePlanItem(item, calendar.working_days_between(item.due_on, today))
        for item in session.execute(stmt).scalars()
    ]
    found.sort(key=lambda o: (-o.days, o.item.due_on, o.item.id))
    return found


_ITEM_FOR_MEASURE = {
    MeasureKind.SHORT_TRAINING: PlanItemKind.TRAINING,
    MeasureKind.TIPO: PlanItemKind.TRAINING,
    MeasureKind.RETRAINING: PlanItemKind.TRAINING,
    MeasureKind.BASTAU: PlanItemKind.BASTAU,
    MeasureKind.ORIENTATION: PlanItemKind.ORIENTATION,
}


def plan_item_for_referral(
    session: Session, referral: MeasureReferral, today: date
) -> PlanItem | None:
    """A referral of a family member under a running contract becomes an item of the family's
    plan, due on the referral's report date (None when there is no such family or item kind)."""
    seeker = referral.seeker
    family = seeker.family
    kind = _ITEM_FOR_MEASURE.get(referral.kind)
    running = (
        family is not None
        and family.contract_from is not None
        and (family.contract_to is None or family.contract_to >= today)
    )
    if kind is None or family is None or not running or not able_bodied(seeker, today):
        return None
    item = PlanItem(
        family_id=family.id,
        seeker_id=seeker.id,
        kind=kind,
        description=referral.course.title_ru if referral.course else None,
        created_on=today,
        due_on=referral.report_by,
        status=PlanItemStatus.OPEN,
        measure_referral_id=referral.id,
        created_by_id=referral.issued_by_id,
    )
    session.add(item)
    session.flush()
    return item


def follow_referral(session: Session, referral: MeasureReferral, today: date) -> None:
    """Keep the linked open plan items in step: enrolment moves the due date to the course's
    end; completion marks them done. Declining or dropping out is left for staff to judge."""
    items = session.execute(
        select(PlanItem).where(
            PlanItem.measure_referral_id == referral.id, PlanItem.status == PlanItemStatus.OPEN
        )
    ).scalars()
    course = referral.course
    for item in items:
        if referral.outcome is MeasureOutcome.COMPLETED:
            item.status, item.done_on = PlanItemStatus.DONE, today
        elif referral.outcome is MeasureOutcome.ENROLLED and course is not None:
            if course.duration_months:
                item.due_on = add_months(today, course.duration_months)
            elif course.duration_days:
                item.due_on = today + timedelta(days=course.duration_days)
