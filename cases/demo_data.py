"""The demo case stories, written for this site from the facts in the source documents.

Each: slug, title, subtitle, (name, role, organisation), pull quote, intro, paragraphs,
partnership slug (or None for a programme-level story), goal numbers.
"""

# The case index (/cases/) of the demo content and of the load-test data.
INDEX_PAGE = {
    "title": "Cases",
    "slug": "cases",
    "show_in_menus": True,
    "intro": "Initiatieven aan het woord: zo werkt regionale samenwerking in de praktijk.",
}

CASES = [
    (
        "cleantech-center",
        "Oog voor iedere aangesloten mkb’er",
        "Martin Snijder over Cleantech Center",
        ("Martin Snijder", "relatiemanager en coördinator", "ROC Aventus"),
        "Een mkb’er met drie mensen moet net zo goed mee kunnen doen als een groot bedrijf.",
        "Cleantech Center is een duurzaam innovatiecentrum van en voor Oost-Nederland.",
        [
            "Bedrijven, school en overheid werken er samen aan duurzame technologie. Studenten doen praktijkopdrachten bij aangesloten bedrijven.",
            "De grootste uitdaging is het commitment van het lokale bedrijfsleven vasthouden. Persoonlijk contact met elke deelnemer helpt daarbij.",
        ],
        "cleantech-center",
        [1, 3],
    ),
    (
        "health-noord-quintuple-helix",
        "Zorgtechnologie in de quintuple helix",
        "Negen samenwerkingen in Noord-Nederland",
        ("Anke Visser", "programmamanager", "Health Noord"),
        "Technologie helpt alleen als cliënten vanaf het begin meedenken.",
        "In het noorden loopt de zorg als eerste tegen de grenzen aan. Health Noord zoekt de oplossing in technologie en samenwerking.",
        [
            "Zorg, onderwijs, mkb, onderzoek, burgers en overheid werken samen. Mkb-bedrijven ontwikkelen diensten met zorginstellingen en studenten.",
            "Proeftuinen in elke provincie laten zien wat werkt in echte thuissituaties.",
        ],
        "health-noord",
        [1],
    ),
    (
        "digital-industry-boost",
        "Digitalisering van de maakindustrie",
        "Een consortium in Noord-Brabant",
        ("Ruud van Beek", "projectleider", "Digital Industry Boost"),
        "We voorkomen versnippering door samen één aanbod te maken.",
        "Digital Industry Boost helpt mkb-bedrijven in de kennisintensieve maakindustrie gericht te digitaliseren.",
        [
            "Onderwijsinstellingen, kenniscentra en bedrijven ontwikkelen samen digitale kennis en scholen werknemers om en bij.",
            "Zo stijgt de arbeidsproductiviteit en neemt de vraag naar schaars technisch personeel af.",
        ],
        "digital-industry-boost",
        [1, 4],
    ),
    (
        "it-campus-rotterdam",
        "Een campus waar ICT-talent samenkomt",
        "IT Campus Rotterdam als voorbeeld",
        ("Esra Demir", "docent ICT", "mbo-college in Rotterdam"),
        "Studenten werken hier aan echte vragen van echte bedrijven.",
        "De IT Campus Rotterdam wordt vaak genoemd als aanpak die werkt.",
        [
            "Onderwijs en bedrijven delen één gebouw. Studenten, werkenden en zij-instromers leren er naast elkaar.",
            "De campus is duurzaam verankerd: bedrijven dragen zelf bij aan de kosten.",
        ],
        "it-campus-rotterdam",
        [1, 2],
    ),
    (
        "ict-leerlijn-utrecht",
        "Zonder drempel van mbo naar hbo",
        "Een doorlopende ICT-leerlijn in Utrecht",
        ("Joost Hendriks", "lector", "hogeschool in Utrecht"),
        "Een student hoeft bij de overstap niet opnieuw te beginnen.",
        "In Utrecht maken mbo en hbo samen één leerlijn ICT.",
        [
            "Docenten van beide scholen ontwerpen de lessen samen, met opdrachten van bedrijven uit de regio.",
            "Het resultaat: minder uitval in het eerste jaar van het hbo.",
        ],
        "ict-leerlijn-utrecht",
        [3],
    ),
    (
        "vast-format-gesprekken",
        "Leren van elkaar met een vast format",
        "Hoe het programma kennis deelt",
        (
            "Sanne de Groot",
            "adviseur onderwijs en arbeidsmarkt",
            "Kennisprogramma Regionale Samenwerking",
        ),
        "Als iedereen hetzelfde format gebruikt, kun je samenwerkingen naast elkaar leggen.",
        "Het programma legt samenwerkingen en gesprekken steeds op dezelfde manier vast.",
        [
            "Elke beschrijving heeft dezelfde onderdelen, van aanleiding tot vervolg. Zo zien regio’s snel wat ze van elkaar kunnen leren.",
            "Ook gesprekken met samenwerkingen worden kort en op vaste wijze vastgelegd.",
        ],
        None,
        [5],
    ),
]
