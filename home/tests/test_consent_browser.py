"""The cookie banner in Debian's Chromium: choices, analytics loading, keyboard, phone, axe.

The analytics script is a fake served by Playwright at an outside address, so the test
sees whether (and how often) the browser asked for it; the page fixture blocks and
records every other outside request.
"""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect
from wagtail.models import Site

from core.models import SiteSettings
from home.factories import HomePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.e2e

ANALYTICS_URL = "https://statistiek.example.test/meet.js"
# What a statistics service does: set its cookies, count the visit.
FAKE_ANALYTICS = (
    "document.cookie = '_ga=GA1.1.42.7; path=/';"
    "document.cookie = '_ga_TEST123=GS1.1.1; path=/';"
    "window.fakeAnalyticsRuns = (window.fakeAnalyticsRuns || 0) + 1;"
)
# Cookies the site may set without consent (admin session, form protection).
ESSENTIAL_COOKIES = {"csrftoken", "sessionid"}
BANNER = "Cookies op deze website"


@pytest.fixture
def site(live_db):
    """A small site with statistics configured and a cookie statement."""
    cache.clear()  # no rate-limit counts or cached pages from earlier tests
    home = HomePageFactory()
    ProgrammePageFactory(parent=home, title="Regionale samenwerkingen", slug="regio")
    statement = ProgrammePageFactory(parent=home, title="Cookieverklaring", slug="cookies")
    config = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    config.cookie_statement_page = statement
    config.analytics_script_url = ANALYTICS_URL
    config.analytics_measurement_id = "G-TEST123"
    config.save()
    return home


@pytest.fixture
def analytics_requests(page):
    """Serve the fake analytics script and record each request for it."""
    requests = []

    def serve(route):
        requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body=FAKE_ANALYTICS)

    page.route("https://statistiek.example.test/**", serve)
    return requests


def cookie_names(tab):
    return {cookie["name"] for cookie in tab.context.cookies()}


def active(tab, expression="document.activeElement.textContent.trim()"):
    return tab.evaluate(expression)


def test_refusal_is_remembered_and_loads_nothing(
    page, live_server, site, analytics_requests, assert_accessible
):
    page.goto(live_server.url + "/")
    banner = page.get_by_role("region", name=BANNER)
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link", name="Lees de cookieverklaring")).to_have_attribute(
        "href", "/cookies/"
    )
    assert_accessible(page, "cookie-banner")
    banner.get_by_role("button", name="Weigeren").click()
    expect(banner).to_be_hidden()
    expect(page.locator("[data-consent-status]")).to_have_text(
        "Uw keuze is opgeslagen: u weigert statistiekcookies."
    )

    for path in ("/regio/", "/cookies/", "/"):
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(banner).to_be_hidden()
    assert page.evaluate("localStorage.getItem('pps-cookie-consent')") == "denied"
    assert cookie_names(page) <= ESSENTIAL_COOKIES
    assert analytics_requests == []
    assert page.evaluate("document.querySelector('script[data-analytics]')") is None
    assert page.outside_requests == []


def test_consent_loads_analytics_on_every_page_until_withdrawn(
    page, live_server, site, analytics_requests, assert_accessible
):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Cookies toestaan").click()
    expect(page.get_by_role("region", name=BANNER)).to_be_hidden()
    page.wait_for_function("() => window.fakeAnalyticsRuns === 1")
    assert analytics_requests == [ANALYTICS_URL]
    calls = page.evaluate("window.dataLayer.map((call) => Array.from(call))")
    assert ["config", "G-TEST123", {"anonymize_ip": True}] in calls
    assert {"_ga", "_ga_TEST123"} <= cookie_names(page)

    # The choice holds on the next page: no banner, the script loads again.
    page.goto(live_server.url + "/regio/")
    page.wait_for_function("() => window.fakeAnalyticsRuns === 1")
    expect(page.get_by_role("region", name=BANNER)).to_be_hidden()
    assert len(analytics_requests) == 2

    # Changed from the footer: the banner opens with focus in it, and refusing
    # removes the statistics cookies and stops the script from loading.
    settings_button = page.get_by_role("button", name="Cookie-instellingen")
    expect(settings_button).to_have_attribute("aria-expanded", "false")
    settings_button.click()
    banner = page.get_by_role("region", name=BANNER)
    expect(banner).to_be_visible()
    expect(banner).to_be_focused()
    expect(settings_button).to_have_attribute("aria-expanded", "true")
    assert_accessible(page, "cookie-banner-reopened")
    banner.get_by_role("button", name="Weigeren").click()
    expect(settings_button).to_be_focused()
    assert not {name for name in cookie_names(page) if name.startswith("_ga")}
    assert page.evaluate("window['ga-disable-G-TEST123']") is True
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert len(analytics_requests) == 2
    assert cookie_names(page) <= ESSENTIAL_COOKIES
    assert page.outside_requests == []


