"""Issue 16 flows as their users meet them, in Kazakh and Russian, desktop and 390 px:
staff find a client however the name is typed and fill the client's work profile and CV;
an employer is told the programme limit instead of having it applied silently, reads the
applicants first and confirms before closing a vacancy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page

from matching.iin import make_iin
from tests.browser.conftest import Site, check_page, sign_in

MOBILE = {"width": 390, "height": 844}
REFUSED_FORM = "the server responded with a status of 422"


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    """The shared page fixture, except that the 422 a refused form answers (bad input is
    part of these flows) is expected in the console; any other console error still fails."""
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on(
        "console",
        lambda m: (
            errors.append(m.text) if m.type == "error" and REFUSED_FORM not in m.text else None
        ),
    )
    yield opened
    context.close()
    assert not errors, f"errors in the browser console: {errors}"


def _register(page: Page) -> str:
    page.goto("/desk/clients/new")
    page.fill("#f-iin", make_iin(date(1991, 6, 2), "female", 5151))
    page.fill("#f-birth_date", "1991-06-02")
    page.fill("#f-last_name", "Тұрсынова")
    page.fill("#f-first_name", "Әсел")
    page.select_option("#f-education", index=1)
    page.check("#f-consent")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    found = re.search(r"/desk/clients/(\d+)", page.url)
    assert found, page.locator("main").inner_text()[:1500]
    return found.group(1)


def test_staff_find_by_any_spelling_and_fill_the_work_profile(page: Page) -> None:
    sign_in(page, "staff1@demo.kz")
    client_id = _register(page)
    for typed in ("турсынова", "ТУРСЫН", "Тұрсынова"):
        page.goto(f"/desk?last_name={typed}")
        assert page.locator(f"#client-{client_id}").count() == 1, typed

    page.goto(f"/desk/clients/{client_id}?lang=ru")
    page.click("text=Изменить профессиональный профиль и резюме")
    page.fill("#f-occ_q", "аспаз")
    page.locator("main form[role=search] button").click()
    page.wait_for_load_state("networkidle")
    page.locator("input[name=desired_occupations]").first.check()
    page.fill("#f-skills", "тағам дайындау, наубайшы")
    page.fill("#f-desired_salary", "много")
    page.fill("#f-cv_title", "Аспаз")
    page.locator("button", has_text="Сохранить профиль").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#error-desired_salary").count() == 1
    assert page.locator("#f-skills").input_value() == "тағам дайындау, наубайшы"
    check_page(page, "gaps-desk-profile-error-ru")
    page.fill("#f-desired_salary", "220000")
    page.locator("button", has_text="Сохранить профиль").click()
    page.wait_for_load_state("networkidle")
    page.fill("#f-work_position", "Аспаз")
    page.fill("#f-work_employer_name", "Дәмді асхана")
    page.fill("#f-work_started_on", "2018-02-01")
    page.locator("button", has_text="Добавить опыт работы").click()
    page.wait_for_load_state("networkidle")
    page.goto(f"/desk/clients/{client_id}?lang=kk")
    profile = page.locator("#work-profile").inner_text()
    assert "наубайшы" in profile and "Дәмді асхана" in profile and "Аспаз" in profile
    check_page(page, "gaps-desk-record-kk")
    page.set_viewport_size(MOBILE)
    page.goto(f"/desk/clients/{client_id}/profile?lang=kk")
    check_page(page, "gaps-desk-profile-kk-390")


def test_employer_limits_applicants_and_closing(page: Page) -> None:
    sign_in(page, "employer1@demo.kz")
    page.goto("/employer/vacancies/new?lang=ru")
    page.fill("#f-title", "Помощник садовника")
    page.select_option("#f-kind", "social_job")
    page.fill("#f-salary_from", "120000")
    page.fill("#f-max_duration_months", "18")
    locality = page.locator("#f-locality_kato option:not([value=''])").first.get_attribute("value")
    assert locality
    page.select_option("#f-locality_kato", locality)
    page.click("button[name=action][value=publish]")
    page.wait_for_load_state("networkidle")
    error = page.locator("#error-max_duration_months").inner_text()
    assert "12" in error, error
    check_page(page, "gaps-employer-limit-ru")
    page.fill("#f-max_duration_months", "12")
    page.click("button[name=action][value=publish]")
    page.wait_for_load_state("networkidle")
    assert re.search(r"/employer/vacancies/\d+$", page.url), page.url
    check_page(page, "gaps-employer-vacancy-ru")
    page.click("text=Закрыть вакансию")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/close"), page.url
    check_page(page, "gaps-employer-close-confirm-ru")
    page.click("text=Нет, оставить открытой")
    page.wait_for_load_state("networkidle")
    page.goto(page.url.split("?")[0] + "?lang=kk")
    page.click("text=Бос орынды жабу")
    page.click("button:has-text('Иә, бос орынды жабу')")
    page.wait_for_load_state("networkidle")
    assert page.locator(".flash.success").count() == 1
    page.set_viewport_size(MOBILE)
    check_page(page, "gaps-employer-vacancy-closed-kk-390")
