"""Recommendations for the signed-in seeker, candidates for a vacancy, similar vacancies."""

from __future__ import annotations

from datetime import date

from flask.typing import ResponseReturnValue
from sqlalchemy import select

from app.api.auth import ALL_ROLES
from app.api.present import summary
from app.api.problems import ApiProblem
from app.api.registry import Call, operation
from app.api.schemas import (
    CandidateItem,
    CandidateResult,
    MatchItem,
    MatchResult,
    SimilarItem,
    SimilarResult,
)
from app.api.vacancies import may_manage, visible_vacancy
from app.extensions import db_session, indexing
from app.models import Role, Seeker
from app.search.find import load_rows
from app.services.candidates import candidates_for_vacancy, similar_vacancies
from app.services.explanations import explanation_json
from app.services.people import person_facts, refused_suitable_offers, seeker_profile
from app.services.recommendations import recommend


@operation(
    "GET",
    "/seekers/me/recommendations",
    summary="Vacancies ranked for the signed-in seeker's registration and CV",
    roles=("seeker",),
    response=MatchResult,
    errors=(401, 403, 404, 503),
    tag="matching",
)
def my_recommendations(call: Call) -> ResponseReturnValue:
    assert call.user is not None
    session = db_session()
    seeker = session.execute(
        select(Seeker).where(Seeker.user_id == call.user.id)
    ).scalar_one_or_none()
    if seeker is None:
        raise ApiProblem(404, "this login has no job-seeker registration linked to it")
    today = date.today()
    person = person_facts(seeker, refused_suitable_offers(session, seeker.id))
    results = recommend(session, indexing(), seeker_profile(seeker, today, person), today=today)
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


@operation(
    "GET",
    "/vacancies/{id}/candidates",
    summary="Ranked CVs for a vacancy: public CVs for its employer, public and centres' for staff",
    roles=("employer", "staff"),
    response=CandidateResult,
    errors=(401, 403, 404, 503),
    tag="matching",
)
def candidates(call: Call, id: int) -> ResponseReturnValue:
    vacancy = visible_vacancy(call, id)
    user = call.user
    if user is None or not may_manage(user, vacancy):
        raise ApiProblem(403, "only the owning employer or staff may see candidates")
    found = candidates_for_vacancy(db_session(), indexing(), id, user.role, today=date.today())
    items = [
        CandidateItem(
            cv_id=c.cv.id,
            title=c.cv.title,
            region_kato=c.cv.region_kato,
            locality_kato=c.cv.locality_kato,
            skills=list(c.cv.skills),
            experience_years=c.cv.experience_years,
            visibility=c.cv.visibility,
            score=round(c.ranked.score, 4),
            explanation=explanation_json(c.ranked.explanation, "employer"),
        )
        for c in found
        if user.role is Role.STAFF or c.cv.visibility == "public"
    ]
    return CandidateResult(items=items).model_dump(mode="json")


@operation(
    "GET",
    "/vacancies/{id}/similar",
    summary="Vacancies like this one",
    roles=ALL_ROLES,
    response=SimilarResult,
    errors=(401, 404, 429, 503),
    description="Anonymous callers are rate limited per IP (429 with Retry-After).",
)
def similar(call: Call, id: int) -> ResponseReturnValue:
    visible_vacancy(call, id)
    session = db_session()
    found = similar_vacancies(session, indexing(), id)
    rows = load_rows(session, [s.vacancy_id for _, s in found])
    items = [
        SimilarItem(
            vacancy=summary(rows[s.vacancy_id]),
            score=round(s.score, 4),
            shared_skills=list(s.shared_skills),
        )
        for _, s in found
        if s.vacancy_id in rows
    ]
    return SimilarResult(items=items).model_dump(mode="json")
