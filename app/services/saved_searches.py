"""Saved searches of a user (create, list, get, update, delete, ownership enforced) and the alert
run that tells each owner about vacancies published since the search was last checked.

``params`` are the public search page's query parameters (``/search?...``), so a saved search
opens as the same page; they are validated by the search's one cleaner
(``app.search.vacancy_params``) and run through its one read path (``app.search``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Notification, SavedSearch, User, Vacancy
from app.search.find import SearchUnavailable
from app.search.retrieval import new_matches, plan_for
from app.search.services import IndexingServices
from app.search.vacancy_params import Params, clean_params, search_url
from app.search.vacancy_query import VacancyQuery, place_of
from app.services.errors import FieldError

__all__ = [
    "AlertReport",
    "NoSavedSearch",
    "Params",
    "clean_params",
    "create_saved_search",
    "delete_saved_search",
    "get_saved_search",
    "list_saved_searches",
    "run_alerts",
    "search_url",
    "update_saved_search",
]

MAX_NAME = 120
MAX_PER_USER = 50
NOTIFICATION_KIND = "saved_search"


class NoSavedSearch(LookupError):
    """No such saved search for this user (someone else's is reported the same way)."""

    def __init__(self, search_id: int) -> None:
        super().__init__(f"no saved search {search_id}")
        self.search_id = search_id


def _name(name: Any) -> str:
    if not isinstance(name, str):
        raise FieldError("name", "must be a string")
    text = " ".join(name.split())
    if not text:
        raise FieldError("name", "is required")
    if len(text) > MAX_NAME:
        raise FieldError("name", f"must be at most {MAX_NAME} characters")
    return text


def list_saved_searches(session: Session, user: User) -> list[SavedSearch]:
    """The user's saved searches, newest first."""
    stmt = (
        select(SavedSearch)
        .where(SavedSearch.user_id == user.id)
        .order_by(SavedSearch.created_at.desc(), SavedSearch.id.desc())
    )
    return list(session.execute(stmt).scalars())


def get_saved_search(session: Session, user: User, search_id: int) -> SavedSearch:
    """The user's saved search; ``NoSavedSearch`` when missing or someone else's."""
    saved = session.get(SavedSearch, search_id)
    if saved is None or saved.user_id != user.id:
        raise NoSavedSearch(search_id)
    return saved


def create_saved_search(
    session: Session,
    user: User,
    *,
    name: str,
    params: Mapping[str, Any],
    alert: bool = True,
    now: datetime | None = None,
) -> SavedSearch:
    """Save a search; alerts then cover vacancies published from now on."""
    clean_name = _name(name)
    clean = clean_params(params)
    count = len(list_saved_searches(session, user))
    if count >= MAX_PER_USER:
        raise FieldError("name", f"at most {MAX_PER_USER} saved searches; delete one first")
    now = now or datetime.now(UTC)
    saved = SavedSearch(
        user_id=user.id,
        name=clean_name,
        params=clean,
        alert=bool(alert),
        created_at=now,
        checked_at=now,
    )
    session.add(saved)
    session.flush()
    return saved


def update_saved_search(
    session: Session,
    user: User,
    search_id: int,
    *,
    name: str | None = None,
    params: Mapping[str, Any] | None = None,
    alert: bool | None = None,
    now: datetime | None = None,
) -> SavedSearch:
    """Change what is given. Turning alerts on (or changing the parameters) restarts the alert
    window from now, so the owner is not told about old postings."""
    saved = get_saved_search(session, user, search_id)
    clean_name = None if name is None else _name(name)
    clean = None if params is None else clean_params(params)
    now = now or datetime.now(UTC)
    if clean_name is not None:
        saved.name = clean_name
    if clean is not None and clean != saved.params:
        saved.params = clean
        saved.checked_at = now
    if alert is not None:
        if alert and not saved.alert:
            saved.checked_at = now
        saved.alert = bool(alert)
    session.flush()
    return saved


def delete_saved_search(session: Session, user: User, search_id: int) -> None:
    saved = get_saved_search(session, user, search_id)
    session.delete(saved)
    session.flush()


@dataclass(frozen=True)
class AlertReport:
    checked: int  # saved searches with alerts on that were run
    notified: int  # notifications written
    failed: int  # searches the engine could not run (retried next time: checked_at unchanged)


def _new_ids(
    session: Session,
    services: IndexingServices,
    saved: SavedSearch,
    now: datetime,
) -> tuple[list[int], int]:
    """Vacancies published in ``(checked_at, now]`` that the search finds, and how many."""
    params = saved.params
    query = VacancyQuery.from_params(params, place=place_of(session, params), now=now)
    text = plan_for(query).text
    vectors = services.query_vectors if text else None
    vector = vectors.vector(text) if vectors is not None else None
    result = new_matches(services.engine, query, vector, saved.checked_at)
    ids = [h.id for h in result.hits]
    if not ids:
        return [], 0
    since = saved.checked_at
    rows = session.execute(
        select(Vacancy.id, Vacancy.published_at).where(Vacancy.id.in_(ids))
    ).all()
    fresh = {
        r.id
        for r in rows
        if r.published_at is not None and since < r.published_at.astimezone(UTC) <= now
    }
    kept = [i for i in ids if i in fresh]
    beyond = max(0, result.total - len(ids))  # matches past the first page, not re-checked
    return kept, len(kept) + beyond


def run_alerts(
    session: Session, services: IndexingServices, now: datetime | None = None
) -> AlertReport:
    """For every saved search with alerts on: find published vacancies newer than its
    ``checked_at``, leave one notification when there are any, and advance ``checked_at`` to
    ``now``. Commits per search; a second run right after finds nothing new."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    ids = list(
        session.execute(
            select(SavedSearch.id).where(SavedSearch.alert.is_(True)).order_by(SavedSearch.id)
        ).scalars()
    )
    checked = notified = failed = 0
    for search_id in ids:
        saved = session.get(SavedSearch, search_id)
        if saved is None or not saved.alert or saved.checked_at >= now:
            continue
        try:
            found, total = _new_ids(session, services, saved, now)
        except (SearchUnavailable, ValueError):  # engine down, or params from an older version
            failed += 1
            continue
        checked += 1
        if total:
            session.add(
                Notification(
                    user_id=saved.user_id,
                    kind=NOTIFICATION_KIND,
                    title=saved.name,
                    body="",
                    link=search_url(saved.params),
                    detail={"saved_search_id": saved.id, "count": total, "vacancy_ids": found},
                    created_at=now,
                )
            )
            notified += 1
        saved.checked_at = now
        session.commit()
    return AlertReport(checked=checked, notified=notified, failed=failed)
