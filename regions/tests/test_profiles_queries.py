"""SQL query counts of the region pages: pinned, and equal for one and 35 regions x 50 rows."""

import pytest

from core.factories import PersonFactory
from regions.factories import (
    NetworkMapPageFactory,
    PartnershipFactory,
    RegionDownloadFactory,
    RegionIndexPageFactory,
    RegionProfilePageFactory,
)
from regions.models import Region, RegionDownload, RegionFigure

from .conftest import bulk_partnerships, count_queries

# Pinned budgets. A change that adds queries must change these numbers on purpose.
# Routing and page frame take 11 (site, pages, restrictions, settings, menu, breadcrumbs);
# the index adds 5: its profiles, the provinces, their regions, and for the coloured map the
# partnerships counted per region and the mkb-reach figures.
INDEX_QUERIES = 16
GEOJSON_QUERIES = 10  # routing 7 and the same 3
# The profile adds: region with province, figures, downloads (with their alternative
# pages), partnerships, cases, news, meetings (each with its view restrictions), the network
# map page, the contact person, the parent page for the "Alle regio's" link, the monitor page
# ("Het netwerk in beeld") it links to, and for the trends the public profiles' view
# restrictions and the averages of the regions.
PROFILE_QUERIES = 27


def fill(index, region, rows, documents, partnerships, media):
    profile = RegionProfilePageFactory(parent=index, region=region, contact_person=PersonFactory())
    RegionFigure.objects.bulk_create(
        # Each indicator in two years, so every profile draws trends against the average.
        RegionFigure(
            page=profile,
            topic=RegionFigure.Topic.choices[n // 2 % 2][0],
            indicator=f"Indicator {n // 2}",
            value=n * 7,
            unit=["studenten", "%", ""][n // 2 % 3],
            year=2020 + n % 2,
            source="CBS",
            sort_order=n,
        )
        for n in range(rows)
    )
    for n in range(documents):
        RegionDownloadFactory(
            page=profile,
            sort_order=n,
            document__title=f"Profiel {region.slug} {n}",
            document__accessible_alternative_page=profile,
        )
    if partnerships:
        PartnershipFactory.create_batch(partnerships, region=region)
    return profile


def measure(client, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    return count_queries(client, url)


@pytest.mark.django_db
def test_region_pages_queries_pinned_and_flat(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    NetworkMapPageFactory(parent=home_page)
    index = RegionIndexPageFactory(parent=home_page)
    regions = list(Region.objects.order_by("name"))
    twente = next(region for region in regions if region.slug == "twente")
    fill(index, twente, rows=2, documents=1, partnerships=1, media=tmp_path)
    urls = {
        "index": ("/regios/", INDEX_QUERIES),
        "geojson": ("/regios/kaart.geojson", GEOJSON_QUERIES),
        "profile": ("/regios/twente/", PROFILE_QUERIES),
    }
    few = {name: measure(client, url) for name, (url, _) in urls.items()}

    twente.profile_page.figures.all().delete()
    RegionDownload.objects.all().delete()
    twente.profile_page.delete()
    for region in regions:
        big = region.slug == "twente"
        fill(
            index,
            region,
            rows=50,
            documents=5 if big else 0,
            partnerships=20 if big else 0,
            media=tmp_path,
        )
    bulk_partnerships(200)
    many = {name: measure(client, url) for name, (url, _) in urls.items()}
    pinned = {name: budget for name, (_, budget) in urls.items()}
    assert few == many == pinned, f"few {few}, many {many}, pinned {pinned}"
