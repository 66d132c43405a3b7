"""CDN purge of the pages that list a published page (core/cdn.py)."""

import pytest

from core.tests.cdn import RecordingBackend
from home.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_publishing_purges_the_page_its_parent_and_the_home_page(home_page, purged):
    programme = ProgrammePageFactory(parent=home_page, slug="programma")
    purged.clear()
    page = ProgrammePageFactory(parent=programme, slug="doel")
    page.save_revision().publish()
    assert sorted(set(purged)) == [
        "http://localhost/",
        "http://localhost/programma/",
        "http://localhost/programma/doel/",
    ]
    purged.clear()
    page.unpublish()
    assert "http://localhost/programma/" in purged and "http://localhost/" in purged


def test_nothing_is_purged_without_a_cdn(home_page, settings):
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    RecordingBackend.purged = []
    ProgrammePageFactory(parent=home_page, slug="stil").save_revision().publish()
    assert RecordingBackend.purged == []
