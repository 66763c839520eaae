"""The one profile and CV editor, used by two kinds of editor: a seeker for themself
(``/me/profile``) and centre staff for a client (``/desk/clients/<id>/profile``).

Both go through the same services (``app.services.seeker_cv``), the same occupation finder and
the same CV visibility rule (a public CV needs the person's recorded consent), and render the
same form; only the wording ("I" or "the client"), the URLs and the audit entry differ. What
staff change is written to the audit log, as every other change to a client's record is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Occupation, Seeker, User
from app.services.audit import record
from app.services.cv_files import MAX_CV_FILE_BYTES, CvFileError, cut, cv_text_from_file
from app.services.errors import ValidationFailed
from app.services.seeker_cv import ProfileForm, find_occupations, save_profile
from app.services.seeker_cv import add_education as add_education_entry
from app.services.seeker_cv import add_work as add_work_entry
from app.services.seeker_cv import remove_entry as remove_profile_entry
from app.web.i18n import current_language
from app.web.seeker_forms import errors_of

LANGUAGE_NAMES = {
    "kk": "Қазақ тілі",
    "ru": "Русский язык",
    "en": "English",
    "tr": "Türkçe",
    "zh": "中文",
    "de": "Deutsch",
    "uz": "Oʻzbek tili",
    "ky": "Кыргыз тили",
}


@dataclass(frozen=True)
class Editor:
    """Who edits whose profile: ``blueprint`` holds the five endpoints (profile, add_education,
    add_work, remove_entry, upload_cv), ``args`` the URL values they need; ``staff`` is set
    when centre staff edit a client's profile (their changes are audited)."""

    blueprint: str
    load: Callable[[Session], Seeker]
    args: dict[str, Any] = field(default_factory=dict)
    staff: User | None = None

    def url(self, endpoint: str, **values: Any) -> str:
        return url_for(f"{self.blueprint}.{endpoint}", **self.args, **values)

    def audit(self, session: Session, seeker: Seeker, what: str) -> None:
        if self.staff is not None:
            record(
                session,
                user=self.staff,
                action="client:profile",
                entity_type="seeker",
                entity_id=seeker.id,
                change=what,
            )


def profile_values(seeker: Seeker) -> dict[str, Any]:
    cv = seeker.cv
    return {
        "desired_occupations": list(seeker.desired_occupations),
        "skills": "\n".join(seeker.skills),
        "desired_salary": "" if seeker.desired_salary is None else str(seeker.desired_salary),
        "desired_schedules": list(seeker.desired_schedules),
        "max_commute_km": "" if seeker.max_commute_km is None else str(seeker.max_commute_km),
        "languages": list(seeker.languages),
        "cv_title": cv.title if cv else "",
        "cv_summary": cv.summary if cv else "",
        "visibility": cv.visibility.value if cv else "centres",
        "consent_publish": bool(cv and cv.consent_publish_at),
    }


def render_profile(
    editor: Editor,
    session: Session,
    seeker: Seeker,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
    section_errors: dict[str, str] | None = None,
    entry_values: dict[str, str] | None = None,
    cv_file_notice: list[str] | None = None,
) -> ResponseReturnValue:
    occ_q = request.args.get("occ_q", "").strip()[:80]
    found = find_occupations(session, occ_q) if occ_q else []
    chosen = list(
        session.scalars(
            select(Occupation).where(Occupation.code.in_(values["desired_occupations"]))
        )
    )
    offered = [o for o in found if o.code not in values["desired_occupations"]]
    return render_template(
        "seeker/profile.html",
        editor=editor,
        by_staff=editor.staff is not None,
        seeker=seeker,
        values=values,
        errors=errors,
        section_errors=section_errors or {},
        entry=entry_values or {},
        chosen=chosen,
        offered=offered,
        occ_q=occ_q,
        languages=LANGUAGE_NAMES,
        lang=current_language(),
        cv_file_notice=cv_file_notice or [],
        cv_file_mb=MAX_CV_FILE_BYTES // (1024 * 1024),
    ), status


def profile(editor: Editor, session: Session) -> ResponseReturnValue:
    """GET shows the form; POST saves it whole or shows it again with every error (422)."""
    seeker = editor.load(session)
    if request.method == "GET":
        return render_profile(editor, session, seeker, profile_values(seeker), {})
    data = request.form
    values: dict[str, Any] = {
        "desired_occupations": data.getlist("desired_occupations"),
        "skills": data.get("skills", "")[:5000],
        "desired_salary": data.get("desired_salary", "")[:20],
        "desired_schedules": data.getlist("desired_schedules"),
        "max_commute_km": data.get("max_commute_km", "")[:10],
        "languages": data.getlist("languages"),
        "cv_title": data.get("cv_title", "")[:300],
        "cv_summary": data.get("cv_summary", "")[:6000],
        "visibility": data.get("visibility", "centres"),
        "consent_publish": data.get("consent_publish") == "yes",
    }
    try:
        save_profile(session, seeker, ProfileForm(**values))
    except ValidationFailed as exc:
        session.rollback()
        seeker = editor.load(session)
        return render_profile(editor, session, seeker, values, errors_of(exc), 422)
    editor.audit(session, seeker, "profile")
    session.commit()
    flash(_("The profile is saved.") if editor.staff else _("Your profile is saved."), "success")
    return redirect(editor.url("profile"))


