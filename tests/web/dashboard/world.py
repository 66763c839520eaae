"""A small hand-built data set for the dashboard figures (every number is worked out by hand).

Centre A (Astana) has seven clients s1..s6, s8 and centre B (Almaty) one, s7; the period is 2026:

- s1 F born 2004 (16-24, youth), registered 10 Jan, permanent job 9 Feb (30 days)
- s2 M born 1990 (35-49), registered 1 Feb, temporary job 2 Apr (60 days)
- s3 F born 1970 (50+), registered June 2025, unemployed, not placed
- s4 M born 2000 (25-34, youth), registered 1 Mar, social job 11 Mar (10 days) to 10 Sep,
  then a permanent job 20 Sep (203 days)
- s5 F, deregistered 1 Dec 2025: not a client in 2026
- s6 F born 1995 (25-34, not youth), registered 1 May, public works 11 May (10 days), nothing after
- s8 F born 2003 (16-24, youth), registered 1 Apr, job seeker, not placed
- s7 M (centre B), registered 5 Jan, permanent job 15 Jan
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.models import (
    Centre,
    Placement,
    Referral,
    ReferralOutcome,
    Seeker,
    SeekerStatus,
    Sex,
    VacancyKind,
)
from tests.db.factories import a_locality, a_seeker, a_vacancy, an_employer

FROM, TO, TODAY = date(2026, 1, 1), date(2026, 12, 31), date(2026, 11, 24)


@dataclass
class World:
    centre_a: int
    centre_b: int
    region_a: int
    region_b: int


def centres(session: Session) -> tuple[Centre, Centre]:
    astana, almaty = a_locality(session, "Астана"), a_locality(session, "Алматы")
    a = Centre(name_kk="Астана орталығы", name_ru="Центр Астаны", region_id=astana.region_id)
    b = Centre(name_kk="Алматы орталығы", name_ru="Центр Алматы", region_id=almaty.region_id)
    session.add_all([a, b])
    session.flush()
    return a, b


def build(session: Session, a: Centre, b: Centre) -> World:
    astana, almaty = a_locality(session, "Астана"), a_locality(session, "Алматы")
    employer = an_employer(session, name="ТОО Өрнек")
    job = a_vacancy(session, employer, locality=astana, places=3, occupation_code="7212")
    a_vacancy(session, employer, locality=almaty, occupation_code="2512", title="Бағдарламашы")
    social = a_vacancy(session, employer, locality=astana, kind=VacancyKind.SOCIAL_JOB)

    def seeker(
        name: str, sex: Sex, born: date, registered: date, status: SeekerStatus, **kw: Any
    ) -> Seeker:
        return a_seeker(
            session,
            first_name=name,
            sex=sex,
            birth_date=born,
            registered_on=registered,
            status=status,
            status_since=kw.pop("since", registered),
            centre_id=kw.pop("centre_id", a.id),
            locality_id=astana.id,
            **kw,
        )

    def placed(
        person: Seeker,
        started: date,
        kind: VacancyKind = VacancyKind.REGULAR,
        permanent: bool = False,
        ended: date | None = None,
    ) -> None:
        session.add(
            Placement(
                seeker_id=person.id,
                vacancy_id=social.id if kind is VacancyKind.SOCIAL_JOB else job.id,
                kind=kind,
                is_permanent=permanent,
                started_on=started,
                ended_on=ended,
            )
        )

    employed = SeekerStatus.EMPLOYED
    s1 = seeker(
        "s1", Sex.FEMALE, date(2004, 3, 1), date(2026, 1, 10), employed, since=date(2026, 2, 9)
    )
    placed(s1, date(2026, 2, 9), permanent=True)
    s2 = seeker(
        "s2", Sex.MALE, date(1990, 5, 5), date(2026, 2, 1), employed, since=date(2026, 4, 2)
    )
    placed(s2, date(2026, 4, 2))
    s3 = seeker(
        "s3",
        Sex.FEMALE,
        date(1970, 1, 1),
        date(2025, 6, 1),
        SeekerStatus.UNEMPLOYED,
        desired_occupations=["7212"],
    )
    s4 = seeker(
        "s4", Sex.MALE, date(2000, 7, 1), date(2026, 3, 1), employed, since=date(2026, 9, 20)
    )
    placed(s4, date(2026, 3, 11), VacancyKind.SOCIAL_JOB, ended=date(2026, 9, 10))
    placed(s4, date(2026, 9, 20), permanent=True)
    seeker(
        "s5",
        Sex.FEMALE,
        date(1980, 1, 1),
        date(2025, 1, 1),
        SeekerStatus.DEREGISTERED,
        since=date(2025, 12, 1),
    )
    s6 = seeker(
        "s6", Sex.FEMALE, date(1995, 1, 1), date(2026, 5, 1), employed, since=date(2026, 5, 11)
    )
    placed(s6, date(2026, 5, 11), VacancyKind.PUBLIC_WORKS)
    s7 = seeker("s7", Sex.MALE, date(1985, 1, 1), date(2026, 1, 5), employed, centre_id=b.id)
    placed(s7, date(2026, 1, 15), permanent=True)
    s8 = seeker("s8", Sex.FEMALE, date(2003, 6, 1), date(2026, 4, 1), SeekerStatus.JOB_SEEKER)

    def referral(
        person: Seeker,
        centre: Centre,
        report_by: date,
        outcome: ReferralOutcome = ReferralOutcome.PENDING,
    ) -> None:
        session.add(
            Referral(
                seeker_id=person.id,
                vacancy_id=job.id,
                centre_id=centre.id,
                issued_on=date(2026, 10, 1),
                report_by=report_by,
                outcome=outcome,
            )
        )

    referral(s8, a, date(2026, 11, 1))  # overdue
    referral(s3, a, date(2026, 12, 10))  # not due yet
    referral(s2, a, date(2026, 3, 1), ReferralOutcome.HIRED)  # answered
    referral(s7, b, date(2026, 11, 1))  # overdue, other centre
    session.flush()
    return World(a.id, b.id, astana.region_id, almaty.region_id)
