"""SQL query counts of the news pages: pinned, and equal for 10 and 50 items.

Pages cannot be bulk-created (multi-table inheritance), and 1,000 items one by one take
minutes, so these tests compare 10 with 50 (adding 190 more took over 60 s per test); the lists are paginated either way.
"""

import pytest

from core.tests.queries import measure
from news.factories import NewsIndexPageFactory, NewsPageFactory, many_news
from regions.models import Theme

NEWS_INDEX_QUERIES = 16  # page frame, filter choices, years, count, rows with images
NEWS_INDEX_FILTERED_QUERIES = 16
NEWS_PAGE_QUERIES = 18  # themes and regions read once, for the page and related news
FEED_QUERIES = 8


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, pinned",
    [
        ("/nieuws/", NEWS_INDEX_QUERIES),
        ("/nieuws/?thema=innovatie&jaar=2023&page=2", NEWS_INDEX_FILTERED_QUERIES),
        ("/nieuws/feed/", FEED_QUERIES),
    ],
)
def test_news_index_queries_pinned_and_flat(client, home_page, url, pinned):
    index = NewsIndexPageFactory(parent=home_page)
    theme = Theme.objects.get(slug="innovatie")
    many_news(index, 10, themes=[theme])
    few = measure(client, url)
    many_news(index, 40, themes=[theme])
    many = measure(client, url)
    assert (few, many) == (pinned, pinned)


@pytest.mark.django_db
def test_news_page_queries_pinned_and_flat(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    theme = Theme.objects.get(slug="innovatie")
    page = NewsPageFactory(parent=index, themes=[theme])
    many_news(index, 10, themes=[theme])
    few = measure(client, page.url)
    many_news(index, 40, themes=[theme])
    many = measure(client, page.url)
    assert (few, many) == (NEWS_PAGE_QUERIES, NEWS_PAGE_QUERIES)
