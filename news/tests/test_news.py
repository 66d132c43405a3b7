"""News index, news items, filters, the RSS feed and Dutch dates."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from wagtail.test.utils import WagtailPageTestCase

from home.factories import HomePageFactory
from home.models import HomePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from regions.factories import PartnershipFactory
from regions.models import Region, Theme


class NewsPageRulesTests(WagtailPageTestCase):
    def test_news_sits_under_its_index_under_home(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_one_news_index(self):
        home = HomePageFactory()
        NewsIndexPageFactory(parent=home)
        self.assertFalse(NewsIndexPage.can_create_at(home))


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def test_dutch_date_format():
    html = Template('{{ day|date:"j F Y" }}').render(Context({"day": datetime.date(2023, 11, 10)}))
    assert html == "10 november 2023"


@pytest.mark.django_db
def test_index_lists_newest_first_with_dutch_dates(client, news_index):
    NewsPageFactory(parent=news_index, title="Ouder bericht", date=datetime.date(2023, 3, 1))
    NewsPageFactory(parent=news_index, title="Nieuwer bericht", date=datetime.date(2023, 11, 10))
    NewsPageFactory(parent=news_index, title="Concept", live=False)
    text = client.get("/nieuws/").text
    assert text.index("Nieuwer bericht") < text.index("Ouder bericht")
    assert "10 november 2023" in text
    assert "Lees meer" in text
    assert "Concept" not in text


@pytest.mark.django_db
def test_filters_by_theme_region_and_year(client, news_index):
    theme = Theme.objects.get(slug="innovatie")
    region = Region.objects.get(slug="twente")
    NewsPageFactory(parent=news_index, title="Over innovatie", themes=[theme])
    NewsPageFactory(parent=news_index, title="Over Twente", regions=[region])
    NewsPageFactory(parent=news_index, title="Uit 2023", date=datetime.date(2023, 5, 1))
    assert "Over Twente" not in client.get("/nieuws/?thema=innovatie").text
    assert "Over innovatie" in client.get("/nieuws/?thema=innovatie").text
    assert "Over innovatie" not in client.get("/nieuws/?regio=twente").text
    text = client.get("/nieuws/?jaar=2023").text
    assert "Uit 2023" in text and "Over Twente" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?thema=bestaat-niet",
        "?jaar=abc",
        "?jaar=99999999999999999999",
        "?regio=%00",
        "?page=0",
        "?page=-1",
        "?page=abc",
        "?page=99999",
        "?thema=innovatie&thema=innovatie&jaar=",
    ],
)
def test_nonsense_filters_and_pages_never_fail(client, news_index, query):
    NewsPageFactory.create_batch(12, parent=news_index)
    response = client.get("/nieuws/" + query)
    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_filter_value_is_ignored_with_a_note(client, news_index):
    NewsPageFactory(parent=news_index, title="Een bericht")
    text = client.get("/nieuws/?thema=bestaat-niet").text
    assert "had een onbekende waarde en is genegeerd" in text
    assert "Een bericht" in text


@pytest.mark.django_db
def test_feed_is_valid_rss(client, news_index):
    NewsPageFactory(parent=news_index, title="Bericht A & B", date=datetime.date(2024, 2, 1))
    NewsPageFactory(parent=news_index, title="Concept", live=False)
    response = client.get("/nieuws/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Bericht A & B"]
    assert items[0].findtext("link").startswith("http://")
    assert items[0].findtext("pubDate").startswith("Thu, 01 Feb 2024")


@pytest.mark.django_db
def test_news_page_shows_everything(client, news_index):
    partnership = PartnershipFactory(name="Techniekcampus Twente")
    draft = PartnershipFactory(name="Geheim concept", live=False)
    theme = Theme.objects.get(slug="innovatie")
    page = NewsPageFactory(
        parent=news_index, title="Groot nieuws", date=datetime.date(2025, 6, 17), themes=[theme]
    )
    NewsPageFactory(parent=news_index, title="Verwant bericht", themes=[theme])
    page.related_partnerships.create(partnership=partnership)
    page.related_partnerships.create(partnership=draft)
    page.tags.add("opschaling")
    page.save()
    text = client.get(page.url).text
    assert "17 juni 2025" in text
    assert "Techniekcampus Twente" in text and "Geheim concept" not in text
    assert "opschaling" in text
    assert "linkedin.com/sharing" in text and "x.com/intent/post" in text and "mailto:" in text
    assert "Kopieer link" in text and "js/share.js" in text
    assert "Verwant bericht" in text


@pytest.mark.django_db
def test_home_shows_latest_three_news_items(client, home_page, news_index):
    for day in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"Bericht {day}", date=datetime.date(2024, 1, day))
    text = client.get("/").text
    assert "Bericht 5" in text and "Bericht 3" in text
    assert "Bericht 2" not in text


@pytest.mark.django_db
def test_news_is_searchable_by_theme_tag_and_partnership(client, news_index):
    """As an editor publishes it: through a revision, which indexes the related names."""
    page = NewsPageFactory(parent=news_index, title="Een bericht")
    page.themes.set([Theme.objects.get(slug="innovatie")])
    page.tags.add("zorgtechnologie")
    page.related_partnerships.create(partnership=PartnershipFactory(name="Dataschool Almere"))
    page.save_revision().publish()
    for query in ["innovatie", "zorgtechnologie", "dataschool"]:
        assert "Een bericht" in client.get("/zoeken/", {"q": query}).text, query
