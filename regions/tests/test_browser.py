"""End to end in Debian's Chromium: the network map, its filters, a popup and a write-up."""

import io

import pytest
from PIL import Image

from home.factories import HomePageFactory
from regions.factories import (
    ConversationFactory,
    NetworkMapPageFactory,
    PartnershipFactory,
)
from regions.models import Region
from regions.models.partnership import format_point

pytestmark = pytest.mark.e2e

MAP_STATUS = "[data-map-status]"


def wait_for_map(tab, text):
    tab.wait_for_function(
        "text => document.querySelector('[data-map-status]').textContent.includes(text)",
        arg=text,
    )


@pytest.fixture
def network(live_db):
    """Three partnerships close together in Twente, two apart in Groningen, one unmapped."""
    home = HomePageFactory()
    map_page = NetworkMapPageFactory(parent=home)
    twente = Region.objects.get(slug="twente")
    groningen = Region.objects.get(slug="groningen")
    for index, name in enumerate(["Techniek Twente", "Smart Industry Hengelo", "ICT Campus"]):
        PartnershipFactory(
            name=name,
            region=twente,
            location=format_point(52.22 + index * 0.01, 6.89 + index * 0.01),
        )
    PartnershipFactory(
        name="Zorgacademie Groningen",
        slug="zorgacademie-groningen",
        region=groningen,
        city="Groningen",
        location=format_point(53.22, 6.57),
    )
    written_up = PartnershipFactory(
        name="Energiehaven Delfzijl",
        slug="energiehaven-delfzijl",
        region=groningen,
        city="Delfzijl",
        location=format_point(53.33, 6.92),
    )
    ConversationFactory(partnership=written_up, is_public=True, summary="Een openbaar gesprek.")
    PartnershipFactory(name="Leren zonder adres", region=twente, location="")
    return map_page


def blank_tile():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (233, 240, 236)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_map_filters_popup_and_write_up(page, live_server, settings, network, assert_accessible):
    # Tiles normally come from OpenStreetMap; here the test server's address, answered
    # by the browser itself with a plain tile.
    settings.MAP_TILE_URL = live_server.url + "/kaarttegels/{z}/{x}/{y}.png"
    tile = blank_tile()
    page.route(
        "**/kaarttegels/**", lambda route: route.fulfill(body=tile, content_type="image/png")
    )
    page.goto(live_server.url + "/netwerkkaart/")
    wait_for_map(page, "5 samenwerkingen op de kaart")
    assert page.locator(".marker-cluster").count() >= 1  # the three in Twente
    assert page.locator(".partnership-item").count() == 6  # the list has the unmapped one too
    assert (
        "Niet op de kaart"
        in page.locator(".partnership-item", has_text="zonder adres").inner_text()
    )
    assert_accessible(page, "netwerkkaart")

    # Filtering (a plain form) narrows the list and the map alike.
    page.get_by_label("Provincie").select_option("groningen")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url("**/netwerkkaart/?provincie=groningen")  # empty filters left out
    wait_for_map(page, "2 samenwerkingen op de kaart")
    assert page.locator(".partnership-item").count() == 2
    assert page.locator(".marker-cluster").count() == 0
    assert page.locator(".leaflet-marker-icon").count() == 2

    # A marker opens a popup that links to the write-up.
    page.get_by_role("button", name="Energiehaven Delfzijl").click()
    popup_link = page.locator(".leaflet-popup").get_by_role(
        "link", name="Lees meer over Energiehaven Delfzijl"
    )
    assert (
        popup_link.get_attribute("href") == live_server.url + "/netwerkkaart/energiehaven-delfzijl/"
    )
    page.wait_for_timeout(400)  # let the map finish panning the popup into view
    with page.expect_navigation(url="**/netwerkkaart/energiehaven-delfzijl/"):
        popup_link.click()
    assert page.locator("h1").inner_text() == "Energiehaven Delfzijl"
    assert "Een openbaar gesprek." in page.content()
    page.locator(".writeup__map .leaflet-marker-icon").wait_for()
    assert_accessible(page, "samenwerking")

    # Printed, the write-up is a short handout without map, share links or site frame.
    page.emulate_media(media="print")
    page.screenshot(path="test-artifacts/samenwerking-print.png", full_page=True)
    assert not page.locator(".writeup__share").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert page.pdf(format="A4").count(b"/Type /Page\n") <= 2
    assert page.outside_requests == []


