"""Demo meetings, written for this site from the facts of the programme plan.

The plan names three inspiring regional meetings meant to win the commitment of local
business for regional partnerships in ICT; the texts below are our own. Dates are days
from the day the demo is loaded, so the demo always has upcoming and past meetings.
"""

INDEX_PAGE = {
    "title": "Bijeenkomsten",
    "slug": "bijeenkomsten",
    "show_in_menus": True,
    "intro": (
        "In regionale bijeenkomsten ontmoeten ondernemers, scholen en overheden elkaar. Ze "
        "horen hoe samenwerkingen in hun regio werken en spreken af wat ze samen gaan doen."
    ),
}

# slug, days from now, start hour, hours, title, intro, venue, address, region, online link,
# capacity, themes, partnerships, programme (time, title), registrations (confirmed, waiting)
MEETINGS = [
    {
        "slug": "regiobijeenkomst-twente-ondernemers-aan-zet",
        "days": 21,
        "hour": 15,
        "hours": 3,
        "title": "Regiobijeenkomst Twente: ondernemers aan zet",
        "intro": (
            "De eerste van drie regionale bijeenkomsten. Twentse bedrijven horen wat een "
            "samenwerking met mbo en hbo hun oplevert en hoe ze kunnen aanhaken."
        ),
        "venue": "Smart Industry Hub, zaal De Werkplaats",
        "address": "Campuslaan 12\n7522 NB Enschede",
        "region": "twente",
        "online": "",
        "capacity": 40,
        "themes": ["innovatie"],
        "partnerships": ["smart-industry-hub-twente", "techwomen-twente"],
        "audience": "Ondernemers uit de maakindustrie en de ICT, docenten en bestuurders van mbo en hbo",
        "programme": [
            ("15:00", "15:30", "Ontvangst met koffie"),
            (
                "15:30",
                "16:15",
                "Wat levert samen opleiden een bedrijf op? Drie ondernemers vertellen",
            ),
            ("16:15", "17:15", "Aan tafel: waar heeft uw bedrijf behoefte aan?"),
            ("17:15", "18:00", "Afspraken en borrel"),
        ],
        "registrations": (6, 0),
    },
    {
        "slug": "regiobijeenkomst-rijnmond-ict-talent-in-de-haven",
        "days": 35,
        "hour": 14,
        "hours": 3,
        "title": "Regiobijeenkomst Rijnmond: ICT-talent voor de haven",
        "intro": (
            "De tweede regionale bijeenkomst, bij een samenwerking die vaak als voorbeeld "
            "wordt genoemd. Een kleine zaal, dus vol; wie zich nu aanmeldt komt op de wachtlijst."
        ),
        "venue": "IT Campus Rotterdam, lokaal 0.12",
        "address": "Haveneiland 3\n3011 AA Rotterdam",
        "region": "rijnmond",
        "online": "",
        "capacity": 3,
        "themes": ["doorlopende-leerlijnen-mbo-hbo"],
        "partnerships": ["it-campus-rotterdam"],
        "audience": "Bedrijven in de haven en de logistiek die ICT'ers zoeken of zelf willen opleiden",
        "programme": [
            ("14:00", "14:30", "Ontvangst"),
            ("14:30", "15:30", "Rondleiding: zo leiden school en bedrijf hier samen op"),
            ("15:30", "17:00", "Gesprek: wat kan uw bedrijf bijdragen?"),
        ],
        "registrations": (3, 2),
    },
    {
        "slug": "regiobijeenkomst-flevoland-data-en-omscholing",
        "days": -42,
        "hour": 13,
        "hours": 4,
        "title": "Regiobijeenkomst Flevoland: data en omscholing",
        "intro": (
            "In Almere spraken werkgevers, scholen en de gemeente over omscholing van werkenden "
            "naar de ICT. Ook online te volgen. Lees hieronder het verslag."
        ),
        "venue": "Almere Data Academy",
        "address": "Stationsplein 5\n1315 KT Almere",
        "region": "flevoland",
        "online": "https://video.example.nl/regiobijeenkomst-flevoland",
        "capacity": 60,
        "themes": ["leven-lang-ontwikkelen-en-omscholing"],
        "partnerships": ["almere-data-academy"],
        "audience": "Werkgevers, opleiders en de gemeente",
        "programme": [
            ("13:00", "13:30", "Ontvangst"),
            ("13:30", "14:30", "Omscholen naar de ICT: wat werkt?"),
            ("14:30", "16:30", "Werksessies per sector"),
            ("16:30", "17:00", "Afsluiting en vervolg"),
        ],
        "registrations": (0, 0),
        "report": [
            "Ruim veertig mensen kwamen naar Almere, en nog eens twintig volgden de middag "
            "online. De vraag van de middag: hoe krijgen we meer werkenden de ICT in?",
            "Werkgevers zeiden dat korte, praktische trajecten naast het werk het best werken. "
            "De scholen boden aan zulke trajecten samen met de bedrijven te ontwerpen. De "
            "gemeente onderzoekt of ze een deel kan betalen.",
            "Afgesproken is dat de Almere Data Academy voor de zomer een eerste omscholingsgroep "
            "start, met stageplekken bij vier bedrijven die zich op de middag meldden.",
        ],
    },
]
