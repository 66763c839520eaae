"""A job seeker searches in Kazakh, opens a vacancy, applies, and follows the application."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import check_page, sign_in

QUERIES = ("аспаз", "жүргізуші", "сатушы", "есепші")


def test_seeker_searches_in_kazakh_and_applies(page: Page) -> None:
    sign_in(page, "seeker2@demo.kz")
    check_page(page, "seeker-jobs-for-me")
    for query in QUERIES:
        page.goto("/")
        page.fill("input[name=q]", query)
        page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
        links = page.locator("ol.results h2 a, ol.results h3 a")
        if links.count():
            break
    assert links.count(), "no Kazakh query found anything"
    check_page(page, "search-kk")
    for index in range(links.count()):
        page.goto("/search?q=" + query)
        page.locator("ol.results h2 a, ol.results h3 a").nth(index).click()
        page.wait_for_load_state("networkidle")
        if page.locator("#cover_letter").count():
            break
    else:
        raise AssertionError("every result was already applied to")
    title = page.locator("h1").inner_text()
    check_page(page, "vacancy-kk")
    page.fill("#cover_letter", "Сәлеметсіз бе! Осы жұмысқа қызығамын, тәжірибем бар.")
    page.click("#apply button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#apply .badge").count() == 1, page.locator("#apply").inner_text()
    page.goto("/me/applications")
    assert page.get_by_text(title).count() >= 1
    check_page(page, "seeker-applications")
