"""Centre staff register a client, match them to vacancies, refer them and record a refusal."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Page

from matching.iin import make_iin
from tests.browser.conftest import check_page, sign_in


def test_staff_register_match_refer_and_record_a_refusal(page: Page) -> None:
    sign_in(page, "staff1@demo.kz")
    page.goto("/desk")
    check_page(page, "desk-find-client")

    page.goto("/desk/clients/new")
    iin = make_iin(date(1994, 3, 15), "male", 4242)
    page.fill("#f-iin", iin)
    page.fill("#f-birth_date", "1994-03-15")
    page.fill("#f-last_name", "Жұмабеков")
    page.fill("#f-first_name", "Нұрлан")
    almaty = page.locator("#f-locality_id option", has_text="Алматы").first.get_attribute("value")
    assert almaty
    page.select_option("#f-locality_id", almaty)
    page.select_option("#f-education", index=1)
    page.check("#f-consent")
    check_page(page, "desk-register-client")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    found = re.search(r"/desk/clients/(\d+)", page.url)
    assert found, f"not on the client record after registration: {page.url}"
    client_id = found.group(1)
    assert iin not in page.content(), "the IIN is masked until a reason is given"
    check_page(page, "desk-client-record")

    page.goto(f"/desk/clients/{client_id}/match")
    check_page(page, "desk-match")
    issue = page.locator("form.issue button[type=submit]")
    assert issue.count(), page.locator("main").inner_text()[:2000]
    issue.first.click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/desk/referrals/\d+", page.url), page.url
    check_page(page, "desk-referral")

    page.check("#outcome-refused_by_seeker")
    page.fill("#refusal-reason", "Жұмыс орны тым алыс")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#outcome-refused_by_seeker").count() == 0, "the outcome is recorded"
    assert "Жұмыс орны тым алыс" in page.locator("main").inner_text()
    check_page(page, "desk-referral-refused")
