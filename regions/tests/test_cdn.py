"""CDN purge when a partnership is published or unpublished (regions/cdn.py)."""

import pytest

from core.tests.cdn import RecordingBackend
from regions.factories import PartnershipFactory, RegionProfilePageFactory
from regions.models import Region

pytestmark = pytest.mark.django_db


def test_a_partnership_purges_its_write_up_the_map_files_its_region_and_home(
    home_page, map_page, purged
):
    twente = Region.objects.get(slug="twente")
    RegionProfilePageFactory(parent=home_page, region=twente, slug="twente")
    partnership = PartnershipFactory(slug="techniekcampus", region=twente, live=False)
    purged.clear()
    partnership.save_revision().publish()
    assert sorted(set(purged)) == [
        "http://localhost/",
        "http://localhost/netwerkkaart/",
        "http://localhost/netwerkkaart/export.csv",
        "http://localhost/netwerkkaart/kaart.geojson",
        "http://localhost/netwerkkaart/techniekcampus/",
        "http://localhost/twente/",
    ]
    purged.clear()
    partnership.refresh_from_db()
    partnership.unpublish()
    assert "http://localhost/netwerkkaart/techniekcampus/" in purged


def test_publishing_the_map_page_purges_its_open_data_too(map_page, purged):
    map_page.save_revision().publish()
    assert {
        "http://localhost/netwerkkaart/",
        "http://localhost/netwerkkaart/kaart.geojson",
        "http://localhost/netwerkkaart/export.csv",
    } <= set(purged)


def test_nothing_is_purged_without_a_cdn(map_page, settings):
    RecordingBackend.purged = []
    PartnershipFactory(slug="stil", live=False).save_revision().publish()
    assert RecordingBackend.purged == []
