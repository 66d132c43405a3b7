"""Routable pages (the map's files and write-ups) through the route memo (core/routing.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import routing
from regions.factories import PartnershipFactory
from regions.models import NetworkMapPage, Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def memo_on(caches_on):
    """The route memo on; the page cache stays off, so every request reaches the view."""


def get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


def test_sub_routes_come_from_the_memo_unchanged(client, map_page):
    partnership = PartnershipFactory(name="Techniekpact Twente")
    urls = [
        map_page.url,
        f"{map_page.url}?regio=twente",
        map_page.file_url("geojson"),
        map_page.file_url("csv"),
        f"{map_page.url}{partnership.slug}/",
    ]
    for url in urls:
        client.get(url)  # warm per-process caches
    for url in urls:
        routing.forget()
        first, first_queries = get(client, url)
        second, second_queries = get(client, url)
        assert first.status_code == second.status_code == 200, url
        assert second.content == first.content, url
        assert second_queries < first_queries, url
    # The map page with or without filters is one route; each file and write-up its own.
    routing.forget()
    for url in urls:
        client.get(url)
    assert len(routing.current_memo().routes) == 4


def test_a_write_up_route_still_checks_its_partnership(client, map_page):
    partnership = PartnershipFactory(name="Techniekpact Twente")
    url = f"{map_page.url}{partnership.slug}/"
    assert client.get(url).status_code == 200
    # Unpublished without a commit: the generation, and so the remembered route, stay.
    Partnership.objects.filter(pk=partnership.pk).update(live=False)
    assert client.get(url).status_code == 404


def test_made_up_write_ups_are_not_remembered(client, map_page):
    for number in range(5):
        assert client.get(f"{map_page.url}bestaat-niet-{number}/").status_code == 404
    assert routing.current_memo().routes == {}


def test_a_remembered_sub_view_serves_the_page_as_it_is_now(client, map_page):
    partnership = PartnershipFactory(name="Techniekpact Twente")
    url = f"{map_page.url}{partnership.slug}/"
    assert client.get(url).status_code == 200
    # Renamed without a commit: the generation, and so the remembered route, stay, but the
    # write-up (a sub-view of the map page) must show the map page as it is now.
    NetworkMapPage.objects.filter(pk=map_page.pk).update(title="Kaart van het netwerk")
    response = client.get(url)
    assert len(routing.current_memo().routes) == 1
    assert "Kaart van het netwerk" in response.text
