"""The pages every visitor sees, in a real browser: language switch, sign-in, accessibility."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import check_page, sign_in


def test_home_in_kazakh_then_russian(page: Page) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "kk"
    check_page(page, "home-kk")
    page.click("nav.languages a[hreflang=ru]")
    assert page.locator("html").get_attribute("lang") == "ru"
    check_page(page, "home-ru")
    page.goto("/login")
    assert page.locator("html").get_attribute("lang") == "ru", "the choice is remembered"


def test_sign_in_page_and_staff_sign_in(page: Page) -> None:
    page.goto("/login")
    check_page(page, "login")
    sign_in(page, "staff1@demo.kz")
    assert page.locator("header .who").inner_text().strip() != ""
