"""Staff's records of people: find, register, read (audited) and correct. Admins read only.

Staff see their own centre's people; a person with no centre (signed up online) only through
an IIN search that states why (``X-Access-Reason``, audited), after which that staff member
may open the record for a few hours to take the person on; anyone else's record is reported
as missing (404), and a client of another centre is not found by IIN either. The IIN
is masked unless the request states why the full number is needed in the ``X-Access-Reason``
header; every read of a record, and every IIN search, is written to the audit log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import request
from flask.typing import ResponseReturnValue
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import selectinload

from app.api.pagination import fetch_page
from app.api.problems import ApiProblem, field_problem
from app.api.referrals import only_overdue
from app.api.referrals import out as referral_out
from app.api.registry import Call, operation
from app.api.schemas_people import (
    SeekerCreate,
    SeekerCreated,
    SeekerListItem,
    SeekerOut,
    SeekerPage,
    SeekerPatch,
    SeekerQuery,
    SeekerSearch,
)
from app.api.schemas_referrals import ReferralPage, ReferralQuery
from app.api.seeker_input import check_occupations, client_form, problem_of, set_extras
from app.extensions import db_session
from app.models import Referral, Role, Seeker, User
from app.services import clients
from app.services.errors import FieldError, ValidationFailed
from app.services.registration import RuleRefused
from matching.iin import mask_iin
from matching.text.names import name_key

REASON_HEADER = "X-Access-Reason"
MAX_REASON = 500


def _scoped(user: User) -> Select[Seeker]:
    stmt = select(Seeker)
    if user.role is not Role.ADMIN:
        stmt = stmt.where(Seeker.centre_id == user.centre_id, Seeker.centre_id.is_not(None))
    return stmt


def _visible(call: Call, seeker_id: int) -> Seeker:
    assert call.user is not None
    try:
        return clients.client_for(db_session(), call.user, seeker_id)
    except clients.NotFound:
        raise ApiProblem(404, f"no person {seeker_id} at your centre") from None


def _item(seeker: Seeker) -> SeekerListItem:
    return SeekerListItem(
        id=seeker.id,
        iin_masked=mask_iin(seeker.iin) if seeker.iin else None,
        full_name=seeker.full_name,
        birth_date=seeker.birth_date,
        status=seeker.status,
        status_since=seeker.status_since,
        locality_kato=seeker.locality.kato if seeker.locality else None,
        centre_id=seeker.centre_id,
    )


def _out(seeker: Seeker, show_iin: bool) -> SeekerOut:
    fields = {
        name: getattr(seeker, name) for name in SeekerOut.model_fields if hasattr(seeker, name)
    }
    fields.update(_item(seeker).model_dump())
    fields["sex"] = seeker.sex.value
    fields["iin"] = seeker.iin if show_iin else None
    return SeekerOut.model_validate(fields)


def _access_reason() -> str | None:
    reason = " ".join(request.headers.get(REASON_HEADER, "").split())
    if len(reason) > MAX_REASON:
        raise field_problem(REASON_HEADER, f"at most {MAX_REASON} characters")
    return reason or None


def _looks_like_iin(text: str) -> bool:
    return text.replace(" ", "").replace("-", "").isdigit()


@operation(
    "GET",
    "/seekers",
    summary="Find people of the caller's centre by name (staff; admins: every centre)",
    roles=("staff", "admin"),
    query=SeekerQuery,
    response=SeekerPage,
    errors=(401, 403, 422),
    tag="seekers",
)
def list_seekers(call: Call) -> ResponseReturnValue:
    params: SeekerQuery = call.query
    if _looks_like_iin(params.q):
        raise field_problem(
            "q", "an IIN must not travel in a URL: send it in the body of POST /seekers/search"
        )
    return _find(call, params)


@operation(
    "POST",
    "/seekers/search",
    summary="Find people by IIN or name, the IIN in the body (staff; admins: every centre)",
    roles=("staff", "admin"),
    body=SeekerSearch,
    response=SeekerPage,
    errors=(400, 401, 403, 422),
    description="An IIN search is written to the audit log (masked), with X-Access-Reason.",
    tag="seekers",
)
def search_seekers(call: Call) -> ResponseReturnValue:
    return _find(call, call.body)


def _find(call: Call, params: SeekerQuery) -> ResponseReturnValue:
    assert call.user is not None
    stmt = _scoped(call.user).options(selectinload(Seeker.locality))
    text = " ".join(params.q.split())
    session = db_session()
    if _looks_like_iin(text):
        try:
            iin, _ = clients.lookup_iin(text)
        except FieldError as exc:
            raise field_problem("q", exc.message) from None
        person = clients.look_up_iin(
            session, call.user, iin, _access_reason(), ip=request.remote_addr
        )
        found_id = person.id if person is not None else -1
        stmt = select(Seeker).where(Seeker.id == found_id).options(selectinload(Seeker.locality))
    elif text:
        for word in text.split():
            # Names compared as search keys (matching.text.names), as the desk does: any case,
            # ё = е, Kazakh letters = their Russian look-alikes; % and _ are literal.
            key = name_key(word)
            stmt = stmt.where(
                or_(
                    Seeker.last_name_key.contains(key, autoescape=True),
                    Seeker.first_name_key.contains(key, autoescape=True),
                    Seeker.patronymic.contains(word, autoescape=True),
                )
            )
    if params.status is not None:
        stmt = stmt.where(Seeker.status == params.status)
    stmt = stmt.order_by(Seeker.last_name, Seeker.first_name, Seeker.id)
    rows, next_cursor = fetch_page(session, stmt, params.cursor, params.limit)
    session.commit()
    page = SeekerPage(items=[_item(s) for s in rows], next_cursor=next_cursor)
    return page.model_dump(mode="json")


def _refusal(exc: RuleRefused) -> ApiProblem:
    reasons = [r.to_dict() for r in exc.decision.reasons]
    return ApiProblem(
        422,
        "the registration rules refuse: " + "; ".join(r["ru"] for r in reasons),
        [{"field": "body", "message": r["code"]} for r in reasons],
    )


@operation(
    "POST",
    "/seekers",
    summary="Register a person as a job seeker at the caller's centre (staff)",
    roles=("staff",),
    body=SeekerCreate,
    response=SeekerCreated,
    status=201,
    errors=(400, 401, 403, 409, 422),
    description="Birth date and sex come from the IIN. When the registration rules refuse, "
    "nothing is stored and the 422 problem lists the decision's reasons (kk/ru).",
    tag="seekers",
)
def create_seeker(call: Call) -> ResponseReturnValue:
    user = call.user
    assert user is not None
    body: SeekerCreate = call.body
    if user.centre_id is None:
        raise ApiProblem(403, "this staff login belongs to no centre")
    session = db_session()
    check_occupations(session, body)
    today = date.today()
    try:
        data = clients.parse_client(session, client_form(session, None, body), today, new=True)
        seeker, decision = clients.register_client(session, user, data, today)
    except clients.DuplicateIIN:
        session.rollback()
        clients.record_duplicate(session, user, body.iin, ip=request.remote_addr)
        session.commit()
        raise field_problem("iin", clients.ON_FILE, 409) from None
    except ValidationFailed as exc:
        session.rollback()
        raise problem_of(exc) from None
    except RuleRefused as exc:
        session.rollback()
        raise _refusal(exc) from None
    set_extras(seeker, body)
    session.commit()
    decision_out: dict[str, Any] = {
        "allowed": decision.allowed,
        "reasons": [r.to_dict() for r in decision.reasons],
    }
    created = SeekerCreated(seeker=_out(seeker, show_iin=True), decision=decision_out)
    return created.model_dump(mode="json"), 201


@operation(
    "GET",
    "/seekers/{id}",
    summary="A person's record; the IIN is shown in full only with X-Access-Reason (audited)",
    roles=("staff", "admin"),
    response=SeekerOut,
    errors=(401, 403, 404, 422),
    description=f"Send the `{REASON_HEADER}` header (why the full IIN is needed, e.g. a "
    "case number) to see the full IIN; without it the IIN is masked. Every read is recorded "
    "in the audit log with the caller and the reason.",
    tag="seekers",
)
def get_seeker(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    seeker = _visible(call, id)
    reason = _access_reason()
    session = db_session()
    clients.record_view(session, call.user, seeker, reason)
    session.commit()
    return _out(seeker, show_iin=reason is not None).model_dump(mode="json")


@operation(
    "PATCH",
    "/seekers/{id}",
    summary="Correct a person's contact details, wishes and facts (staff of their centre)",
    roles=("staff",),
    body=SeekerPatch,
    response=SeekerOut,
    errors=(400, 401, 403, 404, 422),
    description="Only the fields given change; the others keep their values.",
    tag="seekers",
)
def patch_seeker(call: Call, id: int) -> ResponseReturnValue:
    assert call.user is not None
    seeker = _visible(call, id)
    if seeker.centre_id != call.user.centre_id:
        raise ApiProblem(404, f"no person {id} at your centre")
    body: SeekerPatch = call.body
    session = db_session()
    check_occupations(session, body)
    form = client_form(session, seeker, body)
    try:
        data = clients.parse_client(session, form, date.today(), new=False)
    except ValidationFailed as exc:
        session.rollback()
        raise problem_of(exc) from None
    clients.update_client(session, call.user, seeker, data)
    set_extras(seeker, body)
    session.commit()
    return _out(seeker, show_iin=False).model_dump(mode="json")


@operation(
    "GET",
    "/seekers/{id}/referrals",
    summary="A person's referrals, newest first (staff of their centre; admins)",
    roles=("staff", "admin"),
    query=ReferralQuery,
    response=ReferralPage,
    errors=(401, 403, 404, 422),
    tag="seekers",
)
def seeker_referrals(call: Call, id: int) -> ResponseReturnValue:
    seeker = _visible(call, id)
    params: ReferralQuery = call.query
    stmt = select(Referral).where(Referral.seeker_id == seeker.id)
    if params.overdue:
        stmt = only_overdue(stmt)
    stmt = stmt.options(selectinload(Referral.vacancy)).order_by(
        Referral.issued_on.desc(), Referral.id.desc()
    )
    rows, next_cursor = fetch_page(db_session(), stmt, params.cursor, params.limit)
    assert call.user is not None
    page = ReferralPage(items=[referral_out(r, call.user) for r in rows], next_cursor=next_cursor)
    return page.model_dump(mode="json")
