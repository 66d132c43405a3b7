"""End to end in Chromium: the partnership editor's region chooser and location map."""

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
