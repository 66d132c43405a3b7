"""End to end in Chromium: the Content-Security-Policy breaks nothing, public or admin.

Every violation is collected: Chromium logs blocked loads and inline code to the console,
and an init script (which CSP does not govern) also logs each ``securitypolicyviolation``
event, so a violation that Chromium reports only as an event is caught too.
"""

import io

import pytest
from PIL import Image

from core.security import origin_of
from regions.models import Partnership

pytestmark = pytest.mark.e2e

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


def watch(tab):
    """Start collecting CSP and Permissions-Policy complaints and uncaught script errors."""
    problems = []

    def on_console(message):
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text:
            problems.append(text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    tab.add_init_script(REPORT_VIOLATIONS)
    return problems


def blank_tile():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (233, 240, 236)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def tiles(page, settings):
    """Tiles of the configured host, answered by the browser itself: no real outside request."""
    tile = blank_tile()
    requested = []

    def answer(route):
        requested.append(route.request.url)
        route.fulfill(body=tile, content_type="image/png")

    page.route(origin_of(settings.MAP_TILE_URL) + "/**", answer)
    return requested


def test_public_pages_have_no_csp_violations(page, live_server, demo_site, tiles):
    problems = watch(page)

    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Samen opleiden voor de regio"

    page.goto(live_server.url + "/netwerkkaart/")
    # Function-form predicates: Playwright evals expression strings, which CSP refuses.
    page.wait_for_function(
        "() => document.querySelector('[data-map-status]').textContent.includes('op de kaart')"
    )
    page.locator(".leaflet-marker-icon").first.wait_for()
    page.locator(".leaflet-tile-loaded").first.wait_for()
    assert tiles, "the map loaded no tiles from the tile host"
    # Leaflet places tiles and markers through element.style; the policy must allow that.
    transform = page.locator(".leaflet-marker-icon").first.evaluate("el => el.style.transform")
    assert transform.startswith("translate3d(")

    page.goto(live_server.url + "/nieuws/")
    page.locator("main a[href^='/nieuws/']").last.click()
    page.wait_for_load_state()
    assert page.url.startswith(live_server.url + "/nieuws/") and page.url.count("/") > 4

    page.goto(live_server.url + "/zoeken/?q=samenwerking")
    assert problems == []
    assert page.outside_requests == []


def test_admin_works_under_its_policy(page, live_server, demo_site, tiles, settings):
    settings.AXES_ENABLED = True  # the real login form, through django-axes
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("beheer", "b@example.nl", "Goed-wachtwoord-1")
    problems = watch(page)

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "beheer")
    page.fill("#id_password", "Goed-wachtwoord-1")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert page.url == live_server.url + "/admin/"

    # The page explorer in the sidebar.
    page.get_by_role("button", name="Pagina's").click()
    page.locator(".c-page-explorer__item").first.wait_for()

    # Edit the home page and show its preview, an iframe of the admin in the admin.
    page.goto(live_server.url + "/admin/pages/")
    home_id = page.evaluate(
        "fetch('/admin/api/main/pages/?slug=home-pps').then(r => r.json()).then(d => d.items[0].id)"
    )
    page.goto(f"{live_server.url}/admin/pages/{home_id}/edit/")
    page.locator("#id_title").wait_for()
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").wait_for(state="attached")
    assert preview.locator("h1").inner_text() == "Samen opleiden voor de regio"

    # A partnership with its location map (Leaflet from our static files).
    partnership = Partnership.objects.exclude(location="").first()
    page.goto(f"{live_server.url}/admin/snippets/regions/partnership/edit/{partnership.pk}/")
    page.get_by_role("tab", name="Regio en locatie").click()
    page.wait_for_selector("#id_location_map.leaflet-container")
    page.locator("#id_location_map .leaflet-tile-loaded").first.wait_for()

    # Signed in, the public pages carry Wagtail's user bar, under the public policy.
    page.goto(live_server.url + "/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_load_state("networkidle")

    assert problems == []
    assert page.outside_requests == []


def test_analytics_script_is_allowed_after_consent(page, live_server, demo_site):
    from wagtail.models import Site

    from core.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.analytics_script_url = "https://statistiek.example.nl/js/meet.js"
    site_settings.save()
    loaded = []
    page.route(
        "https://statistiek.example.nl/**",
        lambda route: (
            loaded.append(route.request.url),
            route.fulfill(body="window.meetScriptGeladen = true;", content_type="text/javascript"),
        ),
    )
    problems = watch(page)
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Cookies toestaan").click()
    page.wait_for_function("() => window.meetScriptGeladen === true")
    assert loaded == ["https://statistiek.example.nl/js/meet.js"]
    assert problems == []


def test_a_blocked_inline_script_is_reported(page, live_server, home_page_live):
    """The watcher itself works: an injected inline script is refused and reported."""
    problems = watch(page)
    page.goto(live_server.url + "/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ingevoegd = true'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.ingevoegd") is None
    assert any("Content Security Policy" in problem for problem in problems)


@pytest.fixture
def home_page_live(live_db):
    from home.factories import HomePageFactory

    return HomePageFactory()
