"""/sitemap.xml and /robots.txt: public pages and published write-ups, nothing else."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from core.sitemaps import PageSitemap
from home.factories import ProgrammePageFactory
from regions.factories import PartnershipFactory
from regions.sitemaps import PartnershipSitemap

from .conftest import bulk_partnerships

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def client():
    """Requests on the host of the test Site (localhost, port 80): a sitemap lists the URLs
    of the host it is fetched from, so the tests below read the Site's own URLs."""
    return Client(HTTP_HOST="localhost")


def parse(response, tag):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content).findall(f"sm:{tag}", NS)


def section_paths(client):
    """The paths (with ``?p=``) of the section files /sitemap.xml lists."""
    return [
        urlsplit(entry.find("sm:loc", NS).text)._replace(scheme="", netloc="").geturl()
        for entry in parse(client.get("/sitemap.xml"), "sitemap")
    ]


def sitemap(client):
    """``{location: lastmod}`` of every entry in every section file of the sitemap."""
    entries = {}
    for path in section_paths(client):
        for url in parse(client.get(path), "url"):
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


def count_queries(client, path):
    client.get(path)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_partnerships(client, map_page):
    paths = ["/sitemap.xml", "/sitemap-paginas.xml", "/sitemap-samenwerkingen.xml"]
    bulk_partnerships(3, prefix="weinig")
    few = [count_queries(client, path) for path in paths]
    bulk_partnerships(300, prefix="veel")
    many = [count_queries(client, path) for path in paths]
    assert few == many == [9, 7, 5]
    assert len(sitemap(client)) == 2 + 303  # home, map page and every write-up


def test_sections_are_split_into_files_of_at_most_the_limit(client, map_page, monkeypatch):
    monkeypatch.setattr(PartnershipSitemap, "limit", 2)
    monkeypatch.setattr(PageSitemap, "limit", 1)
    bulk_partnerships(5, prefix="gesplitst")
    paths = section_paths(client)
    assert paths == [
        "/sitemap-paginas.xml",
        "/sitemap-paginas.xml?p=2",
        "/sitemap-samenwerkingen.xml",
        "/sitemap-samenwerkingen.xml?p=2",
        "/sitemap-samenwerkingen.xml?p=3",
    ]
    sizes = [len(parse(client.get(path), "url")) for path in paths]
    assert sizes == [1, 1, 2, 2, 1]
    assert len(sitemap(client)) == 2 + 5  # each URL exactly once (sitemap() checks)


