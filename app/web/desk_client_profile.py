"""Staff fill a client's work profile and CV (desired occupations, skills, education, work
history, CV text and who may see it) with the seeker's own editor (``app.web.profile_editor``):
the same form, finder, services and visibility rule, so the desk's match has something to go on.

Only staff of the client's centre change it; every change is audited.
"""

from __future__ import annotations

from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session

from app.extensions import db_session
from app.models import Role, Seeker
from app.web import desk_clients_base as base
from app.web import profile_editor as editor
from app.web.access import roles_required
from app.web.desk_clients_base import bp
from app.web.profile_editor import Editor


def _editor(seeker_id: int) -> Editor:
    user = base.staff()

    def load(session: Session) -> Seeker:
        return base.own_client(user, seeker_id)

    return Editor("desk_clients", load, {"seeker_id": seeker_id}, staff=user)


@bp.route("/desk/clients/<int:seeker_id>/profile", methods=["GET", "POST"])
@roles_required(Role.STAFF)
def profile(seeker_id: int) -> ResponseReturnValue:
    return editor.profile(_editor(seeker_id), db_session())


@bp.post("/desk/clients/<int:seeker_id>/profile/education")
@roles_required(Role.STAFF)
def add_education(seeker_id: int) -> ResponseReturnValue:
    return editor.add_education(_editor(seeker_id), db_session())


@bp.post("/desk/clients/<int:seeker_id>/profile/work")
@roles_required(Role.STAFF)
def add_work(seeker_id: int) -> ResponseReturnValue:
    return editor.add_work(_editor(seeker_id), db_session())


@bp.post("/desk/clients/<int:seeker_id>/profile/cv-file")
@roles_required(Role.STAFF)
def upload_cv(seeker_id: int) -> ResponseReturnValue:
    return editor.upload_cv(_editor(seeker_id), db_session())


@bp.post("/desk/clients/<int:seeker_id>/profile/<kind>/<int:entry_id>/remove")
@roles_required(Role.STAFF)
def remove_entry(seeker_id: int, kind: str, entry_id: int) -> ResponseReturnValue:
    return editor.remove_entry(_editor(seeker_id), db_session(), kind, entry_id)
