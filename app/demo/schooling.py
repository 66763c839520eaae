"""Demo schooling: a school certificate, then the college or university a person's trade
calls for, with dates that fit their age."""

from __future__ import annotations

from datetime import date, timedelta

from app.models import EducationEntry, EducationLevel
from matching.rules.dates import add_years, age_in_years

from .common import Ctx
from .households import Slot
from .jobs import Job
from .jobs_data import JOBS
from .names import INSTITUTIONS

E = EducationLevel
LEVEL_TEXT = {
    E.SECONDARY: ("общее среднее", "жалпы орта"),
    E.TIPO: ("техническое и профессиональное", "техникалық және кәсіптік"),
    E.POST_SECONDARY: ("послесреднее", "орта білімнен кейінгі"),
    E.HIGHER: ("высшее", "жоғары"),
    E.POSTGRADUATE: ("послевузовское", "жоғары оқу орнынан кейінгі"),
}


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


def education_entries(
    ctx: Ctx, story_job: Job, slot: Slot, lang: str, born: date
) -> list[EducationEntry]:
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
