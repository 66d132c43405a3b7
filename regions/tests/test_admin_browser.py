"""End to end in Chromium: the partnership editor's region chooser and location map."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.e2e

TILE_HOST = "tile.openstreetmap.org"
ADD_URL = "/admin/snippets/regions/partnership/add/"


def log_in(page, live_server, django_user_model):
    user = django_user_model.objects.create_superuser("kaart", "k@example.nl", "geheim")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_location_map_works_without_a_cdn(page, live_server, django_user_model):
    log_in(page, live_server, django_user_model)
    page.goto(live_server.url + ADD_URL)
    page.get_by_role("tab", name="Regio en locatie").click()
    page.wait_for_selector("#id_location_map.leaflet-container")
    assert page.evaluate("L.version").startswith("1.9")

    page.fill("#id_location_latlng", "52.22,6.89")
    assert page.input_value("#id_location") == "SRID=4326;POINT(6.89 52.22)"

    # Only map tiles may come from elsewhere: scripts, styles and avatars are ours.
    assert [url for url in page.outside_requests if TILE_HOST not in url] == []


def test_region_chooser_finds_a_region_by_typing_its_name(page, live_server, django_user_model):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from wagtail.search.models import IndexEntry

    from regions.models import Region

    # The state right after `migrate` on a database whose regions were never indexed (the
    # test fixtures reload the regions through the real model, which indexes them).
    IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Region)).delete()
    call_command("migrate", verbosity=0, interactive=False)

    log_in(page, live_server, django_user_model)
    page.goto(live_server.url + ADD_URL)
    page.get_by_role("tab", name="Regio en locatie").click()
    page.get_by_role("button", name="Kies Arbeidsmarktregio").click()

    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox", name="Zoekterm").fill("Twente")
    choice = modal.get_by_role("link", name="Twente", exact=True)
    choice.wait_for(timeout=10_000)
    # The search narrowed the list: only Twente is offered.
    assert modal.locator("[data-chooser-modal-choice]").count() == 1
    choice.click()

    page.locator(".modal-dialog").wait_for(state="hidden")
    assert page.input_value("#id_region") == str(Region.objects.get(name="Twente").pk)
    assert "Twente" in page.locator("#id_region-title").inner_text()


POINT = re.compile(r"^SRID=4326;POINT\((-?[0-9.]+) (-?[0-9.]+)\)$")


def open_location_tab(page, live_server):
    page.goto(live_server.url + ADD_URL)
    page.get_by_role("tab", name="Regio en locatie").click()
    page.wait_for_selector("#id_location_map.leaflet-container")


def markers(page):
    return page.locator("#id_location_map .leaflet-marker-icon").count()


def test_a_click_on_the_map_places_the_marker_and_no_location_looks_empty(
    page, live_server, django_user_model, settings
):
    # No tile server at all: the map must work on its own, without any outside request.
    settings.MAP_TILE_URL = ""
    log_in(page, live_server, django_user_model)
    open_location_tab(page, live_server)
    status = page.locator("#id_location_status")

    # Empty: no marker at the default centre, and a note that says so.
    assert "Nog geen locatie gekozen" in status.inner_text()
    assert markers(page) == 0
    assert page.input_value("#id_location") == ""

    page.locator("#id_location_map").click(position={"x": 500, "y": 150})
    assert markers(page) == 1
    match = POINT.match(page.input_value("#id_location"))
    assert match, page.input_value("#id_location")
    lng, lat = float(match.group(1)), float(match.group(2))
    # The click lands north of the default centre (52.2, 5.3), which is mid-map.
    assert 52.2 < lat < 54 and 3 < lng < 8
    assert "Nog geen locatie gekozen" not in status.inner_text()
    assert page.input_value("#id_location_latlng") == f"{lat}, {lng}"

    page.get_by_role("button", name="Locatie wissen").click()
    assert page.input_value("#id_location") == ""
    assert markers(page) == 0
    assert "Nog geen locatie gekozen" in status.inner_text()
    assert page.outside_requests == []


def test_one_click_takes_the_region_centre_or_the_city(page, live_server, django_user_model):
    from regions.models import Region

    twente = Region.objects.get(slug="twente")
    zwolle = Region.objects.get(slug="regio-zwolle")
    log_in(page, live_server, django_user_model)
    open_location_tab(page, live_server)
    status = page.locator("#id_location_status")

    page.get_by_role("button", name="Neem het centrum van de regio").click()
    assert "Kies eerst een arbeidsmarktregio" in status.inner_text()
    assert page.input_value("#id_location") == ""

    page.get_by_role("button", name="Kies Arbeidsmarktregio").click()
    page.locator(".modal-dialog").get_by_role("textbox", name="Zoekterm").fill("Twente")
    page.locator(".modal-dialog").get_by_role("link", name="Twente", exact=True).click()
    page.locator(".modal-dialog").wait_for(state="hidden")
    page.get_by_role("button", name="Neem het centrum van de regio").click()
    assert page.input_value("#id_location") == (
        f"SRID=4326;POINT({twente.longitude} {twente.latitude})"
    )
    assert markers(page) == 1
    assert "Twente" in status.inner_text()

    page.fill("#id_city", "zwolle")
    page.get_by_role("button", name="Neem de plaats").click()
    assert page.input_value("#id_location") == (
        f"SRID=4326;POINT({zwolle.longitude} {zwolle.latitude})"
    )
    assert markers(page) == 1

    # A city that is not a region's centre: said so, and the location stays as it was.
    page.fill("#id_city", "Hengelo")
    page.get_by_role("button", name="Neem de plaats").click()
    assert "niet bekend" in status.inner_text()
    assert page.input_value("#id_location") == (
        f"SRID=4326;POINT({zwolle.longitude} {zwolle.latitude})"
    )
