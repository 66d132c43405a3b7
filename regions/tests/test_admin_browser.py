"""End to end in Chromium: the partnership editor's map runs on our own Leaflet files."""

import pytest
from django.test import Client

pytestmark = pytest.mark.e2e

TILE_HOST = "tile.openstreetmap.org"


def test_location_map_works_without_a_cdn(page, live_server, django_user_model):
    user = django_user_model.objects.create_superuser("kaart", "k@example.nl", "geheim")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    page.goto(live_server.url + "/admin/snippets/regions/partnership/add/")
    page.get_by_role("tab", name="Regio en locatie").click()
    page.wait_for_selector("#id_location_map.leaflet-container")
    assert page.evaluate("L.version").startswith("1.9")

    page.fill("#id_location_latlng", "52.22,6.89")
    assert page.input_value("#id_location") == "SRID=4326;POINT(6.89 52.22)"

    # Only map tiles may come from elsewhere: scripts, styles and avatars are ours.
    assert [url for url in page.outside_requests if TILE_HOST not in url] == []
