"""Referrals from the centre to the employer's vacancies, and the employer's answer (hired, or
rejected with a reason) before the deadline: employer_answer_by for social jobs, else report_by."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.extensions import db_session
from app.models import ReferralOutcome, Role
from app.services.employer_account import (
    answer_deadline,
    employer_referrals,
    is_overdue,
    own_referral,
)
from app.services.referrals import record_outcome
from app.web import employer_forms as forms
from app.web.access import roles_required
from app.web.employer_vacancies import employer_id, employer_user
from matching.rules.params import params_for

ANSWERS = (ReferralOutcome.HIRED, ReferralOutcome.REJECTED_BY_EMPLOYER)
MAX_REASON = 500


def _render(errors: dict[int, dict[str, str]], status: int = 200) -> ResponseReturnValue:
    session = db_session()
    return (
        render_template(
            "employer/referrals.html",
            referrals=employer_referrals(session, employer_id()),
            deadline=answer_deadline,
            overdue=is_overdue,
            today=date.today(),
            answer_days=params_for(date.today()).social_job_employer_answer_days,
            forms=forms,
            errors=errors,
            reason_values={k: request.form.get("refusal_reason", "") for k in errors},
        ),
        status,
    )


def _already_answered() -> ResponseReturnValue:
    flash(str(forms.FIELD_MESSAGES["outcome"]), "error")
    return _render({}, 409)


@roles_required(Role.EMPLOYER)
def referrals() -> ResponseReturnValue:
    return _render({})


@roles_required(Role.EMPLOYER)
def answer(referral_id: int) -> ResponseReturnValue:
    session = db_session()
    referral = own_referral(session, employer_id(), referral_id)
    if referral is None:
        abort(404)
    try:
        outcome = ReferralOutcome(request.form.get("outcome", ""))
    except ValueError:
        outcome = ReferralOutcome.PENDING
    reason = " ".join(request.form.get("refusal_reason", "").split())[:MAX_REASON] or None
    if referral.outcome is not ReferralOutcome.PENDING:
        return _already_answered()
    if outcome not in ANSWERS:
        return _render({referral.id: {"outcome": _("Choose whether you hired the person.")}}, 422)
    if outcome is ReferralOutcome.REJECTED_BY_EMPLOYER and reason is None:
        return _render(
            {referral.id: {"refusal_reason": str(forms.FIELD_MESSAGES["refusal_reason"])}}, 422
        )
    try:
        record_outcome(
            session,
            employer_user(),
            referral,
            outcome,
            date.today(),
            refusal_reason=reason if outcome is ReferralOutcome.REJECTED_BY_EMPLOYER else None,
        )
    except ValueError:  # FieldError included: the referral was answered meanwhile
        session.rollback()
        return _already_answered()
    session.commit()
    flash(_("Your answer is recorded; the centre can see it."), "success")
    return redirect(url_for("employer.referrals") + f"#referral-{referral_id}", 303)
