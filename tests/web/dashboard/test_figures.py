"""The dashboard figures on the hand-built world (tests/web/dashboard/world.py): every expected
number below is counted by hand from the world's description."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.services.figures import Figures, Scope, Tally, compute
from tests.web.dashboard.world import FROM, TO, TODAY, build, centres

pytestmark = pytest.mark.both_databases  # aggregates: coalesce, cast, substr, sums


def _figures(session: Session, *, centre: str | None = "a", region: str | None = None) -> Figures:
    a, b = centres(session)
    world = build(session, a, b)
    centre_id = {"a": world.centre_a, "b": world.centre_b, None: None}[centre]
    region_id = {"a": world.region_a, "b": world.region_b, None: None}[region]
    return compute(session, Scope(FROM, TO, centre_id, region_id), today=TODAY)


def _by(tallies: list[Tally], key: str) -> tuple[int, int]:
    found = next(t for t in tallies if t.key == key)
    return found.count, found.base


def test_share_placed_among_registered_clients_with_breakdowns(session: Session) -> None:
    placed = _figures(session).shares["placed"]
    # clients: s1 s2 s3 s4 s6 s8 (s5 left the register in 2025); placed in 2026: s1 s2 s4 s6
    assert (placed.total.count, placed.total.base) == (4, 6)
    assert placed.total.share is not None and abs(placed.total.share - 4 / 6) < 1e-9
    assert _by(placed.by["sex"], "female") == (2, 4)  # s1 s6 of s1 s3 s6 s8
    assert _by(placed.by["sex"], "male") == (2, 2)
    assert _by(placed.by["age"], "16-24") == (1, 2)  # s1 of s1 s8
    assert _by(placed.by["age"], "25-34") == (2, 2)  # s4 s6
    assert _by(placed.by["age"], "35-49") == (1, 1)  # s2
    assert _by(placed.by["age"], "50+") == (0, 1)  # s3
    assert len(placed.by["region"]) == 1 and placed.by["region"][0].base == 6


def test_youth_permanent_and_permanent_after_subsidised(session: Session) -> None:
    figures = _figures(session)
    youth = figures.shares["youth_permanent"]
    # youth (29 or younger on 31 Dec 2026): s1 s4 s8; permanent jobs: s1, s4
    assert (youth.total.count, youth.total.base) == (2, 3)
    after = figures.shares["permanent_after_subsidised"]
    # subsidised places held in 2026: s4 (social job), s6 (public works);
    # s4 then got a permanent job
    assert (after.total.count, after.total.base) == (1, 2)
    assert _by(after.by["sex"], "male") == (1, 1)
    assert _by(after.by["sex"], "female") == (0, 1)


def test_time_to_placement_mean_and_median(session: Session) -> None:
    duration = _figures(session).time_to_placement
    # s1 30, s2 60, s4 10 and 203, s6 10 days: sorted 10 10 30 60 203
    assert duration.total.placements == 5
    assert duration.total.median_days == 30
    assert duration.total.mean_days == 62.6  # 313 / 5
    male = next(d for d in duration.by["sex"] if d.key == "male")
    assert (male.placements, male.median_days, male.mean_days) == (3, 60, 91.0)  # 60 10 203


def test_overdue_referrals_and_counts(session: Session) -> None:
    figures = _figures(session)
    overdue = figures.shares["overdue"]
    # centre A issued three referrals; one is pending past its report date
    assert (overdue.total.count, overdue.total.base) == (1, 3)
    assert [(c.count) for c in figures.seekers_by_region] == [2]  # s3 unemployed, s8 job seeker
    occupations = {c.key: c.count for c in figures.seekers_by_occupation}
    assert occupations == {"7": 1, "": 1}  # s3 wants 7212, s8 did not say
    # Astana's open places: 3 (the 7212 vacancy) + 1 (the social job, no occupation)
    assert {c.key: c.count for c in figures.vacancies_by_occupation} == {"7": 3, "": 1}
    assert [c.count for c in figures.vacancies_by_region] == [4]


def test_other_centre_and_whole_country(session: Session) -> None:
    other = _figures(session, centre="b")
    assert (other.shares["placed"].total.count, other.shares["placed"].total.base) == (1, 1)
    assert (other.shares["overdue"].total.count, other.shares["overdue"].total.base) == (1, 1)
    assert other.time_to_placement.total.median_days == 10  # 5 Jan -> 15 Jan
    session.rollback()


def test_all_centres_and_a_region(session: Session) -> None:
    everything = _figures(session, centre=None)
    assert (everything.shares["placed"].total.count, everything.shares["placed"].total.base) == (
        5,
        7,
    )
    regions = {t.key: (t.count, t.base) for t in everything.shares["placed"].by["region"]}
    assert len(regions) == 2 and sorted(regions.values()) == [(1, 1), (4, 6)]
    assert sum(c.count for c in everything.vacancies_by_region) == 5
    session.rollback()
    almaty = _figures(session, centre=None, region="b")
    assert (almaty.shares["placed"].total.count, almaty.shares["placed"].total.base) == (1, 1)
    assert [c.count for c in almaty.vacancies_by_region] == [1]
