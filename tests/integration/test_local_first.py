"""Local first, end to end on real coordinates (database → outbox → index → ranking).

The cases of issue #11, made small and fixed: each fails on the global top-K retrieval and the
weighted mean that ranked them before (a far posting crowding out the local one, or one shared
skill outweighing any distance).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Flask
from sqlalchemy.orm import Session

from app import extensions
from app.models import Cv, CvVisibility, Employer, Role, Seeker, Vacancy
from app.services.candidates import candidates_for_vacancy, similar_vacancies
from app.services.cv_match import anonymous_profile
from app.services.people import person_facts, seeker_profile
from app.services.recommendations import Recommendation, recommend
from app.services.vacancies import VacancyInput, create_vacancy
from tests.db.factories import a_locality, a_seeker, an_employer

TODAY = date(2026, 11, 24)
KATO = {
    "Караганда": "351010000",
    "Кызылорда": "431010000",
    "Каскелен": "195220100",
    "Алматы": "750000000",
    "Талдыкорган": "331010000",
    "Конаев": "191010000",
    "Астана": "710000000",
    "Нура": "355230100",
}


def _post(
    session: Session, employer: Employer | None, place: str, title: str, **values: object
) -> int:
    """A posting; without ``employer`` by an employer of its own (one employer's postings of
    the same text would be near-duplicates, shown once)."""
    owner = employer or an_employer(session, name=f'ТОО "{place} {title}"')
    data = VacancyInput.of(title=title, locality_kato=KATO[place], **values)
    return create_vacancy(session, owner, data).id


def _seeker(session: Session, place: str, title: str, **fields: object) -> int:
    seeker = a_seeker(session, locality=a_locality(session, place), **fields)
    seeker.cv = Cv(title=title, summary="")
    session.flush()
    return seeker.id


def _for_seeker(app: Flask, seeker_id: int) -> list[Recommendation]:
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, seeker_id)
        assert seeker is not None
        profile = seeker_profile(seeker, TODAY, person_facts(seeker))
        return recommend(session, extensions.indexing(app), profile, today=TODAY)


def test_a_local_posting_gets_in_although_far_ones_match_the_words_better(app: Flask) -> None:
    """A Karaganda accountant (30 km) with 110 closer-worded postings in Kyzylorda (794 km):
    the global text top-100 never held the local job, so it was never ranked."""
    with extensions.database(app).session() as session:
        for _ in range(110):
            _post(
                session,
                None,
                "Кызылорда",
                "Бухгалтер 1С бухгалтерия",
                description="Бухгалтер: 1С, бухгалтерия, бухгалтерский учёт, налоговая отчётность.",
            )
        local = _post(session, None, "Караганда", "Главный бухгалтер", description="Учёт.")
        seeker_id = _seeker(
            session,
            "Караганда",
            "Бухгалтер 1С, бухгалтерия, налоговая отчётность",
            max_commute_km=30,
        )
    ranked = _for_seeker(app, seeker_id)
    assert ranked[0].vacancy.id == local
    assert ranked[0].ranked.explanation.within_reach
    far = ranked[1].ranked.explanation
    assert not far.within_reach and "distance_far" in [n.code for n in far.misfits]


def test_the_same_trade_nearby_before_other_work_in_town_and_before_far(app: Flask) -> None:
    """A Karaganda accountant (30 km): the local accountant job, then accountant jobs 93 and 176
    km away (beyond the limit, nearer first), then Kyzylorda (794 km); a cleaner's job in town,
    sharing one skill, after the accountant jobs within 200 km."""
    with extensions.database(app).session() as session:
        employer = None
        kyzylorda = _post(session, employer, "Кызылорда", "Бухгалтер", occupation_code="2411")
        nura = _post(session, employer, "Нура", "Бухгалтер", occupation_code="2411")
        astana = _post(session, employer, "Астана", "Бухгалтер", occupation_code="2411")
        local = _post(session, employer, "Караганда", "Бухгалтер", occupation_code="2411")
        cleaner = _post(
            session,
            employer,
            "Караганда",
            "Уборщица",
            occupation_code="9112",
            skills=["Работа с документами"],
        )
        seeker_id = _seeker(
            session,
            "Караганда",
            "Бухгалтер",
            desired_occupations=["2411"],
            skills=["Работа с документами"],
            max_commute_km=30,
        )
    order = [r.vacancy.id for r in _for_seeker(app, seeker_id)]
    assert order.index(local) == 0
    assert order.index(nura) < order.index(astana) < order.index(kyzylorda)  # 128, 176, 794 km
    assert order.index(astana) < order.index(cleaner)


def test_a_stated_commute_limit_is_honoured(app: Flask) -> None:
    """Nura, a village: the rules' default is 50 km; a seeker who said 150 km reaches Karaganda."""
    with extensions.database(app).session() as session:
        employer = None
        karaganda = _post(session, employer, "Караганда", "Бухгалтер", occupation_code="2411")
        astana = _post(session, employer, "Астана", "Бухгалтер", occupation_code="2411")
        default = _seeker(session, "Нура", "Бухгалтер", desired_occupations=["2411"])
        wide = _seeker(
            session, "Нура", "Бухгалтер", desired_occupations=["2411"], max_commute_km=150
        )
    by_default = {r.vacancy.id: r.ranked for r in _for_seeker(app, default)}
    assert by_default[karaganda].limit_km == 50
    assert not by_default[karaganda].explanation.within_reach
    by_wish = {r.vacancy.id: r.ranked for r in _for_seeker(app, wide)}
    assert by_wish[karaganda].explanation.within_reach  # 121 km
    assert by_wish[astana].explanation.within_reach  # 100 km
    assert by_wish[karaganda].factors["reach"] == 1.0


