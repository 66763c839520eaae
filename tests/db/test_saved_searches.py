"""Saved searches: validation, ownership, and alerts that notify once per new posting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import extensions
from app.models import Notification, Role, SavedSearch, User
from app.search.vacancy_query import VacancyQuery
from app.services.errors import FieldError
from app.services.saved_searches import (
    NoSavedSearch,
    clean_params,
    create_saved_search,
    delete_saved_search,
    get_saved_search,
    list_saved_searches,
    run_alerts,
    search_url,
    update_saved_search,
)
from app.services.users import create_user
from indexer import Sort
from tests.db.factories import a_vacancy


def _user(session: Session, email: str = "seeker@example.kz") -> User:
    return create_user(
        session,
        email=email,
        password="long-enough-password",
        role=Role.SEEKER,
        display_name="Айгерим",
    )


def test_params_are_cleaned_and_unknown_keys_named() -> None:
    clean = clean_params(
        {"q": "  водитель   C ", "kind": "regular", "schedule": ["shift", "shift"], "region": ""}
    )
    assert clean == {"q": "водитель C", "kind": ["regular"], "schedule": ["shift"]}
    assert clean_params({"salary_from": "150 000"}) == {"salary_min": 150000}
    with pytest.raises(FieldError) as exc:
        clean_params({"q": "x", "colour": "red"})
    assert exc.value.field == "params.colour"
    with pytest.raises(FieldError) as exc:
        clean_params({"kind": ["pirate"]})
    assert exc.value.field == "params.kind"
    with pytest.raises(FieldError) as exc:
        clean_params({"lat": "51.1"})
    assert exc.value.field == "params.lon"
    with pytest.raises(FieldError) as exc:
        clean_params({"radius_km": "10"})
    assert exc.value.field == "params.radius_km"
    with pytest.raises(FieldError) as exc:
        clean_params({"sort": "random"})
    assert exc.value.field == "params.sort"


def test_query_and_url_follow_the_search_page() -> None:
    params = clean_params(
        {
            "q": "повар",
            "region": "710000000",
            "kind": ["regular", "social_job"],
            "salary_min": "200000",
            "lat": "51.16",
            "lon": "71.43",
            "radius_km": "25",
            "sort": "distance",
        }
    )
    query = VacancyQuery.from_params(params).search_query()
    assert query.text == "повар"
    assert query.filters.region_katos == ("710000000",)
    assert query.filters.kinds == ("regular", "social_job")
    assert query.filters.salary_min == 200000
    assert query.geo is not None and query.geo.radius_km == 25
    assert query.sort is Sort.DISTANCE
    url = search_url(params)
    assert url.startswith("/search?")
    assert "kind=regular&kind=social_job" in url
    assert "q=%D0%BF" in url


def test_crud_is_per_owner(session: Session) -> None:
    mine, theirs = _user(session), _user(session, "other@example.kz")
    saved = create_saved_search(session, mine, name=" Повар  Астана ", params={"q": "повар"})
    assert saved.name == "Повар Астана" and saved.alert
    assert [s.id for s in list_saved_searches(session, mine)] == [saved.id]
    assert list_saved_searches(session, theirs) == []
    with pytest.raises(NoSavedSearch):
        get_saved_search(session, theirs, saved.id)
    with pytest.raises(NoSavedSearch):
        update_saved_search(session, theirs, saved.id, alert=False)
    with pytest.raises(NoSavedSearch):
        delete_saved_search(session, theirs, saved.id)
    update_saved_search(session, mine, saved.id, name="Повар", alert=False)
    assert get_saved_search(session, mine, saved.id).alert is False
    with pytest.raises(FieldError) as exc:
        update_saved_search(session, mine, saved.id, name="   ")
    assert exc.value.field == "name"
    delete_saved_search(session, mine, saved.id)
    session.commit()
    assert session.scalars(select(SavedSearch)).all() == []


def test_alerts_notify_once_about_new_postings(app: Flask) -> None:
    db = extensions.database(app)
    services = extensions.indexing(app)
    start = datetime.now(UTC) - timedelta(hours=2)
    with db.session() as session:
        user = _user(session)
        a_vacancy(session, title="Повар в столовую", published_at=start - timedelta(days=1))
        saved = create_saved_search(session, user, name="Повар", params={"q": "повар"}, now=start)
        quiet = create_saved_search(
            session, user, name="Off", params={"q": "повар"}, alert=False, now=start
        )
        user_id, saved_id, quiet_id = user.id, saved.id, quiet.id
    with db.session() as session:
        assert run_alerts(session, services).notified == 0  # the old posting is not news
        new = a_vacancy(session, title="Повар горячего цеха", published_at=datetime.now(UTC))
        a_vacancy(session, title="Водитель", published_at=datetime.now(UTC))
        session.commit()
        new_id = new.id
    now = datetime.now(UTC) + timedelta(seconds=1)
    with db.session() as session:
        report = run_alerts(session, services, now=now)
        assert (report.checked, report.notified, report.failed) == (1, 1, 0)
        again = run_alerts(session, services, now=now + timedelta(seconds=1))
        assert again.notified == 0
        notes = session.scalars(select(Notification)).all()
        assert len(notes) == 1
        note = notes[0]
        assert note.user_id == user_id and note.title == "Повар"
        assert note.detail["count"] == 1 and note.detail["vacancy_ids"] == [new_id]
        assert note.link == "/search?q=%D0%BF%D0%BE%D0%B2%D0%B0%D1%80"
        assert session.get(SavedSearch, saved_id).checked_at >= now - timedelta(seconds=1)
        assert session.get(SavedSearch, quiet_id).checked_at == start
