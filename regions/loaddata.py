"""Load-test data of the regional network, called by `manage.py generate_load_data`.

Partnerships are snippets, not pages, so thousands are built with their factories
(``.build()``, unsaved) and go in with ``bulk_create`` (partners, conversations and
taxonomy links through their own tables) and are then added to the
search index in bulk. The map page, the region index and one profile per region (with
figures) are pages, created one by one. Generated partnerships have slugs starting with
``load-``; anything else is someone's content.
"""

import random

from django.core.files.base import ContentFile
from django.utils import timezone

from core.content import ensure_page
from core.factories import AccessibleDocumentFactory
from core.loaddata import index_in_bulk
from core.models import AccessibleDocument, Person
from regions.demo.profiles import INDEX_PAGE, demo_pdf, figures
from regions.factories import (
    ConversationFactory,
    NetworkMapPageFactory,
    PartnerFactory,
    PartnershipFactory,
    RegionDownloadFactory,
    RegionIndexPageFactory,
    RegionProfilePageFactory,
)
from regions.models import (
    Conversation,
    EducationLevel,
    FundingSource,
    Partner,
    Partnership,
    Region,
    Sector,
    Theme,
)
from regions.models.partnership import NL_BOUNDS, format_point

SLUG_PREFIX = "load-"
BATCH_SIZE = 1000
# Spread around the region's centre, in degrees (about 15 km), kept inside the Netherlands.
SPREAD = 0.15
NAME_WORDS = [
    "Techniekpact",
    "Leerwerkplaats",
    "Campus",
    "Field lab",
    "Praktijkcentrum",
    "Skills Lab",
    "Talentwerkplaats",
    "Innovatiehub",
]
PARTNER_KINDS = [kind for kind, _label in Partner.Kind.choices]
# The conversations of every fifth and every tenth partnership:
# (every how many, with whom, subject, summary, public).
CONVERSATIONS = [
    (
        5,
        "Projectleider",
        "Intern: financiering",
        "Interne notitie die nooit openbaar wordt.",
        False,
    ),
    (10, "Penvoerder", "Voortgang", "Openbaar verslag van de voortgang.", True),
]
SECTION_TEXT = "<p>Onderwijs en bedrijven in de regio leiden samen vakmensen op.</p>"


def foreign_content():
    count = Partnership.objects.exclude(slug__startswith=SLUG_PREFIX).count()
    return [f"{count} partnerships"] if count else []


def clamp(value, bounds):
    return min(max(value, bounds[0]), bounds[1])


def build_partnership(number, region, rng, contact):
    """An unsaved partnership for ``bulk_create``."""
    lat = round(clamp(region.latitude + rng.uniform(-SPREAD, SPREAD), NL_BOUNDS["lat"]), 5)
    lng = round(clamp(region.longitude + rng.uniform(-SPREAD, SPREAD), NL_BOUNDS["lng"]), 5)
    now = timezone.now()
    sections = dict.fromkeys(Partnership.FIXED_SECTIONS, SECTION_TEXT)
    return PartnershipFactory.build(
        slug=f"{SLUG_PREFIX}{number:05d}",
        name=f"{rng.choice(NAME_WORDS)} {region.centre_city} {number:05d}",
        summary=(
            f"Scholen en bedrijven in {region.name} werken samen aan vakmensen voor de regio: "
            "stages, omscholing en onderwijs dat aansluit op de praktijk."
        ),
        website=f"https://www.example.nl/{SLUG_PREFIX}{number:05d}/",
        kind=rng.choice(Partnership.Kind.values),
        status=rng.choice(Partnership.Status.values),
        region=region,
        city=region.centre_city,
        location=format_point(lat, lng),
        # bulk_create skips save(), which derives the coordinates from the location.
        latitude=lat,
        longitude=lng,
        companies_count=rng.randint(5, 400),
        students_count=rng.randint(20, 3000),
        teachers_count=rng.randint(2, 80),
        schools_count=rng.randint(1, 8),
        start_year=rng.randint(2010, 2025),
        contact_person=contact,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **sections,
    )


def children_of(partnership, number, rng):
    """Partners and conversations (one in five has an internal one, one in ten a public one too)."""
    partners = [
        PartnerFactory.build(
            partnership=partnership,
            organisation=f"Organisatie {number:05d}-{index}",
            kind=rng.choice(PARTNER_KINDS),
            role="penvoerder" if index == 0 else "partner",
            sort_order=index,
        )
        for index in range(rng.randint(3, 5))
    ]
    conversations = [
        ConversationFactory.build(
            partnership=partnership,
            date=timezone.localdate(),
            with_whom=with_whom,
            subject=subject,
            summary=summary,
            is_public=is_public,
            sort_order=order,
        )
        for order, (every, with_whom, subject, summary, is_public) in enumerate(CONVERSATIONS)
        if number % every == 0
    ]
    return partners, conversations


