"""Demo people: identities with valid IINs, trades, homes, work history, flags (households
are planned in ``households``, schooling in ``schooling``).

Who a person is (age, schooling, trade) is decided here; what happened to them at the centre
(status history, referrals, placements) is told in ``story``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.models import (
    EducationEntry,
    EducationLevel,
    Family,
    FamilyRole,
    Locality,
    Region,
    Seeker,
    SeekerStatus,
    Sex,
    WorkExperience,
)
from matching.iin import make_iin
from matching.rules.dates import age_in_years

from .common import REGION_PAY, Ctx, Person, round_to, slug, title_text
from .households import Slot, birth_date
from .jobs import NAME_ROOTS, SECTOR_WORDS, Job, Title
from .jobs_data import JOBS, JOBS_BY_KEY
from .names import KAZAKH_SURNAMES, RURAL_STREETS, RUSSIAN_SURNAMES, STREETS
from .schooling import education_entries

E = EducationLevel
SEEKER_JOB_WEIGHTS: dict[str, float] = {
    "seller": 10, "driver": 9, "cook": 6, "cleaner": 6, "security": 5, "builder": 6,
    "loader": 5, "teacher": 5, "educator": 3, "nurse": 4, "accountant": 5, "programmer": 3,
    "office": 5, "call_centre": 4, "courier": 4, "social_worker": 3, "tractor": 3,
    "livestock": 3, "welder": 3, "electrician": 3, "mechanic": 3, "landscaping": 2,
    "sales": 4, "waiter": 3, "plumber": 2, "miner": 1,
}  # fmt: skip
YOUTH_JOBS = ("teacher", "nurse", "accountant", "programmer", "office", "educator",
              "electrician", "mechanic", "cook", "social_worker", "sales")  # fmt: skip
STUDENT_JOBS = ("seller", "courier", "waiter", "loader", "call_centre", "landscaping")
HEALTH_RESTRICTIONS = (
    "Противопоказан тяжёлый физический труд и работа на высоте",
    "Ауыр дене еңбегі мен биіктікте жұмыс істеуге болмайды",
)


@dataclass
class Story:
    """One generated person and the facts the centre's story about them builds on."""

    seeker: Seeker
    person: Person
    stage: str
    job: Job
    title: Title
    lang: str
    region: Region
    locality: Locality
    status: SeekerStatus | None
    graduated_on: date | None = None  # latest TiPO-or-higher graduation
    family_key: int | None = None


def _job_for(ctx: Ctx, slot: Slot, locality: Locality) -> Job:
    rng = ctx.rng
    if slot.stage in ("youth", "boundary29", "boundary30"):
        return JOBS_BY_KEY[rng.choice(YOUTH_JOBS)]
    if slot.stage == "student":
        return JOBS_BY_KEY[rng.choice(STUDENT_JOBS)]
    keys = list(SEEKER_JOB_WEIGHTS)
    weights = [
        SEEKER_JOB_WEIGHTS[k] * ((0.3 + 3 * JOBS_BY_KEY[k].rural) if not locality.is_urban else 1.0)
        for k in keys
    ]
    return JOBS_BY_KEY[ctx.weighted(keys, weights)]


def _employer_name(ctx: Ctx, region: Region) -> str:
    rng = ctx.rng
    local = [e.name for e in ctx.employers_in(region.id)]
    if local and rng.random() < 0.4:
        return rng.choice(local)
    sector = rng.choice(list(SECTOR_WORDS))
    return f'ТОО "{rng.choice(NAME_ROOTS)} {rng.choice(SECTOR_WORDS[sector])}"'