def _add_entry(
    editor: Editor,
    session: Session,
    prefix: str,
    add: Callable[..., object],
    form: dict[str, str],
    done: str,
    anchor: str,
) -> ResponseReturnValue:
    """Add an education or work entry; on a bad field, the profile again with the errors."""
    seeker = editor.load(session)
    try:
        add(session, seeker, **form)
    except ValidationFailed as exc:
        session.rollback()
        seeker = editor.load(session)
        errors = {f"{prefix}_{k}": v for k, v in errors_of(exc).items()}
        values = {f"{prefix}_{k}": v for k, v in form.items()}
        return render_profile(
            editor, session, seeker, profile_values(seeker), {}, 422, errors, values
        )
    editor.audit(session, seeker, anchor.lstrip("#"))
    session.commit()
    flash(done, "success")
    return redirect(editor.url("profile") + anchor)


def add_education(editor: Editor, session: Session) -> ResponseReturnValue:
    form = {k: request.form.get(k, "")[:255] for k in ("level", "institution", "specialty_name")}
    form["graduated_on"] = request.form.get("graduated_on", "")[:10]
    done = _("Education added.")
    return _add_entry(editor, session, "edu", add_education_entry, form, done, "#education")


def add_work(editor: Editor, session: Session) -> ResponseReturnValue:
    names = ("employer_name", "position", "started_on", "ended_on")
    form = {k: request.form.get(k, "")[:255] for k in names}
    form["description"] = request.form.get("description", "")[:5000]
    done = _("Work experience added.")
    return _add_entry(editor, session, "work", add_work_entry, form, done, "#work")


def cv_file_message(problem: str) -> str:
    mb = MAX_CV_FILE_BYTES // (1024 * 1024)
    messages = {
        "empty": _("Choose a PDF or DOCX file with the CV."),
        "too_large": _("The file is larger than %(mb)d MB. Choose a smaller file.", mb=mb),
        "old_word": _("This is an old Word (.doc) file. Save it as DOCX or PDF and try again."),
        "unsupported": _("Only PDF and DOCX files can be read. Save the CV as PDF or DOCX."),
        "encrypted": _("The PDF is protected by a password. Save it without one and try again."),
        "unreadable": _("The file is damaged and cannot be read. Save it again and try again."),
        "no_text": _(
            "The file has no text to read (perhaps it is a scan). Type the CV in the form below."
        ),
    }
    return messages.get(problem, messages["unreadable"])


def upload_cv(editor: Editor, session: Session) -> ResponseReturnValue:
    """Read a PDF or DOCX CV into the "About" text of the form, for the person to check and save.

    Nothing is saved and the file is not kept: the page comes back with the text in the form.
    """
    seeker = editor.load(session)
    upload = request.files.get("cv_file")
    data = upload.stream.read(MAX_CV_FILE_BYTES + 1) if upload and upload.filename else b""
    try:
        text = cv_text_from_file(data)
    except CvFileError as exc:
        errors = {"cv_file": cv_file_message(exc.problem)}
        return render_profile(editor, session, seeker, profile_values(seeker), {}, 422, errors)
    values = profile_values(seeker)
    values["cv_summary"], was_cut = cut(text)
    name = ((upload.filename if upload else "") or "")[:120]
    notice = [
        _(
            "The text of “%(name)s” is now in the CV below. Check and correct it, then save "
            "the profile: nothing is saved until then, and the file itself is not kept.",
            name=name,
        )
    ]
    if was_cut:
        notice.append(_("The file has more text than the CV holds: the end was left out."))
    return render_profile(editor, session, seeker, values, {}, cv_file_notice=notice)


def remove_entry(editor: Editor, session: Session, kind: str, entry_id: int) -> ResponseReturnValue:
    if kind not in ("education", "work"):
        abort(404)
    seeker = editor.load(session)
    if not remove_profile_entry(session, seeker, kind, entry_id):
        abort(404)
    editor.audit(session, seeker, f"remove {kind}")
    session.commit()
    flash(_("Removed."), "success")
    return redirect(editor.url("profile") + f"#{kind}")
