"""Cached map, open data, region pages and home figures never show a stale partnership.

Partnerships are published and unpublished the way editors do it (``revision.publish()``,
``unpublish()`` and the admin's own views); ``committed()`` runs what the end of the
transaction runs in production. The open data's ETag / Last-Modified and 304 answers are
tested here too.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import http_date, parse_http_date

from core.pagecache import bump_generation
from regions.factories import (
    PartnershipFactory,
    RegionIndexPageFactory,
    RegionProfilePageFactory,
)
from regions.models import Partnership, Region
from regions.tests.test_admin import form_data

pytestmark = pytest.mark.django_db

NEW = "Campus Techniek Hengelo"


@pytest.fixture(autouse=True)
def caching_on(caches_on):
    caches_on.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def twente():
    return Region.objects.get(slug="twente")


@pytest.fixture
def urls(home_page, map_page, twente):
    """Every public URL that shows partnerships, warmed into the cache."""
    index = RegionIndexPageFactory(parent=home_page)
    profile = RegionProfilePageFactory(parent=index, region=twente)
    PartnershipFactory(name="Techniekpact Twente", region=twente)
    urls = {
        "home": "/",
        "map": map_page.url,
        "map filtered": f"{map_page.url}?regio=twente",
        "geojson": map_page.file_url("geojson"),
        "geojson filtered": map_page.file_url("geojson") + "?regio=twente",
        "csv": map_page.file_url("csv"),
        "region profile": profile.url,
    }
    for name, url in urls.items():
        assert get(url)["X-Cache"] == "miss", name
    return urls


def get(url, **headers):
    """An anonymous visitor's GET (a fresh client: no cookies)."""
    response = Client().get(url, **headers)
    assert response.status_code in (200, 304), (url, response.status_code)
    return response


def shows(url, text):
    response = get(url)
    return text in response.content.decode(), response


def home_count():
    response = get("/")
    return response.context["live_figures"]["partnerships"] if response.context else None


def assert_everywhere(urls, present, *, cached_before=True):
    for name, url in urls.items():
        if name == "home":
            continue
        found, response = shows(url, NEW)
        assert found == present, f"{name}: {NEW!r} {'missing' if present else 'still shown'}"
        assert response["X-Cache"] == "miss", name  # rendered again, not the old entry
    assert shows(urls["map"], NEW)[1]["X-Cache"] == "hit"  # and cached again


def test_publish_unpublish_delete_reach_every_cached_view(urls, twente, committed):
    draft = PartnershipFactory(name=NEW, region=twente, live=False)
    for name, url in urls.items():
        found, response = shows(url, NEW)
        assert (found, response["X-Cache"]) == (False, "hit"), name

    with committed():
        draft.save_revision().publish()
    assert home_count() == 2
    assert_everywhere(urls, present=True)

    with committed():
        Partnership.objects.get(pk=draft.pk).unpublish()
    assert home_count() == 1
    assert_everywhere(urls, present=False)

    with committed():
        draft.save_revision().publish()
    assert shows(urls["csv"], NEW)[0]
    with committed():
        Partnership.objects.get(pk=draft.pk).delete()
    assert home_count() == 1
    assert_everywhere(urls, present=False)


def test_publishing_in_the_admin_reaches_the_cached_map(
    urls, twente, client, django_user_model, committed
):
    editor = client
    editor.force_login(django_user_model.objects.create_superuser("redacteur", "r@example.nl", "x"))
    with committed():
        response = editor.post(
            reverse("wagtailsnippets_regions_partnership:add"),
            form_data(twente, name=NEW, slug="campus-techniek", **{"action-publish": "1"}),
        )
    assert response.status_code == 302
    assert shows(urls["geojson"], NEW)[0]
    assert shows(urls["map"], NEW)[0]

    partnership = Partnership.objects.get(slug="campus-techniek")
    with committed():
        response = editor.post(
            reverse("wagtailsnippets_regions_partnership:unpublish", args=[partnership.pk])
        )
    assert response.status_code == 302
    assert not shows(urls["geojson"], NEW)[0]
    assert not shows(urls["map"], NEW)[0]


