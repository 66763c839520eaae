"""The domain model on a real database (runs on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import (
    Cv,
    CvVisibility,
    EducationEntry,
    EducationLevel,
    Locality,
    Occupation,
    OutboxEvent,
    Region,
    RegionKind,
    Seeker,
    SeekerStatus,
    StatusChange,
    Vacancy,
    VacancyKind,
    VacancySource,
)

from .factories import a_seeker, a_vacancy, an_employer


def _outbox(session: Session) -> list[tuple[str, int]]:
    rows = session.execute(
        select(OutboxEvent.doc_type, OutboxEvent.doc_id).order_by(OutboxEvent.id)
    )
    return [(t, i) for t, i in rows]


def test_reference_data_is_loaded(session: Session) -> None:
    kinds = session.execute(select(Region.kind, func.count()).group_by(Region.kind)).all()
    assert dict(kinds) == {RegionKind.OBLAST: 17, RegionKind.CITY: 3}
    assert session.execute(select(func.count()).select_from(Locality)).scalar_one() > 150
    programmer = session.get(Occupation, "2512")
    assert programmer is not None
    assert programmer.path == ("2", "25", "251", "2512")
    assert programmer.parent is not None and programmer.parent.code == "251"
    assert "программист" in programmer.synonyms_ru


def test_vacancy_round_trip_keeps_lists_and_enums(session: Session) -> None:
    vacancy = a_vacancy(
        session,
        skills=["Водительские права категории C", "1С"],
        languages=["kk", "ru"],
        kind=VacancyKind.SOCIAL_JOB,
        salary_from=150_000,
        salary_to=180_000,
    )
    vacancy.apply_kind_defaults()
    session.commit()
    session.expunge_all()
    loaded = session.get(Vacancy, vacancy.id)
    assert loaded is not None
    assert loaded.skills == ["Водительские права категории C", "1С"]
    assert loaded.kind is VacancyKind.SOCIAL_JOB
    assert loaded.max_duration_months == 12
    assert loaded.is_programme_place


def test_kind_defaults_cap_programme_durations(session: Session) -> None:
    youth = a_vacancy(session, kind=VacancyKind.YOUTH_PRACTICE, max_duration_months=9)
    youth.apply_kind_defaults()
    regular = a_vacancy(session, kind=VacancyKind.REGULAR)
    regular.apply_kind_defaults()
    assert youth.max_duration_months == 6
    assert regular.max_duration_months is None


@pytest.mark.parametrize(
    "fields",
    [{"places": 0}, {"salary_from": 300_000, "salary_to": 200_000}],
    ids=["no-places", "inverted-salary"],
)
def test_vacancy_constraints(session: Session, fields: dict[str, int]) -> None:
    with pytest.raises(IntegrityError):
        a_vacancy(session, **fields)


def test_external_id_is_unique_per_source(session: Session) -> None:
    employer = an_employer(session)
    a_vacancy(session, employer, source=VacancySource.IMPORT, external_id="128142954")
    a_vacancy(session, employer, source=VacancySource.EMPLOYER, external_id="128142954")
    with pytest.raises(IntegrityError):
        a_vacancy(session, employer, source=VacancySource.IMPORT, external_id="128142954")


def test_public_cv_needs_consent(session: Session) -> None:
    seeker = a_seeker(session)
    session.add(Cv(seeker=seeker, title="Бухгалтер", visibility=CvVisibility.PUBLIC))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()
    seeker = a_seeker(session)
    session.add(
        Cv(
            seeker=seeker,
            title="Бухгалтер",
            visibility=CvVisibility.PUBLIC,
            consent_publish_at=datetime.now(UTC),
        )
    )
    session.flush()


def test_iin_is_unique(session: Session) -> None:
    a_seeker(session, iin="980412450123")
    with pytest.raises(IntegrityError):
        a_seeker(session, iin="980412450123")


def test_deleting_a_seeker_removes_their_records(session: Session) -> None:
    seeker = a_seeker(session)
    seeker.education.append(
        EducationEntry(level=EducationLevel.HIGHER, specialty_name="Учёт и аудит")
    )
    seeker.status_history.append(
        StatusChange(status=SeekerStatus.JOB_SEEKER, changed_on=date(2026, 3, 2), reason_code="x")
    )
    seeker.cv = Cv(title="Бухгалтер")
    session.commit()
    session.delete(seeker)
    session.commit()
    assert session.execute(select(func.count()).select_from(EducationEntry)).scalar_one() == 0
    assert session.execute(select(func.count()).select_from(Cv)).scalar_one() == 0
    assert session.execute(select(func.count()).select_from(Seeker)).scalar_one() == 0


def test_outbox_row_written_with_each_vacancy_change(session: Session) -> None:
    vacancy = a_vacancy(session)
    session.commit()
    assert _outbox(session) == [("vacancies", vacancy.id)]
    vacancy.title = "Водитель категории CE"
    session.commit()
    session.delete(vacancy)
    session.commit()
    assert _outbox(session) == [("vacancies", vacancy.id)] * 3


def test_outbox_rolls_back_with_the_change(session: Session) -> None:
    a_vacancy(session)
    session.rollback()
    assert _outbox(session) == []
    assert session.execute(select(func.count()).select_from(Vacancy)).scalar_one() == 0


def test_employer_rename_reindexes_its_vacancies(session: Session) -> None:
    employer = an_employer(session)
    first = a_vacancy(session, employer)
    second = a_vacancy(session, employer)
    session.commit()
    session.execute(OutboxEvent.__table__.delete())
    employer.name = 'ТОО "Дала Логистик"'
    session.commit()
    assert sorted(_outbox(session)) == [("vacancies", first.id), ("vacancies", second.id)]


def test_seeker_changes_reindex_their_cv(session: Session) -> None:
    seeker = a_seeker(session)
    seeker.cv = Cv(title="Мұғалім")
    session.commit()
    session.execute(OutboxEvent.__table__.delete())
    session.commit()
    seeker.skills = ["педагогика"]
    session.commit()
    seeker.education.append(EducationEntry(level=EducationLevel.HIGHER))
    session.commit()
    assert _outbox(session) == [("cvs", seeker.cv.id)] * 2


def test_unchanged_flush_writes_nothing(session: Session) -> None:
    vacancy = a_vacancy(session)
    session.commit()
    session.execute(OutboxEvent.__table__.delete())
    session.commit()
    vacancy.title = vacancy.title
    session.commit()
    assert _outbox(session) == []