def test_without_javascript_the_list_still_works(browser, live_server, network):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/netwerkkaart/?regio=twente")
    assert tab.locator(".partnership-item").count() == 4
    assert not tab.locator("[data-map-wrap]").is_visible()  # no empty map box
    context.close()


# HTML_CodeSniffer's rule H91 (pa11y's WCAG2AA runner) for an element with role="button"
# that is not a form control: it needs text content, aria-label or aria-labelledby. An
# image's alt text does not count there.
UNNAMED_BY_H91 = """els => els
  .filter(el => el.getAttribute('role') === 'button')
  .filter(el => !el.textContent.trim() && !(el.getAttribute('aria-label') || '').trim()
    && !el.hasAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 120))"""


def marker_names(tab):
    """Chromium's own accessible name (DevTools protocol) of every marker and cluster icon."""
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Accessibility.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = cdp.send(
        "DOM.querySelectorAll", {"nodeId": root, "selector": "#kaart .leaflet-marker-icon"}
    )["nodeIds"]
    names = []
    for node_id in found:
        node = cdp.send(
            "Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False}
        )
        names.append(node["nodes"][0].get("name", {}).get("value", ""))
    cdp.detach()
    return names


@pytest.mark.parametrize(
    ("path", "many", "expected_names"),
    [
        (
            "/netwerkkaart/",
            "samenwerkingen",
            {"Zorgacademie Groningen", "Energiehaven Delfzijl", "3 samenwerkingen"},
        ),
    ],
)
def test_every_marker_and_cluster_has_a_name(
    page, live_server, settings, network, path, many, expected_names
):
    settings.MAP_TILE_URL = live_server.url + "/kaarttegels/{z}/{x}/{y}.png"
    tile = blank_tile()
    page.route(
        "**/kaarttegels/**", lambda route: route.fulfill(body=tile, content_type="image/png")
    )
    page.goto(live_server.url + path)
    wait_for_map(page, "op de kaart")
    icons = page.locator("#kaart .leaflet-marker-icon")
    clusters = page.locator("#kaart .marker-cluster")
    assert clusters.count() >= 1 and icons.count() > clusters.count()  # both kinds are there

    assert page.locator("#kaart [role=button]").evaluate_all(UNNAMED_BY_H91) == []
    names = marker_names(page)
    assert len(names) == icons.count() and all(name.strip() for name in names), names
    numbers = clusters.all_inner_texts()
    assert sorted(name for name in names if name.endswith(" " + many)) == sorted(
        f"{number} {many}" for number in numbers
    )
    if expected_names is not None:
        assert set(names) == expected_names
    # Still keyboard buttons: in the tab order, and Enter on a cluster zooms into it.
    assert icons.evaluate_all("els => els.every(el => el.tabIndex === 0)")
    clusters.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#kaart .marker-cluster').length < n",
        arg=clusters.count(),
    )


def test_without_leaflet_the_map_makes_way(page, live_server, network):
    # The map's place is kept from the first paint (site.css); with no Leaflet it goes again.
    page.route("**/leaflet.js", lambda route: route.fulfill(status=404, body=""))
    page.goto(live_server.url + "/netwerkkaart/")
    page.wait_for_load_state("load")
    assert page.locator("[data-map-wrap]").count() == 0
    assert page.locator(".partnership-item").count() == 6


def test_markers_and_tiles_are_sharp_on_a_phone_screen(browser, live_server, settings, network):
    # Lighthouse's image-size-responsive: an image needs as many pixels as the screen shows.
    settings.MAP_TILE_URL = live_server.url + "/kaarttegels/{z}/{x}/{y}.png"
    tile = blank_tile()
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=2)
    tab = context.new_page()
    tab.route("**/kaarttegels/**", lambda route: route.fulfill(body=tile, content_type="image/png"))
    tab.goto(live_server.url + "/netwerkkaart/")
    wait_for_map(tab, "op de kaart")
    tab.locator(".leaflet-tile-loaded").first.wait_for()
    markers = tab.locator("#kaart img.leaflet-marker-icon")
    assert markers.count() >= 1
    assert all(
        "marker-icon-2x" in src for src in markers.evaluate_all("els => els.map(el => el.src)")
    )
    assert tab.locator(".leaflet-marker-shadow").count() == 0  # Leaflet has no sharp shadow
    ratios = tab.locator(".leaflet-tile-loaded").evaluate_all(
        "els => els.map(el => el.naturalWidth / el.getBoundingClientRect().width)"
    )
    assert ratios and min(ratios) >= 2, ratios
    context.close()