def link_terms(partnerships, rng):
    """Sectors (1–3), themes (1–2), levels (1–2) and funding (1–2) through their tables."""
    for relation, model, most in [
        ("sectors", Sector, 3),
        ("themes", Theme, 2),
        ("education_levels", EducationLevel, 2),
        ("funding_sources", FundingSource, 2),
    ]:
        field = Partnership._meta.get_field(relation)
        through = field.remote_field.through
        target = field.m2m_reverse_field_name()
        terms = list(model.objects.order_by("pk"))
        rows = [
            through(partnership=partnership, **{target: term})
            for partnership in partnerships
            for term in rng.sample(terms, rng.randint(1, min(most, len(terms))))
        ]
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def generated_partnerships():
    """The generated partnerships, their keys only: what a news item or a case links to."""
    return list(Partnership.objects.filter(slug__startswith=SLUG_PREFIX).only("pk"))


def generate_partnerships(target, stdout):
    existing = Partnership.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if existing >= target:
        stdout.write(f"Partnerships: {existing} generated ones already present.")
        return
    rng = random.Random(existing)
    regions = list(Region.objects.order_by("pk"))
    contact = Person.objects.order_by("pk").first()
    numbers = range(existing + 1, target + 1)
    partnerships = Partnership.objects.bulk_create(
        [build_partnership(n, regions[n % len(regions)], rng, contact) for n in numbers],
        batch_size=BATCH_SIZE,
    )
    partners, conversations = [], []
    for number, partnership in zip(numbers, partnerships, strict=True):
        more_partners, more_conversations = children_of(partnership, number, rng)
        partners += more_partners
        conversations += more_conversations
    Partner.objects.bulk_create(partners, batch_size=BATCH_SIZE)
    Conversation.objects.bulk_create(conversations, batch_size=BATCH_SIZE)
    link_terms(partnerships, rng)
    # bulk_create sends no post_save signal, so the site search would not find them.
    index_in_bulk(
        Partnership,
        Partnership.get_indexed_objects().filter(pk__in=[p.pk for p in partnerships]),
    )
    stdout.write(f"Partnerships: {len(partnerships)} generated ({target} in total).")


def profile_document():
    """One PDF that every generated profile offers as its download."""
    title = "Regioprofiel (belastingtest)"
    document = AccessibleDocument.objects.filter(title=title).first()
    if document is None:
        document = AccessibleDocumentFactory(
            title=title,
            file=ContentFile(demo_pdf(["Regioprofiel", "Gegenereerd"]), name="regioprofiel.pdf"),
            description="Het volledige profiel als pdf.",
            is_accessible=True,
        )
    return document


def generate_profiles(home, stdout):
    """A profile with figures for every region that has none."""
    index = ensure_page(home, RegionIndexPageFactory, **INDEX_PAGE)
    contact = Person.objects.order_by("pk").first()
    document = profile_document()
    rng = random.Random(35)
    created = 0
    for region in Region.objects.filter(profile_page__isnull=True).order_by("pk"):
        RegionProfilePageFactory(
            parent=index,
            title=region.name,
            slug=region.slug,
            region=region,
            intro=f"Onderwijs en arbeidsmarkt in {region.name} in cijfers.",
            contact_person=contact,
            live=True,
            first_published_at=timezone.now(),
            figures=figures(
                rng.randint(5000, 60000),
                rng.randint(3000, 90000),
                rng.randint(15, 40),
                rng.randint(80, 160),
                rng.randint(1000, 60000),
            ),
            downloads=[RegionDownloadFactory.build(page=None, document=document)],
        )
        created += 1
    stdout.write(f"Region profiles: {created} generated.")


def generate(sizes, stdout, home):
    """``home``: the page the map and the region index go under (``home.loaddata``)."""
    generate_partnerships(sizes["partnerships"], stdout)
    ensure_page(
        home,
        NetworkMapPageFactory,
        title="Netwerkkaart",
        slug="netwerkkaart",
        intro="Alle samenwerkingen tussen onderwijs en bedrijfsleven op een kaart.",
        show_in_menus=True,
    )
    generate_profiles(home, stdout)
