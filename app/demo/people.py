"""Demo people: identities with valid IINs, households, education, work history, flags.

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
from matching.rules.dates import add_years, age_in_years
from matching.rules.params import params_for

from .common import REGION_PAY, Ctx, Person, round_to, slug, title_text
from .jobs import NAME_ROOTS, SECTOR_WORDS, Job, Title
from .jobs_data import JOBS, JOBS_BY_KEY
from .names import INSTITUTIONS, KAZAKH_SURNAMES, RURAL_STREETS, RUSSIAN_SURNAMES, STREETS

E = EducationLevel
STATUS_SHARES: dict[SeekerStatus | None, float] = {
    SeekerStatus.JOB_SEEKER: 0.14,
    SeekerStatus.UNEMPLOYED: 0.44,
    SeekerStatus.EMPLOYED: 0.25,
    SeekerStatus.DEREGISTERED: 0.14,
    None: 0.03,  # found the platform online, never registered at a centre
}
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
LEVEL_TEXT = {
    E.SECONDARY: ("общее среднее", "жалпы орта"),
    E.TIPO: ("техническое и профессиональное", "техникалық және кәсіптік"),
    E.POST_SECONDARY: ("послесреднее", "орта білімнен кейінгі"),
    E.HIGHER: ("высшее", "жоғары"),
    E.POSTGRADUATE: ("послевузовское", "жоғары оқу орнынан кейінгі"),
}
HEALTH_RESTRICTIONS = (
    "Противопоказан тяжёлый физический труд и работа на высоте",
    "Ауыр дене еңбегі мен биіктікте жұмыс істеуге болмайды",
)


@dataclass
class Slot:
    """A person to be made: household, role in it, life stage, planned status."""

    family: int | None
    role: FamilyRole | None
    stage: str  # youth | student | adult | pre_pension | boundary29 | boundary30
    status: SeekerStatus | None = None
    age: int | None = None


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


def _households(ctx: Ctx, n: int) -> list[Slot]:
    rng = ctx.rng
    slots: list[Slot] = []
    family = 0
    while len(slots) < n:
        remaining = n - len(slots)
        if remaining >= 2 and rng.random() < 0.12:
            size = rng.randint(2, min(5, remaining))
            members: list[Slot]
            if size == 3 and rng.random() < 0.4:
                head_age = rng.randint(30, 38)
                members = [
                    Slot(family, FamilyRole.HEAD, "adult", age=head_age),
                    Slot(family, FamilyRole.SPOUSE, "adult", age=head_age - rng.randint(0, 4)),
                    Slot(family, FamilyRole.PARENT, "pre_pension", age=rng.randint(56, 60)),
                ]
            else:
                children = [rng.randint(16, 26) for _ in range(max(0, min(size, 4) - 2))]
                head_age = (
                    (max(children) + rng.randint(21, 28)) if children else rng.randint(24, 55)
                )
                head_age = min(head_age, 58)
                members = [
                    Slot(family, FamilyRole.HEAD, "adult", age=head_age),
                    Slot(
                        family,
                        FamilyRole.SPOUSE,
                        "adult",
                        age=max(20, head_age - rng.randint(0, 5)),
                    ),
                ]
                for age in children:
                    stage = "student" if age <= 19 else "youth"
                    members.append(Slot(family, FamilyRole.CHILD, stage, age=age))
                if size == 5:
                    members.append(Slot(family, FamilyRole.OTHER, "adult", age=rng.randint(22, 40)))
            slots.extend(members)
            family += 1
        else:
            stage = ctx.weighted(("youth", "student", "adult", "pre_pension"), (20, 6, 62, 12))
            slots.append(Slot(None, None, stage))
    return slots[:n]


def plan_slots(ctx: Ctx, n: int) -> list[Slot]:
    """Households and life stages, then statuses with every status present."""
    rng = ctx.rng
    slots = _households(ctx, n)
    keys = list(STATUS_SHARES)
    weights = list(STATUS_SHARES.values())
    for slot in slots:
        slot.status = rng.choices(keys, weights=weights, k=1)[0]
    singles = [s for s in slots if s.family is None]
    if n >= 10 and len(singles) >= 2:
        # The youth-practice age bound: one aged 29 (turns 30 tomorrow), one who just turned 30.
        singles[0].stage, singles[0].status = "boundary29", SeekerStatus.UNEMPLOYED
        singles[1].stage, singles[1].status = "boundary30", SeekerStatus.UNEMPLOYED
    if n >= len(keys) + 2:
        for wanted in keys:
            if any(s.status == wanted for s in slots):
                continue
            counts = {k: sum(s.status == k for s in slots) for k in keys}
            common = max(counts, key=lambda k: counts[k])
            donor = next(s for s in slots if s.status == common and not s.stage.startswith("b"))
            donor.status = wanted
    return slots


def _birth_date(ctx: Ctx, slot: Slot, sex: Sex) -> date:
    rng = ctx.rng
    today = ctx.today
    if slot.stage == "boundary29":
        return add_years(today, -30) + timedelta(days=1)
    if slot.stage == "boundary30":
        return add_years(today, -30)
    if slot.age is not None:
        age = slot.age
    elif slot.stage == "youth":
        age = rng.randint(20, 29)
    elif slot.stage == "student":
        age = rng.randint(16, 20)
    elif slot.stage == "pre_pension":
        age = rng.randint(55, 62 if sex == Sex.MALE else 60)
    else:
        age = rng.randint(24, 54)
    if slot.status is None:
        age = min(age + (rng.randint(0, 3) if slot.stage == "pre_pension" else 0), 63)
    born = add_years(today, -age) - timedelta(days=rng.randint(1, 364))
    p = params_for(today)
    while slot.status is not None and p.is_pension_age(born, sex.value, today):
        born = add_years(born, 1)
    return born


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


def _school(ctx: Ctx, lang: str, born: date, age: int) -> EducationEntry | None:
    year = born.year + (17 if age >= 17 else 16)
    graduated = date(year, 6, 25)
    if graduated > ctx.today:
        return None
    number = ctx.rng.randint(1, 90)
    name = (
        f"№{number} жалпы білім беретін мектеп"
        if lang == "kk"
        else f"Общеобразовательная школа №{number}"
    )
    return EducationEntry(level=E.SECONDARY, institution=name, graduated_on=graduated)


def _level_for(ctx: Ctx, job: Job) -> EducationLevel:
    rng = ctx.rng
    if job.education == E.HIGHER:
        return E.HIGHER if rng.random() < 0.85 else E.TIPO
    if job.education == E.TIPO:
        return ctx.weighted((E.TIPO, E.SECONDARY, E.HIGHER), (70, 15, 15))
    return ctx.weighted((E.SECONDARY, E.TIPO, E.HIGHER, E.NONE), (55, 30, 12, 3))


def _education(ctx: Ctx, story_job: Job, slot: Slot, lang: str, born: date) -> list[EducationEntry]:
    rng = ctx.rng
    today = ctx.today
    age = age_in_years(born, today)
    entries: list[EducationEntry] = []
    school = _school(ctx, lang, born, age)
    if school is not None:
        entries.append(school)
    if slot.stage == "student" or age < 19:
        return entries
    recent = slot.stage in ("youth", "boundary29", "boundary30")
    level = (
        (story_job.education if story_job.education in (E.TIPO, E.HIGHER) else E.TIPO)
        if recent
        else _level_for(ctx, story_job)
    )
    if level in (E.SECONDARY, E.NONE):
        return entries
    years_after_birth = 21 if level == E.HIGHER else 19
    earliest = add_years(born, years_after_birth)
    if earliest > today - timedelta(days=20):
        level, earliest = E.TIPO, add_years(born, 19)
        if earliest > today - timedelta(days=20):
            return entries
    if slot.stage in ("boundary29", "boundary30"):
        graduated = today - timedelta(days=rng.randint(200, 700))
    elif recent:
        graduated = max(earliest, today - timedelta(days=rng.randint(20, 3 * 365 - 20)))
    else:
        graduated = date(earliest.year + rng.randint(0, 1), 6, 30)
        if graduated > today:
            graduated = earliest
    specialty = story_job.specialty or rng.choice([j.specialty for j in JOBS if j.specialty])
    assert specialty is not None
    institutions = INSTITUTIONS["higher" if level == E.HIGHER else "tipo"]
    entries.append(
        EducationEntry(
            level=level,
            institution=rng.choice(institutions),
            specialty_code=specialty[0],
            specialty_name=specialty[2] if lang == "kk" else specialty[1],
            graduated_on=graduated,
        )
    )
    if level == E.HIGHER and not recent and rng.random() < 0.06:
        master = date(graduated.year + 2, 6, 30)
        if master <= today:
            entries.append(
                EducationEntry(
                    level=E.POSTGRADUATE,
                    institution=rng.choice(institutions),
                    specialty_code=specialty[0].replace("6B", "7M"),
                    specialty_name=specialty[2] if lang == "kk" else specialty[1],
                    graduated_on=master,
                )
            )
    return entries


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
        born = _birth_date(ctx, slot, sex)
        iin = make_iin(born, sex.value, rng.randrange(10_000))
        while iin in iins:
            iin = make_iin(born, sex.value, rng.randrange(10_000))
        iins.add(iin)
        lang = ctx.lang_for(region, person.kazakh)
        job = _job_for(ctx, slot, locality)
        title = rng.choice(job.titles)
        education = _education(ctx, job, slot, lang, born)
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
