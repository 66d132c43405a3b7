"""Demo region index (/regios/) and six region profiles with made-up figures.

Every figure's source says "Demogegevens", so the profile shows a notice that the numbers
are not real. One small PDF, written here byte by byte, is attached to every profile and
marked as not digitally accessible, with the profile page as its accessible alternative:
that way the downloads notice shows on the demo site. Idempotent: existing pages stay.
"""

from decimal import Decimal

from django.core.files.base import ContentFile

from core.content import ensure_page
from core.factories import AccessibleDocumentFactory
from core.models import AccessibleDocument, Person
from regions.factories import (
    RegionDownloadFactory,
    RegionFigureFactory,
    RegionIndexPageFactory,
    RegionProfilePageFactory,
)
from regions.models import Region, RegionFigure, RegionProfilePage
from regions.models.profiles import DEMO_SOURCE
from regions.regionmap import MKB_REACH

INDEX_INTRO = (
    "Hoe staan onderwijs en arbeidsmarkt er in uw regio voor? Kies een arbeidsmarktregio en "
    "bekijk de cijfers, de samenwerkingen en wie u kunt bellen."
)
# The region index (/regios/) of the demo content and of the load-test data.
INDEX_PAGE = {"title": "Regio’s", "slug": "regios", "intro": INDEX_INTRO, "show_in_menus": True}
YEAR = 2024
EDU, WORK = RegionFigure.Topic.EDUCATION, RegionFigure.Topic.LABOUR_MARKET
# slug → (mbo students, hbo students, share technical/ICT %, vacancies per 100 jobseekers,
#          ICT jobs, intro)
PROFILES = {
    "twente": (
        27400,
        19800,
        31,
        142,
        9100,
        "Een sterke maakindustrie die hard digitaliseert en technici van mbo tot wo zoekt.",
    ),
    "groningen": (
        21900,
        30800,
        24,
        118,
        7400,
        "Zorg en energie zijn de grote werkgevers; de vergrijzing gaat hier sneller dan elders.",
    ),
    "groot-amsterdam": (
        56300,
        98100,
        22,
        131,
        61200,
        "De grootste ICT-arbeidsmarkt van het land, met banengroei en krapte tegelijk.",
    ),
    "rijnmond": (
        48700,
        52600,
        27,
        109,
        24800,
        "Haven, industrie en logistiek vragen vakmensen voor de energietransitie.",
    ),
    "zuidoost-brabant": (
        31200,
        36400,
        35,
        156,
        18900,
        "Hightech en maakindustrie rond Eindhoven: de vraag naar technici groeit het snelst.",
    ),
    "zeeland": (
        9800,
        5100,
        29,
        124,
        2300,
        "Procesindustrie en havens in een regio waar jongeren vaak wegtrekken.",
    ),
}


def demo_pdf(lines):
    """A tiny, valid one-page PDF with the given lines of (ASCII) text."""
    text = "\n".join(f"({line}) Tj 0 -18 Td" for line in lines)
    stream = f"BT /F1 12 Tf 56 780 Td\n{text}\nET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# Share of the region's SMEs that a partnership reaches (%): most regions reach 4–6 %.
def figures(mbo, hbo, technical_share, tension, ict_jobs):
    source = f"{DEMO_SOURCE} (verzonnen voor de demo)"
    rows = [
        (EDU, "Studenten mbo", mbo, "studenten"),
        (EDU, "Studenten hbo", hbo, "studenten"),
        (EDU, "Studenten in techniek en ICT", technical_share, "%"),
        (EDU, "Gediplomeerden dat in de regio blijft werken", 68 + technical_share // 4, "%"),
        (WORK, "Vacatures per 100 werkzoekenden", tension, ""),
        (WORK, "Banen in ICT", ict_jobs, "banen"),
        # Invented like the rest, but different per region, so the coloured map shows steps.
        (WORK, MKB_REACH, 3 + technical_share % 6, "%"),
    ]
    previous = [
        (EDU, "Studenten mbo", round(mbo * 0.97), "studenten"),
        (WORK, MKB_REACH, 2 + technical_share % 5, "%"),
    ]
    # Built without a page: the profile's ``figures=`` links them (modelcluster).
    return [
        RegionFigureFactory.build(
            page=None, topic=t, indicator=i, value=Decimal(v), unit=u, year=year, source=source
        )
        for year, table in ((YEAR, rows), (YEAR - 1, previous))
        for t, i, v, u in table
    ]


def profile_pdf(region):
    if AccessibleDocument.objects.filter(title=f"Regioprofiel {region.name} (demo)").exists():
        return AccessibleDocument.objects.get(title=f"Regioprofiel {region.name} (demo)")
    ascii_name = region.name.encode("ascii", "replace").decode()
    content = demo_pdf([f"Regioprofiel {ascii_name}", "Demogegevens: alle cijfers zijn verzonnen."])
    return AccessibleDocumentFactory(
        title=f"Regioprofiel {region.name} (demo)",
        file=ContentFile(content, name=f"regioprofiel-{region.slug}-demo.pdf"),
        description="Het volledige profiel als pdf, met dezelfde cijfers als deze pagina.",
        is_accessible=False,
    )


def load(stdout, home):
    index = ensure_page(home, RegionIndexPageFactory, **INDEX_PAGE)
    contact = Person.objects.filter(name="Sanne de Groot").first()
    existing = set(RegionProfilePage.objects.values_list("region__slug", flat=True))
    created = 0
    for region in Region.objects.filter(slug__in=PROFILES).exclude(slug__in=existing):
        *numbers, intro = PROFILES[region.slug]
        profile = RegionProfilePageFactory(
            parent=index,
            title=region.name,
            slug=region.slug,
            region=region,
            intro=intro,
            contact_person=contact,
            figures=figures(*numbers),
        )
        document = profile_pdf(region)
        # The profile page itself is the accessible version of the PDF.
        document.accessible_alternative_page = profile
        document.save(update_fields=["accessible_alternative_page"])
        profile.downloads = [RegionDownloadFactory.build(page=None, document=document)]
        profile.save_revision().publish()
        created += 1
    stdout.write(f"Region profiles: {created} demo profiles created.")
