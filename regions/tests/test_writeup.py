"""A partnership's fixed-format write-up at /netwerkkaart/<slug>/ and its admin preview."""

import re
from datetime import date

import pytest

from core.factories import PersonFactory
from regions.factories import ConversationFactory, PartnerFactory, PartnershipFactory
from regions.models import Conversation, Region, Sector

FIXED_HEADINGS = [
    "Aanleiding",
    "Ambitie en doelen",
    "Aanpak",
    "Partners",
    "Resultaten",
    "Lessen en succesfactoren",
    "Vervolg",
]


def main_headings(html):
    main = html.split('class="writeup__main')[1].split("<aside")[0]
    return re.findall(r"<h2>(.*?)</h2>", main)


@pytest.fixture
def partnership(map_page):
    partnership = PartnershipFactory(
        name="Techniekcampus Twente",
        slug="techniekcampus-twente",
        region=Region.objects.get(slug="twente"),
        city="Hengelo",
        website="https://techniekcampus.example.nl",
        companies_count=85,
        students_count=1200,
        teachers_count=None,
        start_year=2018,
        sectors=[Sector.objects.get(slug="ict")],
        contact_person=PersonFactory(name="Fatima El Amrani"),
        results="<p>Zestig nieuwe leerbanen.</p>",
    )
    PartnerFactory(
        partnership=partnership,
        organisation="ROC van Twente",
        kind="mbo",
        role="penvoerder",
        website="https://www.rocvantwente.nl",
    )
    return partnership


@pytest.mark.django_db
def test_write_up_has_the_fixed_sections_in_order(client, partnership):
    response = client.get("/netwerkkaart/techniekcampus-twente/")
    assert response.status_code == 200
    assert main_headings(response.text) == FIXED_HEADINGS
    assert [label for label, _ in partnership.fixed_sections()] == [
        heading for heading in FIXED_HEADINGS if heading != "Partners"
    ]
    # Aanleiding (factory), Resultaten filled; the other four say so.
    assert response.text.count("Nog niet beschreven.") == 4
    assert "Zestig nieuwe leerbanen." in response.text


@pytest.mark.django_db
def test_write_up_shows_the_facts(client, partnership):
    text = client.get("/netwerkkaart/techniekcampus-twente/").text
    assert "<h1>Techniekcampus Twente</h1>" in text
    assert '<th scope="row">ROC van Twente</th>' in text
    assert "Mbo-instelling" in text and "penvoerder" in text
    assert "<dt>Bedrijven</dt><dd>85</dd>" in text
    assert "<dt>Studenten</dt><dd>1200</dd>" in text
    assert "<dt>Docenten</dt><dd>onbekend</dd>" in text
    assert "<dt>Startjaar</dt><dd>2018</dd>" in text
    assert 'href="/netwerkkaart/?regio=twente">Twente</a> (Overijssel)' in text
    assert "<dt>Sectoren</dt><dd>ICT</dd>" in text
    assert "Fatima El Amrani" in text  # contact card
    assert 'class="contact-card"' in text
    assert 'data-lat="52.22' in text  # unlocalised coordinates for the small map
    assert "Partners van Techniekcampus Twente" in text


@pytest.mark.django_db
def test_share_links_are_plain_links(client, partnership):
    text = client.get("/netwerkkaart/techniekcampus-twente/").text
    url = "http%3A%2F%2Ftestserver%2Fnetwerkkaart%2Ftechniekcampus-twente%2F"
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={url}" in text
    assert f"https://x.com/intent/post?url={url}" in text
    assert f"mailto:?subject=Techniekcampus%20Twente&amp;body={url}" in text
    assert 'href="http://testserver/netwerkkaart/techniekcampus-twente/" data-copy-link' in text
    # Only our own scripts.
    assert re.findall(r'<script src="([^"]+)"', text) == [
        "/static/js/site.js",
        "/static/js/consent.js",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet-markercluster/leaflet.markercluster-src.js",
        "/static/js/network-map.js",
    ]


@pytest.mark.django_db
def test_without_location_there_is_no_map(client, map_page):
    PartnershipFactory(slug="zonder-plek", location="")
    text = client.get("/netwerkkaart/zonder-plek/").text
    assert "data-lat" not in text


@pytest.mark.django_db
def test_only_public_conversations_appear(client, partnership):
    ConversationFactory(partnership=partnership, is_public=True, summary="Openbaar-verslag-4711")
    ConversationFactory(partnership=partnership, is_public=False, summary="Intern-verslag-0815")
    text = client.get("/netwerkkaart/techniekcampus-twente/").text
    assert "<h2>Gesprekken</h2>" in text
    assert "Openbaar-verslag-4711" in text
    assert "Intern-verslag-0815" not in text


@pytest.mark.django_db
def test_no_conversation_section_without_public_ones(client, partnership):
    ConversationFactory(partnership=partnership, is_public=False)
    assert "<h2>Gesprekken</h2>" not in client.get("/netwerkkaart/techniekcampus-twente/").text


@pytest.mark.django_db
def test_drafts_and_unknown_slugs_give_404(client, map_page):
    PartnershipFactory(slug="nog-een-concept", live=False)
    assert client.get("/netwerkkaart/nog-een-concept/").status_code == 404
    assert client.get("/netwerkkaart/bestaat-niet/").status_code == 404
    response = client.get("/netwerkkaart/kaart.geojson/")  # not a write-up either
    assert response.status_code == 404


@pytest.mark.django_db
def test_admin_preview_renders_the_same_write_up_without_internal_talks(partnership):
    """The preview shows unsaved form data: here a new name and in-memory conversations."""
    partnership.name = "Nog niet gepubliceerd"
    partnership.conversations = [
        Conversation(date=date(2026, 3, 1), with_whom="a", subject="b", summary="Intern-9321"),
        Conversation(
            date=date(2026, 3, 2), with_whom="c", subject="d", summary="Open-1234", is_public=True
        ),
    ]
    response = partnership.make_preview_request()
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Nog niet gepubliceerd</h1>" in text
    assert main_headings(text) == [*FIXED_HEADINGS, "Gesprekken"]
    assert "Open-1234" in text
    assert "Intern-9321" not in text


@pytest.mark.django_db
def test_admin_preview_of_a_partnership_never_saved(map_page):
    """Previewing while adding a partnership: no pk yet, so no case stories to look up."""
    partnership = PartnershipFactory.build(name="Nieuw en nog nooit bewaard", slug="nieuw")
    assert partnership.pk is None
    response = partnership.make_preview_request()
    assert response.status_code == 200
    assert "<h1>Nieuw en nog nooit bewaard</h1>" in response.content.decode()


@pytest.mark.django_db
def test_partnership_url_helper(rf, map_page):
    from django.template import Context, Template

    partnership = PartnershipFactory(slug="link-test")
    assert map_page.partnership_url(partnership) == "/netwerkkaart/link-test/"
    assert map_page.file_url("geojson") == "/netwerkkaart/kaart.geojson"
    assert map_page.file_url("csv") == "/netwerkkaart/export.csv"
    request = rf.get("/")
    html = Template("{% load regions_tags %}{% partnership_url p %}|{% network_map_url %}").render(
        Context({"p": partnership, "request": request})
    )
    assert html == "/netwerkkaart/link-test/|/netwerkkaart/"
