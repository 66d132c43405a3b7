"""End to end in Chromium: the monitor page and the similar list pass axe; the filter works."""

import pytest

from .test_browser import blank_tile

pytestmark = pytest.mark.e2e


def test_monitor_and_similar_list(page, live_server, settings, demo_site, assert_accessible):
    from regions.models import NetworkMonitorPage

    # The write-ups' small maps: tiles from the test server, answered with a plain tile.
    settings.MAP_TILE_URL = live_server.url + "/kaarttegels/{z}/{x}/{y}.png"
    tile = blank_tile()
    page.route(
        "**/kaarttegels/**", lambda route: route.fulfill(body=tile, content_type="image/png")
    )

    url = NetworkMonitorPage.objects.live().get().url
    page.goto(live_server.url + url)
    assert page.locator("h1").inner_text() == "Het netwerk in beeld"
    assert page.get_by_role("img", name="Mkb-bedrijven bereikt door een pps, per regio (%)")
    assert page.locator(".monitor-gap").count() > 0
    assert_accessible(page, "netwerk-in-beeld")

    page.get_by_label("Provincie").select_option(label="Overijssel")
    page.get_by_role("button", name="Toon cijfers").click()
    page.wait_for_url("**provincie=overijssel**")
    regions = page.locator(".monitor-table tbody th").all_inner_texts()
    assert regions and all("(Overijssel)" in region for region in regions)
    assert_accessible(page, "netwerk-in-beeld-gefilterd")

    page.goto(live_server.url + "/netwerkkaart/")
    hrefs = page.locator(".partnership-item__title a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    for href in hrefs:
        page.goto(live_server.url + href)
        if page.locator("#vergelijkbaar-heading").count():
            assert_accessible(page, "beschrijving-met-vergelijkbare")
            break
    else:
        pytest.fail("no demo write-up on the map's first page lists similar partnerships")
    assert page.outside_requests == []
