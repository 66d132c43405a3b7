"""The demo's links point where `make run` serves: the demo Site's address and the sitemaps.

Before, the demo kept Wagtail's default Site (localhost, port 80): every canonical URL,
share tag, JSON-LD url and sitemap entry pointed at http://localhost/, which nothing serves.
"""

import xml.etree.ElementTree as ET
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Site

from core.tests.seo_helpers import canonical, head_of, json_ld, meta
from events.models import EventPage
from home.demo import ensure_site_address

pytestmark = pytest.mark.django_db

MAKE_RUN = "http://127.0.0.1:8000"  # what `make run` serves (Makefile: runserver 127.0.0.1:8000)
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def urls_in(value):
    """Every "url" (and "@id") value anywhere in a JSON-LD structure."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("url", "@id") and isinstance(item, str):
                yield item
            else:
                yield from urls_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls_in(item)


def locations(client, path, tag):
    response = client.get(path)
    assert response.status_code == 200, path
    return [entry.find("sm:loc", NS).text for entry in ET.fromstring(response.content).iter(tag)]


def sitemap_locations(client):
    """The index's section files and every entry in them."""
    sections = locations(client, "/sitemap.xml", f"{{{NS['sm']}}}sitemap")
    entries = []
    for section in sections:
        path = urlsplit(section)._replace(scheme="", netloc="").geturl()
        entries += locations(client, path, f"{{{NS['sm']}}}url")
    return sections, entries


def default_site():
    return Site.objects.get(is_default_site=True)


def test_demo_links_point_at_the_address_make_run_serves(settings):
    assert settings.DEMO_SITE_URL == MAKE_RUN  # the default, as `make run` has it
    call_command("load_demo_content", stdout=StringIO())
    assert default_site().root_url == MAKE_RUN
    browser = Client(HTTP_HOST="127.0.0.1:8000")
    links = []
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = browser.get(page.url)
        tags = meta(head_of(response))
        links += [canonical(head_of(response)), tags["og:url"]]
        links += [tags[name] for name in ("og:image", "twitter:image") if name in tags]
        links += [url for block in json_ld(response) for url in urls_in(block)]
    sections, entries = sitemap_locations(browser)
    assert len(links) > 40 and len(entries) > 40  # every page and write-up
    # A meeting held online names its video link (schema.org VirtualLocation): not ours.
    online = set(EventPage.objects.exclude(online_url="").values_list("online_url", flat=True))
    assert online  # the demo has one, so the exception below is not empty by accident
    outside = [
        link
        for link in links + sections + entries
        if not link.startswith(MAKE_RUN + "/") and link not in online
    ]
    assert not outside, outside[:5]
    # And they lead somewhere: every sitemap entry answers on that address.
    for entry in entries:
        assert browser.get(entry.removeprefix(MAKE_RUN)).status_code == 200, entry


def test_an_old_demo_database_moves_to_the_demo_address_once(settings):
    call_command("load_demo_content", stdout=StringIO())
    # A database loaded before this fix: the Site still has Wagtail's address.
    Site.objects.update(hostname="localhost", port=80)
    call_command("load_demo_content", stdout=StringIO())
    assert (default_site().hostname, default_site().port) == ("127.0.0.1", 8000)
    # An address someone chose stays, however often the demo is loaded.
    Site.objects.update(hostname="www.example.nl", port=443)
    settings.DEMO_SITE_URL = "http://127.0.0.1:8100"
    call_command("load_demo_content", stdout=StringIO())
    assert default_site().root_url == "https://www.example.nl"


@pytest.mark.parametrize(
    ("address", "root_url"),
    [
        ("http://127.0.0.1:8100", "http://127.0.0.1:8100"),  # make serve-prod
        ("http://demo.example.nl", "http://demo.example.nl"),
        ("https://demo.example.nl/", "https://demo.example.nl"),
    ],
)
def test_the_demo_address_is_a_setting(settings, address, root_url):
    assert (default_site().hostname, default_site().port) == ("localhost", 80)  # Wagtail's
    settings.DEMO_SITE_URL = address
    ensure_site_address()
    assert default_site().root_url == root_url


@pytest.mark.parametrize(
    "address", ["127.0.0.1:8000", "https://demo.example.nl:8443", "http://x.nl/pad", "ftp://x.nl"]
)
def test_an_address_a_site_cannot_have_is_refused_in_english(settings, address):
    settings.DEMO_SITE_URL = address
    with pytest.raises(ImproperlyConfigured, match="DEMO_SITE_URL=.* is not a site address"):
        ensure_site_address()
    assert (default_site().hostname, default_site().port) == ("localhost", 80)
