"""The employer's pages: vacancies, referrals, organisation profile.

All of them admit only employer logins and show only the login's own organisation's rows; a
vacancy or referral of another employer is "not found". The vacancy and referral views live in
``employer_vacancies`` and ``employer_referrals``; this module holds the blueprint's routes.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.extensions import db_session
from app.models import Employer, Role, VacancyStatus
from app.services.employer_account import ProfileInput, update_profile, vacancy_overview
from app.services.errors import ValidationFailed
from app.web import employer_forms as forms
from app.web import employer_referrals, employer_vacancies
from app.web.access import roles_required
from app.web.employer_vacancies import employer_id
from app.web.i18n import current_language

bp = Blueprint("employer", __name__)


@bp.get("/employer")
@roles_required(Role.EMPLOYER)
def dashboard() -> ResponseReturnValue:
    chosen = request.args.get("status", "")
    status = VacancyStatus(chosen) if chosen in forms.STATUSES else None
    return render_template(
        "employer/dashboard.html",
        rows=vacancy_overview(db_session(), employer_id(), date.today(), status),
        status=status.value if status else "",
        forms=forms,
        lang=current_language(),
    )


def _profile_values(employer: Employer) -> dict[str, str]:
    return {
        "name": employer.name,
        "bin": employer.bin or "",
        "ownership_form": employer.ownership_form.value,
        "locality_kato": employer.locality.kato if employer.locality else "",
        "address": employer.address or "",
        "contact_name": employer.contact_name or "",
        "phone": employer.phone or "",
        "email": employer.email or "",
        "website": employer.website or "",
    }


def _render_profile(
    employer: Employer, values: dict[str, str], errors: dict[str, str], editing: bool, status: int
) -> ResponseReturnValue:
    lang = current_language()
    return (
        render_template(
            "employer/profile.html",
            employer=employer,
            values=values,
            errors=errors,
            editing=editing,
            forms=forms,
            regions=forms.regions_with_localities(db_session(), lang),
            lang=lang,
        ),
        status,
    )


@bp.route("/employer/profile", methods=["GET", "POST"])
@roles_required(Role.EMPLOYER)
def profile() -> ResponseReturnValue:
    session = db_session()
    employer = session.get(Employer, employer_id())
    if employer is None:
        abort(404)
    if request.method == "GET":
        editing = request.args.get("edit") == "1"
        return _render_profile(employer, _profile_values(employer), {}, editing, 200)
    values = {name: request.form.get(name, "") for name in _profile_values(employer)}
    try:
        update_profile(session, employer, ProfileInput(**values))
    except ValidationFailed as failed:
        session.rollback()
        return _render_profile(employer, values, forms.errors_by_field(failed.errors), True, 422)
    session.commit()
    flash(_("The organisation's profile is saved."), "success")
    return redirect(url_for("employer.profile"), 303)


_ROUTES = (
    ("/employer/vacancies/new", "new_vacancy", employer_vacancies.new_vacancy, ["GET", "POST"]),
    ("/employer/vacancies/<int:vacancy_id>", "vacancy", employer_vacancies.vacancy, ["GET"]),
    (
        "/employer/vacancies/<int:vacancy_id>/edit",
        "edit_vacancy",
        employer_vacancies.edit_vacancy,
        ["GET", "POST"],
    ),
    (
        "/employer/vacancies/<int:vacancy_id>/close",
        "close",
        employer_vacancies.close,
        ["GET", "POST"],
    ),
    (
        "/employer/vacancies/<int:vacancy_id>/publish",
        "publish",
        employer_vacancies.publish,
        ["POST"],
    ),
    (
        "/employer/vacancies/<int:vacancy_id>/applications/<int:application_id>",
        "application_status",
        employer_vacancies.application_status,
        ["POST"],
    ),
    ("/employer/referrals", "referrals", employer_referrals.referrals, ["GET"]),
    (
        "/employer/referrals/<int:referral_id>/answer",
        "answer_referral",
        employer_referrals.answer,
        ["POST"],
    ),
)
for _rule, _endpoint, _view, _methods in _ROUTES:
    bp.add_url_rule(_rule, _endpoint, _view, methods=_methods)
