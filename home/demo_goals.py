"""Demo programme goals under /over-het-programma/doelen/, with live-counted targets.

Written for this site from the goals in the programme’s source documents. Creates only
what is missing, so loading twice changes nothing.
"""

import json

from cases.factories import GoalPageFactory, GoalTargetFactory
from home.factories import ProgrammePageFactory
from home.models import ProgrammePage

GOALS = [
    {
        "number": 1,
        "slug": "samenwerkingen-in-de-spotlight",
        "title": "Tien regio’s met een succesvolle samenwerking in de spotlight",
        "short_title": "Samenwerkingen in de spotlight",
        "intro": "Goede voorbeelden inspireren. We laten in tien regio’s zien hoe scholen en "
        "bedrijven samen beter opgeleide ICT’ers afleveren.",
        "description": "Sommige samenwerkingen groeien van onderop, andere krijgen begeleiding "
        "van het programma. Wat ze delen: het onderwijs sluit beter aan op de regionale "
        "arbeidsmarkt. Door ze zichtbaar te maken, kunnen andere regio’s ervan leren.",
        "actions": [
            "In elke regio in de spotlight een case schrijven in vast format.",
            "De cases delen op de website en op regionale bijeenkomsten.",
        ],
        "targets": [("regio’s met een samenwerking in de spotlight", 10, "spotlight_regions")],
    },
    {
        "number": 2,
        "slug": "extra-rif-aanvragen",
        "title": "Vier extra RIF-aanvragen rond ICT",
        "short_title": "Extra RIF-aanvragen",
        "intro": "Samen met Platform Bèta Techniek begeleiden we aanvragen voor het Regionaal "
        "Investeringsfonds mbo actief.",
        "description": "Het Regionaal Investeringsfonds mbo (RIF) geeft publiek-private "
        "samenwerkingen een eerste impuls. We helpen regio’s met een ICT-vraag om een sterke "
        "aanvraag op te stellen.",
        "actions": [
            "Regio’s met kansrijke ICT-plannen opsporen en koppelen aan een adviseur.",
            "Meelezen met conceptaanvragen en partners aan tafel brengen.",
        ],
        "targets": [("samenwerkingen met RIF-geld, gestart vanaf 2024", 4, "rif_started", 2024)],
    },
    {
        "number": 3,
        "slug": "civs-en-centres-of-expertise",
        "title": "Vijf koppelingen tussen CIV’s en centres of expertise",
        "short_title": "CIV’s en centres of expertise",
        "intro": "Doorlopende leerlijnen van mbo naar hbo vragen dat centra voor innovatief "
        "vakmanschap en centres of expertise samenwerken.",
        "description": "Een student die van het mbo naar het hbo gaat, moet niet opnieuw "
        "beginnen. Als een centrum voor innovatief vakmanschap (mbo) en een centre of "
        "expertise (hbo) samen optrekken, wordt die overstap makkelijker. We tellen een CIV "
        "waarin een hogeschool of kennisinstelling partner is.",
        "actions": [
            "CIV’s en centres of expertise met dezelfde sector aan elkaar voorstellen.",
            "Samen een doorlopende leerlijn mbo-hbo uitwerken.",
        ],
        "targets": [("CIV’s gekoppeld aan het hbo", 5, "civ_coe_links")],
    },
    {
        "number": 4,
        "slug": "techniekpacten-met-ict",
        "title": "Regionale techniekpacten met een ICT-component",
        "short_title": "Techniekpacten met ICT",
        "intro": "In overleg met Platform Bèta Techniek bekijken we hoe ICT vaker een vast "
        "onderdeel wordt van de regionale techniekpacten.",
        "description": "Veel regio’s hebben een techniekpact, maar ICT staat daar niet altijd "
        "in. Terwijl vrijwel elk technisch beroep digitale vaardigheden vraagt.",
        "actions": ["Per techniekpact nagaan of er een ICT-paragraaf in staat."],
        "targets": [
            ("techniekpacten met ICT", 3, "ict_pacts"),
            ("samenwerkingen met de sector ICT", 20, "ict_sector"),
        ],
    },
    {
        "number": 5,
        "slug": "vastleggen-in-vast-format",
        "title": "Samenwerkingen en gesprekken vastleggen in een vast format",
        "short_title": "Vast format",
        "intro": "Wat we leren, leggen we steeds op dezelfde manier vast, zodat anderen het "
        "snel kunnen vinden en gebruiken.",
        "description": "Elke samenwerking krijgt een beschrijving met dezelfde onderdelen: "
        "aanleiding, ambitie, aanpak, partners, resultaten, lessen en vervolg. Gesprekken met "
        "samenwerkingen leggen we vast met datum, gesprekspartners, afspraken en vervolg.",
        "actions": [
            "Elke samenwerking op de netwerkkaart beschrijven in het vaste format.",
            "Van elk gesprek een kort verslag maken.",
        ],
        "targets": [
            ("gespreksverslagen dit jaar", 24, "manual", None, 9),
            ("bereikte bedrijven", 4000, "companies"),
        ],
    },
]


def ensure_goals(person):
    parent = ProgrammePage.objects.filter(slug="over-het-programma").first()
    if parent is None:
        return
    goals_page = parent.get_children().filter(slug="doelen").specific().first()
    if goals_page is None:
        goals_page = ProgrammePageFactory(
            parent=parent,
            title="Doelen",
            slug="doelen",
            intro="Vijf doelen waar het programma aan werkt, met de voortgang tot nu toe.",
            body=json.dumps([]),
            show_in_menus=False,
        )
        goals_page.save_revision().publish()
    existing = set(goals_page.get_children().values_list("slug", flat=True))
    for data in GOALS:
        if data["slug"] in existing:
            continue
        goal = GoalPageFactory(
            parent=goals_page,
            title=data["title"],
            slug=data["slug"],
            number=data["number"],
            short_title=data["short_title"],
            intro=data["intro"],
            description=f"<p>{data['description']}</p>",
            actions=json.dumps([{"type": "action", "value": text} for text in data["actions"]]),
            parties="Onderwijs, bedrijfsleven en overheid, met Platform Bèta Techniek",
            contact_person=person,
            targets=[target(*spec) for spec in data["targets"]],
        )
        goal.save_revision().publish()


def target(label, number, metric, year_from=None, manual_count=None):
    # Built without a page: the goal's ``targets=`` links it (modelcluster).
    return GoalTargetFactory.build(
        page=None,
        label=label,
        target=number,
        metric=metric,
        year_from=year_from,
        manual_count=manual_count,
    )
