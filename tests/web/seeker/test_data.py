"""My data: the export (IIN masked) and deleting the account (the CV leaves the index)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import (
    Application,
    AuditLog,
    Cv,
    CvVisibility,
    EducationEntry,
    EducationLevel,
    Placement,
    Referral,
    ReferralOutcome,
    SavedSearch,
    Seeker,
    SeekerStatus,
    StatusChange,
    User,
    VacancyKind,
)
from app.services.clients import refused_once
from app.services.seeker_accounts import purge_expired_records
from indexer import DocType
from matching.rules.params import params_for
from tests.db.factories import a_vacancy
from tests.web.conftest import PASSWORD, People, SignIn, form_token


def _fill(app: Flask, people: People, *, registered: bool = True) -> int:
    """The seeker's CV, application, saved search; with ``registered`` also the centre's
    record: a status history, a referral and a placement. Without, a person known online only."""
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.skills = ["вождение"]
        seeker.phone = "+77015551234"
        seeker.cv = Cv(title="Водитель", summary="Стаж 5 лет", visibility=CvVisibility.CENTRES)
        seeker.education.append(EducationEntry(level=EducationLevel.TIPO, institution="Колледж"))
        vacancy = a_vacancy(session, title="Водитель автобуса", published_at=datetime.now(UTC))
        session.add(Application(seeker_id=seeker.id, vacancy_id=vacancy.id))
        session.add(
            SavedSearch(user_id=people.users["seeker"], name="Водитель", params={"q": "водитель"})
        )
        if not registered:
            seeker.centre_id, seeker.status, seeker.registered_on = None, None, None
            session.flush()
            cv_id = seeker.cv.id
            session.commit()
            return cv_id
        seeker.status_history.append(
            StatusChange(
                status=SeekerStatus.JOB_SEEKER, changed_on=date(2026, 11, 2), reason_code="applied"
            )
        )
        referral = Referral(
            seeker_id=seeker.id,
            vacancy_id=vacancy.id,
            issued_on=date(2026, 11, 2),
            report_by=date(2026, 11, 9),
        )
        session.add(referral)
        session.flush()
        session.add(
            Placement(
                seeker_id=seeker.id,
                vacancy_id=vacancy.id,
                referral_id=referral.id,
                kind=VacancyKind.REGULAR,
                started_on=date(2026, 11, 10),
            )
        )
        session.flush()
        cv_id = seeker.cv.id
        session.commit()
    return cv_id


def test_export_has_my_data_and_masks_the_iin(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    _fill(app, people)
    sign_in(client, "seeker")
    assert client.get("/me/data").status_code == 200
    response = client.get("/me/data/export.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "980412404507" not in text
    data = json.loads(text)
    person = data["person"]
    assert person["iin"] == "********4507"
    assert data["account"]["email"] == people.emails["seeker"]
    assert person["cv"]["title"] == "Водитель" and person["skills"] == ["вождение"]
    assert person["education"][0]["institution"] == "Колледж"
    assert person["status_history"][0]["status"] == "job_seeker"
    assert person["applications"][0]["vacancy"] == "Водитель автобуса"
    assert person["referrals"][0]["report_by"] == "2026-11-09"
    assert person["placements"][0]["started_on"] == "2026-11-10"
    assert data["saved_searches"][0]["params"] == {"q": "водитель"}
    with extensions.database(app).session() as session:
        actions = session.scalars(select(AuditLog.action)).all()
        assert "personal_data:exported" in actions


def test_delete_needs_the_password_then_removes_everything(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    """A person known online only (no centre, no status, no referral) is erased entirely."""
    cv_id = _fill(app, people, registered=False)
    engine = extensions.indexing(app).engine
    assert engine.get(DocType.CVS, cv_id) is not None
    sign_in(client, "seeker")
    token = form_token(client, "/me/data")
    wrong = client.post("/me/data/delete", data={"password": "not it", "csrf_token": token})
    assert wrong.status_code == 422
    assert 'id="error-password"' in wrong.get_data(as_text=True)
    done = client.post("/me/data/delete", data={"password": PASSWORD, "csrf_token": token})
    assert done.status_code == 302
    with extensions.database(app).session() as session:
        assert session.get(User, people.users["seeker"]) is None
        assert session.get(Seeker, people.seeker_id) is None
        assert session.scalars(select(Application)).all() == []
        assert session.scalars(select(SavedSearch)).all() == []
        assert session.get(Seeker, people.other_seeker_id) is not None
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "account:deleted")).one()
        assert audit.entity_id == str(people.users["seeker"])
    assert engine.get(DocType.CVS, cv_id) is None
    assert client.get("/me").status_code == 302  # signed out


def test_delete_keeps_the_centres_record_minimised_and_counting(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    """A registered person's account, CV, contacts and applications go; the centre's record
    (status history, referrals, placements) stays, minimised, for the retention period."""
    cv_id = _fill(app, people)
    sign_in(client, "seeker")
    token = form_token(client, "/me/data")
    done = client.post("/me/data/delete", data={"password": PASSWORD, "csrf_token": token})
    assert done.status_code == 302
    with extensions.database(app).session() as session:
        assert session.get(User, people.users["seeker"]) is None
        kept = session.get(Seeker, people.seeker_id)
        assert kept is not None and kept.user_id is None
        assert kept.cv is None and kept.phone is None and kept.email is None
        assert kept.skills == [] and kept.iin is not None
        years = params_for(date.today()).registration_record_retention_years
        assert kept.retained_until is not None
        assert kept.retained_until.year == date.today().year + years
        assert [c.status for c in kept.status_history] == [SeekerStatus.JOB_SEEKER]
        assert len(session.scalars(select(Referral)).all()) == 1
        assert len(session.scalars(select(Placement)).all()) == 1
        assert session.scalars(select(Application)).all() == []
        assert session.scalars(select(SavedSearch)).all() == []
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "account:deleted")).one()
        assert audit.detail["centre_record_kept"] is True
        assert purge_expired_records(session, date.today()) == 0
        assert purge_expired_records(session, kept.retained_until + timedelta(days=1)) == 1
        assert session.get(Seeker, people.seeker_id) is None
    assert extensions.indexing(app).engine.get(DocType.CVS, cv_id) is None


def test_a_refusal_still_counts_after_the_account_is_deleted(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    """Re-registration at the centre continues the kept record: one refused suitable offer
    before the deletion plus one after deregisters (the count did not restart from zero)."""
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        vacancy = a_vacancy(session, title="Аспаз", published_at=datetime.now(UTC))
        session.add(
            Referral(
                seeker_id=seeker.id,
                vacancy_id=vacancy.id,
                centre_id=seeker.centre_id,
                issued_on=date(2026, 11, 2),
                report_by=date(2026, 11, 9),
                outcome=ReferralOutcome.REFUSED_BY_SEEKER,
                counted_as_suitable_offer=True,
            )
        )
        centre_id = seeker.centre_id
        session.commit()
    sign_in(client, "seeker")
    token = form_token(client, "/me/data")
    client.post("/me/data/delete", data={"password": PASSWORD, "csrf_token": token})
    with extensions.database(app).session() as session:
        assert centre_id is not None
        once = [s.id for s in refused_once(session, centre_id)]
        kept = session.get(Seeker, people.seeker_id)
        assert kept is not None
        if kept.status in (SeekerStatus.JOB_SEEKER, SeekerStatus.UNEMPLOYED):
            assert once == [people.seeker_id], "the kept record still has its refusal"
        counted = session.scalars(
            select(Referral).where(
                Referral.seeker_id == people.seeker_id,
                Referral.counted_as_suitable_offer.is_(True),
                Referral.outcome == ReferralOutcome.REFUSED_BY_SEEKER,
            )
        ).all()
        assert len(counted) == 1
