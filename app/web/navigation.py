"""The main menu each kind of user sees (paths, so that the menu never breaks a page)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, request
from flask_babel import LazyString, lazy_gettext

from app.models import Role
from app.web.access import current_user


@dataclass(frozen=True)
class Item:
    path: str
    label: LazyString


PUBLIC = (
    Item("/search", lazy_gettext("Find a job")),
    Item("/match", lazy_gettext("Match my CV")),
    Item("/programmes", lazy_gettext("Social jobs and youth practice")),
)
BY_ROLE: dict[Role, tuple[Item, ...]] = {
    Role.SEEKER: (
        Item("/me", lazy_gettext("Jobs for me")),
        Item("/me/profile", lazy_gettext("My profile and CV")),
        Item("/me/applications", lazy_gettext("My applications")),
        Item("/me/searches", lazy_gettext("Saved searches")),
    ),
    Role.EMPLOYER: (
        Item("/employer", lazy_gettext("My vacancies")),
        Item("/employer/referrals", lazy_gettext("Referrals")),
        Item("/employer/profile", lazy_gettext("Organisation")),
    ),
    Role.STAFF: (
        Item("/desk", lazy_gettext("Clients")),
        Item("/desk/public-works", lazy_gettext("Public works queue")),
        Item("/desk/overdue", lazy_gettext("Overdue")),
        Item("/desk/measures", lazy_gettext("Training and measures")),
        Item("/dashboard", lazy_gettext("Dashboard")),
    ),
    Role.ADMIN: (
        Item("/dashboard", lazy_gettext("Dashboard")),
        Item("/admin", lazy_gettext("Administration")),
    ),
}


def menu() -> tuple[Item, ...]:
    user = current_user()
    own = BY_ROLE.get(user.role, ()) if user is not None else ()
    return own + PUBLIC


def is_current(item: Item) -> bool:
    path = request.path
    return path == item.path or (
        item.path not in ("/me", "/employer", "/desk") and path.startswith(item.path + "/")
    )


def init_app(app: Flask) -> None:
    def has_endpoint(name: str) -> bool:
        return name in app.view_functions

    app.jinja_env.globals.update(
        menu=menu, is_current=is_current, current_user=current_user, has_endpoint=has_endpoint
    )
