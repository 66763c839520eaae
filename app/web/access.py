"""Who is signed in to the pages (session cookie) and which roles a page admits."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import abort, current_app, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue

from app.extensions import db_session
from app.models import Role, User

P = ParamSpec("P")
R = TypeVar("R")
SESSION_USER = "uid"
SESSION_EPOCH = "epoch"


def load_user() -> None:
    """Before each request: the signed-in user, or None (a disabled account is signed out)."""
    g.user = None
    uid = session.get(SESSION_USER)
    if uid is None:
        return
    user = db_session().get(User, uid)
    if user is None or not user.is_active or session.get(SESSION_EPOCH) != epoch(user):
        session.clear()
        return
    g.user = user


def epoch(user: User) -> str:
    """Changes when the password does, so that other sessions end with a password change.
    Kept in the server-side session only, and keyed: nothing of the hash itself is stored."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, user.password_hash.encode(), hashlib.sha256).hexdigest()[:32]


def current_user() -> User | None:
    user: User | None = g.get("user")
    return user


def sign_in(user: User) -> None:
    """A new session id for the signed-in user (the one used before signing in is dropped)."""
    current_app.session_interface.regenerate(session)  # type: ignore[attr-defined]
    session.clear()
    session[SESSION_USER] = user.id
    session[SESSION_EPOCH] = epoch(user)
    session.permanent = True
    g.user = user


def sign_out() -> None:
    """Ends the session: the stored session is deleted, so a copy of the cookie is useless."""
    session.clear()
    g.user = None


def roles_required(
    *roles: Role,
) -> Callable[[Callable[P, ResponseReturnValue]], Callable[P, ResponseReturnValue]]:
    """Anonymous callers go to the login page (and come back); other roles get 403.

    The roles are kept on the view (``allowed_roles``) so the access-matrix test can read them.
    """

    def decorate(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
        @wraps(view)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
            user = current_user()
            if user is None:
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            if roles and user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapper.allowed_roles = frozenset(roles)  # type: ignore[attr-defined]
        return wrapper

    return decorate
