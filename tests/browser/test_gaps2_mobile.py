"""At 390 px: the Apply box is near the top of a vacancy, /match lands at its results, and the
desk's client record and its match page fit the screen (no sideways scrolling)."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Page

from matching.iin import make_iin
from tests.browser.conftest import check_page, sign_in

MOBILE = {"width": 390, "height": 844}
CV = "Аспаз, 5 жыл тәжірибе. Ұлттық тағамдар, наубайшы, тандыр."


def _page_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


WIDE = """() => [...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' '
    + Math.round(e.getBoundingClientRect().right))"""


def test_vacancy_and_match_on_a_phone(page: Page) -> None:
    page.set_viewport_size(MOBILE)
    page.goto("/search?lang=ru")
    page.locator("main h3 a").first.click()
    page.wait_for_load_state("networkidle")
    top = page.locator("#apply").bounding_box()
    assert top is not None and top["y"] < 844, top  # the box starts on the first screen
    check_page(page, "gaps2-vacancy-ru-390")
    for lang in ("kk", "ru"):
        page.goto(f"/match?lang={lang}")
        page.fill("#cv", CV)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        assert page.url.endswith("#results")
        heading = page.locator("#results-heading")
        assert re.search(r"\d+", heading.inner_text())
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < 844, box  # in view, not 1,500 px lower
        assert page.evaluate("window.scrollY") > 0
        check_page(page, f"gaps2-match-results-{lang}-390")


def test_desk_client_record_and_match_fit_390_px(page: Page) -> None:
    sign_in(page, "staff1@demo.kz")
    page.set_viewport_size(MOBILE)
    page.goto("/desk/clients/new?lang=kk")
    page.fill("#f-iin", make_iin(date(1990, 3, 4), "male", 5252))
    page.fill("#f-birth_date", "1990-03-04")
    page.fill("#f-last_name", "Жақсылықов-Сейітқалиев")
    page.fill("#f-first_name", "Нұрсұлтанбек")
    page.select_option("#f-education", index=1)
    page.check("#f-consent")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    found = re.search(r"/desk/clients/\d+", page.url)
    assert found, page.locator("main").inner_text()[:1500]
    href = found.group(0)
    for lang in ("kk", "ru"):
        for path in (href, f"{href}/match"):
            page.goto(f"{path}?lang={lang}")
            width = _page_width(page)
            name = path.strip("/").replace("/", "-")
            check_page(page, f"gaps2-{re.sub(r'[0-9]+', 'N', name)}-{lang}-390")
            assert width <= 390, f"{path} ({lang}) is {width} px wide: {page.evaluate(WIDE)}"
