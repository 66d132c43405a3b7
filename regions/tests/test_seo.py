"""Search engines and sharing on the network map and the partnerships' write-ups."""

import pytest

from core.tests.seo_helpers import canonical, head_of, make_image, meta, site_settings
from regions.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_write_up_has_its_own_title_description_and_canonical(client, map_page):
    PartnershipFactory(
        name='Techniek "Twente" & co',
        slug="techniek-twente",
        summary="Bedrijven en scholen\nleiden samen technici op.",
    )
    head = head_of(client.get("/netwerkkaart/techniek-twente/"))
    tags = meta(head)
    assert head.title.string.startswith('Techniek "Twente" & co | ')
    assert canonical(head) == tags["og:url"] == "http://localhost/netwerkkaart/techniek-twente/"
    assert tags["og:title"] == tags["twitter:title"] == 'Techniek "Twente" & co'
    expected = "Bedrijven en scholen leiden samen technici op."
    assert tags["description"] == tags["og:description"] == expected
    assert tags["og:locale"] == "nl_NL"
    # Not the map page's tags.
    assert "Netwerkkaart" not in tags["og:title"]


def test_write_up_shares_its_logo_uncropped(client, map_page):
    logo = make_image("Logo", size=(400, 200))
    site_settings(default_social_image=make_image("Standaard"))
    PartnershipFactory(slug="met-logo", logo=logo)
    tags = meta(head_of(client.get("/netwerkkaart/met-logo/")))
    rendition = logo.get_rendition("max-1200x630")
    assert tags["og:image"] == f"http://localhost{rendition.url}"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("400", "200")
    assert tags["twitter:card"] == "summary_large_image"


def test_write_up_without_logo_shares_the_default_image(client, map_page):
    default = make_image("Standaard")
    site_settings(default_social_image=default)
    map_page.social_image = make_image("Kaart")
    map_page.save()
    PartnershipFactory(slug="zonder-logo")
    tags = meta(head_of(client.get("/netwerkkaart/zonder-logo/")))
    assert tags["og:image"] == f"http://localhost{default.get_rendition('fill-1200x630').url}"


@pytest.mark.parametrize(
    "query", ["", "?sector=ict&soort=civ", "?q=%3Cscript%3E", "?regio=bestaat-niet&page=abc"]
)
def test_map_page_canonical_has_no_filters(client, map_page, query):
    PartnershipFactory.create_batch(2)
    head = head_of(client.get(f"/netwerkkaart/{query}"))
    assert canonical(head) == meta(head)["og:url"] == "http://localhost/netwerkkaart/"


def test_admin_preview_shows_the_unsaved_name_in_the_tags(map_page):
    partnership = PartnershipFactory(slug="voorbeeld")
    partnership.name = "Nieuwe naam, nog niet gepubliceerd"
    response = partnership.make_preview_request()
    tags = meta(head_of(response))
    assert tags["og:title"] == "Nieuwe naam, nog niet gepubliceerd"
    assert tags["og:url"] == "http://localhost/netwerkkaart/voorbeeld/"
