"""The dashboard's charts, and every main page of each role checked with axe-core in kk and ru."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import check_page, sign_in

PAGES: dict[str | None, tuple[str, ...]] = {
    None: (
        "/",
        "/search?q=жүргізуші",
        "/match",
        "/programmes",
        "/programmes/social-jobs",
        "/programmes/youth-practice",
        "/register",
        "/login",
    ),
    "seeker1@demo.kz": ("/me", "/me/profile", "/me/applications", "/me/searches", "/me/data"),
    "employer1@demo.kz": ("/employer", "/employer/referrals", "/employer/profile"),
    "staff1@demo.kz": ("/desk", "/desk/public-works", "/desk/overdue", "/dashboard"),
    "admin@demo.kz": ("/dashboard", "/admin"),
}


def test_dashboard_renders_its_charts(page: Page) -> None:
    sign_in(page, "admin@demo.kz")
    page.goto("/dashboard")
    charts = page.locator("svg[role=img]")
    assert charts.count() >= 3
    assert all(charts.nth(i).locator("title").count() for i in range(charts.count()))
    assert page.locator("table").count() >= charts.count()
    check_page(page, "dashboard")


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("who", list(PAGES), ids=lambda w: (w or "anonymous").split("@")[0])
def test_every_main_page_is_accessible(page: Page, who: str | None, lang: str) -> None:
    if who is not None:
        sign_in(page, who)
    for path in PAGES[who]:
        joiner = "&" if "?" in path else "?"
        response = page.goto(f"{path}{joiner}lang={lang}")
        assert response is not None and response.status == 200, (
            f"{path}: {response and response.status}"
        )
        assert page.locator("html").get_attribute("lang") == lang
        name = (who or "anonymous").split("@")[0] + path.replace("/", "-").split("?")[0]
        check_page(page, f"{name}-{lang}")
