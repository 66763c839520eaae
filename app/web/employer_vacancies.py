"""An employer's vacancy: post, edit, close, re-publish, and see its candidates, applications
and referrals. Saving goes through ``app.services.vacancies`` (so the outbox indexes it)."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from app.extensions import db_session, indexing
from app.models import (
    Application,
    ApplicationStatus,
    Employer,
    Role,
    User,
    Vacancy,
    VacancyKind,
    VacancySource,
    VacancyStatus,
)
from app.search.find import SearchUnavailable
from app.services.applications import EMPLOYER_STATUSES, NoApplication, set_status
from app.services.candidates import Candidate, candidates_for_vacancy
from app.services.employer_account import (
    applicants,
    employer_referrals,
    own_vacancy,
    vacancy_applications,
)
from app.services.errors import FieldError, ValidationFailed
from app.services.vacancies import (
    apply_input,
    close_vacancy,
    create_vacancy,
    part_time_below_minimum,
    publish_vacancy,
)
from app.web import employer_forms as forms
from app.web.access import current_user, roles_required
from app.web.employer_explain import candidate_notes
from app.web.i18n import current_language
from app.web.public_labels import money
from matching.rules.params import params_for


def employer_user() -> User:
    """The signed-in employer login; one not linked to an organisation may not continue."""
    user = current_user()
    if user is None or user.employer_id is None:
        abort(403)
    return user


def employer_id() -> int:
    """The signed-in employer's organisation."""
    organisation = employer_user().employer_id
    assert organisation is not None
    return organisation


def _own(vacancy_id: int) -> Vacancy:
    vacancy = own_vacancy(db_session(), employer_id(), vacancy_id)
    if vacancy is None:
        abort(404)
    return vacancy


def _programme_hint(today: date) -> dict[str, int]:
    """The numbers the kind hints quote, from the rules in force today."""
    p = params_for(today)
    return {
        "social_months": p.social_job_max_months,
        "answer_days": p.social_job_employer_answer_days,
        "youth_age": p.youth_practice_max_age,
        "youth_years": p.youth_practice_graduation_years,
        "youth_months": p.youth_practice_max_months,
    }


def _render_form(
    vacancy: Vacancy | None,
    values: dict[str, object],
    errors: dict[str, str],
    status: int = 200,
) -> ResponseReturnValue:
    session = db_session()
    lang = current_language()
    return (
        render_template(
            "employer/vacancy_form.html",
            vacancy=vacancy,
            values=values,
            errors=errors,
            forms=forms,
            regions=forms.regions_with_localities(session, lang),
            occupations=forms.occupation_choices(session, lang),
            hint=_programme_hint(date.today()),
            lang=lang,
        ),
        status,
    )


def _failed(
    session: Session, vacancy: Vacancy | None, form: forms.VacancyForm, errors: list[FieldError]
) -> ResponseReturnValue:
    """Nothing of a bad form is kept: the session is rolled back and the form shown again."""
    session.rollback()
    return _render_form(vacancy, form.values, forms.errors_by_field(errors), 422)


def _warn_about_pay(vacancy: Vacancy) -> None:
    """Part-time pay below the full-time minimum wage is allowed (pay follows the hours), but
    the employer is told, with the figure the rules use."""
    minimum = part_time_below_minimum(vacancy)
    if minimum is not None:
        flash(
            _(
                "The pay is below the minimum wage (%(amount)s a month for full time). "
                "Check that it is at least in proportion to the hours.",
                amount=money(minimum),
            ),
            "warning",
        )


@roles_required(Role.EMPLOYER)
def new_vacancy() -> ResponseReturnValue:
    session = db_session()
    if request.method == "GET":
        return _render_form(None, forms.form_values(None, current_language()), {})
    employer = session.get(Employer, employer_id())
    if employer is None:
        abort(403)
    form = forms.read_vacancy_form(session, request.form, new=True)
    errors = list(form.errors)
    vacancy: Vacancy | None = None
    try:
        vacancy = create_vacancy(
            session,
            employer,
            form.data,
            source=VacancySource.EMPLOYER,
            publish=request.form.get("action") == "publish",
            created_by_id=employer_user().id,
        )
    except ValidationFailed as failed:
        errors += failed.errors
    if errors or vacancy is None:
        return _failed(session, None, form, errors)
    session.commit()
    flash(
        _("The vacancy is published.")
        if vacancy.status is VacancyStatus.PUBLISHED
        else _("The vacancy is saved as a draft."),
        "success",
    )
    _warn_about_pay(vacancy)
    return redirect(url_for("employer.vacancy", vacancy_id=vacancy.id))


