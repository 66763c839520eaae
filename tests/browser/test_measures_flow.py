"""Measures in the browser: staff open a family, see each member's vacancies and plan, refer the
mother to the course that teaches the skill local vacancies ask for, record a breach and see its
consequence; a rural seeker with no vacancies nearby sees Bastau Business and resettlement to
the regions with openings in their occupation. In Kazakh and Russian, with axe checks."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date

import pytest
from playwright.sync_api import Page
from sqlalchemy import select

from app import create_app, extensions
from app.models import (
    Employer,
    Family,
    FamilyRole,
    Locality,
    MeasureCourse,
    MeasureKind,
    Role,
    Seeker,
    SeekerStatus,
    Sex,
    User,
)
from app.services.users import create_user
from app.services.vacancies import VacancyInput, create_vacancy
from app.settings import Settings
from tests.browser.conftest import PASSWORD, Site, check_page, sign_in

ACCOUNTANT, DRIVER = "3313", "8322"
ONE_C = "1С: Бухгалтерия"
RURAL_EMAIL = "rural.driver@example.kz"


@dataclass
class Made:
    family_id: int
    mother_id: int


@pytest.fixture(scope="module")
def made(site: Site) -> Made:
    """Rows the flow needs, written through the services (vacancies reach the index through
    the outbox and the site's worker)."""
    app = create_app(Settings.from_env(site.env))
    with extensions.database(app).session() as session:
        staff = session.execute(select(User).where(User.email == "staff1@demo.kz")).scalar_one()
        assert staff.centre is not None
        region_id = staff.centre.region_id
        town = (
            session.execute(
                select(Locality)
                .where(Locality.region_id == region_id)
                .order_by(Locality.is_region_centre.desc(), Locality.id)
            )
            .scalars()
            .first()
        )
        assert town is not None
        employer = session.execute(select(Employer).order_by(Employer.id)).scalars().first()
        assert employer is not None
        for n in range(4):
            create_vacancy(session, employer, VacancyInput.of(
                title=f"Бухгалтер по расчётам {n}", occupation_code=ACCOUNTANT,
                locality_kato=town.kato, skills=[ONE_C, "Excel"], salary_from=280_000,
            ))  # fmt: skip
        for kato in ("750000000",) * 4 + ("790000000",) * 3:
            create_vacancy(session, employer, VacancyInput.of(
                title="Водитель категории C", occupation_code=DRIVER, locality_kato=kato,
                salary_from=350_000,
            ))  # fmt: skip
        family = Family(centre_id=staff.centre_id, contract_from=date.today(), contract_to=None)
        session.add(family)
        session.flush()
        mother = Seeker(
            last_name="Бекова", first_name="Гүлнар", birth_date=date(1990, 4, 2), sex=Sex.FEMALE,
            locality_id=town.id, centre_id=staff.centre_id, status=SeekerStatus.UNEMPLOYED,
            registered_on=date(2026, 1, 12), status_since=date(2026, 1, 26),
            skills=["Excel"], desired_occupations=[ACCOUNTANT],
            family_id=family.id, family_role=FamilyRole.HEAD,
        )  # fmt: skip
        son = Seeker(
            last_name="Беков", first_name="Нұрсұлтан", birth_date=date(2013, 9, 1),
            sex=Sex.MALE, centre_id=staff.centre_id, family_id=family.id,
            family_role=FamilyRole.CHILD,
        )  # fmt: skip
        session.add_all([mother, son])
        session.add(MeasureCourse(
            kind=MeasureKind.SHORT_TRAINING, title_kk="1С: Бухгалтерия курсы",
            title_ru="Курсы 1С: Бухгалтерия", provider="Политехнический колледж",
            region_id=region_id, centre_id=staff.centre_id, skills=[ONE_C], duration_months=2,
        ))  # fmt: skip
        village = session.execute(
            select(Locality).where(Locality.name_ru == "Карааул")
        ).scalar_one()
        user = create_user(session, email=RURAL_EMAIL, password=PASSWORD, role=Role.SEEKER,
                           display_name="Серік")  # fmt: skip
        session.add(Seeker(
            user_id=user.id, last_name="Оспанов", first_name="Серік", birth_date=date(1988, 2, 2),
            sex=Sex.MALE, locality_id=village.id, desired_occupations=[DRIVER],
        ))  # fmt: skip
        session.add(MeasureCourse(
            kind=MeasureKind.BASTAU, title_kk="Бастау Бизнес: Қарауыл",
            title_ru="Бастау Бизнес: Караул", provider="Атамекен", region_id=village.region_id,
            duration_days=21,
        ))  # fmt: skip
        session.commit()
        result = Made(family.id, mother.id)
    return result


def _wait_for_index(page: Page, path: str, text: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page.goto(path)
        if text in page.locator("main").inner_text():
            return
        time.sleep(1)
    raise AssertionError(f"{text!r} never appeared on {path}")


def test_staff_family_plan_course_referral_and_breach(page: Page, made: Made) -> None:
    sign_in(page, "staff1@demo.kz")
    measures = f"/desk/clients/{made.mother_id}/measures?lang=ru"
    _wait_for_index(page, measures, "Учит «1С: Бухгалтерия»")

    page.goto(f"/desk/families/{made.family_id}/plan?lang=ru")
    main = page.locator("main")
    assert "Бухгалтер по расчётам" in main.inner_text()  # the mother's vacancies
    assert "Не хватает: 1С: Бухгалтерия" in main.inner_text()
    assert "Нетрудоспособен" in main.inner_text()  # the son, 12
    page.select_option("#p-kind", "training")
    page.fill("#p-days", "5")
    page.locator("form[action$='/plan'] button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "Профессиональное обучение" in page.locator(".plan-items").inner_text()
    check_page(page, "measures-family-plan-ru")

    page.goto(measures)
    first = page.locator("#proposals > li").first
    assert "Курсы 1С: Бухгалтерия" in first.inner_text()
    assert "местных вакансий требуют «1С: Бухгалтерия»" in first.inner_text()
    check_page(page, "measures-client-routing-ru")
    first.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/desk/measure-referrals/\d+", page.url), page.url
    assert "Курсы 1С: Бухгалтерия" in page.locator("#measure-course").inner_text()
    check_page(page, "measures-referral-sheet")
    page.check("#outcome-enrolled")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#outcome").inner_text().startswith(("Оқуға қабылданды", "Зачислен"))

    page.goto(f"/desk/families/{made.family_id}/plan?lang=kk")
    page.locator("button[id^=breach-]").first.click()
    page.wait_for_load_state("networkidle")
    assert "Көмек екі есе қысқартылды" in page.locator("#standing").inner_text()
    page.goto(f"/desk/families/{made.family_id}/plan?lang=ru")
    standing = page.locator("#standing").inner_text()
    assert "Помощь сокращена вдвое" in standing and "Первое нарушение" in standing
    assert "Бекова Гүлнар" in standing  # whose share is cut; the son's is not
    check_page(page, "measures-family-breach-ru")


def test_rural_seeker_sees_bastau_and_resettlement(page: Page, made: Made) -> None:
    sign_in(page, RURAL_EMAIL)
    _wait_for_index(page, "/me?lang=ru", "Добровольное переселение")
    section = page.locator("#measures").inner_text()
    assert "Обучение основам предпринимательства «Бастау Бизнес»" in section
    assert "Алматы:" in section and "Шымкент:" in section
    check_page(page, "measures-seeker-ru")
    page.goto("/me?lang=kk")
    section = page.locator("#measures").inner_text()
    assert "Ерікті қоныс аудару" in section and "Алматы қаласы:" in section
    page.locator("#seeker-proposal-resettlement button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "Өтінішіңіз жұмыспен қамту орталығына жіберілді" in page.locator("main").inner_text()
    check_page(page, "measures-seeker-kk")
