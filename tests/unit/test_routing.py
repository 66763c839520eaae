"""Routing with evidence: which measures to propose when local vacancies do not fit, and why."""

from __future__ import annotations

from matching.routing import (
    CourseOption,
    LocalPosting,
    RegionOpenings,
    RoutingPolicy,
    route,
    same_skill,
    skill_gaps,
)
from matching.rules import Decision

YES = Decision(True)
NO = Decision(False)
ALL = {
    k: YES
    for k in (
        "short_training",
        "bastau_business",
        "resettlement",
        "orientation",
    )
}


def postings(n: int, missing: tuple[str, ...] = ("1С: Бухгалтерия",)) -> list[LocalPosting]:
    return [LocalPosting(i, ("Excel",), missing) for i in range(n)]


def test_enough_fitting_jobs_propose_nothing() -> None:
    routing = route([LocalPosting(i, ("Excel",), ()) for i in range(5)], ALL)
    assert not routing.triggered and routing.proposals == () and not routing.scarce


def test_a_skill_missing_in_most_local_postings_routes_to_the_course_that_teaches_it() -> None:
    local = [*postings(4), LocalPosting(9, ("Excel",), ())]
    courses = [
        CourseOption(1, "short_training", ("Сварка",)),
        CourseOption(2, "short_training", ("1С: бухгалтерия", "Excel")),
    ]
    routing = route(local, ALL, courses)
    assert routing.gaps == (("1С: Бухгалтерия", 4),)
    first = routing.proposals[0]
    assert (first.kind, first.course_id) == ("short_training", 2)
    assert [w.code for w in first.reasons] == ["common_skill_gap", "teaches_missing_skill"]
    assert first.reasons[1].values == {"skill": "1С: бухгалтерия", "postings": 4, "total": 5}
    assert all(p.course_id != 1 for p in routing.proposals)  # teaches nothing in demand


def test_courses_the_rules_refuse_are_not_proposed() -> None:
    courses = [CourseOption(2, "short_training", ("1С: Бухгалтерия",))]
    routing = route(postings(4), {**ALL, "short_training": NO}, courses)
    assert all(p.kind != "short_training" for p in routing.proposals)


def test_rural_person_without_local_jobs_gets_bastau_and_resettlement_with_regions() -> None:
    openings = [
        RegionOpenings("710000000", 42, 350_000),
        RegionOpenings("750000000", 12, 300_000),
        RegionOpenings("110000000", 2, 500_000),  # too few openings
        RegionOpenings("390000000", 30, 250_000),  # the person's own region
    ]
    routing = route(
        [],
        ALL,
        [CourseOption(7, "bastau_business")],
        openings,
        home_region_kato="390000000",
        rural=True,
    )
    assert routing.scarce and routing.local_count == 0
    kinds = [p.kind for p in routing.proposals]
    assert kinds == ["resettlement", "bastau_business", "orientation"]
    move = routing.proposals[0]
    assert [r.region_kato for r in move.regions] == ["710000000", "750000000"]
    assert move.reasons[0].code == "few_local_jobs" and move.reasons[0].values == {"count": 0}
    assert move.reasons[1].values == {"region": "710000000", "count": 42, "salary": 350_000}
    bastau = routing.proposals[1]
    assert bastau.course_id == 7 and bastau.reasons[-1].code == "rural_self_starter"


def test_no_resettlement_without_eligibility_or_openings() -> None:
    openings = [RegionOpenings("710000000", 42, None)]
    assert "resettlement" not in [
        p.kind for p in route([], {**ALL, "resettlement": NO}, (), openings).proposals
    ]
    assert "resettlement" not in [p.kind for p in route([], ALL, (), ()).proposals]


def test_course_in_the_persons_trade_counts_when_jobs_are_scarce() -> None:
    courses = [CourseOption(3, "short_training", (), occupation_code="7212")]
    routing = route([], ALL, courses, occupation_codes=("7212",))
    assert routing.proposals[0].course_id == 3
    assert routing.proposals[0].reasons[-1].code == "course_in_trade"


def test_gap_share_is_a_policy() -> None:
    local = postings(2) + [LocalPosting(i, (), ()) for i in range(10, 13)]
    assert skill_gaps(local, 0.5)[0] == ()
    assert skill_gaps(local, 0.4)[0] == (("1С: Бухгалтерия", 2),)
    strict = RoutingPolicy(scarce_below=1, gap_share=0.9)
    assert not route(local, ALL, policy=strict).triggered


def test_same_skill_folds_case_and_containment() -> None:
    assert same_skill("EXCEL", "MS Excel")
    assert not same_skill("C", "C++ и Excel")  # too short to match inside
    assert not same_skill("", "Excel")
