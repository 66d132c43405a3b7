"""Every page type of the site core is valid HTML according to the W3C Nu checker."""

import pytest
from wagtail.models import Page


@pytest.mark.django_db
def test_core_pages_are_valid_html(client, demo_site, assert_valid_html):
    documents = {}
    for page in Page.objects.live().filter(depth__gte=2).specific():
        if page._meta.app_label != "home":
            continue
        documents[page.slug] = client.get(page.url).text
    documents["zoeken"] = client.get("/zoeken/", {"q": "samenwerking"}).text
    documents["zoeken-leeg"] = client.get("/zoeken/", {"q": "ruimtevaart"}).text
    documents["niet-gevonden"] = client.get("/bestaat-niet/").text
    documents["sitemap"] = client.get("/sitemap/").text
    assert len(documents) >= 6
    assert_valid_html(documents)


def test_checker_catches_invalid_html(assert_valid_html):
    with pytest.raises(AssertionError, match="Invalid HTML"):
        assert_valid_html(
            {"broken": "<!DOCTYPE html><html lang=nl><title>x</title><p><div></span>"}
        )
