"""Demo content of the top layer (home page, programme pages and goals, a contact person,
settings) and :func:`load_demo_content`, which loads the sections' demo under the home page.

The contact form and the cookie statement are in ``home/demo_contact.py``.

All text is written for this site from the facts in the programme's source documents.
Every function creates only what is missing, so loading twice changes nothing.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page, Site

from cases import demo as cases_demo
from cases.models import CasePage
from core.content import ensure_page
from core.demo import heading, make_picture, paragraph
from core.factories import PersonFactory
from core.models import Person, SiteSettings
from events import demo as events_demo
from home import demo_contact, demo_share, demo_statements
from home.demo_goals import ensure_goals
from home.factories import HomePageFactory, ProgrammePageFactory
from home.models import HomePage, ProgrammePage
from news import demo as news_demo
from regions import demo as regions_demo
from regions.factories import NetworkMonitorPageFactory

# The address Wagtail's first migration gives the default Site; nothing serves it.
WAGTAIL_DEFAULT_ADDRESS = ("localhost", 80)

HOME_INTRO = (
    "Scholen, bedrijven en overheden werken in de regio samen aan onderwijs dat past bij de "
    "arbeidsmarkt van morgen. Wij brengen deze publiek-private samenwerkingen in kaart, "
    "verbinden ze met elkaar en helpen ze groeien."
)


def ensure_home_page():
    """Replace Wagtail's placeholder welcome page by our HomePage (once)."""
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    hero = make_picture("Netwerk van regionale samenwerkingen", "hero")
    placeholder_ids = list(
        root.get_children().filter(content_type__model="page").values_list("pk", flat=True)
    )
    # The default site keeps its address (ensure_site_address sets the demo's); a database
    # without one gets a site at the demo's address.
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = (site.hostname, site.port) if site else demo_site_address()
    home = HomePageFactory(
        parent=root,
        default_site__hostname=hostname,
        default_site__port=port,
        default_site__site_name="Regionale samenwerkingen",
        title="Samen opleiden voor de regio",
        slug="home-pps",
        intro=HOME_INTRO,
        hero_image=hero,
        hero_cta_text="Lees over regionale samenwerkingen",
        body=json.dumps(
            [
                heading("Waarom regionaal samenwerken?"),
                paragraph(
                    "Het tekort aan goed opgeleide vakmensen in ICT en techniek los je niet "
                    "vanuit één landelijk loket op. Elke regio heeft eigen bedrijven, eigen "
                    "scholen en eigen vragen. Daarom bundelen mbo- en hbo-instellingen, "
                    "ondernemers en overheden hun krachten dicht bij huis.",
                    "Op deze website vindt u de samenwerkingen per regio, leest u hoe ze "
                    "werken en wat ze opleveren, en ziet u wie u kunt bellen.",
                ),
            ]
        ),
    )
    home.save_revision().publish()
    for page in Page.objects.filter(pk__in=placeholder_ids):
        page.delete()
    return home


def demo_site_address():
    """(hostname, port) of ``settings.DEMO_SITE_URL``, as Wagtail's Site stores an address.

    A Site's root URL is http://host:port, or https://host for port 443 (http://host for
    80), so other combinations cannot be stored and are refused.
    """
    value = settings.DEMO_SITE_URL
    url = urlsplit(value)
    try:
        port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    except ValueError:
        port = None
    representable = (url.scheme == "https") == (port == 443)
    if not (url.hostname and port and representable) or url.path.strip("/") or url.query:
        raise ImproperlyConfigured(
            f"DEMO_SITE_URL={value!r} is not a site address such as http://127.0.0.1:8000 "
            "(http with any port but 443, or https on port 443; no path)."
        )
    return url.hostname, port


def ensure_site_address():
    """Give the default Site the demo's address, while it still has Wagtail's own.

    Wagtail's default (localhost, port 80) is served by nothing under `make run`, so every
    canonical URL, share tag and sitemap entry pointed nowhere. An address someone set (an
    earlier demo load, production's domain) is kept: this runs on every load, idempotently.
    """
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != WAGTAIL_DEFAULT_ADDRESS:
        return
    hostname, port = demo_site_address()
    if Site.objects.filter(hostname=hostname, port=port).exists():
        return  # another Site has that address already; two may not share it
    site.hostname, site.port = hostname, port
    site.save()


