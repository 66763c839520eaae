"""An employer posts a social job and sees it found by search within seconds.

The site runs with REDIS_URL set and a separate `zhumys worker`, so the posting reaches the
index through the outbox → RQ → worker path, as in production.
"""

from __future__ import annotations

import time

from playwright.sync_api import Page

from tests.browser.conftest import check_page, sign_in

FOUND_WITHIN_S = 15


def test_employer_posts_a_social_job_found_by_search(page: Page) -> None:
    sign_in(page, "employer1@demo.kz")
    page.goto("/employer")
    check_page(page, "employer-vacancies")
    page.goto("/employer/vacancies/new")
    check_page(page, "employer-new-vacancy")
    page.fill("#f-title", "Аула күтушісі Жасылтоғай")
    page.select_option("#f-kind", "social_job")
    page.fill("#f-description", "Аула мен саябақты күту, гүлзарларды суару. Толық жұмыс күні.")
    page.fill("#f-places", "2")
    page.fill("#f-salary_from", "120000")
    page.fill("#f-max_duration_months", "6")
    locality = page.locator("#f-locality_kato option:not([value=''])").first.get_attribute("value")
    assert locality
    page.select_option("#f-locality_kato", locality)
    page.click("button[name=action][value=publish]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".field-error").count() == 0, page.locator("main").inner_text()

    started = time.monotonic()
    while True:
        page.goto("/search?q=Жасылтоғай")
        if page.get_by_text("Аула күтушісі Жасылтоғай").count():
            break
        assert time.monotonic() - started < FOUND_WITHIN_S, "not found by search in time"
        time.sleep(0.5)
    check_page(page, "search-found-new-social-job")
