"""End to end in Chromium: read a news item from the home page, filter cases by goal; axe."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_read_news_and_filter_cases_by_goal(page, live_server, demo_site, assert_accessible):
    page.goto(live_server.url + "/")
    news = page.locator("#latest-news-heading").locator("xpath=..")
    first_title = news.locator(".card__title").first.inner_text()
    news.get_by_role("link", name="Lees meer").first.click()
    assert page.locator("h1").inner_text() == first_title
    # share.js reveals the button once it has run (deferred): wait for it, don't sample.
    expect(page.get_by_role("button", name="Kopieer link")).to_be_visible()
    assert_accessible(page, "news-item")

    page.goto(live_server.url + "/nieuws/?thema=innovatie")
    assert_accessible(page, "news-index")

    page.goto(live_server.url + "/cases/")
    page.get_by_label("Doel").select_option(label="Doel 3: CIV’s en centres of expertise")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/cases/?doel=*")
    titles = page.locator(".card__title").all_inner_texts()
    assert titles and "Zonder drempel van mbo naar hbo" in titles
    assert "Digitalisering van de maakindustrie" not in titles
    assert_accessible(page, "cases-by-goal")

    page.get_by_role("link", name="Zonder drempel van mbo naar hbo").first.click()
    assert_accessible(page, "case")
    page.get_by_role("link", name="Doel 3: CIV’s en centres of expertise").click()
    assert page.get_by_text("van 5").first.is_visible()
    assert_accessible(page, "goal")
    page.get_by_role("link", name="Bekijk alle cases bij doel 3").click()
    page.wait_for_url("**/cases/?doel=*")
    assert page.outside_requests == []
