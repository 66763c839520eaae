"""Signing in and out of the pages, with failed logins throttled per account and per address."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select

from app import throttle
from app.extensions import db_session
from app.models import Role, User
from app.models.base import utcnow
from app.services.audit import record
from app.services.passwords import hash_password, needs_rehash, verify_password
from app.web.access import current_user, sign_in, sign_out
from app.web.security import safe_next

bp = Blueprint("auth", __name__)

FAILURE_WINDOW_S = 15 * 60
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
HOME_BY_ROLE = {
    Role.SEEKER: "/me",
    Role.EMPLOYER: "/employer",
    Role.STAFF: "/desk",
    Role.ADMIN: "/dashboard",
}


def home_for(user: User) -> str:
    return HOME_BY_ROLE.get(user.role, "/")


def _throttle_keys(email: str) -> tuple[tuple[str, int], ...]:
    return (
        (f"login:account:{email}", MAX_FAILURES_PER_ACCOUNT),
        (f"login:ip:{request.remote_addr or 'unknown'}", MAX_FAILURES_PER_ADDRESS),
    )


def _locked_for(email: str) -> int:
    """Seconds until another attempt is allowed (0: allowed now)."""
    for key, limit in _throttle_keys(email):
        seen = throttle.count(key, FAILURE_WINDOW_S, amount=0)
        if seen.value >= limit:
            return seen.retry_after_s
    return 0


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    target = safe_next(request.values.get("next"), "")
    if request.method == "GET":
        return render_template("auth/login.html", next=target, email="")
    email = request.form.get("email", "").strip().lower()[:255]
    password = request.form.get("password", "")[:1000]
    wait = _locked_for(email)
    if wait:
        minutes = max(1, wait // 60)
        flash(
            _("Too many failed attempts. Try again in %(minutes)d min.", minutes=minutes), "error"
        )
        return render_template("auth/login.html", next=target, email=email), 429
    session = db_session()
    user = session.execute(select(User).where(User.email == email)).scalar_one_or_none()
    if user is None or not user.is_active or not verify_password(user.password_hash, password):
        for key, _limit in _throttle_keys(email):
            throttle.count(key, FAILURE_WINDOW_S)
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
    throttle.reset(f"login:account:{email}", FAILURE_WINDOW_S)
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