def work_history(
    ctx: Ctx, story: Story, until: date, start_after: date, jobs: int
) -> list[WorkExperience]:
    """Past jobs, the last ending ``until``, none before ``start_after``."""
    rng = ctx.rng
    entries: list[WorkExperience] = []
    end = until
    for _ in range(jobs):
        length = timedelta(days=rng.randint(200, 6 * 365))
        start = end - length
        if start < start_after + timedelta(days=60):
            start = start_after + timedelta(days=60)
            if start >= end - timedelta(days=60):
                break
        job = story.job if rng.random() < 0.75 else rng.choice(JOBS)
        title = rng.choice(job.titles)
        low, high = job.pay
        factor = REGION_PAY.get(story.region.kato, 0.95) * (
            0.8 if end.year < ctx.today.year - 3 else 1
        )
        entries.append(
            WorkExperience(
                employer_name=_employer_name(ctx, story.region),
                position=title_text(title, story.lang),
                occupation_code=title.code if title.code in ctx.occupation_codes else None,
                started_on=start,
                ended_on=end,
                last_wage=round_to(rng.uniform(low, high) * factor, 5_000),
                description=rng.choice(job.duties_kk if story.lang == "kk" else job.duties_ru),
            )
        )
        end = start - timedelta(days=rng.randint(20, 200))
        if end <= start_after:
            break
    entries.reverse()
    return entries


_RUSSIAN_PATRONYMIC_STEMS = {"Павел": "Павл", "Игорь": "Игор", "Дмитрий": "Дмитри"}


def patronymic(father: str, sex: Sex, kazakh: bool) -> str:
    """The child's patronymic from the father's first name (Kazakh -ұлы/-қызы or Russian)."""
    male = sex == Sex.MALE
    if kazakh:
        return father + ("ұлы" if male else "қызы")
    stem = _RUSSIAN_PATRONYMIC_STEMS.get(father, father)
    if stem.endswith("й"):
        stem, soft = stem[:-1], True
    else:
        soft = stem.endswith(("и", "р")) and stem != father
    if stem == "Евгени":
        stem = "Евгень"
    return stem + ("евич" if male else "евна") if soft else stem + ("ович" if male else "овна")


def _surname_for(person: Person, head: Person, sex: Sex) -> str:
    """Family members share the head's surname, in the right gender form."""
    for male, female in (*KAZAKH_SURNAMES, *RUSSIAN_SURNAMES):
        if head.last_name in (male, female):
            return male if sex == Sex.MALE else female
    return person.last_name


