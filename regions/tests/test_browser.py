"""End to end in Debian's Chromium: the network map, its filters, a popup and a write-up."""

import io

import pytest
from PIL import Image

from home.factories import HomePageFactory
from regions.factories import ConversationFactory, NetworkMapPageFactory, PartnershipFactory
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