def test_index_dates_each_section_by_its_newest_entry(client, map_page):
    partnership = PartnershipFactory(slug="nieuwste")
    type(partnership).objects.filter(pk=partnership.pk).update(
        updated_at=datetime.datetime(2031, 2, 3, 12, tzinfo=datetime.UTC)
    )
    Page.objects.update(last_published_at=datetime.datetime(2023, 1, 9, 12, tzinfo=datetime.UTC))
    dates = {
        urlsplit(entry.find("sm:loc", NS).text).path: entry.find("sm:lastmod", NS).text
        for entry in parse(client.get("/sitemap.xml"), "sitemap")
    }
    assert dates["/sitemap-samenwerkingen.xml"].startswith("2031-02-03")
    assert dates["/sitemap-paginas.xml"].startswith("2023-01-09")


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-onbekend.xml",
        "/sitemap-samenwerkingen.xml?p=99",
        "/sitemap-samenwerkingen.xml?p=nul",
        "/sitemap-paginas.xml?p=-1",
    ],
)
def test_unknown_sections_and_pages_are_a_dutch_404(client, map_page, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


def test_no_write_ups_without_a_live_map_page(client, home_page):
    PartnershipFactory(slug="zonder-kaart")
    assert "zonder-kaart" not in " ".join(sitemap(client))


def test_robots_txt_points_at_the_sitemap(client, map_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    (line,) = [line for line in lines if line.startswith("Sitemap: ")]
    url = line.removeprefix("Sitemap: ")
    assert url == "http://localhost/sitemap.xml"
    assert client.get(url.removeprefix("http://localhost")).status_code == 200


def test_entries_are_on_the_host_the_sitemap_is_fetched_from(home_page, map_page):
    """The sitemaps protocol takes only URLs of the sitemap's own host; the Site's address
    (here localhost, port 80) is not always the one a sitemap is fetched from."""
    ProgrammePageFactory(parent=home_page, slug="oplossing")
    PartnershipFactory(slug="techniekcampus")
    other = Client(HTTP_HOST="127.0.0.1:8000")
    sections = [
        entry.find("sm:loc", NS).text for entry in parse(other.get("/sitemap.xml"), "sitemap")
    ]
    assert sections and all(url.startswith("http://127.0.0.1:8000/") for url in sections)
    assert set(sitemap(other)) == {
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/oplossing/",
        "http://127.0.0.1:8000/netwerkkaart/",
        "http://127.0.0.1:8000/netwerkkaart/techniekcampus/",
    }
    secure = [
        url.find("sm:loc", NS).text
        for url in parse(other.get("/sitemap-paginas.xml", secure=True), "url")
    ]
    assert secure and all(url.startswith("https://127.0.0.1:8000/") for url in secure)


def test_every_location_is_the_page_url_wagtail_gives(client, home_page, map_page):
    """The page section builds URLs from rows: they must equal Page.get_full_url()."""
    programme = ProgrammePageFactory(parent=home_page, slug="oplossing")
    ProgrammePageFactory(parent=programme, slug="café-zuid")  # a Unicode slug is quoted
    ProgrammePageFactory(parent=programme, slug="concept", live=False)
    PartnershipFactory(slug="techniekcampus")
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    expected = {page.get_full_url() for page in pages} - {None}  # None: pages of no site
    expected.add("http://localhost/netwerkkaart/techniekcampus/")
    assert set(sitemap(client)) == expected
    assert "http://localhost/oplossing/caf%C3%A9-zuid/" in expected


def test_the_files_keep_their_exact_form(client, home_page, map_page):
    """Pinned byte for byte: the index of two sections, the lean URL files, Last-Modified."""
    ProgrammePageFactory(parent=home_page, slug="oplossing")
    partnership = PartnershipFactory(slug="techniekcampus")
    type(partnership).objects.filter(pk=partnership.pk).update(
        updated_at=datetime.datetime(2031, 2, 3, 12, tzinfo=datetime.UTC)
    )
    Page.objects.update(last_published_at=datetime.datetime(2023, 1, 9, 12, tzinfo=datetime.UTC))
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    xmlns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    expected = {
        "/sitemap.xml": head
        + f"<sitemapindex {xmlns}>\n"
        + "<sitemap><loc>http://localhost/sitemap-paginas.xml</loc>"
        + "<lastmod>2023-01-09T13:00:00+01:00</lastmod></sitemap>"
        + "<sitemap><loc>http://localhost/sitemap-samenwerkingen.xml</loc>"
        + "<lastmod>2031-02-03T13:00:00+01:00</lastmod></sitemap>\n"
        + "</sitemapindex>\n",
        # The map page takes the date of its newest write-up.
        "/sitemap-paginas.xml": head
        + f"<urlset {xmlns}>\n"
        + "<url><loc>http://localhost/</loc><lastmod>2023-01-09</lastmod></url>\n"
        + "<url><loc>http://localhost/netwerkkaart/</loc><lastmod>2031-02-03</lastmod></url>\n"
        + "<url><loc>http://localhost/oplossing/</loc><lastmod>2023-01-09</lastmod></url>\n"
        + "</urlset>\n",
        "/sitemap-samenwerkingen.xml": head
        + f"<urlset {xmlns}>\n"
        + "<url><loc>http://localhost/netwerkkaart/techniekcampus/</loc>"
        + "<lastmod>2031-02-03</lastmod></url>\n"
        + "</urlset>\n",
    }
    for path, content in expected.items():
        response = client.get(path)
        assert response.content.decode() == content, path
        assert response["Last-Modified"] == "Mon, 03 Feb 2031 12:00:00 GMT", path
