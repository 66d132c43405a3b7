"""Demo privacy statement (/privacyverklaring/) and accessibility statement
(/toegankelijkheidsverklaring/): programme pages editors keep up to date, chosen in the
site settings so that the footer links them.

Written for this site: what the contact form and the site keep about visitors, and the
status against WCAG 2.1 AA in the form of the Dutch public-sector model statement.
Creates only what is missing, so loading twice changes nothing.
"""

import datetime
import json

from wagtail.models import Site

from core.demo import heading, paragraph
from core.models import SiteSettings
from home.factories import ProgrammePageFactory

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def bullets(*items):
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


def dutch_date(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def contact_link(contact_page, text="contactformulier"):
    if contact_page is None:
        return text
    return f'<a linktype="page" id="{contact_page.pk}">{text}</a>'


def privacy_body(contact_page, email):
    form = contact_link(contact_page)
    return [
        heading("Wie zijn wij?"),
        paragraph(
            "Het kennisprogramma Regionale Samenwerking is verantwoordelijk voor deze website "
            "en voor de persoonsgegevens die u hier achterlaat. In deze verklaring leest u "
            "welke gegevens dat zijn, waarom we ze nodig hebben, hoe lang we ze bewaren en "
            "welke rechten u hebt volgens de Algemene verordening gegevensbescherming (AVG)."
        ),
        heading("Als u het contactformulier invult"),
        paragraph(
            f"Via het {form} vragen we uw naam, uw e-mailadres en uw vraag. De naam van uw "
            "organisatie mag u erbij zetten, maar dat hoeft niet. We gebruiken deze gegevens "
            "alleen om uw vraag te beantwoorden en u zo nodig met een samenwerking in uw regio "
            "in contact te brengen. Dat doen we omdat u ons daarom vraagt: de grondslag is uw "
            "toestemming, die u geeft door het formulier te versturen.",
            "Uw bericht komt bij onze adviseurs binnen per e-mail en wordt bewaard in het "
            "beheer van de website. Alleen de adviseurs en de beheerders van de website kunnen "
            "het lezen. We verkopen uw gegevens niet en geven ze niet aan anderen, tenzij u "
            "ons vraagt u met iemand in contact te brengen; dan vragen we eerst of dat mag.",
            "We bewaren uw vraag en ons antwoord tot een jaar nadat we uw vraag hebben "
            "afgehandeld. Zo kunnen we verder helpen als u later op dezelfde vraag terugkomt. "
            "Daarna verwijderen we uw bericht uit het beheer en uit onze mailbox.",
        ),
        heading("Wat we bijhouden als u de website bezoekt"),
        paragraph(
            "Onze server houdt zoals elke webserver een logboek bij van de verzoeken die "
            "binnenkomen: het internetadres (IP-adres) waarvandaan het verzoek kwam, de pagina, "
            "het tijdstip en het soort browser. We gebruiken dat logboek alleen om storingen en "
            "misbruik op te sporen en bewaren het hooguit dertig dagen.",
            "Om te voorkomen dat iemand de website overbelast, tellen we kort hoeveel "
            "zoekopdrachten en formulieren er van één internetadres komen. Die telling "
            "verdwijnt vanzelf na enkele minuten.",
            "Bezoekstatistieken houden we alleen bij als u daar in de cookiemelding "
            "toestemming voor geeft. Meer daarover leest u in de cookieverklaring.",
        ),
        heading("Redacteuren"),
        paragraph(
            "Wie een account heeft om de website te beheren, logt in met een gebruikersnaam en "
            "wachtwoord. Mislukte inlogpogingen houden we bij met gebruikersnaam en "
            "internetadres, zodat we een account kunnen blokkeren als iemand een wachtwoord "
            "probeert te raden. Die telling vervalt na een geslaagde inlog."
        ),
        heading("Uw rechten"),
        paragraph("Gaat het om uw gegevens, dan mag u ons vragen:"),
        bullets(
            "welke gegevens we van u hebben (inzage);",
            "onjuiste gegevens te verbeteren;",
            "uw gegevens te verwijderen;",
            "uw gegevens niet langer te gebruiken (beperking of bezwaar);",
            "uw gegevens aan u of een ander over te dragen.",
        ),
        paragraph(
            f"Stuur uw verzoek via het {form} of per e-mail naar {email}. We antwoorden binnen "
            "een maand. U kunt uw toestemming ook altijd intrekken; wat we tot dan met uw "
            "gegevens deden, blijft dan wel rechtmatig.",
            "Bent u niet tevreden over hoe we met uw gegevens omgaan? Laat het ons weten, dan "
            "zoeken we samen naar een oplossing. U kunt ook een klacht indienen bij de "
            "Autoriteit Persoonsgegevens.",
        ),
    ]


def accessibility_body(contact_page, email, today):
    form = contact_link(contact_page)
    return [
        heading("Ons streven"),
        paragraph(
            "Iedereen moet deze website kunnen gebruiken: met een schermlezer, alleen met het "
            "toetsenbord, ingezoomd of op een kleine telefoon. Daarom bouwen we de website "
            "volgens de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, de eis "
            "die in Nederland geldt voor websites van de overheid."
        ),
        heading("Hoe toegankelijk is de website nu?"),
        paragraph(
            "De website voldoet gedeeltelijk aan WCAG 2.1 niveau AA. Hieronder staat wat nog "
            "niet voldoet en welk alternatief er is.",
            "Elke soort pagina wordt bij elke wijziging automatisch getest met axe-core en met "
            "de HTML-validator van het W3C, en onderdelen als de cookiemelding ook met alleen "
            "het toetsenbord. Een "
            "onafhankelijk onderzoek door een deskundige partij is nog niet gedaan; dat staat "
            "gepland.",
        ),
        heading("Wat nog niet toegankelijk is"),
        bullets(
            "<b>Downloads.</b> Sommige rapporten die u kunt downloaden, zoals de regionale "
            "arbeidsmarktrapportages, zijn pdf-bestanden van anderen die niet volledig "
            "toegankelijk zijn. Bij zo'n download staat dat erbij. Waar het kan, staat ernaast "
            "een toegankelijke versie, bijvoorbeeld een webpagina met dezelfde inhoud. Is die "
            f"er niet, dan sturen we u de inhoud op een andere manier: vraag het via het {form}.",
            "<b>De netwerkkaart.</b> Op de kaart zijn de samenwerkingen niet met een schermlezer "
            "te verkennen. Naast de kaart staat daarom een lijst met dezelfde samenwerkingen, "
            "die u ook kunt filteren. Wat op de kaart staat, staat ook in die lijst.",
            "<b>Grafieken.</b> De grafieken op de regioprofielen laten niet elk cijfer in tekst "
            "zien. Alle cijfers staan daarom ook in de tabel onder de grafieken.",
        ),
        heading("Een probleem melden"),
        paragraph(
            f"Loopt u ergens tegenaan op deze website? Meld het ons via het {form} of per "
            f"e-mail naar {email}. Zeg erbij om welke pagina het gaat en wat er misgaat. We "
            "reageren binnen vijf werkdagen en laten u weten wat we eraan doen.",
            "Krijgt u geen antwoord, of bent u niet tevreden met de oplossing? Dan kunt u "
            "terecht bij de Nationale ombudsman.",
        ),
        heading("Over deze verklaring"),
        paragraph(
            f"Deze verklaring is opgesteld op {dutch_date(today)} en wordt elk jaar, en na "
            "elke grote wijziging van de website, opnieuw bekeken. Ze volgt het "
            "modelformat voor toegankelijkheidsverklaringen van de Nederlandse overheid."
        ),
    ]


def ensure_statement(home, slug, title, intro, body):
    """A programme page below the home page, unless one with this slug exists."""
    existing = home.get_children().filter(slug=slug).first()
    if existing:
        return existing
    page = ProgrammePageFactory(
        parent=home,
        title=title,
        slug=slug,
        intro=intro,
        body=json.dumps(body),
        show_in_menus=False,
    )
    page.save_revision().publish()
    return page


def load(home, contact_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    email = site_settings.contact_email or "info@example.nl"
    privacy = ensure_statement(
        home,
        "privacyverklaring",
        "Privacyverklaring",
        "Welke persoonsgegevens deze website bewaart, waarom, hoe lang, wie ze ziet en "
        "welke rechten u hebt.",
        privacy_body(contact_page, email),
    )
    accessibility = ensure_statement(
        home,
        "toegankelijkheidsverklaring",
        "Toegankelijkheidsverklaring",
        "Hoe toegankelijk deze website is, wat nog niet goed werkt en hoe u een probleem meldt.",
        accessibility_body(contact_page, email, datetime.date.today()),
    )
    changed = False
    if site_settings.privacy_statement_page_id is None:
        site_settings.privacy_statement_page, changed = privacy, True
    if site_settings.accessibility_statement_page_id is None:
        site_settings.accessibility_statement_page, changed = accessibility, True
    if changed:
        site_settings.save()
