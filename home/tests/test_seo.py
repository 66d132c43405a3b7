"""Search engines and sharing on the site core's pages: meta tags, canonical URL, share
image, Organization JSON-LD, and the promote tab editors fill them from."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from core.templatetags.seo_tags import twitter_handle
from core.tests.seo_helpers import (
    canonical,
    head_of,
    json_ld,
    make_image,
    meta,
    open_graph,
    schema_of,
    schema_types,
    site_settings,
)
from home.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_programme_page_has_canonical_open_graph_and_twitter_tags(client, home_page):
    page = ProgrammePageFactory(
        parent=home_page, title="Knelpunten", slug="knelpunten", intro="Wat schuurt er in de regio?"
    )
    head = head_of(client.get(page.url))
    tags = meta(head)
    assert head.title.string == "Knelpunten | Kennisprogramma Regionale Samenwerking"
    assert canonical(head) == "http://localhost/knelpunten/"
    assert tags["description"] == "Wat schuurt er in de regio?"
    assert tags["og:title"] == tags["twitter:title"] == "Knelpunten"
    assert tags["og:description"] == tags["twitter:description"] == "Wat schuurt er in de regio?"
    assert tags["og:url"] == "http://localhost/knelpunten/"
    assert tags["og:type"] == "website"
    assert tags["og:locale"] == "nl_NL"
    assert tags["og:site_name"] == "Kennisprogramma Regionale Samenwerking"
    # No image anywhere: the small card, and no image tags at all.
    assert tags["twitter:card"] == "summary"
    assert "og:image" not in tags and "twitter:image" not in tags
    # Positive control: the same check finds them once the site has a logo.
    site_settings(logo=make_image("Logo"))
    tags = meta(head_of(client.get(page.url)))
    assert "og:image" in tags and "twitter:image" in tags


def test_every_demo_page_has_canonical_and_share_tags(client, demo_site):
    """Every page type of every app, as the demo content fills them, read by extruct."""
    pages = Page.objects.live().public().filter(depth__gte=2).specific()
    types = set()
    for page in pages:
        response = client.get(page.url)
        head = head_of(response)
        tags = meta(head)
        graph = open_graph(response)
        assert canonical(head) == tags["og:url"] == graph["og:url"] == page.full_url, page.url
        assert tags["og:title"] == (page.seo_title or page.title), page.url
        assert tags["og:description"], page.url
        assert tags["og:site_name"] and tags["og:locale"] == "nl_NL", page.url
        article = page._meta.label_lower in {"news.newspage", "cases.casepage"}
        assert tags["og:type"] == ("article" if article else "website"), page.url
        # Every page shares an image: its own, else the demo's default share image.
        assert graph["og:image"].startswith(page.get_site().root_url + "/media/images/"), page.url
        assert tags["twitter:image"] == graph["og:image"], page.url
        assert tags["twitter:card"] == "summary_large_image", page.url
        types.add(page._meta.label_lower)
    assert len(types) >= 10, types


def test_demo_default_share_image_and_logo(client, demo_site):
    """The demo's own share image is a 1200 x 630 PNG; the home page shares it and its
    Organization has the logo and a contact point."""
    settings = site_settings()
    image = settings.default_social_image
    assert (image.width, image.height) == (1200, 630)
    assert image.file.name.endswith(".png") and image.default_alt_text
    response = client.get("/")
    graph = open_graph(response)
    # The demo Site has the address `make run` serves (DEMO_SITE_URL).
    root_url = Site.objects.get(is_default_site=True).root_url
    assert graph["og:image"] == f"{root_url}{image.get_rendition('fill-1200x630').url}"
    organization = schema_of(response, "Organization")
    assert organization["logo"]["url"].startswith(f"{root_url}/media/images/")
    assert organization["contactPoint"]["email"] == settings.contact_email


def test_every_page_below_home_has_a_breadcrumb_list(client, demo_site):
    """The trail search engines read is the one people see, with absolute URLs."""
    pages = Page.objects.live().public().filter(depth__gte=3)
    assert pages.count() >= 10
    for page in pages:
        response = client.get(page.url)
        trail = schema_of(response, "BreadcrumbList")["itemListElement"]
        shown = BeautifulSoup(response.content, "html.parser").select(".breadcrumbs li")
        assert [item["name"] for item in trail] == [li.get_text(strip=True) for li in shown]
        assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
        assert trail[0]["item"] == page.get_site().root_url + "/", page.url
        assert trail[-1]["item"] == page.full_url, page.url
    # The home page has no trail (it would only name itself).
    assert "BreadcrumbList" not in schema_types(client.get("/"))


def test_breadcrumb_list_of_a_nested_page(client, home_page):
    parent = ProgrammePageFactory(parent=home_page, title="Over ons", slug="over-ons")
    child = ProgrammePageFactory(parent=parent, title="Het team", slug="team")
    trail = schema_of(client.get(child.url), "BreadcrumbList")["itemListElement"]
    assert trail == [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": "http://localhost/"},
        {
            "@type": "ListItem",
            "position": 2,
            "name": "Over ons",
            "item": "http://localhost/over-ons/",
        },
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Het team",
            "item": "http://localhost/over-ons/team/",
        },
    ]


def test_seo_title_and_search_description_come_first(client, home_page):
    page = ProgrammePageFactory(
        parent=home_page,
        title="Oplossing",
        seo_title="Zo lossen regio's het tekort aan vakmensen op",
        search_description="Drie aanpakken die werken.",
        intro="Een inleiding die hier niet telt.",
    )
    head = head_of(client.get(page.url))
    tags = meta(head)
    assert head.title.string.startswith("Zo lossen regio's het tekort aan vakmensen op | ")
    assert tags["og:title"] == "Zo lossen regio's het tekort aan vakmensen op"
    assert tags["description"] == tags["og:description"] == "Drie aanpakken die werken."


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"intro": "De inleiding.", "listing_summary": "De samenvatting."}, "De inleiding."),
        ({"intro": "", "listing_summary": "De samenvatting."}, "De samenvatting."),
        ({"intro": "", "listing_summary": ""}, "Onderwijs en bedrijfsleven in de regio"),
        ({"intro": "Regel een\n\n   regel twee."}, "Regel een regel twee."),
    ],
)
def test_description_falls_back_to_intro_summary_then_tagline(client, home_page, fields, expected):
    site_settings(tagline="Onderwijs en bedrijfsleven in de regio")
    page = ProgrammePageFactory(parent=home_page, **fields)
    tags = meta(head_of(client.get(page.url)))
    assert tags["description"] == tags["og:description"] == expected


def test_long_description_is_cut_to_160_characters(client, home_page):
    page = ProgrammePageFactory(parent=home_page, intro="woord " * 100)
    tags = meta(head_of(client.get(page.url)))
    assert len(tags["description"]) == 160
    assert tags["description"].endswith("…")


def test_values_are_escaped_in_the_tags(client, home_page):
    title = 'Samen "sterk" <b>vet</b> & co'
    page = ProgrammePageFactory(parent=home_page, title=title, intro="<script>x</script>")
    response = client.get(page.url)
    tags = meta(head_of(response))
    assert tags["og:title"] == title
    assert tags["description"] == "<script>x</script>"
    head_html = response.text.split("</head>")[0]
    assert "<b>vet</b>" not in head_html and "<script>x</script>" not in head_html
    # Positive control: the same search of the head finds them, escaped.
    assert "&lt;b&gt;vet&lt;/b&gt;" in head_html and "&lt;script&gt;x&lt;/script&gt;" in head_html


def share_image_of(client, page):
    tags = meta(head_of(client.get(page.url)))
    return tags.get("og:image"), tags


@pytest.mark.parametrize("winner", ["social_image", "listing_image", "default"])
def test_share_image_is_social_then_listing_then_default(client, home_page, winner):
    social, listing, default = make_image("Deel"), make_image("Lijst"), make_image("Standaard")
    site_settings(default_social_image=default)
    fields = {"social_image": social, "listing_image": listing}
    if winner != "social_image":
        fields.pop("social_image")
    if winner == "default":
        fields.pop("listing_image")
    page = ProgrammePageFactory(parent=home_page, **fields)
    expected = {"social_image": social, "listing_image": listing, "default": default}[winner]
    url, tags = share_image_of(client, page)
    rendition = expected.get_rendition("fill-1200x630")
    assert url == f"http://localhost{rendition.url}"
    assert tags["og:image:width"] == "1200"
    assert tags["og:image:height"] == "630"
    assert tags["og:image:alt"] == expected.title
    assert tags["twitter:image"] == url
    assert tags["twitter:card"] == "summary_large_image"


def test_without_a_default_image_the_logo_is_shared_uncropped(client, home_page):
    logo = make_image("Logo", size=(800, 400))
    site_settings(logo=logo)
    page = ProgrammePageFactory(parent=home_page)
    url, tags = share_image_of(client, page)
    assert url == f"http://localhost{logo.get_rendition('max-1200x630').url}"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("800", "400")
    assert tags["twitter:card"] == "summary_large_image"


def test_missing_image_file_falls_back_to_the_default_image(client, home_page):
    """A file lost from storage must not turn every page that shares it into a 500."""
    lost, default = make_image("Kwijt"), make_image("Standaard")
    lost.file.storage.delete(lost.file.name)
    site_settings(default_social_image=default)
    page = ProgrammePageFactory(parent=home_page, social_image=lost)
    url, tags = share_image_of(client, page)
    assert url == f"http://localhost{default.get_rendition('fill-1200x630').url}"
    assert tags["twitter:card"] == "summary_large_image"


def test_home_page_has_organization_json_ld(client, home_page):
    logo = make_image("Logo", size=(800, 400))
    site_settings(
        logo=logo,
        contact_email="info@regiosamen.nl",
        linkedin_url="https://www.linkedin.com/company/regionale-samenwerking",
        x_url="https://x.com/regiosamen",
    )
    response = client.get("/")
    (data,) = json_ld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Kennisprogramma Regionale Samenwerking"
    assert data["url"] == "http://localhost/"
    rendition = logo.get_rendition("max-512x512")
    assert data["logo"] == {
        "@type": "ImageObject",
        "url": f"http://localhost{rendition.url}",
        "width": 512,
        "height": 256,
    }
    assert data["contactPoint"] == {
        "@type": "ContactPoint",
        "contactType": "customer support",
        "email": "info@regiosamen.nl",
        "availableLanguage": "nl",
    }
    assert data["sameAs"] == [
        "https://www.linkedin.com/company/regionale-samenwerking",
        "https://x.com/regiosamen",
    ]
    assert meta(head_of(response))["twitter:site"] == "@regiosamen"


def test_organization_without_logo_contact_or_profiles_leaves_them_out(client, home_page):
    response = client.get("/")
    (data,) = json_ld(response)
    assert data["@type"] == "Organization"
    assert "logo" not in data and "sameAs" not in data and "contactPoint" not in data
    assert "twitter:site" not in meta(head_of(response))
    # Positive control: the same checks find each one once it is set.
    site_settings(
        logo=make_image("Logo"), contact_email="info@regiosamen.nl", x_url="https://x.com/regio"
    )
    response = client.get("/")
    (data,) = json_ld(response)
    assert "logo" in data and "sameAs" in data and "contactPoint" in data
    assert "twitter:site" in meta(head_of(response))


@pytest.mark.parametrize(
    ("x_url", "handle"),
    [
        ("https://x.com/regiosamen", "@regiosamen"),
        ("https://twitter.com/@RegioSamen/", "@RegioSamen"),
        ("https://example.nl/regiosamen", ""),
        ("https://x.com/regiosamen/status/1", ""),
        ("https://x.com/veel_te_lange_naam_hier", ""),
        ("niet een adres", ""),
        ("", ""),
    ],
)
def test_twitter_handle_only_from_an_x_profile_link(x_url, handle):
    assert twitter_handle(x_url) == handle


def test_json_ld_cannot_be_closed_by_a_name(client, home_page):
    name = "Kennis</script><script>alert(1)</script> & <!-- co"
    site_settings(organisation_name=name)
    response = client.get("/")
    assert "<script>alert(1)" not in response.text
    assert "<!-- co" not in response.text
    # Positive control: the same search finds the name, escaped inside the data block.
    assert "\\u003Cscript\\u003Ealert(1)" in response.text
    assert "\\u003C!-- co" in response.text
    (data,) = json_ld(response)
    assert data["name"] == name


def test_only_the_home_page_describes_the_organization(client, home_page):
    page = ProgrammePageFactory(parent=home_page)
    assert schema_types(client.get(page.url)) == ["BreadcrumbList"]
    # Positive control: the same reading finds it on the home page.
    assert schema_types(client.get("/")) == ["Organization"]


def test_error_page_has_site_tags_but_no_canonical(client, home_page):
    head = head_of(client.get("/bestaat-niet/"), status=404)
    assert canonical(head) is None
    assert meta(head)["og:site_name"] == "Kennisprogramma Regionale Samenwerking"
    # Positive control: the same reading finds the canonical link of a page.
    assert canonical(head_of(client.get("/"))) == "http://localhost/"


def test_private_page_is_not_shown_with_its_meta(client, home_page):
    page = ProgrammePageFactory(parent=home_page, search_description="Alleen voor leden.")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(page.url)
    assert "Alleen voor leden." not in response.text
    # Positive control: without the restriction the same check finds it.
    PageViewRestriction.objects.filter(page=page).delete()
    assert "Alleen voor leden." in client.get(page.url).text


def test_promote_tab_has_the_seo_fields(admin_client, home_page):
    page = ProgrammePageFactory(parent=home_page)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.text
    for field in ("seo_title", "search_description", "social_image"):
        assert f'name="{field}"' in html, field
    assert "Deelafbeelding" in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_share_image_costs_one_query(client, home_page):
    """The page's image and the logo load in one query; renditions come from the cache."""
    plain = ProgrammePageFactory(parent=home_page)
    client.get(plain.url)
    without = count_queries(client, plain.url)
    site_settings(default_social_image=make_image("Standaard"), logo=make_image("Logo"))
    pictured = ProgrammePageFactory(parent=home_page, social_image=make_image("Deel"))
    client.get(pictured.url)  # make the rendition once
    assert count_queries(client, pictured.url) == without + 1
