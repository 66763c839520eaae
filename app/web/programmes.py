"""Pages on the employment programmes (social jobs, youth practice, public works): what each is,
who may take part, how to apply, and the places open now.

The numbers come from the rule parameters in force today (``matching.rules.params``), so these
pages say exactly what the eligibility rules check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue
from flask_babel import LazyString, lazy_gettext

from app.extensions import db_session, indexing
from app.models import Vacancy
from app.search.find import SearchUnavailable, find_vacancies
from app.search.vacancy_query import Sort, VacancyQuery
from app.web.i18n import current_language
from app.web.public_labels import EDUCATION_LEVELS
from matching.rules.params import RuleParams, params_for

bp = Blueprint("programmes", __name__)
OPEN_PLACES_SHOWN = 10


@dataclass(frozen=True)
class Programme:
    slug: str
    kind: str
    title: LazyString
    summary_text: LazyString  # may name %(age)d and %(years)d: see ``summary``

    def summary(self, today: date | None = None) -> str:
        """The summary with the age and graduation limits of the rules in force ``today``."""
        p = params_for(today or date.today())
        return str(self.summary_text) % {
            "age": p.youth_practice_max_age,
            "years": p.youth_practice_graduation_years,
        }


PROGRAMMES = (
    Programme(
        "social-jobs",
        "social_job",
        lazy_gettext("Social jobs"),
        lazy_gettext(
            "Temporary jobs that employers create by agreement with the employment centre for "
            "people who find it hard to get work. Part of the wage is paid by the state."
        ),
    ),
    Programme(
        "youth-practice",
        "youth_practice",
        lazy_gettext("Youth practice"),
        lazy_gettext(
            "Paid work experience in your own profession for young people aged %(age)d or "
            "younger who finished vocational or higher education within the last %(years)d years."
        ),
    ),
    Programme(
        "public-works",
        "public_works",
        lazy_gettext("Public works"),
        lazy_gettext(
            "Temporary paid community work organised by local authorities: landscaping, "
            "repairs, social help and seasonal work."
        ),
    ),
)
BY_SLUG = {p.slug: p for p in PROGRAMMES}
BY_KIND = {p.kind: p for p in PROGRAMMES}


def _levels(p: RuleParams) -> str:
    order = [level for level in EDUCATION_LEVELS if level in p.youth_practice_levels]
    return ", ".join(str(EDUCATION_LEVELS[level]).lower() for level in order)


def who_may_apply(kind: str, today: date | None = None) -> list[str]:
    """Who may take a place of this kind, in sentences carrying the rules' numbers."""
    p = params_for(today or date.today())
    if kind == "social_job":
        return [
            str(lazy_gettext("People registered as unemployed at an employment centre.")),
            str(
                lazy_gettext(
                    "The place lasts at most %(months)d months and is never heavy, harmful "
                    "or dangerous work.",
                    months=p.social_job_max_months,
                )
            ),
        ]
    if kind == "youth_practice":
        return [
            str(lazy_gettext("People registered as unemployed at an employment centre.")),
            str(lazy_gettext("Aged %(age)d or younger.", age=p.youth_practice_max_age)),
            str(
                lazy_gettext(
                    "Finished education of one of these levels within the last %(years)d "
                    "years: %(levels)s.",
                    levels=_levels(p),
                    years=p.youth_practice_graduation_years,
                )
            ),
            str(lazy_gettext("The place is in their own profession or specialty.")),
            str(
                lazy_gettext(
                    "The practice lasts at most %(months)d months and is never heavy, harmful "
                    "or dangerous work.",
                    months=p.youth_practice_max_months,
                )
            ),
        ]
    if kind == "public_works":
        return [
            str(lazy_gettext("People registered as unemployed.")),
            str(lazy_gettext("Students and senior pupils during the summer holidays.")),
            str(lazy_gettext("People left without work for a while because of downtime.")),
            str(
                lazy_gettext(
                    "First in line: the unemployed who receive no job-loss social payment, "
                    "then those registered as unemployed for over %(months)d months; then in "
                    "order of registration.",
                    months=p.public_works_long_term_months,
                )
            ),
            str(lazy_gettext("Taking part is voluntary: only with your consent.")),
        ]
    if kind == "disability_quota":
        return [str(lazy_gettext("People with a disability."))]
    return []


def how_to_apply(kind: str, today: date | None = None) -> list[str]:
    p = params_for(today or date.today())
    steps = [
        str(
            lazy_gettext(
                "Register as a job seeker at the employment centre where you live (in person "
                "or online)."
            )
        ),
        str(
            lazy_gettext(
                "If no suitable work is found within %(days)d working days, you are registered "
                "as unemployed.",
                days=p.days_to_unemployed,
            )
        ),
        str(
            lazy_gettext(
                "Ask the centre for a place in the programme: it checks that you may take part "
                "and gives you a referral to the employer."
            )
        ),
        str(
            lazy_gettext(
                "Go to the employer within %(days)d working days of getting the referral.",
                days=p.referral_act_within_days,
            )
        ),
    ]
    if kind == "social_job":
        steps.append(
            str(
                lazy_gettext(
                    "The employer tells the centre within %(days)d working days whether you "
                    "are hired.",
                    days=p.social_job_employer_answer_days,
                )
            )
        )
    return steps


def open_places(kind: str) -> tuple[list[Vacancy], int] | None:
    """The newest open places of this kind and how many there are (None: search is down)."""
    query = VacancyQuery(kinds=(kind,), sort=Sort.DATE, limit=OPEN_PLACES_SHOWN)
    try:
        found = find_vacancies(db_session(), indexing(), query)
    except SearchUnavailable:
        return None
    return [item.vacancy for item in found.items], found.total


@bp.get("/programmes")
def index() -> ResponseReturnValue:
    counts = {}
    for programme in PROGRAMMES:
        found = open_places(programme.kind)
        counts[programme.kind] = None if found is None else found[1]
    return render_template(
        "public/programmes.html",
        programmes=PROGRAMMES,
        counts=counts,
        who=who_may_apply,
        lang=current_language(),
    )


@bp.get("/programmes/<slug>")
def programme(slug: str) -> ResponseReturnValue:
    chosen = BY_SLUG.get(slug)
    if chosen is None:
        abort(404)
    found = open_places(chosen.kind)
    return render_template(
        "public/programme.html",
        programme=chosen,
        who=who_may_apply(chosen.kind),
        steps=how_to_apply(chosen.kind),
        places=None if found is None else found[0],
        total=None if found is None else found[1],
        lang=current_language(),
    )