def test_renaming_a_region_reaches_the_cached_open_data(urls, twente, committed):
    with committed():
        twente.name = "Twente en Achterhoek-Noord"
        twente.save()
    assert shows(urls["csv"], "Twente en Achterhoek-Noord")[0]
    assert shows(urls["geojson"], "Twente en Achterhoek-Noord")[0]


# --- ETag, Last-Modified and 304 -----------------------------------------------------------


@pytest.fixture
def data_urls(map_page, twente):
    PartnershipFactory(name="Techniekpact Twente", region=twente)
    return {"geojson": map_page.file_url("geojson"), "csv": map_page.file_url("csv")}


@pytest.mark.parametrize("page_cache", [0, 300], ids=["uncached", "cached"])
@pytest.mark.parametrize("kind", ["geojson", "csv"])
def test_conditional_get_answers_304(data_urls, kind, page_cache, settings):
    settings.PAGE_CACHE_SECONDS = page_cache
    url = data_urls[kind]
    first = get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and parse_http_date(last_modified)

    again = get(url, HTTP_IF_NONE_MATCH=etag)
    assert (again.status_code, again.content) == (304, b"")
    assert again["ETag"] == etag
    if page_cache:
        assert again["X-Cache"] == "hit"
    since = get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304
    older = http_date(parse_http_date(last_modified) - 60)
    assert get(url, HTTP_IF_MODIFIED_SINCE=older).status_code == 200
    assert get(url, HTTP_IF_NONE_MATCH='"iets-anders"').status_code == 200


@pytest.mark.parametrize("kind", ["geojson", "csv"])
def test_validators_change_with_publish_and_unpublish(data_urls, twente, kind, committed):
    url = data_urls[kind]
    first = get(url)
    draft = PartnershipFactory(name=NEW, region=twente, live=False)
    with committed():
        draft.save_revision().publish()
    published = get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert published.status_code == 200 and NEW in published.content.decode()
    assert published["ETag"] != first["ETag"]

    with committed():
        Partnership.objects.get(pk=draft.pk).unpublish()
    gone = get(url, HTTP_IF_NONE_MATCH=published["ETag"])
    assert gone.status_code == 200 and NEW not in gone.content.decode()
    assert parse_http_date(gone["Last-Modified"]) >= parse_http_date(published["Last-Modified"])


def test_validators_follow_the_data_even_without_a_new_generation(data_urls, settings):
    """An unpublish that bumps nothing (no commit here) still changes the ETag."""
    settings.PAGE_CACHE_SECONDS = 0
    first = get(data_urls["csv"])
    Partnership.objects.get(name="Techniekpact Twente").unpublish()
    assert get(data_urls["csv"], HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_filters_have_their_own_etag(data_urls):
    plain = get(data_urls["geojson"])["ETag"]
    filtered = get(data_urls["geojson"] + "?regio=twente")["ETag"]
    assert plain != filtered


def test_a_new_generation_changes_etag_and_last_modified(data_urls, settings):
    settings.PAGE_CACHE_SECONDS = 0
    first = get(data_urls["csv"])
    bump_generation()
    second = get(data_urls["csv"])
    assert second["ETag"] != first["ETag"]
    assert parse_http_date(second["Last-Modified"]) >= parse_http_date(first["Last-Modified"])


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_IF_NONE_MATCH": "geen-etag, ***, W/"},
        {"HTTP_IF_MODIFIED_SINCE": "gisteren om drie uur"},
        {"HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 9999 99:99:99 GMT"},
        {"HTTP_IF_NONE_MATCH": '"' + "a" * 5000 + '"'},
    ],
)
def test_nonsense_validators_get_the_file(data_urls, headers):
    response = get(data_urls["geojson"], **headers)
    assert response.status_code == 200 and b"FeatureCollection" in response.content


def test_if_match_that_fails_is_412(data_urls):
    response = Client().get(data_urls["csv"], HTTP_IF_MATCH='"iets-anders"')
    assert response.status_code == 412


def test_without_a_cache_the_files_come_without_validators(data_urls, monkeypatch):
    class Unreachable:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("cache down")

            return fail

    monkeypatch.setattr("core.pagecache.cache", Unreachable())
    response = get(data_urls["geojson"], HTTP_IF_NONE_MATCH='"x"')
    assert response.status_code == 200
    assert "ETag" not in response and "Last-Modified" not in response
