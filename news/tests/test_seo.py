"""Search engines and sharing in the news section: NewsArticle JSON-LD, share tags of a
news item, and the canonical URL of the filtered, paginated news index."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.tests.seo_helpers import canonical, head_of, make_image, meta, schema_of, site_settings
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models.pages import NEWS_PER_PAGE
from regions.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def test_news_item_is_shared_as_an_article_with_its_main_image(client, news_index):
    image = make_image("Werkplaats")
    item = NewsPageFactory(
        parent=news_index, title="Nieuwe werkplaats", slug="werkplaats", main_image=image
    )
    head = head_of(client.get(item.url))
    tags = meta(head)
    assert canonical(head) == tags["og:url"] == "http://localhost/nieuws/werkplaats/"
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Nieuwe werkplaats"
    assert tags["og:description"] == "Scholen en bedrijven werken samen in de regio."
    assert tags["og:image"] == f"http://localhost{image.get_rendition('fill-1200x630').url}"
    assert tags["twitter:card"] == "summary_large_image"


def test_news_article_json_ld(client, news_index):
    logo, image = make_image("Logo", size=(600, 600)), make_image("Foto")
    site_settings(logo=logo, linkedin_url="https://www.linkedin.com/company/pps")
    item = NewsPageFactory(
        parent=news_index,
        title="Regio's delen kennis",
        slug="kennis-delen",
        seo_title="Regio's delen hun kennis over samenwerken",
        search_description="Wat werkt, volgens de regio's zelf.",
        date=datetime.date(2024, 3, 5),
        social_image=image,
    )
    item.save_revision().publish()
    item.refresh_from_db()
    data = schema_of(client.get(item.url), "NewsArticle")
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Regio's delen hun kennis over samenwerken"
    assert data["description"] == "Wat werkt, volgens de regio's zelf."
    # ISO 8601 with time and zone: published (later) than its own date, so at the start
    # of that day in Amsterdam (winter time in March); modified when it was published.
    assert data["datePublished"] == "2024-03-05T00:00:00+01:00"
    amsterdam = ZoneInfo("Europe/Amsterdam")
    assert data["dateModified"] == item.last_published_at.astimezone(amsterdam).isoformat()
    assert datetime.datetime.fromisoformat(data["dateModified"]).utcoffset() in (
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    )
    assert data["url"] == data["mainEntityOfPage"] == "http://localhost/nieuws/kennis-delen/"
    assert data["image"] == [f"http://localhost{image.get_rendition('fill-1200x630').url}"]
    for role in ("author", "publisher"):
        assert data[role]["@type"] == "Organization"
        assert data[role]["name"] == "Kennisprogramma Regionale Samenwerking"
        assert data[role]["url"] == "http://localhost/"
    assert data["publisher"]["logo"]["url"].startswith("http://localhost/media/images/")
    assert data["publisher"]["sameAs"] == ["https://www.linkedin.com/company/pps"]


def test_dated_ahead_item_is_never_modified_before_it_is_published(client, news_index):
    ahead = timezone.localdate() + datetime.timedelta(days=30)
    item = NewsPageFactory(parent=news_index, date=ahead)
    item.save_revision().publish()
    data = schema_of(client.get(item.url), "NewsArticle")
    start = datetime.datetime.combine(ahead, datetime.time(), tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert data["datePublished"] == data["dateModified"] == start.isoformat()
    assert "image" not in data


def test_item_published_on_its_own_date_has_the_moment_of_publication(client, news_index):
    item = NewsPageFactory(parent=news_index, date=timezone.localdate())
    item.save_revision().publish()
    item.refresh_from_db()
    data = schema_of(client.get(item.url), "NewsArticle")
    published = item.first_published_at.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert data["datePublished"] == published.isoformat()


def test_title_with_script_end_tag_cannot_break_out(client, news_index):
    title = 'Nieuws</script><script>alert("x")</script>'
    item = NewsPageFactory(parent=news_index, title=title)
    response = client.get(item.url)
    assert '<script>alert("x")' not in response.text
    # Positive control: the same search finds the title, escaped in the data block.
    assert '\\u003Cscript\\u003Ealert(\\"x\\")' in response.text
    data = schema_of(response, "NewsArticle")
    assert data["headline"] == title
    assert meta(head_of(response))["og:title"] == title


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "http://localhost/nieuws/"),
        ("?thema=innovatie", "http://localhost/nieuws/"),
        ("?page=2", "http://localhost/nieuws/?page=2"),
        ("?page=2&thema=innovatie", "http://localhost/nieuws/"),
        ("?page=999", "http://localhost/nieuws/?page=2"),  # the page actually shown
        ("?page=abc", "http://localhost/nieuws/"),
        ("?page=1", "http://localhost/nieuws/"),
        ("?utm_source=nieuwsbrief", "http://localhost/nieuws/"),
    ],
)
def test_index_canonical_drops_filters_and_keeps_the_page_number(
    client, news_index, query, expected
):
    theme = Theme.objects.get(slug="innovatie")
    NewsPageFactory.create_batch(NEWS_PER_PAGE + 1, parent=news_index, themes=[theme])
    head = head_of(client.get(f"/nieuws/{query}"))
    assert canonical(head) == meta(head)["og:url"] == expected


def count_queries(client, url):
    client.get(url)  # make the renditions once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_index_with_pictures_stays_flat(client, news_index):
    """Cards fetch renditions with their images; the share tags add nothing per item."""
    for index in range(2):
        NewsPageFactory(parent=news_index, listing_image=make_image(f"Kaart{index}"))
    few = count_queries(client, "/nieuws/")
    for index in range(2, NEWS_PER_PAGE):
        NewsPageFactory(parent=news_index, listing_image=make_image(f"Kaart{index}"))
    assert count_queries(client, "/nieuws/") == few