def test_keyboard_only(page, live_server, site, analytics_requests):
    page.goto(live_server.url + "/")
    # Skip link first, then the banner, in reading order; focus is visible.
    page.keyboard.press("Tab")
    assert active(page) == "Direct naar de inhoud"
    page.keyboard.press("Tab")
    assert active(page) == "Lees de cookieverklaring"
    page.keyboard.press("Tab")
    assert active(page) == "Cookies toestaan"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Tab")
    assert active(page) == "Weigeren"
    # Not a trap: Tab goes on to the header, Shift+Tab comes back.
    page.keyboard.press("Tab")
    assert active(page, "document.activeElement.closest('.site-header') !== null")
    page.keyboard.press("Shift+Tab")
    assert active(page) == "Weigeren"
    page.keyboard.press("Enter")
    expect(page.get_by_role("region", name=BANNER)).to_be_hidden()
    # Focus carries on after the banner instead of falling back to the top.
    assert active(page, "document.activeElement.classList.contains('brand')")

    # The footer button is reachable by Tab and reopens the banner.
    for _ in range(200):
        page.keyboard.press("Tab")
        if active(page) == "Cookie-instellingen":
            break
    else:
        pytest.fail("Tab never reached the Cookie-instellingen button")
    page.keyboard.press("Enter")
    assert active(page, "document.activeElement.id") == "cookiemelding"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active(page) == "Cookies toestaan"
    page.keyboard.press("Space")
    page.wait_for_function("() => window.fakeAnalyticsRuns === 1")
    assert active(page) == "Cookie-instellingen"
    assert analytics_requests == [ANALYTICS_URL]


def test_phone_layout_covers_neither_skip_link_nor_content(
    page, live_server, site, analytics_requests, assert_accessible
):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(live_server.url + "/")
    banner = page.get_by_role("region", name=BANNER)
    expect(banner).to_be_visible()
    box = banner.bounding_box()
    assert box["y"] + box["height"] == pytest.approx(667, abs=1)  # at the bottom
    assert box["height"] < 667 * 0.6
    assert_accessible(page, "cookie-banner-phone")

    # The focused skip link is drawn on top of everything.
    page.keyboard.press("Tab")
    on_top = page.evaluate(
        """() => { const r = document.activeElement.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
            === document.activeElement; }"""
    )
    assert on_top

    # The end of the page scrolls clear of the banner, and so does a focused link there.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    last_link = page.locator(".site-footer a").last
    assert last_link.bounding_box()["y"] + last_link.bounding_box()["height"] <= box["y"]
    page.evaluate("window.scrollTo(0, 0)")
    last_link.focus()
    assert last_link.bounding_box()["y"] + last_link.bounding_box()["height"] <= box["y"]

    # A phone on its side (little height): the banner sits in the page flow instead.
    page.set_viewport_size({"width": 667, "height": 375})
    assert (
        page.evaluate("getComputedStyle(document.getElementById('cookiemelding')).position")
        == "static"
    )
    page.get_by_role("button", name="Weigeren").click()
    expect(banner).to_be_hidden()
    assert page.evaluate("getComputedStyle(document.body).paddingBottom") == "0px"


def test_without_statistics_there_is_no_banner(page, live_server, live_db):
    cache.clear()
    HomePageFactory()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.wait_for_load_state("load")
    assert page.locator("#cookiemelding").is_hidden()
    assert page.locator("[data-consent-settings]").is_hidden()
    assert page.evaluate("localStorage.length") == 0
    assert not page.context.cookies()
