"""Helpers of the search-engine and sharing tests of every app: read a page's <head>."""

import json

from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from core.models import SiteSettings


def head_of(response, status=200):
    """The parsed <head> of a response with the expected status."""
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser").head


def meta(head):
    """Every ``<meta property|name=… content=…>`` as a dict; fails on a duplicate key."""
    tags = {}
    for tag in head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and tag.has_attr("content"):
            assert key not in tags, f"{key} appears twice"
            tags[key] = tag["content"]
    return tags


def canonical(head):
    links = head.find_all("link", rel="canonical")
    assert len(links) <= 1, "more than one canonical link"
    return links[0]["href"] if links else None


def json_ld(response):
    """The parsed JSON-LD blocks of a page, in document order."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]


def make_image(title="Foto", size=(1600, 900), **fields):
    """A real image file in storage, so renditions can be made."""
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(f"{title.lower()}.png", size=size), **fields
    )


def site_settings(**fields):
    """The default site's settings with ``fields`` saved."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings
