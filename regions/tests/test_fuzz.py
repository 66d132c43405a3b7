"""Property-based tests of the network map, its open data, the write-ups and the regions.

The demo site is built once for this module; hypothesis sends the filters random values
(real slugs among them), raw query strings and random paths. The map always answers with
its page and a Dutch note for each filter it ignored; the open data always parses and
never holds more than the published partnerships.
"""

import csv
import io
import json
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.tests.fuzz import (
    check_filter_notes,
    check_response,
    demo_database,
    fuzz_settings,
    get,
    last_values,
    nasty_queries,
    param_lists,
    path_segments,
    public_urls,
    query_strings,
)
from regions.filters import FILTER_PARAMETERS, MAX_QUERY_LENGTH
from regions.models import (
    EducationLevel,
    FundingSource,
    NetworkMapPage,
    Partnership,
    Province,
    Region,
    RegionIndexPage,
    Sector,
    Theme,
)
from regions.opendata import CSV_COLUMNS

# "page" is read too; "niveau" and "tag" are not (a guessed or old link) and are ignored.
PARAMETERS = set(FILTER_PARAMETERS) | {"page", "niveau", "tag"}
TOO_LONG_NOTE = "Uw zoekterm was te lang"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with demo_database(django_db_blocker):
        published = set(Partnership.objects.filter(live=True).values_list("slug", flat=True))
        slugs = {
            "regio": ("Arbeidsmarktregio", Region),
            "provincie": ("Provincie", Province),
            "sector": ("Sector", Sector),
            "thema": ("Thema", Theme),
            "financiering": ("Financiering", FundingSource),
        }
        choices = {
            name: (label, set(model.objects.values_list("slug", flat=True)))
            for name, (label, model) in slugs.items()
        }
        choices["soort"] = ("Soort", set(Partnership.Kind.values))
        choices["status"] = ("Status", set(Partnership.Status.values))
        yield {
            "urls": public_urls(),
            "map": NetworkMapPage.objects.get().url,
            "regions": RegionIndexPage.objects.get().url,
            "published": published,
            "drafts": set(Partnership.objects.filter(live=False).values_list("slug", flat=True)),
            "choices": choices,
            # Real values, so that hypothesis also combines valid filters.
            "known": set().union(*(valid for _label, valid in choices.values()))
            | set(EducationLevel.objects.values_list("slug", flat=True))
            | {"ICT", "Twente", "campus", "samenwerking"},
        }


def printable(text):
    """The search text as the filter form keeps it (see regions.filters.SearchTextField)."""
    return "".join(ch for ch in text.strip() if ch.isprintable()).strip()


@pytest.mark.django_db
@fuzz_settings(examples=120)
@given(data=st.data())
def test_map_notes_exactly_the_filters_it_ignored(client, site, data):
    pairs = data.draw(param_lists(PARAMETERS, site["known"]), label="pairs")
    response = get(client, site["map"], urlencode(pairs))
    check_response(response, (200,))
    check_filter_notes(response, pairs, site["choices"])
    too_long = len(printable(last_values(pairs).get("q", ""))) > MAX_QUERY_LENGTH
    assert (TOO_LONG_NOTE in response.content.decode()) == too_long
    listed = {partnership.slug for partnership in response.context["results"]}
    assert listed <= site["published"]


@pytest.mark.django_db
@fuzz_settings(examples=80)
@given(data=st.data())
def test_map_survives_raw_query_strings(client, site, data):
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    check_response(get(client, site["map"], query), (200,))


@pytest.mark.django_db
@fuzz_settings(examples=80)
@given(data=st.data())
def test_geojson_always_parses_and_holds_only_published_partnerships(client, site, data):
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    response = get(client, site["map"] + "kaart.geojson", query)
    check_response(response, (200,))
    assert response["Content-Type"].startswith("application/geo+json")
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    slugs = {feature["properties"]["slug"] for feature in collection["features"]}
    assert slugs <= site["published"]


@pytest.mark.django_db
@fuzz_settings(examples=80)
@given(data=st.data())
def test_csv_always_parses_and_holds_only_published_partnerships(client, site, data):
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    response = get(client, site["map"] + "export.csv", query)
    check_response(response, (200,))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == CSV_COLUMNS
    assert {row[1] for row in rows[1:]} <= site["published"]


@pytest.mark.django_db
@fuzz_settings(examples=80)
@given(data=st.data())
def test_only_published_partnerships_have_a_write_up(client, site, data):
    slug = data.draw(
        st.one_of(
            st.sampled_from(sorted(site["published"] | site["drafts"])),
            st.sampled_from(sorted(site["published"])).map(str.upper),
            path_segments().map(lambda path: path.rstrip("/")),
        ),
        label="slug",
    )
    response = get(client, site["map"] + quote(slug, safe="%") + "/")
    check_response(response, (200, 404))
    assert (response.status_code == 200) == (slug in site["published"]), slug


@pytest.mark.django_db
@fuzz_settings(examples=60)
@given(data=st.data())
def test_write_ups_and_region_pages_ignore_random_query_strings(client, site, data):
    urls = [
        url
        for url in site["urls"]["page"] + site["urls"]["route"]
        if url.startswith((site["map"], site["regions"])) and url != site["map"]
    ]
    url = data.draw(st.sampled_from(urls), label="url")
    query = data.draw(query_strings(PARAMETERS, site["known"]), label="query")
    response = get(client, url, query)
    check_response(response, (200,))
    if url.endswith(".geojson"):
        assert json.loads(response.content)["type"] == "FeatureCollection"


@pytest.mark.django_db
@fuzz_settings(examples=60)
@given(data=st.data())
def test_random_paths_under_the_map_and_the_regions_are_not_found(client, site, data):
    base = data.draw(st.sampled_from([site["map"], site["regions"]]), label="base")
    path = base + data.draw(path_segments(site["published"] | site["drafts"]), label="path")
    response = get(client, path)
    check_response(response, (200, 301, 302, 404))
    if response.status_code == 200:
        known = {url.rstrip("/") for family in site["urls"].values() for url in family}
        assert response.wsgi_request.path.rstrip("/") in known, path


@pytest.mark.django_db
def test_map_and_open_data_survive_the_nasty_queries(client, site):
    for query in nasty_queries(PARAMETERS):
        for suffix in ("", "kaart.geojson", "export.csv"):
            check_response(get(client, site["map"] + suffix, query), (200,))
