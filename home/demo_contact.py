"""Demo contact page (/over-het-programma/contact/) and cookie statement (/cookieverklaring/).

Written for this site. Creates only what is missing, so loading twice changes nothing.
"""

import json

from wagtail.models import Site

from core.demo import heading, paragraph
from core.models import SiteSettings
from home.factories import ContactPageFactory, ProgrammePageFactory
from home.models import ContactPage, ProgrammePage

CONTACT_FIELDS = [
    # (label, field type, required, help text)
    ("Naam", "singleline", True, ""),
    (
        "E-mailadres",
        "email",
        True,
        "We gebruiken uw e-mailadres alleen om uw vraag te beantwoorden.",
    ),
    ("Organisatie", "singleline", False, "Bijvoorbeeld uw school, bedrijf of gemeente."),
    ("Vraag", "multiline", True, "Vertel kort waar u mee bezig bent en waar u hulp bij zoekt."),
]


def ensure_contact_page(home):
    """The contact form under 'Over het programma' (under the home page if that is gone)."""
    existing = ContactPage.objects.first()
    if existing:
        return existing
    parent = ProgrammePage.objects.filter(slug="over-het-programma").first() or home
    page = ContactPageFactory(
        parent=parent,
        title="Neem contact op met één van onze adviseurs",
        seo_title="Contact",
        slug="contact",
        intro=(
            "Wilt u sparren over een betere aansluiting tussen onderwijs en arbeidsmarkt in uw "
            "regio, of zoekt u partners voor een samenwerking? Stel uw vraag hieronder."
        ),
        body=(
            "<p>Onze adviseurs kennen de regionale samenwerkingen in het hele land. Zij denken "
            "mee over een aanvraag voor het Regionaal Investeringsfonds, brengen u in contact "
            "met een samenwerking bij u in de buurt of helpen u op weg met een eigen "
            "initiatief.</p><p>U krijgt binnen drie werkdagen antwoord.</p>"
        ),
        thank_you_text=(
            "<p>We hebben uw vraag ontvangen. Een van onze adviseurs neemt binnen drie "
            "werkdagen contact met u op.</p>"
        ),
        to_address="adviseurs@example.nl",
        from_address="website@example.nl",
        subject="Nieuwe vraag via het contactformulier",
        form_fields=CONTACT_FIELDS,
    )
    page.save_revision().publish()
    return page


def ensure_cookie_statement(home, contact_page):
    """The cookie statement: which cookies the site sets, why, and how to change the choice."""
    existing = home.get_children().filter(slug="cookieverklaring").first()
    if existing:
        return existing
    page = ProgrammePageFactory(
        parent=home,
        title="Cookieverklaring",
        slug="cookieverklaring",
        show_in_menus=False,
        intro=(
            "Welke cookies deze website gebruikt, waarvoor, en hoe u uw keuze wijzigt. "
            "Zonder uw toestemming plaatsen we alleen wat nodig is om de website te laten werken."
        ),
        body=json.dumps(
            [
                heading("Cookies die nodig zijn"),
                paragraph(
                    "Op de meeste pagina's plaatst deze website geen enkele cookie. Alleen wie "
                    "het contactformulier opent, krijgt een beveiligingscookie "
                    "(<i>csrftoken</i>, een jaar geldig). Die voorkomt dat een andere website "
                    "namens u een formulier naar ons verstuurt.",
                    "Redacteuren die inloggen op het beheer van de website krijgen daarnaast "
                    "een sessiecookie (<i>sessionid</i>, twee weken geldig) die hen ingelogd "
                    "houdt. Deze cookies zeggen niets over wat u op de website leest en we "
                    "delen ze met niemand. Voor deze cookies is geen toestemming nodig.",
                ),
                heading("Uw cookiekeuze"),
                paragraph(
                    "Uw keuze uit de cookiemelding ('Cookies toestaan' of 'Weigeren') bewaren "
                    "we in de lokale opslag van uw browser (<i>pps-cookie-consent</i> in "
                    "localStorage), niet in een cookie. Zo hoeven we het niet op elke pagina "
                    "opnieuw te vragen. De keuze gaat niet naar onze server en blijft staan tot "
                    "u haar wijzigt of uw browsergegevens wist."
                ),
                heading("Statistieken, alleen met uw toestemming"),
                paragraph(
                    "Houdt de website bezoekstatistieken bij, dan laden we het meetscript pas "
                    "nadat u op 'Cookies toestaan' hebt geklikt. De statistiekdienst plaatst "
                    "dan eigen cookies om bezoeken te tellen, bij Google Analytics "
                    "bijvoorbeeld <i>_ga</i> en <i>_ga_…</i> (tot twee jaar geldig). We "
                    "gebruiken de cijfers alleen om de website te verbeteren.",
                    "Weigert u, of kiest u niets, dan laden we het meetscript niet en worden er "
                    "geen statistiekcookies geplaatst.",
                ),
                heading("Uw keuze wijzigen"),
                paragraph(
                    "Onderaan elke pagina staat de knop 'Cookie-instellingen'. Daarmee opent u "
                    "de cookiemelding opnieuw. Trekt u uw toestemming in, dan laden we het "
                    "meetscript niet meer en verwijderen we de statistiekcookies die de website "
                    "zelf kan verwijderen. U kunt cookies ook altijd in uw browser wissen.",
                ),
                heading("Vragen?"),
                paragraph(
                    "Hebt u een vraag over cookies of privacy? Stel hem via het "
                    f'<a linktype="page" id="{contact_page.pk}">contactformulier</a>.'
                ),
            ]
        ),
    )
    page.save_revision().publish()
    return page


def ensure_cookie_setting(statement):
    """Point the site settings at the cookie statement, once."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.cookie_statement_page_id is None:
        site_settings.cookie_statement_page = statement
        site_settings.save()


def load(home):
    contact_page = ensure_contact_page(home)
    statement = ensure_cookie_statement(home, contact_page)
    ensure_cookie_setting(statement)
    return contact_page
