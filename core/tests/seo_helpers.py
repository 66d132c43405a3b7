"""Helpers of the search-engine and sharing tests of every app: read a page's <head>, and
its structured data as a search engine would (extruct, not string matching)."""

import extruct
from bs4 import BeautifulSoup
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from core.factories import ImageFactory
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


def structured_data(response, syntax):
    """What extruct finds of one syntax ("json-ld", "opengraph") in a page."""
    html = response.content.decode(response.charset or "utf-8")
    found = extruct.extract(html, base_url="http://localhost/", syntaxes=[syntax], uniform=True)
    return found[syntax]


def json_ld(response):
    """The JSON-LD items of a page, in document order."""
    return structured_data(response, "json-ld")


def schema_of(response, schema_type):
    """The page's one JSON-LD item of this schema.org type; fails on none or several."""
    items = [item for item in json_ld(response) if item.get("@type") == schema_type]
    found = [item.get("@type") for item in json_ld(response)]
    assert len(items) == 1, f"{len(items)} items of type {schema_type} (found: {found})"
    return items[0]


def schema_types(response):
    return [item.get("@type") for item in json_ld(response)]


def open_graph(response):
    """The page's Open Graph properties as extruct reads them (one dict)."""
    (properties,) = structured_data(response, "opengraph")
    return properties


def make_image(title="Foto", size=(1600, 900), **fields):
    """A real image file in storage, so renditions can be made."""
    return ImageFactory(
        title=title, file=get_test_image_file(f"{title.lower()}.png", size=size), **fields
    )


def site_settings(**fields):
    """The default site's settings with ``fields`` saved."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings
