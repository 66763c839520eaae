"""The demo's measures: a catalogue per centre, training referrals with outcomes that give the
dashboard's "employed after short training" numbers, and family plans with breaches."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo import fill_demo
from app.models import ContractBreach, MeasureCourse, MeasureOutcome, MeasureReferral, PlanItem
from app.services.figures import Scope, compute

TODAY = date(2026, 3, 16)


def test_demo_fills_measures_and_the_training_figure(session: Session) -> None:
    fill_demo(session, seed=7, vacancies=120, seekers=120, shared_data=None, today=TODAY)
    session.commit()
    assert session.execute(select(func.count()).select_from(MeasureCourse)).scalar_one() > 0
    outcomes = set(session.execute(select(MeasureReferral.outcome)).scalars())
    assert MeasureOutcome.COMPLETED in outcomes
    assert session.execute(select(func.count()).select_from(PlanItem)).scalar_one() > 0
    scope = Scope(date(2025, 3, 17), TODAY)
    figure = compute(session, scope, today=TODAY).shares["employed_after_training"]
    assert figure.total.base > 0 and 0 < figure.total.count <= figure.total.base
    breaches = session.execute(select(func.count()).select_from(ContractBreach)).scalar_one()
    assert breaches > 0
