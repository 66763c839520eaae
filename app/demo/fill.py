"""A believable, deterministic demo: centres, staff, employers, vacancies, people and their
histories at the centre (``zhumys demo``).

The same seed and the same ``today`` give the same rows. Every random choice comes from
``random.Random`` streams derived from the seed (one per part, so changing the number of
vacancies does not reshuffle the people). The demo only goes into a database without
employers, vacancies or people: it never mixes with real data.

The generators are the other modules of ``app.demo``: ``jobs``/``jobs_data``/``names``
(texts), ``orgs`` (centres, staff, employers), ``vacancies``, ``hh`` (real hh.kz texts read
at run time from a shared folder), ``households``/``schooling``/``people`` and
``listings``/``events``/``story`` (people and what happened to them at the centre).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Employer,
    Locality,
    Occupation,
    OwnershipForm,
    Region,
    Role,
    Seeker,
    User,
    Vacancy,
    VacancyKind,
    VacancySource,
    VacancyStatus,
)
from app.services.calendar import work_calendar
from app.services.occupations import occupation_classifier
from app.services.passwords import hash_password
from app.services.reference_data import load_all

from . import hh, measures
from .common import DEMO_DOMAIN, DEMO_PASSWORD, Ctx
from .households import plan_slots
from .orgs import employer_count, make_centres, make_employers
from .people import Story, make_people
from .story import Teller
from .vacancies import K, kinds_in_order, make_vacancies, set_timing, statuses_in_order

__all__ = ["DEMO_PASSWORD", "DemoAlreadyLoaded", "DemoReport", "fill_demo"]

SEEKER_USERS = 30
EMPLOYER_USERS = 20


class DemoAlreadyLoaded(Exception):
    """The database already holds employers, vacancies or people."""


@dataclass
class DemoReport:
    seed: int
    today: date
    centres: int = 0
    staff: int = 0
    employers: int = 0
    import_employers: int = 0
    vacancies: int = 0
    imported: int = 0
    seekers: int = 0
    families: int = 0
    cvs: int = 0
    applications: int = 0
    referrals: int = 0
    placements: int = 0
    status_changes: int = 0
    vacancies_by_kind: dict[str, int] = field(default_factory=dict)
    vacancies_by_status: dict[str, int] = field(default_factory=dict)
    seekers_by_status: dict[str, int] = field(default_factory=dict)
    referrals_by_outcome: dict[str, int] = field(default_factory=dict)
    logins: list[str] = field(default_factory=list)

    def summary(self) -> str:
        def counts(values: dict[str, int]) -> str:
            return ", ".join(f"{k} {v}" for k, v in values.items())

        staff = [x for x in self.logins if x.startswith("staff")]
        employers = [x for x in self.logins if x.startswith("employer")]
        seekers = [x for x in self.logins if x.startswith("seeker")]

        def span(names: list[str]) -> str:
            if not names:
                return "-"
            return names[0] if len(names) == 1 else f"{names[0]} … {names[-1]}"

        lines = [
            f"Demo data (seed {self.seed}, today {self.today.isoformat()}):",
            f"  {self.centres} employment centres, {self.staff} staff, 1 admin",
            f"  {self.employers} employers"
            + (
                f" (+{self.import_employers} named in hh.kz texts)" if self.import_employers else ""
            ),
            f"  {self.vacancies} vacancies ({self.imported} from hh.kz texts): "
            f"{counts(self.vacancies_by_kind)}",
            f"    by status: {counts(self.vacancies_by_status)}",
            f"  {self.seekers} people ({self.families} families), {self.cvs} CVs: "
            f"{counts(self.seekers_by_status)}",
            f"  {self.applications} applications, {self.referrals} referrals "
            f"({counts(self.referrals_by_outcome)}), {self.placements} placements",
            f"Logins (password {DEMO_PASSWORD!r}): admin@{DEMO_DOMAIN}; "
            f"staff {span(staff)}; employers {span(employers)}; seekers {span(seekers)}",
        ]
        return "\n".join(lines)


def _refuse_if_loaded(session: Session) -> None:
    for model, what in ((Employer, "employers"), (Vacancy, "vacancies"), (Seeker, "people")):
        count = session.execute(select(func.count()).select_from(model)).scalar_one()
        if count:
            raise DemoAlreadyLoaded(
                f"The database already has {count} {what}: demo data is only loaded into an "
                "empty database, never mixed with real data. Nothing was changed."
            )
    taken = session.execute(
        select(func.count()).select_from(User).where(User.email.like(f"%@{DEMO_DOMAIN}"))
    ).scalar_one()
    if taken:
        raise DemoAlreadyLoaded(
            f"The database already has {taken} @{DEMO_DOMAIN} logins. Nothing was changed."
        )


def _context(session: Session, seed: int, today: date, part: str, password_hash: str) -> Ctx:
    regions = list(session.execute(select(Region).order_by(Region.kato)).scalars())
    localities: dict[int, list[Locality]] = {r.id: [] for r in regions}
    for loc in session.execute(select(Locality).order_by(Locality.kato)).scalars():
        localities[loc.region_id].append(loc)
    codes = frozenset(
        session.execute(select(Occupation.code).where(Occupation.level == 4)).scalars()
    )
    return Ctx(
        rng=random.Random(f"zhumys-demo:{seed}:{part}"),
        today=today,
        calendar=work_calendar(session),
        regions=regions,
        localities=localities,
        occupation_codes=codes,
        password_hash=password_hash,
    )


def fill_demo(
    session: Session,
    *,
    seed: int,
    vacancies: int,
    seekers: int,
    shared_data: str | None,
    today: date,
) -> DemoReport:
    """Fill an empty database with demo data; the caller commits.

    Raises ``DemoAlreadyLoaded`` (and changes nothing) when employers, vacancies, people or
    demo logins are already there.
    """
    _refuse_if_loaded(session)
    if session.execute(select(func.count()).select_from(Region)).scalar_one() == 0:
        load_all(session, today)
    password_hash = hash_password(DEMO_PASSWORD)  # argon2 is slow: one hash for every login
    ctx = _context(session, seed, today, "organisations", password_hash)

    make_centres(ctx)
    make_employers(ctx, employer_count(vacancies), EMPLOYER_USERS)
    session.add_all(ctx.centres.values())
    session.add_all(ctx.users)
    session.add_all(ctx.employers)
    session.flush()

    ctx.rng = random.Random(f"zhumys-demo:{seed}:vacancies")
    kinds = kinds_in_order(ctx, vacancies)
    imported = _import_hh(session, ctx, kinds, shared_data) if shared_data else []
    made = make_vacancies(ctx, kinds)
    session.add_all(made)
    session.flush()

    ctx.rng = random.Random(f"zhumys-demo:{seed}:people")
    stories, families = make_people(ctx, plan_slots(ctx, seekers))
    teller = Teller(ctx)
    for story in stories:
        teller.tell(story)
    members: dict[int, list[Story]] = {}
    for story in stories:
        if story.family_key is not None:
            members.setdefault(story.family_key, []).append(story)
    for family, key in zip(families, sorted(members), strict=True):
        teller.contract(family, members[key])
    seeker_users = _seeker_users(ctx, stories[:SEEKER_USERS])
    session.add_all(seeker_users)
    session.flush()
    for story, user in zip(stories, seeker_users, strict=False):
        story.seeker.user_id = user.id
    told = teller.told
    session.add_all([s.seeker for s in stories])
    session.add_all(families)
    session.add_all(told.status_changes)
    session.add_all(told.referrals)
    session.add_all(told.applications)
    session.flush()
    for placement, referral in told.placements:
        placement.referral_id = referral.id if referral is not None else None
    session.add_all([p for p, _ in told.placements])
    session.flush()
    measures.add_measures(session, seed=seed, today=today)

    everything = imported + made
    logins = [u.email for u in (*ctx.users, *seeker_users)]
    return DemoReport(
        seed=seed,
        today=today,
        centres=len(ctx.centres),
        staff=sum(len(v) for v in ctx.staff.values()),
        employers=len(ctx.employers),
        import_employers=len(ctx.extra_employers),
        vacancies=len(everything),
        imported=len(imported),
        seekers=len(stories),
        families=len(families),
        cvs=len(told.cvs),
        applications=len(told.applications),
        referrals=len(told.referrals),
        placements=len(told.placements),
        status_changes=len(told.status_changes),
        vacancies_by_kind=_count(v.kind.value for v in everything),
        vacancies_by_status=_count(v.status.value for v in everything),
        seekers_by_status=_count(
            (s.status.value if s.status else "not_registered") for s in stories
        ),
        referrals_by_outcome=_count(r.outcome.value for r in told.referrals),
        logins=logins,
    )


def _count(values: Iterable[str]) -> dict[str, int]:
    counter = Counter(values)
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _seeker_users(ctx: Ctx, stories: list[Story]) -> list[User]:
    users = []
    for n, story in enumerate(stories, start=1):
        seeker = story.seeker
        created = seeker.created_at or ctx.at(ctx.today)
        users.append(
            User(
                email=f"seeker{n}@{DEMO_DOMAIN}",
                password_hash=ctx.password_hash,
                role=Role.SEEKER,
                display_name=f"{seeker.first_name} {seeker.last_name}",
                locale=story.lang,
                created_at=created,
            )
        )
        seeker.email = f"seeker{n}@{DEMO_DOMAIN}"
    return users


def _import_hh(
    session: Session, ctx: Ctx, kinds: list[VacancyKind], shared_data: str
) -> list[Vacancy]:
    """Up to half of the regular vacancies from real hh.kz texts (their slots are taken over)."""
    rows = hh.read_rows(shared_data)
    if not rows:
        return []
    places = hh.CityMatcher([loc for locs in ctx.localities.values() for loc in locs])
    usable = [(row, loc) for row in rows if (loc := places.find(row.city)) is not None]
    ctx.rng.shuffle(usable)
    wanted = sum(1 for k in kinds if k == K.REGULAR) // 2
    chosen = usable[:wanted]
    if not chosen:
        return []
    for _ in chosen:
        kinds.remove(K.REGULAR)
    classifier = occupation_classifier(session)
    # Imported texts were published on hh.kz: none of them is a draft here.
    statuses = [
        VacancyStatus.PUBLISHED if s == VacancyStatus.DRAFT else s
        for s in statuses_in_order(ctx, len(chosen))
    ]
    employers: dict[str, Employer] = {}
    made: list[Vacancy] = []
    for (row, loc), status in zip(chosen, statuses, strict=True):
        name = row.company or "Работодатель с hh.kz"
        employer = employers.get(name)
        if employer is None:
            employer = Employer(
                name=name,
                region_id=loc.region_id,
                locality_id=loc.id,
                ownership_form=OwnershipForm.PRIVATE,
                created_at=ctx.at(ctx.today - timedelta(days=120)),
            )
            employers[name] = employer
        guess = classifier.classify(row.title)
        lat, lon = ctx.jitter(loc)
        languages = ["ru", "en"] if row.english else ["ru"]
        vacancy = Vacancy(
            employer=employer,
            title=row.title,
            description=row.description,
            lang="ru",
            occupation_code=guess.code if guess and guess.code in ctx.occupation_codes else None,
            region_id=loc.region_id,
            locality_id=loc.id,
            lat=lat,
            lon=lon,
            salary_from=row.salary_from,
            salary_to=row.salary_to,
            schedule=row.schedule,
            employment_type=row.employment,
            experience=row.experience,
            skills=row.skills,
            languages=languages,
            places=1,
            kind=K.REGULAR,
            status=status,
            source=VacancySource.IMPORT,
            external_id=row.external_id,
            source_url=row.url,
        )
        set_timing(ctx, vacancy, status)
        made.append(vacancy)
        ctx.vacancies.append(vacancy)
    session.add_all(employers.values())
    session.add_all(made)
    ctx.extra_employers.extend(employers.values())
    return made
