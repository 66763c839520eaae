"""Signing in and out of the pages (failed logins are limited in ``app.rate_limits``)."""

from __future__ import annotations

import time

from flask import (
    Blueprint,
    Response,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_limiter import RequestLimit

from app import rate_limits
from app.extensions import db_session
from app.models import Role, User
from app.models.base import utcnow
from app.services.audit import record
from app.services.passwords import hash_password, needs_rehash
from app.services.users import authenticate
from app.web.access import current_user, sign_in, sign_out
from app.web.security import safe_next

bp = Blueprint("auth", __name__)

MAX_FAILURES_PER_ACCOUNT = rate_limits.FAILED_LOGINS_PER_ACCOUNT
MAX_FAILURES_PER_ADDRESS = rate_limits.FAILED_LOGINS_PER_ADDRESS
HOME_BY_ROLE = {
    Role.SEEKER: "/me",
    Role.EMPLOYER: "/employer",
    Role.STAFF: "/desk",
    Role.ADMIN: "/dashboard",
}


def home_for(user: User) -> str:
    return HOME_BY_ROLE.get(user.role, "/")


def refused_login(limit: RequestLimit) -> Response | None:
    """The login form again, with how long to wait, once failed sign-ins hit a limit (the
    limits live in ``app.rate_limits``); the API keeps its problem document (None)."""
    if request.path.startswith("/api/"):
        return None
    minutes = max(1, -(-(limit.reset_at - int(time.time())) // 60))
    flash(_("Too many failed attempts. Try again in %(minutes)d min.", minutes=minutes), "error")
    email = request.form.get("email", "").strip().lower()[:255]
    target = safe_next(request.values.get("next"), "")
    page = render_template("auth/login.html", next=target, email=email)
    return make_response(page, 429)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    target = safe_next(request.values.get("next"), "")
    if request.method != "POST":  # GET, and HEAD: never a sign-in attempt
        return render_template("auth/login.html", next=target, email="")
    email = request.form.get("email", "").strip().lower()[:255]
    password = request.form.get("password", "")[:1000]
    session = db_session()
    attempt = authenticate(session, email, password)
    user = attempt.account
    if not attempt.ok or user is None:
        record(
            session,
            user=None,
            action="login:failed",
            entity_type="user",
            entity_id=user.id if user else None,
            ip=request.remote_addr,
        )
        session.commit()
        flash(_("Wrong e-mail or password."), "error")
        return render_template("auth/login.html", next=target, email=email), 401
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    record(
        session,
        user=user,
        action="login",
        entity_type="user",
        entity_id=user.id,
        ip=request.remote_addr,
    )
    session.commit()
    sign_in(user)
    return redirect(target or home_for(user))


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    sign_out()
    flash(_("You have signed out."), "info")
    return redirect(url_for("home.index"))


@bp.get("/account")
def account() -> ResponseReturnValue:
    user = current_user()
    if user is None:
        return redirect(url_for("auth.login", next="/account"))
    return redirect(home_for(user))
