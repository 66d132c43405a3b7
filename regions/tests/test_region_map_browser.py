"""In Chromium: the maps without a tile server, the coloured /regios/ map, region clicks."""

import pytest

from regions.factories import RegionIndexPageFactory, RegionProfilePageFactory
from regions.models import Region

from .test_browser import network, wait_for_map  # noqa: F401  (network is a fixture)

pytestmark = pytest.mark.e2e


def region_shapes(tab):
    # Leaflet draws each outline as a path in its overlay pane: 35 regions, 12 provinces.
    return tab.locator("#kaart .leaflet-overlay-pane path").count()


def test_without_tiles_the_map_draws_the_regions(page, live_server, settings, network):  # noqa: F811
    settings.MAP_TILE_URL = ""  # what MAP_TILES=false sets
    page.goto(live_server.url + "/netwerkkaart/")
    wait_for_map(page, "5 samenwerkingen op de kaart")
    assert region_shapes(page) == 35 + 12
    assert page.locator(".leaflet-tile").count() == 0
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "CBS, Kadaster (PDOK)" in attribution
    page.screenshot(path="test-artifacts/netwerkkaart-zonder-tegels.png")
    assert page.outside_requests == []


def test_failing_tiles_say_so_and_leave_the_outlines(
    page,
    live_server,
    settings,
    network,  # noqa: F811
    assert_accessible,
):
    settings.MAP_TILE_URL = live_server.url + "/kaarttegels/{z}/{x}/{y}.png"
    page.route("**/kaarttegels/**", lambda route: route.abort())  # tiles blocked
    page.goto(live_server.url + "/netwerkkaart/")
    wait_for_map(page, "op de kaart")
    notice = page.locator("[data-map-notice]")
    notice.wait_for()
    assert "achtergrondkaart kon niet worden geladen" in notice.inner_text()
    assert region_shapes(page) == 35 + 12
    assert_accessible(page, "netwerkkaart-tegels-geblokkeerd")


def test_a_region_on_the_map_filters_by_keyboard(page, live_server, settings, network):  # noqa: F811
    settings.MAP_TILE_URL = ""
    page.goto(live_server.url + "/netwerkkaart/")
    wait_for_map(page, "5 samenwerkingen op de kaart")
    groningen = page.get_by_role("button", name="Toon alleen regio Groningen")
    groningen.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/netwerkkaart/?regio=groningen")
    wait_for_map(page, "2 samenwerkingen op de kaart")
    assert page.locator(".partnership-item").count() == 2
    assert page.get_by_label("Arbeidsmarktregio").input_value() == "groningen"
    # The chosen region is outlined (and the map fitted to it).
    assert page.locator("#kaart path[stroke='#0b4f8a']").count() == 1
    # A click works the same way.
    page.goto(live_server.url + "/netwerkkaart/")
    wait_for_map(page, "5 samenwerkingen op de kaart")
    page.get_by_role("button", name="Toon alleen regio Twente").click()
    page.wait_for_url("**/netwerkkaart/?regio=twente")


def test_region_index_map_and_profile_locator(
    page,
    live_server,
    settings,
    network,  # noqa: F811
    assert_accessible,
):
    settings.MAP_TILE_URL = ""
    index = RegionIndexPageFactory(parent=network.get_parent())
    RegionProfilePageFactory(parent=index, region=Region.objects.get(slug="twente"))
    page.goto(live_server.url + "/regios/")
    assert page.locator("svg.choropleth path.choropleth__region").count() == 35
    assert page.get_by_role("link", name="Twente: 4 samenwerkingen").count() == 1
    assert_accessible(page, "regios-kaart")
    page.get_by_label("Betrokken bedrijven").check()
    page.get_by_role("button", name="Toon op de kaart").click()
    page.wait_for_url("**/regios/?cijfer=bedrijven")
    page.get_by_role("link", name="Twente:").first.click()
    page.wait_for_url("**/regios/twente/")
    assert page.get_by_role("img", name="Ligging van Twente in Nederland").is_visible()
    wait_for_map(page, "op de kaart")
    highlighted = page.locator(".region-profile__map path[stroke='#0b4f8a']")
    assert highlighted.count() == 1
    assert_accessible(page, "regioprofiel-kaart")
    assert page.outside_requests == []
