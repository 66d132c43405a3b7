"""/sitemap.xml and /robots.txt: public pages and published write-ups, nothing else."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.factories import ProgrammePageFactory
from regions.factories import PartnershipFactory

from .conftest import bulk_partnerships

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    """``{location: lastmod}`` of every entry in the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.find("sm:loc", NS).text
        assert location not in entries, f"{location} listed twice"
        lastmod = url.find("sm:lastmod", NS)
        entries[location] = lastmod.text if lastmod is not None else None
    return entries


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


def test_lists_public_pages_and_published_write_ups(client, home_page, map_page):
    programme = ProgrammePageFactory(parent=home_page, slug="oplossing")
    ProgrammePageFactory(parent=programme, slug="aanpak")
    PartnershipFactory(slug="techniekcampus")
    PartnershipFactory(slug="zorgacademie")
    entries = sitemap(client)
    assert set(entries) == {
        "http://localhost/",
        "http://localhost/oplossing/",
        "http://localhost/oplossing/aanpak/",
        "http://localhost/netwerkkaart/",
        "http://localhost/netwerkkaart/techniekcampus/",
        "http://localhost/netwerkkaart/zorgacademie/",
    }


def test_write_ups_carry_their_last_change(client, map_page):
    partnership = PartnershipFactory(slug="met-datum")
    type(partnership).objects.filter(pk=partnership.pk).update(
        updated_at=datetime.datetime(2024, 6, 3, 12, tzinfo=datetime.UTC)
    )
    type(map_page).objects.filter(pk=map_page.pk).update(
        last_published_at=datetime.datetime(2023, 1, 9, 12, tzinfo=datetime.UTC)
    )
    entries = sitemap(client)
    assert entries["http://localhost/netwerkkaart/met-datum/"] == "2024-06-03"
    # The map lists the partnerships: it changed when the newest of them did.
    assert entries["http://localhost/netwerkkaart/"] == "2024-06-03"


def test_map_page_keeps_its_own_date_when_that_is_newer(client, map_page):
    PartnershipFactory(slug="ouder")
    type(map_page.specific).objects.filter(pk=map_page.pk).update(
        last_published_at=datetime.datetime(2099, 1, 9, 12, tzinfo=datetime.UTC)
    )
    assert sitemap(client)["http://localhost/netwerkkaart/"] == "2099-01-09"


def test_leaves_out_drafts(client, home_page, map_page):
    ProgrammePageFactory(parent=home_page, slug="concept-pagina", live=False)
    PartnershipFactory(slug="concept-samenwerking", live=False)
    locations = " ".join(sitemap(client))
    assert "concept-pagina" not in locations
    assert "concept-samenwerking" not in locations


def test_unpublished_changes_of_a_write_up_stay_out(client, map_page):
    partnership = PartnershipFactory(slug="gepubliceerd")
    partnership.slug = "nog-niet-gepubliceerd"
    partnership.save_revision()
    locations = set(sitemap(client))
    assert "http://localhost/netwerkkaart/gepubliceerd/" in locations
    assert "http://localhost/netwerkkaart/nog-niet-gepubliceerd/" not in locations


def test_leaves_out_private_pages_and_what_is_below_them(client, home_page, map_page):
    private = ProgrammePageFactory(parent=home_page, slug="besloten")
    ProgrammePageFactory(parent=private, slug="onder-besloten")
    restrict(private)
    locations = " ".join(sitemap(client))
    assert "besloten" not in locations
    assert "http://localhost/netwerkkaart/" in locations


def test_private_map_page_hides_every_write_up(client, map_page):
    PartnershipFactory(slug="achter-wachtwoord")
    restrict(map_page)
    locations = " ".join(sitemap(client))
    assert "netwerkkaart" not in locations
    assert "http://localhost/" in sitemap(client)


def count_queries(client):
    client.get("/sitemap.xml")  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap.xml").status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_partnerships(client, map_page):
    bulk_partnerships(3, prefix="weinig")
    few = count_queries(client)
    bulk_partnerships(300, prefix="veel")
    many = count_queries(client)
    assert few == many
    assert len(sitemap(client)) == 2 + 303  # home, map page and every write-up


def test_robots_txt_points_at_the_sitemap(client, map_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    (line,) = [line for line in lines if line.startswith("Sitemap: ")]
    url = line.removeprefix("Sitemap: ")
    assert url == "http://testserver/sitemap.xml"
    assert client.get(url.removeprefix("http://testserver")).status_code == 200
