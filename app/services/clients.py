"""A centre's clients: find by IIN or name, register at the centre, edit the facts the rules read.

Staff see the clients of their own centre; a person with no centre (signed up online) can be
found by IIN and taken on by registering. Registration runs the rules; a refusal saves nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import (
    EducationEntry,
    EducationLevel,
    Locality,
    Referral,
    ReferralOutcome,
    Role,
    Seeker,
    SeekerStatus,
    Sex,
    User,
)
from app.services.audit import record
from app.services.errors import FieldError, ValidationFailed
from app.services.registration import register
from matching.iin import IinInfo, InvalidIIN, parse_iin, validate_iin
from matching.rules import Decision
from matching.text.names import name_key

CARE_RECIPIENTS = ("child", "disabled", "elderly")
FLAGS = (
    "is_student",
    "is_full_time_student",
    "is_carer",
    "is_kandas",
    "has_paid_work",
    "long_illness",
    "on_downtime",
    "receives_job_loss_payment",
)
NAME_MAX = 120
ADDRESS_MAX = 255
PHONE_MAX = 32
SEARCH_LIMIT = 50
REGISTERED = (SeekerStatus.JOB_SEEKER, SeekerStatus.UNEMPLOYED)


class NotFound(LookupError):
    """No such client, or one the staff member may not see (shown as 404)."""


class DuplicateIIN(FieldError):
    """The IIN belongs to a person already on file; ``existing`` is that person."""

    def __init__(self, existing: Seeker) -> None:
        super().__init__("iin", "a person with this IIN is already on file")
        self.existing = existing


@dataclass
class ClientData:
    """A client form's values, checked."""

    last_name: str
    first_name: str
    patronymic: str | None
    locality_id: int | None
    address: str | None
    phone: str | None
    education: EducationLevel | None
    disability_group: int | None
    care_recipient: str | None
    care_recipient_birth_date: date | None
    flags: dict[str, bool] = field(default_factory=dict)
    iin: str | None = None
    iin_info: IinInfo | None = None


def lookup_iin(value: str) -> tuple[str, IinInfo]:
    """The IIN's 12 digits and what they encode, or FieldError("iin") saying what is wrong."""
    try:
        iin = validate_iin(value)
        return iin, parse_iin(iin)
    except InvalidIIN as exc:
        raise FieldError("iin", str(exc)) from None


def _text(form: Mapping[str, str], name: str, most: int, errors: list[FieldError]) -> str | None:
    value = (form.get(name) or "").strip()
    if len(value) > most:
        errors.append(FieldError(name, f"at most {most} characters"))
    return value or None


def _date(form: Mapping[str, str], name: str, errors: list[FieldError]) -> date | None:
    value = (form.get(name) or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(name, "not a date (YYYY-MM-DD)"))
        return None


def _choice(
    form: Mapping[str, str], name: str, allowed: set[str], errors: list[FieldError]
) -> str | None:
    value = (form.get(name) or "").strip()
    if value and value not in allowed:
        errors.append(FieldError(name, f"unknown value {value!r}"))
        return None
    return value or None


def parse_client(
    session: Session, form: Mapping[str, str], today: date, *, new: bool
) -> ClientData:
    """Check a client form; every problem is reported at once (ValidationFailed)."""
    errors: list[FieldError] = []
    iin = info = None
    if new:
        try:
            iin, info = lookup_iin(form.get("iin", ""))
        except FieldError as exc:
            errors.append(exc)
        born = _date(form, "birth_date", errors)
        if info is not None and born is not None and born != info.birth_date:
            errors.append(FieldError("birth_date", "does not match the birth date in the IIN"))
        if info is not None and info.birth_date > today:
            errors.append(FieldError("iin", "the birth date in the IIN is in the future"))
        if form.get("consent") != "yes":
            errors.append(FieldError("consent", "the client's consent is required"))
    names = {}
    for name in ("last_name", "first_name"):
        names[name] = _text(form, name, NAME_MAX, errors)
        if names[name] is None:
            errors.append(FieldError(name, "required"))
    locality_id = None
    raw_locality = (form.get("locality_id") or "").strip()
    if raw_locality:
        if not raw_locality.isdigit() or session.get(Locality, int(raw_locality)) is None:
            errors.append(FieldError("locality_id", "unknown locality"))
        else:
            locality_id = int(raw_locality)
    education = _choice(form, "education", {e.value for e in EducationLevel}, errors)
    group = _choice(form, "disability_group", {"1", "2", "3"}, errors)
    flags = {name: form.get(name) == "yes" for name in FLAGS}
    care = _choice(form, "care_recipient", set(CARE_RECIPIENTS), errors)
    care_born = _date(form, "care_recipient_birth_date", errors)
    if care_born is not None and care_born > today:
        errors.append(FieldError("care_recipient_birth_date", "in the future"))
    if flags["is_carer"] and care is None:
        errors.append(FieldError("care_recipient", "say whom the client cares for"))
    if flags["is_full_time_student"]:
        flags["is_student"] = True
    data = ClientData(
        last_name=names["last_name"] or "",
        first_name=names["first_name"] or "",
        patronymic=_text(form, "patronymic", NAME_MAX, errors),
        locality_id=locality_id,
        address=_text(form, "address", ADDRESS_MAX, errors),
        phone=_text(form, "phone", PHONE_MAX, errors),
        education=EducationLevel(education) if education else None,
        disability_group=int(group) if group else None,
        care_recipient=care if flags["is_carer"] else None,
        care_recipient_birth_date=care_born if flags["is_carer"] else None,
        flags=flags,
        iin=iin,
        iin_info=info,
    )
    if errors:
        raise ValidationFailed(errors)
    return data


