"""Property-based tests of the news index, its RSS feed and the news items.

The demo site is built once for this module; hypothesis sends the filters random values
(real themes, regions and years among them) and raw query strings. The index always
answers with its page and a Dutch note for each filter it ignored.
"""

from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.tests.fuzz import (
    check_filter_notes,
    check_response,
    demo_database,
    fuzz_settings,
    get,
    nasty_queries,
    param_lists,
    path_segments,
    query_strings,
)
from news.filters import FILTER_PARAMETERS
from news.models import NewsIndexPage, NewsPage
from regions.models import Region, Theme

PARAMETERS = set(FILTER_PARAMETERS) | {"page", "tag", "q"}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with demo_database(django_db_blocker):
        items = NewsPage.objects.live().public()
        years = {str(day.year) for day in items.dates("date", "year")}
        choices = {
            "thema": ("Thema", set(Theme.objects.values_list("slug", flat=True))),
            "regio": ("Regio", set(Region.objects.values_list("slug", flat=True))),
            "jaar": ("Jaar", years),
        }
        tags = set(items.values_list("tags__name", flat=True)) - {None}
        yield {
            "index": NewsIndexPage.objects.get().url,
            "items": [item.url for item in items.order_by("path")],
            "slugs": set(items.values_list("slug", flat=True)),
            "choices": choices,
            "known": set().union(*(valid for _label, valid in choices.values()))
            | tags
            | {"1999", "2100", "0", "-2024", "2024.0"},
        }


@pytest.mark.django_db
@fuzz_settings(examples=120)
@given(data=st.data())
def test_news_index_notes_exactly_the_filters_it_ignored(client, site, data):
    pairs = data.draw(param_lists(PARAMETERS, site["known"]), label="pairs")
    response = get(client, site["index"], urlencode(pairs))
    check_response(response, (200,))
    check_filter_notes(response, pairs, site["choices"])
    assert {item.slug for item in response.context["results"]} <= site["slugs"]


@pytest.mark.django_db
@fuzz_settings(examples=60)
@given(data=st.data())
def test_news_index_survives_raw_query_strings(client, site, data):
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    check_response(get(client, site["index"], query), (200,))


@pytest.mark.django_db
@fuzz_settings(examples=40)
@given(data=st.data())
def test_feed_always_parses(client, site, data):
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    response = get(client, site["index"] + "feed/", query)
    check_response(response, (200,))
    channel = ElementTree.fromstring(response.content).find("channel")
    assert 0 < len(channel.findall("item")) <= len(site["slugs"])


@pytest.mark.django_db
@fuzz_settings(examples=50)
@given(data=st.data())
def test_news_items_ignore_random_query_strings(client, site, data):
    url = data.draw(st.sampled_from(site["items"]), label="url")
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    check_response(get(client, url, query), (200,))


@pytest.mark.django_db
@fuzz_settings(examples=50)
@given(data=st.data())
def test_random_paths_under_the_news_are_not_found(client, site, data):
    path = site["index"] + data.draw(path_segments(site["slugs"]), label="path")
    response = get(client, path)
    check_response(response, (200, 301, 302, 404))
    if response.status_code == 200:
        known = {url.rstrip("/") for url in site["items"] + [site["index"] + "feed"]}
        assert response.wsgi_request.path.rstrip("/") in known, path


@pytest.mark.django_db
def test_news_index_and_feed_survive_the_nasty_queries(client, site):
    for query in nasty_queries(PARAMETERS):
        check_response(get(client, site["index"], query), (200,))
        check_response(get(client, site["index"] + "feed/", query), (200,))
