"""Fixtures of the network map tests: the map page and fast bulk partnerships."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regions.factories import NetworkMapPageFactory
from regions.models import Partnership, Region, Sector, Theme


@pytest.fixture
def map_page(home_page):
    return NetworkMapPageFactory(parent=home_page)


def bulk_partnerships(count, prefix="bulk", **fields):
    """Create ``count`` published partnerships with a location, a sector and a theme.

    ``bulk_create`` skips ``save()``, so latitude/longitude are set directly; the many-to-many
    rows go in through the through models. Fast enough for thousands of rows.
    """
    regions = list(Region.objects.all())
    sectors = list(Sector.objects.all())
    themes = list(Theme.objects.all())
    partnerships = Partnership.objects.bulk_create(
        [
            Partnership(
                name=f"{prefix.title()} samenwerking {index:05d}",
                slug=f"{prefix}-{index:05d}",
                summary="Onderwijs en bedrijven leiden samen op.",
                region=regions[index % len(regions)],
                city=regions[index % len(regions)].centre_city,
                latitude=regions[index % len(regions)].latitude + (index % 50) / 1000,
                longitude=regions[index % len(regions)].longitude + (index % 70) / 1000,
                live=True,
                **fields,
            )
            for index in range(count)
        ]
    )
    Partnership.sectors.through.objects.bulk_create(
        [
            Partnership.sectors.through(partnership=p, sector=sectors[i % len(sectors)])
            for i, p in enumerate(partnerships)
        ]
    )
    Partnership.themes.through.objects.bulk_create(
        [
            Partnership.themes.through(partnership=p, theme=themes[i % len(themes)])
            for i, p in enumerate(partnerships)
        ]
    )
    return partnerships


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)