def test_match_for_a_cook_in_kaskelen_ranks_almaty_before_taldykorgan(app: Flask) -> None:
    """/match: "Повар с опытом 5 лет" from Kaskelen: Almaty (25 km) before Taldykorgan (246 km),
    the occupation and the five years read from the text, not reported as unknown."""
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        taldykorgan = _post(
            session,
            employer,
            "Талдыкорган",
            "Повар столовой",
            occupation_code="5120",
            experience="3_6",
            skills=["Санитарная книжка"],
        )
        almaty = _post(
            session, employer, "Алматы", "Повар", occupation_code="5120", experience="3_6"
        )
        plumber = _post(
            session,
            employer,
            "Каскелен",
            "Сантехник",
            occupation_code="7126",
            skills=["Санитарная книжка"],
        )
    with extensions.database(app).session() as session:
        profile = anonymous_profile(
            session, text="Повар с опытом 5 лет", locality_kato=KATO["Каскелен"]
        )
        assert profile.desired_occupations == ("5120",) and profile.experience_years == 5
        found = recommend(session, extensions.indexing(app), profile, today=TODAY)
    order = [r.vacancy.id for r in found]
    assert order[:2] == [almaty, taldykorgan]
    assert plumber not in order or order.index(plumber) > order.index(taldykorgan)
    first = found[0].ranked.explanation
    assert {"occupation_same", "experience_meets"} <= {n.code for n in first.fits}
    assert not {"occupation_unknown", "experience_unknown"} & {n.code for n in first.notes()}
    assert found[0].ranked.explanation.matched_skills == ()  # the text names no skill


def test_a_language_the_person_lacks_demotes_and_says_so(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = None
        english = _post(
            session, employer, "Алматы", "Бухгалтер", occupation_code="2411", languages=["en"]
        )
        russian = _post(
            session, employer, "Алматы", "Бухгалтер", occupation_code="2411", languages=["ru"]
        )
        seeker_id = _seeker(
            session,
            "Алматы",
            "Бухгалтер",
            desired_occupations=["2411"],
            languages=["kk", "ru"],
        )
    found = _for_seeker(app, seeker_id)
    assert [r.vacancy.id for r in found] == [russian, english]
    notes = {n.code: n for n in found[1].ranked.explanation.misfits}
    assert notes["language_missing"].params == {"items": ["en"]}


def test_similar_vacancies_include_the_same_job_in_the_same_town(app: Flask) -> None:
    """A cook in Konaev: 60 newer cook postings far away filled the similar list before."""
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        local = _post(session, employer, "Конаев", "Аспаз", occupation_code="5120")
        row = session.get(Vacancy, local)
        assert row is not None
        row.published_at = datetime(2026, 10, 1, tzinfo=UTC)  # older than all the far ones
        base = _post(session, employer, "Конаев", "Повар", occupation_code="5120")
        far = [
            _post(session, None, city, "Повар", occupation_code="5120")
            for city in ("Астана", "Караганда") * 30
        ]
    with extensions.database(app).session() as session:
        found = similar_vacancies(session, extensions.indexing(app), base)
    ids = [doc.id for doc, _ in found]
    assert ids[0] == local
    assert set(ids[1:]) <= set(far)


def test_candidates_for_a_cook_are_cooks_not_far_plumbers_sharing_a_skill(app: Flask) -> None:
    with extensions.database(app).session() as session:
        employer = an_employer(session)
        vacancy = _post(
            session,
            employer,
            "Конаев",
            "Повар",
            occupation_code="5120",
            skills=["Санитарная книжка", "Национальная кухня"],
        )

        def cv(place: str, title: str, codes: list[str], skills: list[str]) -> int:
            seeker = a_seeker(
                session,
                locality=a_locality(session, place),
                desired_occupations=codes,
                skills=skills,
            )
            seeker.cv = Cv(
                title=title,
                visibility=CvVisibility.PUBLIC,
                consent_publish_at=datetime.now(UTC),
            )
            session.flush()
            return seeker.cv.id

        plumbers = [
            cv(place, "Сантехник", ["7126"], ["Санитарная книжка"])
            for place in ("Талдыкорган", "Кызылорда", "Алматы")
        ]
        cook = cv("Конаев", "Повар", ["5120"], ["Национальная кухня"])
        far_cook = cv("Астана", "Повар", ["5120"], ["Санитарная книжка", "Национальная кухня"])
    with extensions.database(app).session() as session:
        found = candidates_for_vacancy(
            session, extensions.indexing(app), vacancy, Role.STAFF, today=TODAY
        )
    order = [c.cv.id for c in found]
    assert order[:2] == [cook, far_cook]
    assert set(order[2:]) == set(plumbers)
    assert all(c.ranked.factors["occupation"] < 0.5 for c in found[2:])
