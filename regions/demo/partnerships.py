"""Demo partnerships (about 25, spread over the regions), with partners and conversations.

The records live in two data modules; this one turns them into partnerships through the
factories (``regions/factories.py``). Loading is idempotent: only slugs that do not exist
yet are created, so editors' changes survive a second run. Each new partnership gets a
revision and, unless marked as a draft, is published through it, just as an editor would
in the admin.
"""

from django.utils.html import escape

from core.models import Person
from regions.factories import ConversationFactory, PartnerFactory, PartnershipFactory
from regions.models import (
    EducationLevel,
    FundingSource,
    Partnership,
    Region,
    Sector,
    Theme,
)
from regions.models.partnership import format_point

from .data_north_east import PARTNERSHIPS as NORTH_EAST
from .data_west_south import PARTNERSHIPS as WEST_SOUTH

PARTNERSHIPS = NORTH_EAST + WEST_SOUTH
TAXONOMIES = {
    "sectors": Sector,
    "themes": Theme,
    "levels": EducationLevel,
    "funding": FundingSource,
}
RELATION_FIELDS = {
    "sectors": "sectors",
    "themes": "themes",
    "levels": "education_levels",
    "funding": "funding_sources",
}
CONTACT_NAME = "Sanne de Groot"  # the programme's demo adviser, made by home.demo first


def build(item, regions, terms, contact):
    """The partnership's values: fields, sections, partners, conversations and terms."""
    companies, students, teachers, schools = item["counts"]
    fields = dict(
        slug=item["slug"],
        name=item["name"],
        summary=item["summary"],
        website=f"https://www.example.nl/{item['slug']}/",
        kind=item["kind"],
        status=item["status"],
        region=regions[item["region"]],
        city=item["city"],
        location=format_point(*item["point"]) if item["point"] else "",
        companies_count=companies,
        students_count=students,
        teachers_count=teachers,
        schools_count=schools,
        start_year=item["start_year"],
        contact_person=contact,
        live=False,
    )
    for field, text in zip(Partnership.FIXED_SECTIONS, item["sections"], strict=True):
        fields[field] = f"<p>{escape(text)}</p>" if text else ""
    # Children are built without a parent; modelcluster links them to the partnership.
    fields["partners"] = [
        PartnerFactory.build(partnership=None, organisation=organisation, kind=kind, role=role)
        for organisation, kind, role in item["partners"]
    ]
    fields["conversations"] = [
        ConversationFactory.build(partnership=None, **data)
        for data in item.get("conversations", [])
    ]
    for key, field in RELATION_FIELDS.items():
        fields[field] = [terms[key][slug] for slug in item[key]]
    return fields


def load(stdout):
    existing = set(Partnership.objects.values_list("slug", flat=True))
    missing = [item for item in PARTNERSHIPS if item["slug"] not in existing]
    if missing:
        regions = {region.slug: region for region in Region.objects.all()}
        terms = {
            key: {term.slug: term for term in model.objects.all()}
            for key, model in TAXONOMIES.items()
        }
        contact = Person.objects.filter(name=CONTACT_NAME).first()
        for item in missing:
            partnership = PartnershipFactory(**build(item, regions, terms, contact))
            revision = partnership.save_revision(log_action=True)
            if not item.get("draft"):
                revision.publish()
    stdout.write(
        f"Regional network: {len(missing)} demo partnerships created, "
        f"{len(PARTNERSHIPS) - len(missing)} already present."
    )