def ensure_contact_person():
    return Person.objects.filter(name="Sanne de Groot").first() or PersonFactory(
        name="Sanne de Groot",
        role="Adviseur onderwijs en arbeidsmarkt",
        organisation="Kennisprogramma Regionale Samenwerking",
        email="regio@example.nl",
        phone="030 123 45 67",
    )


def ensure_programme_pages(home, person):
    if ProgrammePage.objects.filter(slug="regionale-samenwerkingen").exists():
        return
    page = ProgrammePageFactory(
        parent=home,
        title="Regionale samenwerkingen",
        slug="regionale-samenwerkingen",
        show_in_menus=True,
        intro=(
            "In de afgelopen jaren groeide een stevig netwerk van publiek-private "
            "samenwerkingen tussen beroepsonderwijs en bedrijfsleven. Hoe staat het ervoor, "
            "waar loopt het vast en wat is de volgende stap?"
        ),
        body=json.dumps(
            [
                heading("De situatie"),
                paragraph(
                    "Sinds de start van de Human Capital Agenda ICT in 2014 zijn er in heel "
                    "Nederland regionale samenwerkingsverbanden ontstaan of actiever geworden. "
                    "Inmiddels zijn het er ruim tachtig, met zo'n 4.000 bedrijven en bijna alle "
                    "mbo- en hbo-instellingen. Samen bereiken ze ongeveer 39.000 studenten.",
                    "Voorbeelden als de IT Campus Rotterdam en Make IT Work worden vaak genoemd "
                    "als aanpak die werkt. Toch is het tekort aan ICT'ers daarmee nog lang niet "
                    "opgelost.",
                ),
                {
                    "type": "key_figures",
                    "value": {
                        "heading": "",
                        "figures": [
                            {"value": "80+", "label": "samenwerkingsverbanden"},
                            {"value": "4.000", "label": "bedrijven"},
                            {"value": "39.000", "label": "studenten"},
                        ],
                    },
                },
                heading("Knelpunten"),
                paragraph(
                    "De samenwerkingen doen veel: onderwijs, omscholing en innovatie. Maar de "
                    "meeste zijn nog te klein om alle bedrijven in hun regio te bedienen."
                ),
                {
                    "type": "accordion",
                    "value": {
                        "heading": "",
                        "items": [
                            {
                                "title": "Goede initiatieven blijven onbekend",
                                "body": "<p>Veel ondernemers weten niet welke samenwerking er in "
                                "hun regio al is. Daardoor beginnen partijen soms aan iets "
                                "wat naast de deur al bestaat.</p>",
                            },
                            {
                                "title": "Versnippering en onderlinge concurrentie",
                                "body": "<p>Initiatieven kennen elkaar niet, leren te weinig van "
                                "elkaar en concurreren soms om dezelfde bedrijven en "
                                "subsidies.</p>",
                            },
                            {
                                "title": "Afhankelijk van kleine subsidies",
                                "body": "<p>Korte, kleine subsidies houden samenwerkingen klein. "
                                "Wie steeds opnieuw geld moet zoeken, komt moeilijk tot "
                                "opschaling.</p>",
                            },
                            {
                                "title": "Te weinig aandacht voor leven lang ontwikkelen en diversiteit",
                                "body": "<p>De meeste samenwerkingen richten zich op het "
                                "reguliere onderwijs of op innovatie. Omscholing van werkenden "
                                "en meer vrouwen in de ICT krijgen structureel te weinig "
                                "aandacht.</p>",
                            },
                        ],
                    },
                },
                heading("De oplossing: opschalen en beter coördineren"),
                paragraph(
                    "De basisstap is dat regionale samenwerkingen groeien en dat regionale en "
                    "landelijke coördinatie beter op elkaar aansluiten. Per arbeidsmarktregio "
                    "zouden één of enkele samenwerkingen alle bedrijven moeten kunnen bedienen.",
                    "De sleutel daarvoor is de betrokkenheid van het bedrijfsleven, zowel van "
                    "brancheorganisaties als van individuele ondernemers. Hoe meer bedrijven "
                    "meedoen, hoe beter het onderwijs aansluit op wat zij nodig hebben.",
                ),
                {
                    "type": "quote",
                    "value": {
                        "quote": "Eén landelijke aanpak werkt niet: elke regio heeft haar eigen "
                        "bedrijven en vragen. Maar per regio hoeft het ook niet twintig keer "
                        "opnieuw te worden uitgevonden.",
                        "name": "Sanne de Groot",
                        "role": "adviseur onderwijs en arbeidsmarkt",
                    },
                },
                {
                    "type": "contact_person",
                    "value": {"heading": "Contactpersoon", "person": person.pk},
                },
            ]
        ),
    )
    page.save_revision().publish()

    about = ProgrammePageFactory(
        parent=home,
        title="Over het programma",
        slug="over-het-programma",
        show_in_menus=True,
        intro=(
            "Het kennisprogramma brengt regionale samenwerkingen tussen beroepsonderwijs en "
            "bedrijfsleven in beeld, stimuleert ze en begeleidt ze."
        ),
        body=json.dumps(
            [
                heading("Wat we doen"),
                paragraph(
                    "We zetten succesvolle samenwerkingen in de schijnwerpers, begeleiden "
                    "aanvragen voor het Regionaal Investeringsfonds mbo en helpen centra voor "
                    "innovatief vakmanschap en centers of expertise elkaar te vinden. Zo wordt "
                    "de doorstroom van mbo naar hbo makkelijker.",
                    "Elke samenwerking en elk gesprek leggen we vast in een vast format. Zo "
                    "kunnen anderen er snel van leren.",
                ),
                {
                    "type": "call_to_action",
                    "value": {
                        "title": "Ook aan de slag in uw regio?",
                        "text": "Wilt u sparren over een betere aansluiting tussen onderwijs en "
                        "arbeidsmarkt in uw regio? Neem contact op met een van onze adviseurs.",
                        "page": page.pk,
                        "url": "",
                        "button_text": "Lees over regionale samenwerkingen",
                    },
                },
            ]
        ),
    )
    about.save_revision().publish()

    home.hero_cta_page = page
    home.save_revision().publish()


