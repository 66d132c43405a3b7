"""Conditional GETs on the feed and the sitemaps, as the GeoJSON and CSV already answer them.

Both sent Last-Modified but answered 200 to an If-Modified-Since with that very value; feed
readers and search engines poll them, so an unchanged file is now a 304 without a body.
"""

import datetime

import pytest
from wagtail.models import Page

from home.factories import ProgrammePageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from regions.factories import NetworkMapPageFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

URLS = ["/nieuws/feed/", "/sitemap.xml", "/sitemap-paginas.xml", "/sitemap-samenwerkingen.xml"]
OLDER = "Mon, 01 Jan 2001 00:00:00 GMT"


@pytest.fixture
def content(home_page):
    ProgrammePageFactory(parent=home_page, slug="oplossing")
    news = NewsIndexPageFactory(parent=home_page, slug="nieuws")
    NewsPageFactory(parent=news, title="Een bericht")
    NetworkMapPageFactory(parent=home_page)
    PartnershipFactory(slug="techniekcampus")
    # Published pages have a date (factories skip publishing): all dated, the sitemaps send
    # Last-Modified, as they do for the demo site.
    Page.objects.update(last_published_at=datetime.datetime(2024, 6, 3, 12, tzinfo=datetime.UTC))
    return news


@pytest.mark.parametrize("url", URLS)
def test_an_unchanged_file_is_not_modified(client, content, url):
    first = client.get(url)
    assert first.status_code == 200 and first.content
    last_modified = first["Last-Modified"]
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 304
    assert again.content == b""
    assert again["Last-Modified"] == last_modified
    # The ETag of the content works as well, and an older copy gets the whole file.
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    changed = client.get(url, HTTP_IF_MODIFIED_SINCE=OLDER)
    assert changed.status_code == 200 and changed.content == first.content


def test_a_change_gives_the_new_file(client, content):
    first = client.get("/nieuws/feed/")
    NewsPageFactory(parent=content, title="Nieuwer bericht")
    again = client.get("/nieuws/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and b"Nieuwer bericht" in again.content
