"""Routing with evidence: when the vacancies within a person's reach do not fit, which measures
to propose, ranked, and why (seed 002:1029-1032: people who cannot be placed for lack of
qualification are sent to training).

Pure: the app gathers the evidence (the ranker's matched and missing skills per local posting,
the catalogue's courses, openings per region from the index, the rules' eligibility decisions)
and renders the reason codes in the user's language.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from matching.rules.decision import Decision
from matching.rules.measures import (
    BASTAU,
    MICROCREDIT,
    ORIENTATION,
    RESETTLEMENT,
    TRAINING_KINDS,
)
from matching.text import fold


@dataclass(frozen=True, slots=True)
class Why:
    """One reason, as a code and its values (the app translates it)."""

    code: str
    values: Mapping[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "values": dict(self.values)}


@dataclass(frozen=True, slots=True)
class LocalPosting:
    """A suitable vacancy within reach, as the ranker explained it."""

    vacancy_id: int
    matched_skills: tuple[str, ...] = ()
    missing_skills: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CourseOption:
    course_id: int
    kind: str
    skills: tuple[str, ...] = ()
    occupation_code: str | None = None


@dataclass(frozen=True, slots=True)
class RegionOpenings:
    region_kato: str
    count: int
    median_salary: int | None = None


@dataclass(frozen=True, slots=True)
class RoutingPolicy:
    """Configurable defaults; the seed gives no numbers for these."""

    scarce_below: int = 3  # fewer suitable postings within reach than this: jobs are scarce
    gap_share: float = 0.5  # a skill missing in at least this share of local postings is a gap
    min_region_openings: int = 3  # a region needs this many openings to be proposed
    max_regions: int = 3


@dataclass(frozen=True, slots=True)
class Proposal:
    kind: str
    score: float
    reasons: tuple[Why, ...]
    course_id: int | None = None
    regions: tuple[RegionOpenings, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "score": round(self.score, 3),
            "course_id": self.course_id,
            "regions": [
                {"region_kato": r.region_kato, "count": r.count, "median_salary": r.median_salary}
                for r in self.regions
            ],
            "reasons": [w.to_dict() for w in self.reasons],
        }


@dataclass(frozen=True, slots=True)
class Routing:
    """The evidence and the ranked proposals (empty when the local vacancies fit)."""

    local_count: int
    scarce: bool
    gaps: tuple[tuple[str, int], ...]  # (skill, postings lacking it), most common first
    proposals: tuple[Proposal, ...]

    @property
    def triggered(self) -> bool:
        return bool(self.proposals)


def skill_gaps(
    postings: Sequence[LocalPosting], share: float
) -> tuple[tuple[tuple[str, int], ...], dict[str, str]]:
    """Skills the person lacks in at least ``share`` of the postings, with their counts; and
    the display form of every missing skill by its normalised key."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for posting in postings:
        keys = {fold(s): s for s in posting.missing_skills if s.strip()}
        counts.update(keys.keys())
        for key, text in keys.items():
            shown.setdefault(key, text)
    if not postings:
        return (), shown
    needed = max(1, math.ceil(len(postings) * share - 1e-9))
    gaps = sorted(
        ((k, n) for k, n in counts.items() if n >= needed), key=lambda kv: (-kv[1], kv[0])
    )
    return tuple((shown[k], n) for k, n in gaps), shown


def same_skill(a: str, b: str) -> bool:
    """Equal once folded, or one names the other inside it ("excel" in "ms excel")."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a))


def _lacks(posting: LocalPosting, skill: str) -> bool:
    return any(same_skill(skill, missing) for missing in posting.missing_skills)


def _allowed(decisions: Mapping[str, Decision], kind: str) -> bool:
    decision = decisions.get(kind)
    return decision is not None and decision.allowed


def _course_proposals(
    courses: Sequence[CourseOption],
    postings: Sequence[LocalPosting],
    decisions: Mapping[str, Decision],
    occupation_codes: Sequence[str],
) -> list[Proposal]:
    total = len(postings)
    found = []
    for course in courses:
        if course.kind not in TRAINING_KINDS or course.kind == BASTAU:
            continue
        if not _allowed(decisions, course.kind):
            continue
        covered = sorted(
            (
                (skill, n)
                for skill in course.skills
                if (n := sum(1 for p in postings if _lacks(p, skill)))
            ),
            key=lambda kv: (-kv[1], kv[0]),
        )
        in_trade = bool(
            course.occupation_code
            and any(c.startswith(course.occupation_code[:3]) for c in occupation_codes)
        )
        if not covered and not in_trade:
            continue
        reasons = [
            Why("teaches_missing_skill", {"skill": skill, "postings": n, "total": total})
            for skill, n in covered[:3]
        ]
        if in_trade:
            reasons.append(Why("course_in_trade"))
        best = covered[0][1] / total if covered and total else 0.0
        found.append(
            Proposal(course.kind, 3.0 + best + 0.1 * len(covered), tuple(reasons), course.course_id)
        )
    return found


def route(
    postings: Sequence[LocalPosting],
    decisions: Mapping[str, Decision],
    courses: Sequence[CourseOption] = (),
    openings: Sequence[RegionOpenings] = (),
    *,
    occupation_codes: Sequence[str] = (),
    home_region_kato: str | None = None,
    rural: bool = False,
    policy: RoutingPolicy | None = None,
) -> Routing:
    """Propose the measures ``decisions`` allow when jobs within reach are scarce or most local
    postings ask for skills the person lacks; best first."""
    policy = policy or RoutingPolicy()
    local = len(postings)
    scarce = local < policy.scarce_below
    gaps, _shown = skill_gaps(postings, policy.gap_share)
    if not scarce and not gaps:
        return Routing(local, False, (), ())
    context = (
        Why("few_local_jobs", {"count": local})
        if scarce
        else Why("common_skill_gap", {"skill": gaps[0][0], "postings": gaps[0][1], "total": local})
    )
    proposals = [
        Proposal(p.kind, p.score, (context, *p.reasons), p.course_id)
        for p in _course_proposals(courses, postings, decisions, occupation_codes)
    ]
    if _allowed(decisions, BASTAU) and (rural or scarce):
        bastau = next((c for c in courses if c.kind == BASTAU), None)
        proposals.append(
            Proposal(
                BASTAU,
                2.5 if scarce else 1.5,
                (context, Why("rural_self_starter" if rural else "self_starter")),
                bastau.course_id if bastau else None,
            )
        )
    if _allowed(decisions, MICROCREDIT):
        proposals.append(Proposal(MICROCREDIT, 2.2, (context, Why("credit_ready"))))
    elsewhere = sorted(
        (
            o
            for o in openings
            if o.region_kato != home_region_kato and o.count >= policy.min_region_openings
        ),
        key=lambda o: (-o.count, -(o.median_salary or 0), o.region_kato),
    )[: policy.max_regions]
    if elsewhere and _allowed(decisions, RESETTLEMENT):
        reasons = [
            Why(
                "openings_in_region",
                {"region": o.region_kato, "count": o.count, "salary": o.median_salary},
            )
            for o in elsewhere
        ]
        weight = 2.0 + min(1.0, elsewhere[0].count / 50)
        proposals.append(
            Proposal(RESETTLEMENT, weight, (context, *reasons), regions=tuple(elsewhere))
        )
    if _allowed(decisions, ORIENTATION):
        proposals.append(Proposal(ORIENTATION, 1.0, (context, Why("consultation"))))
    proposals.sort(key=lambda p: (-p.score, p.kind, p.course_id or 0))
    return Routing(local, scarce, gaps, tuple(proposals))
