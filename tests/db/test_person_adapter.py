"""One adapter from a person's rows: the CV index, "jobs for me", candidates and the rules read a
person alike (the highest education, the same experience, the same facts)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import fill_demo
from app.models import (
    Cv,
    CvVisibility,
    EducationEntry,
    EducationLevel,
    Placement,
    Seeker,
    SeekerStatus,
    VacancyKind,
    WorkExperience,
)
from app.search.documents import load_cv_documents
from app.services.people import person_facts, seeker_profile
from indexer import CvDocument
from matching.rules import PlacementFacts, programme_eligibility

from .factories import a_locality, a_seeker

TODAY = date(2026, 3, 16)


def _seeker_with_a_degree_then_a_course(session: Session) -> Seeker:
    seeker = a_seeker(session, locality_id=a_locality(session).id)
    seeker.education = [
        EducationEntry(
            level=EducationLevel.HIGHER,
            specialty_name="Экономика",
            graduated_on=date(2015, 6, 30),
        ),
        EducationEntry(
            level=EducationLevel.TIPO,
            specialty_name="Сварщик",
            graduated_on=date(2020, 6, 30),
        ),
    ]
    seeker.work_history = [
        WorkExperience(
            employer_name="ТОО Дала",
            position="Экономист",
            started_on=date(2015, 9, 1),
            ended_on=date(2019, 9, 1),
        ),
        WorkExperience(employer_name="ТОО Басқа", position="Сварщик", started_on=date(2021, 3, 1)),
    ]
    seeker.cv = Cv(title="Экономист, сварщик", visibility=CvVisibility.CENTRES)
    session.commit()
    return seeker


def test_the_highest_education_counts_in_the_cv_index_and_in_jobs_for_me(
    session: Session,
) -> None:
    seeker = _seeker_with_a_degree_then_a_course(session)
    now = datetime(2026, 3, 16, 9, tzinfo=UTC)
    batch = load_cv_documents(session, [seeker.cv.id], encoder=None, now=now)
    (document,) = [d for d in batch.upserts if isinstance(d, CvDocument)]
    profile = seeker_profile(seeker, TODAY)
    assert document.education_level == "higher"  # not the later vocational course
    assert profile.education_level == "higher"
    assert profile.graduated_on == date(2015, 6, 30)
    assert document.experience_years == profile.experience_years == 9.0


def test_the_rules_see_the_same_education(session: Session) -> None:
    seeker = _seeker_with_a_degree_then_a_course(session)
    levels = [e.level for e in person_facts(seeker).education]
    assert levels == ["higher", "tipo"]


def test_demo_carers_are_excused_from_active_measures_as_live_ones_are(session: Session) -> None:
    fill_demo(session, seed=7, vacancies=120, seekers=60, shared_data=None, today=TODAY)
    session.commit()
    carers = session.execute(select(Seeker).where(Seeker.is_carer.is_(True))).scalars().all()
    assert carers  # the demo has carers, or this test proves nothing
    for carer in carers:
        facts = person_facts(carer)
        assert facts.cares_for
        for placement in session.execute(
            select(Placement).where(
                Placement.seeker_id == carer.id, Placement.kind != VacancyKind.REGULAR
            )
        ).scalars():
            decision = programme_eligibility(
                person_facts(carer, as_status=SeekerStatus.UNEMPLOYED),
                PlacementFacts(kind=placement.kind.value, in_specialty=True),
                placement.started_on,
            )
            assert not decision.not_obliged, (carer.id, placement.kind)