def _apply(seeker: Seeker, data: ClientData) -> None:
    seeker.last_name = data.last_name
    seeker.first_name = data.first_name
    seeker.patronymic = data.patronymic
    seeker.locality_id = data.locality_id
    seeker.address = data.address
    seeker.phone = data.phone
    seeker.disability_group = data.disability_group
    seeker.care_recipient = data.care_recipient
    seeker.care_recipient_birth_date = data.care_recipient_birth_date
    for name, value in data.flags.items():
        setattr(seeker, name, value)
    if data.education is not None and data.education not in {e.level for e in seeker.education}:
        seeker.education.append(EducationEntry(level=data.education))


def visible(user: User, seeker: Seeker) -> bool:
    """Staff see their centre's clients and people with no centre; admins see everyone."""
    if user.role == Role.ADMIN:
        return True
    return user.centre_id is not None and seeker.centre_id in (user.centre_id, None)


def client_for(session: Session, user: User, seeker_id: int) -> Seeker:
    seeker = session.get(Seeker, seeker_id)
    if seeker is None or not visible(user, seeker):
        raise NotFound(seeker_id)
    return seeker


def find_by_iin(session: Session, iin: str) -> Seeker | None:
    return session.execute(select(Seeker).where(Seeker.iin == iin)).scalar_one_or_none()


def find_by_name(
    session: Session, user: User, last_name: str, first_name: str = "", born: date | None = None
) -> list[Seeker]:
    """The centre's clients whose surname (and first name) start so, compared as search keys
    (``matching.text.names``: any case, ё = е, Kazakh letters = their Russian look-alikes), so
    "турсынова" finds "Тұрсынова" on SQLite and PostgreSQL alike. ``%`` and ``_`` are literal."""
    last = name_key(last_name)
    stmt = select(Seeker).where(Seeker.last_name_key.startswith(last, autoescape=True))
    if user.role != Role.ADMIN:
        stmt = stmt.where(Seeker.centre_id == user.centre_id)
    if first := name_key(first_name):
        stmt = stmt.where(Seeker.first_name_key.startswith(first, autoescape=True))
    if born is not None:
        stmt = stmt.where(Seeker.birth_date == born)
    stmt = stmt.order_by(Seeker.last_name, Seeker.first_name, Seeker.id).limit(SEARCH_LIMIT)
    return list(session.execute(stmt).scalars())


def register_client(
    session: Session, staff: User, data: ClientData, today: date
) -> tuple[Seeker, Decision]:
    """Put a new person on file at the staff member's centre and register them as a job seeker.

    Raises DuplicateIIN, or RuleRefused with the rules' reasons; the caller rolls back then.
    """
    assert data.iin is not None and data.iin_info is not None
    existing = find_by_iin(session, data.iin)
    if existing is not None:
        raise DuplicateIIN(existing)
    seeker = Seeker(
        iin=data.iin,
        birth_date=data.iin_info.birth_date,
        sex=Sex(data.iin_info.sex),
        centre_id=staff.centre_id,
        consultant_id=staff.id,
        data_consent_at=datetime.now(UTC).replace(tzinfo=None),
        last_name=data.last_name,
        first_name=data.first_name,
    )
    _apply(seeker, data)
    session.add(seeker)
    try:
        session.flush()
    except IntegrityError:  # the same IIN registered at the same moment elsewhere
        session.rollback()
        existing = find_by_iin(session, data.iin)
        if existing is None:
            raise
        raise DuplicateIIN(existing) from None
    decision = register(session, seeker, today, by=staff)
    record(session, user=staff, action="client:create", entity_type="seeker", entity_id=seeker.id)
    return seeker, decision


def update_client(session: Session, staff: User, seeker: Seeker, data: ClientData) -> None:
    _apply(seeker, data)
    record(session, user=staff, action="client:edit", entity_type="seeker", entity_id=seeker.id)
    session.flush()


def record_view(session: Session, user: User, seeker: Seeker, reason: str | None = None) -> None:
    """Every look at a client's record is logged; ``reason`` when the full IIN was shown."""
    record(
        session,
        user=user,
        action="client:view",
        entity_type="seeker",
        entity_id=seeker.id,
        reason=reason,
        iin_shown=reason is not None,
    )


def refused_once(session: Session, centre_id: int) -> list[Seeker]:
    """Registered clients of the centre with exactly one refused suitable offer (one more
    ends their registration)."""
    counted = (
        select(Referral.seeker_id)
        .where(
            Referral.counted_as_suitable_offer.is_(True),
            Referral.outcome == ReferralOutcome.REFUSED_BY_SEEKER,
        )
        .group_by(Referral.seeker_id)
        .having(func.count() == 1)
    )
    stmt = (
        select(Seeker)
        .where(
            Seeker.centre_id == centre_id,
            Seeker.status.in_(REGISTERED),
            Seeker.id.in_(counted),
        )
        .order_by(Seeker.last_name, Seeker.id)
    )
    return list(session.execute(stmt).scalars())
