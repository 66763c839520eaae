"""A seeker's saved searches, for themselves only (someone else's is reported as missing)."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from app.api.problems import ApiProblem
from app.api.registry import Call, operation
from app.api.schemas_people import (
    SavedSearchCreate,
    SavedSearchList,
    SavedSearchOut,
    SavedSearchPatch,
)
from app.extensions import db_session
from app.models import SavedSearch, User
from app.services import saved_searches as service

ROLES = ("seeker",)


def _out(saved: SavedSearch) -> SavedSearchOut:
    return SavedSearchOut(
        id=saved.id,
        name=saved.name,
        params=saved.params,
        alert=saved.alert,
        created_at=saved.created_at,
        checked_at=saved.checked_at,
        search_url=service.search_url(saved.params),
    )


def _user(call: Call) -> User:
    assert call.user is not None
    return call.user


def _own(call: Call, search_id: int) -> SavedSearch:
    try:
        return service.get_saved_search(db_session(), _user(call), search_id)
    except service.NoSavedSearch as exc:
        raise ApiProblem(404, str(exc)) from None


@operation(
    "GET",
    "/saved-searches",
    summary="The caller's saved searches, newest first",
    roles=ROLES,
    response=SavedSearchList,
    errors=(401, 403),
    tag="saved searches",
)
def list_saved(call: Call) -> ResponseReturnValue:
    rows = service.list_saved_searches(db_session(), _user(call))
    return SavedSearchList(items=[_out(s) for s in rows]).model_dump(mode="json")


@operation(
    "POST",
    "/saved-searches",
    summary="Save a search (the search page's parameters); alerts cover postings from now on",
    roles=ROLES,
    body=SavedSearchCreate,
    response=SavedSearchOut,
    status=201,
    errors=(400, 401, 403, 422),
    tag="saved searches",
)
def create_saved(call: Call) -> ResponseReturnValue:
    body: SavedSearchCreate = call.body
    session = db_session()
    saved = service.create_saved_search(
        session, _user(call), name=body.name, params=body.params, alert=body.alert
    )
    session.commit()
    return _out(saved).model_dump(mode="json"), 201


@operation(
    "GET",
    "/saved-searches/{id}",
    summary="One of the caller's saved searches",
    roles=ROLES,
    response=SavedSearchOut,
    errors=(401, 403, 404),
    tag="saved searches",
)
def get_saved(call: Call, id: int) -> ResponseReturnValue:
    return _out(_own(call, id)).model_dump(mode="json")


@operation(
    "PATCH",
    "/saved-searches/{id}",
    summary="Rename a saved search, change its parameters or turn its alerts on or off",
    roles=ROLES,
    body=SavedSearchPatch,
    response=SavedSearchOut,
    errors=(400, 401, 403, 404, 422),
    tag="saved searches",
)
def patch_saved(call: Call, id: int) -> ResponseReturnValue:
    body: SavedSearchPatch = call.body
    session = db_session()
    try:
        saved = service.update_saved_search(
            session, _user(call), id, name=body.name, params=body.params, alert=body.alert
        )
    except service.NoSavedSearch as exc:
        raise ApiProblem(404, str(exc)) from None
    session.commit()
    return _out(saved).model_dump(mode="json")


@operation(
    "DELETE",
    "/saved-searches/{id}",
    summary="Delete one of the caller's saved searches",
    roles=ROLES,
    status=204,
    errors=(401, 403, 404),
    tag="saved searches",
)
def delete_saved(call: Call, id: int) -> ResponseReturnValue:
    session = db_session()
    try:
        service.delete_saved_search(session, _user(call), id)
    except service.NoSavedSearch as exc:
        raise ApiProblem(404, str(exc)) from None
    session.commit()
    return "", 204
