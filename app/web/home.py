"""The landing page, a vacancy's page and applying to it."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.extensions import db_session, indexing
from app.models import Application, Role, Vacancy, VacancyKind, VacancyStatus
from app.search.find import SearchUnavailable, load_rows
from app.services import applications
from app.services.candidates import similar_vacancies
from app.services.referrals import eligibility
from app.web import public_labels
from app.web.access import current_user, roles_required
from app.web.i18n import current_language
from app.web.programmes import BY_KIND, who_may_apply
from app.web.public_labels import paragraphs
from matching.rules import Decision

bp = Blueprint("home", __name__)
bp.record_once(lambda state: public_labels.init_app(state.app))
LATEST = 10
SIMILAR = 5
MAX_LETTER = 4000


@bp.get("/")
def index() -> ResponseReturnValue:
    session = db_session()
    counts = session.execute(
        select(Vacancy.kind, func.count())
        .where(Vacancy.status == VacancyStatus.PUBLISHED)
        .group_by(Vacancy.kind)
    )
    by_kind = {kind.value: count for kind, count in counts}
    latest = (
        session.execute(
            select(Vacancy)
            .options(
                selectinload(Vacancy.employer),
                selectinload(Vacancy.locality),
                selectinload(Vacancy.region),
            )
            .where(Vacancy.status == VacancyStatus.PUBLISHED)
            .order_by(Vacancy.published_at.desc(), Vacancy.id.desc())
            .limit(LATEST)
        )
        .scalars()
        .all()
    )
    return render_template(
        "home.html",
        by_kind={kind.value: by_kind.get(kind.value, 0) for kind in VacancyKind},
        total=sum(by_kind.values()),
        latest=latest,
        lang=current_language(),
    )


def _published(vacancy_id: int) -> Vacancy:
    vacancy = db_session().get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.status is not VacancyStatus.PUBLISHED:
        abort(404)
    return vacancy


def _similar(vacancy_id: int) -> list[Vacancy]:
    session = db_session()
    try:
        found = similar_vacancies(session, indexing(), vacancy_id, limit=SIMILAR)
    except SearchUnavailable:
        return []
    rows = load_rows(session, [doc.id for doc, _ in found])
    return [rows[doc.id] for doc, _ in found if doc.id in rows]


def _page(
    vacancy: Vacancy, *, letter: str = "", error: str | None = None, status: int = 200
) -> ResponseReturnValue:
    user = current_user()
    session = db_session()
    application: Application | None = None
    decision: Decision | None = None
    seeker = None
    if user is not None and user.role is Role.SEEKER:
        seeker = applications.own_seeker(session, user)
        application = applications.application_for(session, user, vacancy.id)
    if seeker is not None:
        decision = eligibility(session, seeker, vacancy, date.today())
    kind = vacancy.kind.value
    return render_template(
        "vacancy.html",
        vacancy=vacancy,
        paragraphs=paragraphs(vacancy.description),
        who=who_may_apply(kind),
        programme=BY_KIND.get(kind),
        similar=_similar(vacancy.id),
        application=application,
        can_withdraw=application is not None and application.status not in applications.ENDED,
        has_record=seeker is not None,
        decision=decision,
        note_lang="kk" if current_language() == "kk" else "ru",
        letter=letter,
        error=error,
        max_letter=MAX_LETTER,
        lang=current_language(),
    ), status


@bp.get("/vacancies/<int:vacancy_id>")
def vacancy(vacancy_id: int) -> ResponseReturnValue:
    return _page(_published(vacancy_id))


@bp.post("/vacancies/<int:vacancy_id>/apply")
@roles_required(Role.SEEKER)
def apply(vacancy_id: int) -> ResponseReturnValue:
    item = _published(vacancy_id)
    user = current_user()
    assert user is not None
    letter = request.form.get("cover_letter", "")
    if len(letter) > MAX_LETTER:
        error = _("The letter is too long: at most %(num)d characters.", num=MAX_LETTER)
        return _page(item, letter=letter, error=error, status=422)
    try:
        applications.apply(db_session(), user, vacancy_id, letter)
    except applications.NoSeekerRecord:
        error = _(
            "Your account is not linked to a job-seeker registration yet. Fill in your "
            "profile or ask your employment centre to link it."
        )
        return _page(item, letter=letter, error=error, status=422)
    except applications.AlreadyApplied:
        flash(_("You have already applied to this vacancy."), "warning")
    except applications.VacancyClosed:
        abort(404)
    else:
        flash(_("Your application has been sent to the employer."), "success")
    return redirect(url_for("home.vacancy", vacancy_id=vacancy_id) + "#apply")


@bp.post("/vacancies/<int:vacancy_id>/withdraw")
@roles_required(Role.SEEKER)
def withdraw(vacancy_id: int) -> ResponseReturnValue:
    user = current_user()
    assert user is not None
    session = db_session()
    application = applications.application_for(session, user, vacancy_id)
    if application is None:
        abort(404)
    try:
        applications.withdraw(session, user, application.id)
    except applications.ApplicationEnded:
        flash(_("This application can no longer be withdrawn."), "warning")
    else:
        flash(_("You have withdrawn your application."), "success")
    return redirect(url_for("home.vacancy", vacancy_id=vacancy_id) + "#apply")