def ensure_settings():
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.footer_text:
        return
    site_settings.tagline = "Beroepsonderwijs en bedrijfsleven in de regio"
    site_settings.footer_text = (
        "Een kennisprogramma over publiek-private samenwerking tussen mbo, hbo en "
        "bedrijfsleven in de Nederlandse arbeidsmarktregio's."
    )
    site_settings.contact_email = "info@example.nl"
    site_settings.linkedin_url = "https://www.linkedin.com/"
    site_settings.save()


def load(stdout):
    """The top layer's own demo content; returns the home page."""
    home = ensure_home_page()
    ensure_site_address()
    person = ensure_contact_person()
    ensure_programme_pages(home, person)
    ensure_monitor_page()
    ensure_goals(person)
    ensure_settings()
    demo_share.ensure_share_images()
    contact_page = demo_contact.load(home)
    demo_statements.load(home, contact_page)
    stdout.write(
        "Site core: home page, programme pages, goals, contact person, contact form, "
        "cookie, privacy and accessibility statements, settings, logo and share image."
    )
    return home


def ensure_monitor_page():
    """ "Het netwerk in beeld" under the programme page about the regional partnerships."""
    parent = ProgrammePage.objects.get(slug="regionale-samenwerkingen")
    ensure_page(
        parent,
        NetworkMonitorPageFactory,
        publish=True,
        title="Het netwerk in beeld",
        slug="netwerk-in-beeld",
        intro=(
            "Waar werken de samenwerkingen aan, en waar blijven gaten? Per arbeidsmarktregio "
            "ziet u de thema's, de bedrijven en studenten die meedoen en hoeveel mkb-bedrijven "
            "de regio bereikt, naast de ambitie van 15 tot 25 procent."
        ),
        show_in_menus=True,
    )


def feature_cases(home):
    """Feature the first three cases on the home page when it features none yet."""
    if home.featured_cases.raw_data:
        return
    chosen = CasePage.objects.live().order_by("pk")[:3]
    home.featured_cases = [("case", case) for case in chosen]
    home.save_revision().publish()


def load_demo_content(stdout):
    """The whole demo site: the home page first, then each section under it.

    The network comes before the news, the cases and the meetings, which refer to its
    partnerships; the goals (``load``) come before the cases and meetings that serve them.
    """
    home = load(stdout)
    regions_demo.load(stdout, home)
    news_demo.load(stdout, home)
    cases_demo.load(stdout, home)
    events_demo.load(stdout, home)
    feature_cases(home)
