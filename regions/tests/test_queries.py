"""SQL query counts of the network map: pinned, and equal for 10 and 1,000 partnerships."""

import pytest

from regions.factories import ConversationFactory, PartnerFactory, PartnershipFactory
from regions.models import Sector, Theme

from .conftest import bulk_partnerships, count_queries

# Pinned budgets. A change that adds queries must change these numbers on purpose.
# Routing and page frame take 10 (site, pages, settings, menu, breadcrumbs); the filter
# form's choices 5 (one per taxonomy) where the form is drawn; the data files read only
# the choices of the filters they are given.
MAP_PAGE_QUERIES = 19  # + count, rows, sectors, themes
MAP_PAGE_FILTERED_QUERIES = 20  # + the ids of regions whose name matches the text
# + the cases and the upcoming meetings about it (each view restrictions, rows), the trail
# to the map, the similar partnerships (one query; one more when its region has fewer than
# five)
WRITEUP_QUERIES = 22
GEOJSON_QUERIES = 10  # routing 6, ETag 1, rows 1, sectors 1, themes 1
CSV_QUERIES = 13  # as the GeoJSON, + province choices, its region ids, funding sources

URLS = {
    "map page": ("/netwerkkaart/", MAP_PAGE_QUERIES),
    "map page, filtered": (
        "/netwerkkaart/?sector=ict&soort=other&status=active&q=samen&page=2",
        MAP_PAGE_FILTERED_QUERIES,
    ),
    "geojson": ("/netwerkkaart/kaart.geojson", GEOJSON_QUERIES),
    "csv": ("/netwerkkaart/export.csv?provincie=overijssel", CSV_QUERIES),
}


def measure(client, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    return count_queries(client, url)


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(URLS))
def test_listing_queries_pinned_and_flat(client, map_page, name):
    url, pinned = URLS[name]
    bulk_partnerships(10, prefix="few")
    few = measure(client, url)
    bulk_partnerships(990, prefix="many")
    many = measure(client, url)
    assert few == many == pinned, f"{name}: {few} vs {many}, pinned {pinned}"


@pytest.mark.django_db
def test_writeup_queries_pinned_and_flat(client, map_page):
    terms = {"themes": Theme.objects.all()[:2], "sectors": Sector.objects.all()[:1]}
    partnership = PartnershipFactory(slug="gemeten", **terms)
    # Five similar partnerships in its own region: the similar list needs one query.
    PartnershipFactory.create_batch(5, region=partnership.region, **terms)
    url = "/netwerkkaart/gemeten/"
    PartnerFactory(partnership=partnership)
    ConversationFactory(partnership=partnership, is_public=True)
    few = measure(client, url)
    PartnerFactory.create_batch(30, partnership=partnership)
    ConversationFactory.create_batch(20, partnership=partnership, is_public=True)
    ConversationFactory.create_batch(20, partnership=partnership, is_public=False)
    bulk_partnerships(1000)
    many = measure(client, url)
    assert few == many == WRITEUP_QUERIES
