"""Search engines and sharing of a case: Article JSON-LD and its breadcrumbs."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from cases.factories import CaseIndexPageFactory, CasePageFactory
from core.tests.seo_helpers import make_image, schema_of, site_settings

pytestmark = pytest.mark.django_db


def test_case_is_an_article_by_the_programme(client, home_page):
    site_settings(logo=make_image("Logo"))
    index = CaseIndexPageFactory(parent=home_page)
    image = make_image("Werkplaats")
    case = CasePageFactory(
        parent=index, title="Samen de werkplaats in", slug="werkplaats", main_image=image
    )
    case.save_revision().publish()
    case.refresh_from_db()
    response = client.get(case.url)
    data = schema_of(response, "Article")
    assert data["headline"] == "Samen de werkplaats in"
    assert data["url"] == data["mainEntityOfPage"] == "http://localhost/cases/werkplaats/"
    assert data["description"] == case.intro
    assert data["image"] == [f"http://localhost{image.get_rendition('fill-1200x630').url}"]
    assert data["author"]["@type"] == data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("http://localhost/media/images/")
    # First published at a moment with time and zone, in Amsterdam.
    amsterdam = ZoneInfo("Europe/Amsterdam")
    assert data["datePublished"] == case.first_published_at.astimezone(amsterdam).isoformat()
    assert data["dateModified"] == case.last_published_at.astimezone(amsterdam).isoformat()
    assert datetime.datetime.fromisoformat(data["datePublished"]).tzinfo is not None
    trail = schema_of(response, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in trail] == ["Home", "Cases", "Samen de werkplaats in"]