def make_people(ctx: Ctx, slots: list[Slot]) -> tuple[list[Story], list[Family]]:
    """Seekers (not yet added to the session) with education, skills and flags."""
    rng = ctx.rng
    today = ctx.today
    stories: list[Story] = []
    families: dict[int, Family] = {}
    heads: dict[int, Story] = {}
    fathers: dict[int, Person] = {}
    iins: set[str] = set()
    for slot in slots:
        head = heads.get(slot.family) if slot.family is not None else None
        if head is not None:
            if slot.role == FamilyRole.SPOUSE:
                sex = Sex.FEMALE if head.person.sex == Sex.MALE else Sex.MALE
            else:
                sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
            person = ctx.person(sex, head.person.kazakh)
            if slot.role != FamilyRole.SPOUSE or rng.random() < 0.7:
                person.last_name = _surname_for(person, head.person, sex)
            father = fathers.get(slot.family) if slot.family is not None else None
            if slot.role == FamilyRole.CHILD and father is not None:
                person.patronymic = patronymic(father.first_name, sex, father.kazakh)
            region, locality = head.region, head.locality
        else:
            head_sex = Sex.MALE if (slot.role == FamilyRole.HEAD and rng.random() < 0.8) else None
            person = ctx.person(head_sex)
            region = ctx.region_by_population()
            locality = ctx.locality_in(region.id, 0.35)
        sex = person.sex
        born = birth_date(ctx, slot, sex)
        iin = make_iin(born, sex.value, rng.randrange(10_000))
        while iin in iins:
            iin = make_iin(born, sex.value, rng.randrange(10_000))
        iins.add(iin)
        lang = ctx.lang_for(region, person.kazakh)
        job = _job_for(ctx, slot, locality)
        title = rng.choice(job.titles)
        education = education_entries(ctx, job, slot, lang, born)
        age = age_in_years(born, today)
        seeker = Seeker(
            iin=iin,
            last_name=person.last_name,
            first_name=person.first_name,
            patronymic=person.patronymic,
            birth_date=born,
            sex=sex,
            locality_id=locality.id,
            address=_home_address(ctx, locality, lang) if head is None else head.seeker.address,
            phone=ctx.phone(),
            email=(
                f"{slug(person.first_name)}.{slug(person.last_name)}{rng.randint(1, 99)}@mail.kz"
                if rng.random() < 0.4
                else None
            ),
            languages=_languages(ctx, person, education),
            skills=rng.sample(
                job.skills_kk if lang == "kk" else job.skills_ru, k=min(3, len(job.skills_kk))
            ),
            desired_occupations=_desired_codes(ctx, job, title),
            desired_salary=_desired_salary(ctx, job, region),
            desired_schedules=sorted(
                {s.value for s in rng.sample(job.schedules, k=rng.randint(1, len(job.schedules)))}
                | ({"full_day"} if rng.random() < 0.5 else set())
            ),
            max_commute_km=rng.choice(
                (10, 15, 20, 30, None) if locality.is_urban else (5, 20, 50, None)
            ),
            is_kandas=person.kazakh and rng.random() < 0.06,
            is_carer=sex == Sex.FEMALE and 24 <= age <= 50 and rng.random() < 0.07,
            long_illness=rng.random() < 0.01,
            education=education,
        )
        if slot.stage == "student":
            seeker.is_student = True
            seeker.is_full_time_student = rng.random() < 0.6
        roll = rng.random()
        if roll < 0.05 or (slot.status is None and roll < 0.1):
            seeker.disability_group = ctx.weighted((1, 2, 3), (1, 5, 14))
            seeker.health_restrictions = HEALTH_RESTRICTIONS[1 if lang == "kk" else 0]
        if slot.family is not None:
            if slot.family not in families:
                families[slot.family] = Family(note=None)
            seeker.family = families[slot.family]
            seeker.family_role = slot.role
        graduated = [
            e.graduated_on
            for e in education
            if e.level not in (E.SECONDARY, E.NONE) and e.graduated_on is not None
        ]
        story = Story(
            seeker=seeker,
            person=person,
            stage=slot.stage,
            job=job,
            title=title,
            lang=lang,
            region=region,
            locality=locality,
            status=slot.status,
            graduated_on=max(graduated) if graduated else None,
            family_key=slot.family,
        )
        if slot.role == FamilyRole.HEAD and slot.family is not None:
            heads[slot.family] = story
        if (
            slot.family is not None
            and slot.role in (FamilyRole.HEAD, FamilyRole.SPOUSE)
            and person.sex == Sex.MALE
        ):
            fathers[slot.family] = person
        stories.append(story)
    return stories, list(families.values())


def _home_address(ctx: Ctx, loc: Locality, lang: str) -> str:
    rng = ctx.rng
    if loc.is_urban:
        street = rng.choice(STREETS)
        name = street[1] if lang == "kk" else street[0]
        flat = f", {rng.randint(1, 120)} пәтер" if lang == "kk" else f", кв. {rng.randint(1, 120)}"
        return f"{loc.name(lang)}, {name}, {rng.randint(1, 90)}{flat}"
    street = rng.choice(RURAL_STREETS)
    return f"{loc.name(lang)}, {street[1] if lang == 'kk' else street[0]}, {rng.randint(1, 60)}"


def _languages(ctx: Ctx, person: Person, education: list[EducationEntry]) -> list[str]:
    rng = ctx.rng
    if person.kazakh:
        langs = ["kk", "ru"] if rng.random() < 0.85 else ["kk"]
    else:
        langs = ["ru"] if rng.random() < 0.6 else ["ru", "kk"]
    if any(e.level in (E.HIGHER, E.POSTGRADUATE) for e in education) and rng.random() < 0.35:
        langs.append("en")
    return langs


def _desired_codes(ctx: Ctx, job: Job, title: Title) -> list[str]:
    codes = [title.code]
    other = ctx.rng.choice(job.titles).code
    if other not in codes and ctx.rng.random() < 0.3:
        codes.append(other)
    return [c for c in codes if c in ctx.occupation_codes]


def _desired_salary(ctx: Ctx, job: Job, region: Region) -> int | None:
    if ctx.rng.random() < 0.2:
        return None
    low, high = job.pay
    factor = REGION_PAY.get(region.kato, 0.95)
    return max(85_000, round_to(ctx.rng.uniform(low * 0.8, high * 0.85) * factor, 10_000))
