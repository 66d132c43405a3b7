"""End to end in Debian's Chromium: home, menu, search; axe-core on every page."""

import pytest

pytestmark = pytest.mark.e2e


def test_home_menu_and_search(page, live_server, demo_site, assert_accessible):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Samen opleiden voor de regio"
    assert_accessible(page, "home")

    # The skip link is the first thing a keyboard user reaches.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Regionale samenwerkingen"
    ).click()
    page.wait_for_url("**/regionale-samenwerkingen/")
    assert page.locator("h1").inner_text() == "Regionale samenwerkingen"
    page.get_by_text("Goede initiatieven blijven onbekend").click()  # open an accordion item
    assert_accessible(page, "programme")

    page.get_by_label("Zoek op de website").fill("samenwerkingen")
    page.get_by_role("button", name="Zoek", exact=True).click()
    page.wait_for_url("**/zoeken/?q=samenwerkingen")
    assert page.locator(".search-result").count() >= 1
    assert_accessible(page, "search")

    page.goto(live_server.url + "/zoeken/?q=ruimtevaartuig")
    assert "Geen resultaten" in page.content()
    page.goto(live_server.url + "/bestaat-niet/")
    assert_accessible(page, "404")
    assert page.outside_requests == []


def test_mobile_menu_toggle(browser, live_server, live_db, demo_site, assert_accessible):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    menu = tab.get_by_role("navigation", name="Hoofdmenu")
    assert not menu.is_visible()
    tab.get_by_role("button", name="Menu").click()
    assert menu.is_visible()
    assert_accessible(tab, "home-mobile")
    context.close()


def test_statements_and_sitemap_are_accessible(page, live_server, demo_site, assert_accessible):
    """The footer leads to the statements and the sitemap; each passes axe."""
    page.goto(live_server.url + "/")
    for label, name in [
        ("Privacyverklaring", "privacyverklaring"),
        ("Toegankelijkheidsverklaring", "toegankelijkheidsverklaring"),
        ("Sitemap", "sitemap"),
    ]:
        page.locator(".site-footer").get_by_role("link", name=label, exact=True).click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == label
        assert_accessible(page, name)
