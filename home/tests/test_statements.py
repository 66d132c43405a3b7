"""The statements a Dutch public site must have (privacy, cookies, accessibility), linked
from every page's footer, and the sitemap for people at /sitemap/."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from core.tests.seo_helpers import site_settings
from home.factories import ProgrammePageFactory
from home.models import ProgrammePage

pytestmark = pytest.mark.django_db

STATEMENTS = ["Privacyverklaring", "Cookieverklaring", "Toegankelijkheidsverklaring"]


def footer_links(response):
    footer = BeautifulSoup(response.content, "html.parser").find("footer", class_="site-footer")
    return {link.get_text(strip=True): link["href"] for link in footer.find_all("a")}


def text_of(response):
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return " ".join(main.get_text(" ").split())


def test_demo_statements_are_linked_from_every_page(client, demo_site):
    pages = list(Page.objects.live().public().filter(depth__gte=2))
    for page in pages:
        links = footer_links(client.get(page.url))
        assert [label for label in links if label in STATEMENTS] == STATEMENTS, page.url
    links = footer_links(client.get("/"))
    assert links["Privacyverklaring"] == "/privacyverklaring/"
    assert links["Toegankelijkheidsverklaring"] == "/toegankelijkheidsverklaring/"
    assert links["Cookieverklaring"] == "/cookieverklaring/"


def test_demo_privacy_statement_says_what_why_how_long_who_and_rights(client, demo_site):
    page = ProgrammePage.objects.get(slug="privacyverklaring")
    text = text_of(client.get(page.url))
    for needed in (
        "naam, uw e-mailadres en uw vraag",  # what the contact form keeps
        "alleen om uw vraag te beantwoorden",  # why
        "tot een jaar nadat we uw vraag hebben afgehandeld",  # how long
        "Alleen de adviseurs en de beheerders",  # who sees it
        "Algemene verordening gegevensbescherming",
        "inzage",
        "Autoriteit Persoonsgegevens",
    ):
        assert needed in text, needed
    # Its links (contact form, e-mail) lead somewhere.
    assert "/over-het-programma/contact/" in client.get(page.url).text


def test_demo_accessibility_statement_follows_the_public_sector_model(client, demo_site):
    page = ProgrammePage.objects.get(slug="toegankelijkheidsverklaring")
    text = text_of(client.get(page.url))
    for needed in (
        "voldoet gedeeltelijk aan WCAG 2.1 niveau AA",  # status
        "Downloads.",  # known exception, with its alternative
        "toegankelijke versie",
        "Een probleem melden",
        "binnen vijf werkdagen",
        "Nationale ombudsman",
        "Deze verklaring is opgesteld op",
    ):
        assert needed in text, needed


def test_loading_the_demo_twice_keeps_one_of_each_statement(demo_site):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for slug in ("privacyverklaring", "toegankelijkheidsverklaring"):
        assert ProgrammePage.objects.filter(slug=slug).count() == 1


def test_footer_links_a_statement_only_while_it_is_live(client, home_page):
    page = ProgrammePageFactory(parent=home_page, title="Privacy", slug="privacy")
    site_settings(privacy_statement_page=page)
    assert footer_links(client.get("/"))["Privacyverklaring"] == "/privacy/"
    page.unpublish()
    assert "Privacyverklaring" not in footer_links(client.get("/"))
    # Positive control: the same reading finds it again once it is published.
    page.save_revision().publish()
    assert "Privacyverklaring" in footer_links(client.get("/"))


def test_footer_sitemap_link_is_a_page_for_people(client, home_page):
    href = footer_links(client.get("/"))["Sitemap"]
    assert href == "/sitemap/"
    response = client.get(href)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert BeautifulSoup(response.content, "html.parser").h1.get_text() == "Sitemap"


def sitemap_tree(response):
    """The sitemap's nested list as (title, [children]) pairs."""

    def read(ul):
        items = []
        for li in ul.find_all("li", recursive=False):
            below = li.find("ul", recursive=False)
            items.append((li.a.get_text(), read(below) if below else []))
        return items

    main = BeautifulSoup(response.content, "html.parser").find("main")
    return read(main.find("ul", class_="sitemap__list"))


def test_sitemap_shows_the_public_page_tree(client, home_page):
    about = ProgrammePageFactory(parent=home_page, title="Over ons")
    ProgrammePageFactory(parent=about, title="Het team")
    ProgrammePageFactory(parent=home_page, title="Concept", live=False)
    private = ProgrammePageFactory(parent=home_page, title="Voor leden")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    tree = sitemap_tree(client.get("/sitemap/"))
    assert tree == [("Home", [("Over ons", [("Het team", [])])])]
    # Positive control: the same reading finds the draft once it is published.
    draft = ProgrammePage.objects.get(title="Concept")
    draft.save_revision().publish()
    titles = [title for title, _ in sitemap_tree(client.get("/sitemap/"))[0][1]]
    assert titles == ["Over ons", "Concept"]


def test_sitemap_lists_the_write_ups_below_the_network_map(client, home_page):
    from regions.factories import NetworkMapPageFactory, PartnershipFactory

    map_page = NetworkMapPageFactory(parent=home_page)
    PartnershipFactory(name="Zorg Noord", slug="zorg-noord")
    PartnershipFactory(name="ICT Oost", slug="ict-oost")
    PartnershipFactory(name="Nog niet af", slug="concept", live=False)
    soup = BeautifulSoup(client.get("/sitemap/").content, "html.parser")
    section = soup.select_one(".sitemap__section")
    assert section.summary.get_text() == "Samenwerkingen (2)"
    assert [(a.get_text(), a["href"]) for a in section.find_all("a")] == [
        ("ICT Oost", f"{map_page.url}ict-oost/"),
        ("Zorg Noord", f"{map_page.url}zorg-noord/"),
    ]
    # Below the map page's own entry.
    assert section.find_parent("li").a.get_text() == map_page.title


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_sitemap_queries_are_flat(client, home_page):
    from regions.factories import NetworkMapPageFactory, PartnershipFactory

    NetworkMapPageFactory(parent=home_page)
    parent = ProgrammePageFactory(parent=home_page)
    ProgrammePageFactory.create_batch(3, parent=parent)
    PartnershipFactory.create_batch(2)
    client.get("/sitemap/")
    few = count_queries(client, "/sitemap/")
    ProgrammePageFactory.create_batch(30, parent=parent)
    PartnershipFactory.create_batch(20)
    assert count_queries(client, "/sitemap/") == few