@roles_required(Role.EMPLOYER)
def edit_vacancy(vacancy_id: int) -> ResponseReturnValue:
    vacancy = _own(vacancy_id)
    session = db_session()
    if request.method == "GET":
        return _render_form(vacancy, forms.form_values(vacancy, current_language()), {})
    form = forms.read_vacancy_form(session, request.form, new=False)
    errors = list(form.errors)
    try:
        apply_input(session, vacancy, form.data)
    except ValidationFailed as failed:
        errors += failed.errors
    if errors:
        return _failed(session, vacancy, form, errors)
    if request.form.get("action") == "publish":
        publish_vacancy(vacancy)
    session.commit()
    flash(_("The vacancy is saved."), "success")
    _warn_about_pay(vacancy)
    return redirect(url_for("employer.vacancy", vacancy_id=vacancy.id))


@roles_required(Role.EMPLOYER)
def close(vacancy_id: int) -> ResponseReturnValue:
    """GET asks for confirmation (a page, so it works without JavaScript); POST closes only
    with ``confirm=yes`` from that page, otherwise it asks again."""
    vacancy = _own(vacancy_id)
    if request.method == "GET" or request.form.get("confirm") != "yes":
        open_applications = sum(
            1
            for a in vacancy_applications(db_session(), vacancy.id)
            if a.status.value not in ("withdrawn", "rejected", "hired")
        )
        page = render_template(
            "employer/close.html", vacancy=vacancy, open_applications=open_applications
        )
        return page
    close_vacancy(vacancy)
    db_session().commit()
    flash(_("The vacancy is closed: it no longer appears in search."), "success")
    return redirect(url_for("employer.vacancy", vacancy_id=vacancy.id))


@roles_required(Role.EMPLOYER)
def publish(vacancy_id: int) -> ResponseReturnValue:
    vacancy = _own(vacancy_id)
    publish_vacancy(vacancy)
    db_session().commit()
    flash(_("The vacancy is published."), "success")
    return redirect(url_for("employer.vacancy", vacancy_id=vacancy.id))


def _candidates(vacancy: Vacancy) -> tuple[list[Candidate], bool]:
    """Ranked public CVs for a published vacancy; (…, False) when search is down."""
    if vacancy.status is not VacancyStatus.PUBLISHED:
        return [], True
    try:
        found = candidates_for_vacancy(
            db_session(), indexing(), vacancy.id, Role.EMPLOYER, today=date.today()
        )
    except SearchUnavailable:
        return [], False
    return [c for c in found if c.cv.visibility == "public"], True


@roles_required(Role.EMPLOYER)
def vacancy(vacancy_id: int) -> ResponseReturnValue:
    item = _own(vacancy_id)
    session = db_session()
    candidates, search_up = _candidates(item)
    lang = current_language()
    return render_template(
        "employer/vacancy.html",
        vacancy=item,
        candidates=candidates,
        notes={c.cv.id: candidate_notes(c.ranked.explanation) for c in candidates},
        search_up=search_up,
        applicants=applicants(session, item.id),
        referrals=employer_referrals(session, employer_id(), vacancy_id=item.id),
        answer_statuses=EMPLOYER_STATUSES,
        forms=forms,
        today=date.today(),
        programme=item.kind in (VacancyKind.SOCIAL_JOB, VacancyKind.YOUTH_PRACTICE),
        lang=lang,
    )


@roles_required(Role.EMPLOYER)
def application_status(vacancy_id: int, application_id: int) -> ResponseReturnValue:
    """The employer's answer to an application, through the service the API uses."""
    item = _own(vacancy_id)
    session = db_session()
    application = session.get(Application, application_id)
    if application is None or application.vacancy_id != item.id:
        abort(404)
    back = url_for("employer.vacancy", vacancy_id=item.id) + "#applications"
    try:
        status = ApplicationStatus(request.form.get("status", ""))
        set_status(session, employer_user(), application_id, status)
    except NoApplication:
        abort(404)
    except ValueError:  # an unknown status, one employers may not set, or a final application
        session.rollback()
        flash(_("This application can no longer be changed."), "error")
        return redirect(back, 303)
    flash(_("The application's status is changed."), "success")
    return redirect(back, 303)
