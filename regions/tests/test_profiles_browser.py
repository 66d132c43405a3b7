"""End to end in Chromium: from the region index to a region's figures, pps and downloads."""

import pytest

from .test_browser import blank_tile, wait_for_map

pytestmark = pytest.mark.e2e


def test_region_index_to_profile(page, live_server, settings, demo_site, assert_accessible):
    # Tiles come from the test server's address, answered by the browser with a plain tile.
    settings.MAP_TILE_URL = live_server.url + "/kaarttegels/{z}/{x}/{y}.png"
    tile = blank_tile()
    page.route(
        "**/kaarttegels/**", lambda route: route.fulfill(body=tile, content_type="image/png")
    )
    page.goto(live_server.url + "/regios/")
    # The coloured map is drawn on the server: 35 regions, each a link, no map script.
    assert page.locator("svg.choropleth a").count() == 35
    assert page.locator("script[src*=leaflet]").count() == 0
    assert page.locator(".region-index__province").count() == 12
    assert_accessible(page, "regios")

    page.get_by_role("link", name="Twente", exact=True).click()
    page.wait_for_url("**/regios/twente/")
    assert page.locator("h1").inner_text() == "Twente"
    assert "Demogegevens" in page.locator(".notice").first.inner_text()
    assert page.locator("svg.bar-chart").count() >= 3
    assert page.get_by_role("img", name="Onderwijs (studenten, 2024)").is_visible()
    assert page.locator(".figures-table tbody tr").count() >= 7
    partnerships = page.locator(".region-profile__partnerships li")
    assert partnerships.count() >= 1
    wait_for_map(page, "op de kaart")
    download = page.locator(".download").first
    assert "PDF" in download.inner_text()
    assert "mogelijk niet digitaal toegankelijk" in page.content()
    assert_accessible(page, "regioprofiel")

    partnerships.first.get_by_role("link").click()
    page.wait_for_url("**/netwerkkaart/*/")
    assert page.outside_requests == []
