"""Live metrics that count towards a programme goal's targets.

Each metric counts over *published* partnerships (drafts and unpublished changes never
count), so a goal's progress moves when an editor publishes a partnership. The goals live
in ``cases`` with the case stories that serve them, one layer above ``regions``.

Interpretations, chosen with the programme's goals in mind:

- "regions in the spotlight": distinct labour-market regions with a published partnership
  that a published case story is about;
- "RIF-funded partnerships started": funding source RIF or RIF-opschaler (by slug), start
  year within the target's period (this year when no period is given);
- "CIV linked with a Centre of Expertise": a CIV partnership with a partner that is a
  hogeschool or knowledge institute (the partner kinds a Centre of Expertise is run by);
- "regional technology pacts with ICT": kind "regionaal (techniek)pact" with the ICT sector.
"""

from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import Coalesce

from regions.models import Partner, Partnership

RIF_FUNDING_SLUGS = ["regionaal-investeringsfonds-mbo-rif", "rif-opschaler"]
ICT_SECTOR_SLUG = "ict"
KNOWLEDGE_PARTNER_KINDS = ["hbo", "knowledge"]

MANUAL = "manual"
METRIC_CHOICES = [
    ("spotlight_regions", "Regio's met een samenwerking in de spotlight (case)"),
    ("rif_started", "Samenwerkingen met RIF-financiering, gestart in de periode"),
    ("civ_coe_links", "CIV's gekoppeld aan een hogeschool of kennisinstelling"),
    ("ict_sector", "Samenwerkingen met de sector ICT"),
    ("ict_pacts", "Regionale techniekpacten met een ICT-component"),
    ("companies", "Bereikte bedrijven (som over samenwerkingen)"),
    (MANUAL, "Handmatig bijgehouden aantal"),
]


def published_partnerships():
    return Partnership.objects.published()


def spotlight_regions(target):
    # Through the reverse relation of CasePage.partnership: the case models import this
    # module (a goal's targets count with it), so it cannot import them.
    return (
        published_partnerships()
        .filter(cases__live=True)
        .aggregate(regions=Count("region", distinct=True))["regions"]
    )


def rif_started(target):
    first, last = target.period()
    return (
        published_partnerships()
        .filter(
            funding_sources__slug__in=RIF_FUNDING_SLUGS,
            start_year__gte=first,
            start_year__lte=last,
        )
        .distinct()
        .count()
    )


def civ_coe_links(target):
    knowledge_partner = Partner.objects.filter(
        partnership=OuterRef("pk"), kind__in=KNOWLEDGE_PARTNER_KINDS
    )
    return published_partnerships().filter(kind="civ").filter(Exists(knowledge_partner)).count()


def ict_sector(target):
    return published_partnerships().filter(sectors__slug=ICT_SECTOR_SLUG).distinct().count()


def ict_pacts(target):
    return (
        published_partnerships()
        .filter(kind="regional_pact", sectors__slug=ICT_SECTOR_SLUG)
        .distinct()
        .count()
    )


def companies(target):
    return published_partnerships().aggregate(total=Coalesce(Sum("companies_count"), 0))["total"]


COUNTERS = {
    "spotlight_regions": spotlight_regions,
    "rif_started": rif_started,
    "civ_coe_links": civ_coe_links,
    "ict_sector": ict_sector,
    "ict_pacts": ict_pacts,
    "companies": companies,
}


def count(target):
    """The current value of a target: one query for a live metric, none for a manual one."""
    if target.metric == MANUAL:
        return target.manual_count or 0
    return COUNTERS[target.metric](target)
