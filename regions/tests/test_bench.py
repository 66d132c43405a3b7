"""Timings of the network map and the region pages with 5,000 partnerships (`make bench`; not part of `make test`).

Prints medians; asserts nothing about time, so a slow machine cannot fail the suite.
"""

import statistics
import time

import pytest

from .conftest import bulk_partnerships

pytestmark = pytest.mark.bench

PARTNERSHIPS = 5_000
REPETITIONS = 21
BUDGET_MS = {"geojson": 150}  # the target from the design, printed for comparison
PAGE_BUDGET_MS = 50  # every HTML page, uncached (docs/performance.md)


def timings_ms(client, url):
    response = client.get(url)  # warm-up (and Wagtail's per-process caches)
    assert response.status_code == 200, url
    timings = []
    for _ in range(REPETITIONS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), min(timings), len(response.content)


@pytest.mark.django_db
def test_network_map_timings(client, map_page):
    partnerships = bulk_partnerships(PARTNERSHIPS)
    urls = {
        "map page": "/netwerkkaart/",
        "map page, filtered": "/netwerkkaart/?provincie=overijssel&q=samen&page=2",
        "write-up": f"/netwerkkaart/{partnerships[2500].slug}/",
        "geojson": "/netwerkkaart/kaart.geojson",
        "geojson, filtered": "/netwerkkaart/kaart.geojson?sector=ict",
        "csv": "/netwerkkaart/export.csv",
    }
    print(f"\nNetwork map, {PARTNERSHIPS} partnerships, {REPETITIONS} runs (Django test client):")
    for name, url in urls.items():
        median, fastest, size = timings_ms(client, url)
        budget = f"  (budget {BUDGET_MS[name]} ms)" if name in BUDGET_MS else ""
        print(
            f"  {name:<20} median {median:6.1f} ms, fastest {fastest:6.1f} ms,"
            f" {size / 1024:7.1f} KiB{budget}"
        )


@pytest.mark.django_db
def test_region_index_and_profile_timings(client, home_page):
    """The region index with its coloured map, and a profile with trends, at 5,000 partnerships."""
    from regions.factories import RegionIndexPageFactory, RegionProfilePageFactory
    from regions.models import Region, RegionFigure

    bulk_partnerships(PARTNERSHIPS)
    index = RegionIndexPageFactory(parent=home_page)
    for number, region in enumerate(Region.objects.order_by("name")):
        profile = RegionProfilePageFactory(parent=index, region=region)
        RegionFigure.objects.bulk_create(
            RegionFigure(
                page=profile,
                indicator=indicator,
                value=number + year,
                unit="%",
                year=year,
                source="CBS",
                sort_order=n,
            )
            for n, (indicator, year) in enumerate(
                (name, year)
                for name in ("Mkb-bedrijven bereikt door een pps", "Studenten in techniek")
                for year in (2022, 2023, 2024)
            )
        )
    urls = {
        "region index": "/regios/",
        "region index, mkb": "/regios/?cijfer=mkb",
        "region profile": "/regios/twente/",
    }
    print(f"\nRegions, {PARTNERSHIPS} partnerships, 35 profiles, {REPETITIONS} runs:")
    for name, url in urls.items():
        median, fastest, size = timings_ms(client, url)
        print(
            f"  {name:<20} median {median:6.1f} ms, fastest {fastest:6.1f} ms,"
            f" {size / 1024:7.1f} KiB  (budget {PAGE_BUDGET_MS} ms)"
        )
