"""Creating logins with their role and affiliation checked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Centre, Employer, Role, User
from app.services.passwords import hash_password, verify_password_or_dummy

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UserError(ValueError):
    """Bad input for a user; ``field`` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def create_user(
    session: Session,
    *,
    email: str,
    password: str,
    role: Role,
    display_name: str,
    centre_id: int | None = None,
    employer_id: int | None = None,
    locale: str = "kk",
) -> User:
    email = email.strip().lower()
    if not EMAIL_RE.match(email):
        raise UserError("email", "not a valid e-mail address")
    if session.execute(select(User.id).where(User.email == email)).first():
        raise UserError("email", "already registered")
    if role is Role.STAFF and (centre_id is None or session.get(Centre, centre_id) is None):
        raise UserError("centre_id", "staff must belong to an existing centre")
    if role is Role.EMPLOYER and (
        employer_id is None or session.get(Employer, employer_id) is None
    ):
        raise UserError("employer_id", "employer users must act for an existing employer")
    if locale not in {"kk", "ru", "en"}:
        raise UserError("locale", "must be kk, ru or en")
    try:
        password_hash = hash_password(password)
    except ValueError as exc:
        raise UserError("password", str(exc)) from None
    user = User(
        email=email,
        password_hash=password_hash,
        role=role,
        display_name=display_name.strip() or email,
        centre_id=centre_id if role is Role.STAFF else None,
        employer_id=employer_id if role is Role.EMPLOYER else None,
        locale=locale,
    )
    session.add(user)
    session.flush()
    return user


@dataclass(frozen=True)
class SignIn:
    """A sign-in attempt: the account the e-mail names (None if none) and whether it passed."""

    account: User | None
    ok: bool


def authenticate(session: Session, email: str, password: str) -> SignIn:
    """Check an e-mail and password. Unknown addresses, disabled accounts and wrong passwords
    take the same time (one argon2 verification each) and all fail alike."""
    user = session.execute(
        select(User).where(User.email == email.strip().lower()[:255])
    ).scalar_one_or_none()
    ok = verify_password_or_dummy(user.password_hash if user else None, password)
    return SignIn(user, ok and user is not None and user.is_active)
