"""Demo households and life stages: who is to be made (a ``Slot``), with which planned status
and age, so that families, the youth-practice age bound and every status appear."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.models import FamilyRole, SeekerStatus, Sex
from matching.rules.dates import add_years
from matching.rules.params import params_for

from .common import Ctx

STATUS_SHARES: dict[SeekerStatus | None, float] = {
    SeekerStatus.JOB_SEEKER: 0.14,
    SeekerStatus.UNEMPLOYED: 0.44,
    SeekerStatus.EMPLOYED: 0.25,
    SeekerStatus.DEREGISTERED: 0.14,
    None: 0.03,  # found the platform online, never registered at a centre
}


@dataclass
class Slot:
    """A person to be made: household, role in it, life stage, planned status."""

    family: int | None
    role: FamilyRole | None
    stage: str  # youth | student | adult | pre_pension | boundary29 | boundary30
    status: SeekerStatus | None = None
    age: int | None = None


def _households(ctx: Ctx, n: int) -> list[Slot]:
    rng = ctx.rng
    slots: list[Slot] = []
    family = 0
    while len(slots) < n:
        remaining = n - len(slots)
        if remaining >= 2 and rng.random() < 0.12:
            size = rng.randint(2, min(5, remaining))
            members: list[Slot]
            if size == 3 and rng.random() < 0.4:
                head_age = rng.randint(30, 38)
                members = [
                    Slot(family, FamilyRole.HEAD, "adult", age=head_age),
                    Slot(family, FamilyRole.SPOUSE, "adult", age=head_age - rng.randint(0, 4)),
                    Slot(family, FamilyRole.PARENT, "pre_pension", age=rng.randint(56, 60)),
                ]
            else:
                children = [rng.randint(16, 26) for _ in range(max(0, min(size, 4) - 2))]
                head_age = (
                    (max(children) + rng.randint(21, 28)) if children else rng.randint(24, 55)
                )
                head_age = min(head_age, 58)
                members = [
                    Slot(family, FamilyRole.HEAD, "adult", age=head_age),
                    Slot(
                        family,
                        FamilyRole.SPOUSE,
                        "adult",
                        age=max(20, head_age - rng.randint(0, 5)),
                    ),
                ]
                for age in children:
                    stage = "student" if age <= 19 else "youth"
                    members.append(Slot(family, FamilyRole.CHILD, stage, age=age))
                if size == 5:
                    members.append(Slot(family, FamilyRole.OTHER, "adult", age=rng.randint(22, 40)))
            slots.extend(members)
            family += 1
        else:
            stage = ctx.weighted(("youth", "student", "adult", "pre_pension"), (20, 6, 62, 12))
            slots.append(Slot(None, None, stage))
    return slots[:n]


def plan_slots(ctx: Ctx, n: int) -> list[Slot]:
    """Households and life stages, then statuses with every status present."""
    rng = ctx.rng
    slots = _households(ctx, n)
    keys = list(STATUS_SHARES)
    weights = list(STATUS_SHARES.values())
    for slot in slots:
        slot.status = rng.choices(keys, weights=weights, k=1)[0]
    singles = [s for s in slots if s.family is None]
    if n >= 10 and len(singles) >= 2:
        # The youth-practice age bound: one aged 29 (turns 30 tomorrow), one who just turned 30.
        singles[0].stage, singles[0].status = "boundary29", SeekerStatus.UNEMPLOYED
        singles[1].stage, singles[1].status = "boundary30", SeekerStatus.UNEMPLOYED
    if n >= len(keys) + 2:
        for wanted in keys:
            if any(s.status == wanted for s in slots):
                continue
            counts = {k: sum(s.status == k for s in slots) for k in keys}
            common = max(counts, key=lambda k: counts[k])
            donor = next(s for s in slots if s.status == common and not s.stage.startswith("b"))
            donor.status = wanted
    return slots


def birth_date(ctx: Ctx, slot: Slot, sex: Sex) -> date:
    rng = ctx.rng
    today = ctx.today
    if slot.stage == "boundary29":
        return add_years(today, -30) + timedelta(days=1)
    if slot.stage == "boundary30":
        return add_years(today, -30)
    if slot.age is not None:
        age = slot.age
    elif slot.stage == "youth":
        age = rng.randint(20, 29)
    elif slot.stage == "student":
        age = rng.randint(16, 20)
    elif slot.stage == "pre_pension":
        age = rng.randint(55, 62 if sex == Sex.MALE else 60)
    else:
        age = rng.randint(24, 54)
    if slot.status is None:
        age = min(age + (rng.randint(0, 3) if slot.stage == "pre_pension" else 0), 63)
    born = add_years(today, -age) - timedelta(days=rng.randint(1, 364))
    p = params_for(today)
    while slot.status is not None and p.is_pension_age(born, sex.value, today):
        born = add_years(born, 1)
    return born
