"""Search engines and sharing on the network map and the partnerships' write-ups."""

import pytest

from core.tests.seo_helpers import canonical, head_of, make_image, meta, schema_of, site_settings
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


def test_write_up_is_a_project_with_its_members_area_and_breadcrumbs(client, map_page):
    from regions.factories import PartnerFactory
    from regions.models import Partner, Region

    region = Region.objects.select_related("province").get(slug="twente")
    partnership = PartnershipFactory(
        name="Techniek Twente",
        slug="techniek-twente",
        region=region,
        city="Enschede",
        start_year=2017,
        website="https://techniektwente.example.nl/",
        logo=make_image("Logo TT", size=(400, 200)),
    )
    PartnerFactory(partnership=partnership, organisation="ROC van Twente", kind=Partner.Kind.MBO)
    PartnerFactory(
        partnership=partnership,
        organisation="Gemeente Enschede",
        kind=Partner.Kind.GOVERNMENT,
        website="https://www.enschede.nl/",
    )
    response = client.get("/netwerkkaart/techniek-twente/")
    data = schema_of(response, "Project")
    assert data["name"] == "Techniek Twente"
    assert data["url"] == "https://techniektwente.example.nl/"
    assert data["mainEntityOfPage"] == "http://localhost/netwerkkaart/techniek-twente/"
    assert data["foundingDate"] == "2017"
    assert data["address"]["addressLocality"] == "Enschede"
    assert data["areaServed"] == {
        "@type": "AdministrativeArea",
        "name": "Twente",
        "containedInPlace": {"@type": "AdministrativeArea", "name": region.province.name},
    }
    assert data["logo"]["url"].startswith("http://localhost/media/images/")
    assert data["member"] == [
        {"@type": "EducationalOrganization", "name": "ROC van Twente"},
        {
            "@type": "GovernmentOrganization",
            "name": "Gemeente Enschede",
            "url": "https://www.enschede.nl/",
        },
    ]
    trail = schema_of(response, "BreadcrumbList")["itemListElement"]
    assert [(item["name"], item["item"]) for item in trail] == [
        ("Home", "http://localhost/"),
        (map_page.title, "http://localhost/netwerkkaart/"),
        ("Techniek Twente", "http://localhost/netwerkkaart/techniek-twente/"),
    ]


def test_write_up_without_website_points_to_itself(client, map_page):
    PartnershipFactory(slug="zonder-site", website="", start_year=None, city="")
    data = schema_of(client.get("/netwerkkaart/zonder-site/"), "Project")
    assert data["url"] == "http://localhost/netwerkkaart/zonder-site/"
    assert "foundingDate" not in data and "address" not in data and "member" not in data


def test_region_profile_is_a_web_page_about_the_region(client, home_page):
    from regions.factories import RegionIndexPageFactory, RegionProfilePageFactory
    from regions.models import Region

    region = Region.objects.select_related("province").get(slug="twente")
    index = RegionIndexPageFactory(parent=home_page)
    profile = RegionProfilePageFactory(parent=index, region=region, intro="Cijfers over Twente.")
    response = client.get(profile.url)
    data = schema_of(response, "WebPage")
    assert data["url"] == "http://localhost/regios/twente/"
    assert data["name"] == "Twente" and data["description"] == "Cijfers over Twente."
    assert data["about"]["@type"] == "AdministrativeArea"
    assert data["about"]["name"] == "Twente"
    assert data["about"]["containedInPlace"]["name"] == region.province.name
    assert data["publisher"]["@type"] == "Organization"
    trail = schema_of(response, "BreadcrumbList")["itemListElement"]
    assert [item["item"] for item in trail] == [
        "http://localhost/",
        "http://localhost/regios/",
        "http://localhost/regios/twente/",
    ]
