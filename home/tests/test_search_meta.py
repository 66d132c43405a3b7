"""The search page stays out of search engines but still says what it is (Lighthouse SEO)."""

import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?q=samenwerking"])
def test_search_page_is_noindex_with_a_description(client, home_page, query):
    html = client.get("/zoeken/" + query).text
    assert '<meta name="robots" content="noindex">' in html
    descriptions = re.findall(r'<meta name="description" content="([^"]+)">', html)
    assert descriptions == [
        "Zoek op deze website in het nieuws, de cases, de samenwerkingen en de regio&#x27;s."
    ]
