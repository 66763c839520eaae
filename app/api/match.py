"""Ranking vacancies for a profile given in the request (no account needed)."""

from __future__ import annotations

from datetime import date

from flask.typing import ResponseReturnValue

from app.api.auth import ALL_ROLES
from app.api.present import summary
from app.api.problems import field_problem
from app.api.registry import Call, operation
from app.api.schemas import MatchItem, MatchRequest, MatchResult
from app.extensions import db_session, indexing
from app.search.find import load_rows
from app.services.cv_match import anonymous_profile
from app.services.errors import FieldError
from app.services.explanations import explanation_json
from app.services.recommendations import recommend
from matching.ranking import SeekerProfile


def profile_of(body: MatchRequest) -> SeekerProfile:
    try:
        return anonymous_profile(
            db_session(),
            text=body.text,
            locality_kato=body.locality_kato,
            desired_salary=body.desired_salary,
            schedules=[s.value for s in body.schedules],
            birth_date=body.birth_date,
            education_level=body.education_level.value if body.education_level else None,
            skills=body.skills,
            occupation_codes=body.occupation_codes,
            max_commute_km=body.max_commute_km,
        )
    except FieldError as exc:
        raise field_problem(exc.field, exc.message) from None


@operation(
    "POST",
    "/match/vacancies",
    summary="Rank vacancies for a profile, with an explanation per result",
    roles=ALL_ROLES,
    body=MatchRequest,
    response=MatchResult,
    errors=(400, 401, 422, 429, 503),
    tag="matching",
)
def match_vacancies(call: Call) -> ResponseReturnValue:
    body: MatchRequest = call.body
    session = db_session()
    results = recommend(session, indexing(), profile_of(body), today=date.today(), limit=body.limit)
    rows = load_rows(session, [r.ranked.vacancy_id for r in results])
    items = [
        MatchItem(
            vacancy=summary(rows[r.ranked.vacancy_id]),
            score=round(r.ranked.score, 4),
            explanation=explanation_json(r.ranked.explanation),
        )
        for r in results
        if r.ranked.vacancy_id in rows
    ]
    return MatchResult(items=items).model_dump(mode="json")
