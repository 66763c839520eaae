"""The evidence for routing a person to measures, gathered from the index and the catalogue,
and handed to the pure ``matching.routing.route``.

- Local postings: the person's recommendations (the ranker's matched and missing skills) that
  are within reach (their commute limit, or the rules' suitable-work distance) and in their
  trade (same ISCO minor group).
- Openings elsewhere: the search engine's region facet over open regular vacancies in the
  person's occupations; salaries from those regions' postings as the index returns them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import MeasureCourse, Region, Seeker
from app.search.documents import load_vacancy_documents
from app.search.services import IndexingServices
from app.services.measure_catalogue import courses_in
from app.services.measure_referrals import decisions_for
from app.services.people import person_facts, seeker_profile
from app.services.recommendations import recommend
from indexer import DocType, Filters, SearchQuery, VacancyDocument
from matching.routing import CourseOption, LocalPosting, RegionOpenings, Routing, route
from matching.rules import Decision, params_for, same_group

TRADE_DIGITS = 3
CANDIDATES = 60
TOP_REGIONS = 5
SALARY_SAMPLE = 100


@dataclass(frozen=True)
class RoutingView:
    routing: Routing
    decisions: dict[str, Decision]
    courses: dict[int, MeasureCourse]
    regions: dict[str, Region]
    occupation_codes: tuple[str, ...]


def occupation_codes(seeker: Seeker) -> tuple[str, ...]:
    own = [*seeker.desired_occupations, *(w.occupation_code for w in seeker.work_history)]
    return tuple(dict.fromkeys(c for c in own if c))


def _in_trade(doc: VacancyDocument, codes: tuple[str, ...]) -> bool:
    """In the person's trade; a person without an occupation takes every nearby posting, a
    posting without a code cannot be told and is left out."""
    if not codes:
        return True
    code = doc.occupation_code
    return code is not None and any(same_group(code, c, TRADE_DIGITS) for c in codes)


def local_postings(
    session: Session, services: IndexingServices, seeker: Seeker, today: date
) -> list[LocalPosting]:
    facts = person_facts(seeker)
    profile = seeker_profile(seeker, today, person=facts)
    p = params_for(today)
    rural = facts.is_rural
    reach = float(seeker.max_commute_km or 0) or (
        p.suitable_max_commute_km_rural if rural else p.suitable_max_commute_km_urban
    )
    codes = occupation_codes(seeker)
    found = recommend(
        session,
        services,
        profile,
        today=today,
        limit=CANDIDATES,
        filters=Filters(kinds=("regular",)),
    )
    postings = []
    for rec in found:
        doc, explanation = rec.vacancy, rec.ranked.explanation
        km = explanation.distance_km
        if doc.schedule != "remote" and (km is None or km > reach):
            continue
        if not _in_trade(doc, codes):
            continue
        postings.append(
            LocalPosting(doc.id, explanation.matched_skills, explanation.missing_skills)
        )
    return postings


def _salary(doc: VacancyDocument) -> int | None:
    values = [v for v in (doc.salary_from, doc.salary_to) if v]
    return round(sum(values) / len(values)) if values else None


def openings_by_region(
    session: Session, services: IndexingServices, codes: tuple[str, ...]
) -> list[RegionOpenings]:
    """Open regular vacancies in the person's occupation groups per region, with the median
    of their stated salaries (the region facet of the engine; salaries of the postings it
    returns, up to ``SALARY_SAMPLE`` per region)."""
    groups = tuple(dict.fromkeys(c[:TRADE_DIGITS] for c in codes))
    if not groups:
        return []
    base = Filters(occupation_codes=groups, kinds=("regular",))
    result = services.engine.search(
        DocType.VACANCIES, SearchQuery(filters=base, facets=("region_kato",), limit=1)
    )
    counts = sorted(result.facets.get("region_kato", []), key=lambda f: (-f.count, f.value))
    openings = []
    for facet in counts[:TOP_REGIONS]:
        filters = Filters(occupation_codes=groups, kinds=("regular",), region_katos=(facet.value,))
        hits = services.engine.search(
            DocType.VACANCIES, SearchQuery(filters=filters, limit=SALARY_SAMPLE)
        ).hits
        batch = load_vacancy_documents(session, [h.id for h in hits], encoder=None)
        salaries = [
            s
            for d in batch.upserts
            if isinstance(d, VacancyDocument) and (s := _salary(d)) is not None
        ]
        openings.append(
            RegionOpenings(facet.value, facet.count, round(median(salaries)) if salaries else None)
        )
    return openings


def route_for(
    session: Session, services: IndexingServices, seeker: Seeker, today: date
) -> RoutingView:
    """The person's routing: evidence, eligible measures, ranked proposals."""
    decisions = decisions_for(session, seeker, today)
    codes = occupation_codes(seeker)
    locality = seeker.locality
    region_id = (
        locality.region_id if locality else (seeker.centre.region_id if seeker.centre else None)
    )
    courses = {c.id: c for c in courses_in(session, region_id)}
    options = [
        CourseOption(c.id, c.kind.value, tuple(c.skills), c.occupation_code)
        for c in courses.values()
    ]
    postings = local_postings(session, services, seeker, today)
    home = locality.region.kato if locality else None
    rural = person_facts(seeker).is_rural

    def routed(openings: list[RegionOpenings]) -> Routing:
        return route(
            postings, decisions, options, openings,
            occupation_codes=codes, home_region_kato=home, rural=rural,
        )  # fmt: skip

    first = routed([])
    routing = routed(openings_by_region(session, services, codes)) if first.triggered else first
    katos = [o.region_kato for p in routing.proposals for o in p.regions]
    regions = {
        r.kato: r for r in session.execute(select(Region).where(Region.kato.in_(katos))).scalars()
    }
    return RoutingView(routing, decisions, courses, regions, codes)
