"""Similar partnerships ("Vergelijkbare samenwerkingen") under a write-up.

Who else works on the same themes and sectors, close by? So that initiatives in one region
find each other instead of starting a competing one.

The rule, in the order it is applied:

1. Candidates are other *published* partnerships that share at least one theme or sector
   with this one and lie in the same labour-market region or a nearby one.
2. *Nearby* means: the region's centre lies within ``NEARBY_KM`` km of this region's
   centre, as the crow flies (an equirectangular approximation, plenty for a country the
   size of the Netherlands; pure arithmetic, so it runs on PostgreSQL and SQLite alike).
3. Ranking: the same region first; then more shared themes plus shared sectors; then the
   nearer region; then by name. At most ``SIMILAR_COUNT`` are shown.

Only published rows and public fields (region, themes, sectors, name, kind) are read:
drafts and conversations never count. Two queries whatever the number of partnerships:
the ranked candidates, and the shared terms of the few shown.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    Value,
    When,
)

from .models.partnership import Partnership
from .models.taxonomy import Region

SIMILAR_COUNT = 5
NEARBY_KM = 60
# Kilometres per degree at about 52°N: latitude everywhere, longitude scaled by cos(52°).
KM_PER_DEGREE_LAT = 111.2
KM_PER_DEGREE_LNG = 68.5


@dataclass(frozen=True)
class Similar:
    """One similar partnership with the reason in Dutch, e.g. "zelfde regio · …"."""

    name: str
    slug: str
    kind_label: str
    region_name: str
    reason: str


def _plural(count, one, many):
    return f"{count} {one if count == 1 else many}"


def describe(same_region, region_name, themes, sectors):
    """The reason in words: "zelfde regio · 2 gedeelde thema's: Innovatie, …"."""
    parts = ["zelfde regio" if same_region else f"regio in de buurt ({region_name})"]
    if themes:
        parts.append(
            f"{_plural(len(themes), 'gedeeld thema', 'gedeelde thema’s')}: {', '.join(themes)}"
        )
    if sectors:
        parts.append(
            f"{_plural(len(sectors), 'gedeelde sector', 'gedeelde sectoren')}: {', '.join(sectors)}"
        )
    return " · ".join(parts)


def squared_distance_km(region, prefix=""):
    """An expression: the squared distance (km²) from ``region``'s centre to a region's.

    ``prefix`` leads from the queried model to the region ("region__" from a partnership).
    """
    dlat = (F(f"{prefix}latitude") - Value(region.latitude)) * Value(KM_PER_DEGREE_LAT)
    dlng = (F(f"{prefix}longitude") - Value(region.longitude)) * Value(KM_PER_DEGREE_LNG)
    return ExpressionWrapper(dlat * dlat + dlng * dlng, output_field=FloatField())


def shared_count(relation, term_ids):
    """How many of ``term_ids`` a row has through ``relation`` (0 when there are none).

    A count over the join rather than a subquery per row: set-based, about half the time
    on 5,000 partnerships.
    """
    if not term_ids:
        return Value(0, output_field=IntegerField())
    return Count(relation, filter=Q(**{f"{relation}__in": term_ids}), distinct=True)


def similar_partnerships(partnership, count=SIMILAR_COUNT):
    """Up to ``count`` :class:`Similar` rows for ``partnership``, ranked as the module says.

    ``partnership`` may be unsaved (an admin preview); its themes and sectors are read
    through ``.all()``, so a write-up that prefetched them costs no query for them.
    """
    if partnership.pk is None or partnership.region_id is None:
        return []
    themes = {theme.pk: theme.name for theme in partnership.themes.all()}
    sectors = {sector.pk: sector.name for sector in partnership.sectors.all()}
    if not themes and not sectors:
        return []
    region = partnership.region
    # The nearby regions as a subquery, so the candidates come from a few regions' rows.
    nearby = (
        Region.objects.annotate(distance2=squared_distance_km(region))
        .filter(distance2__lte=NEARBY_KM**2)
        .values("pk")
    )
    rows = list(
        Partnership.objects.published()
        .filter(region_id__in=nearby)
        .exclude(pk=partnership.pk)
        .filter(Q(themes__in=list(themes)) | Q(sectors__in=list(sectors)))
        .annotate(
            shared_themes=shared_count("themes", list(themes)),
            shared_sectors=shared_count("sectors", list(sectors)),
            other_region=Case(When(region_id=region.pk, then=0), default=1),
            distance2=squared_distance_km(region, prefix="region__"),
        )
        .order_by(
            "other_region",
            (F("shared_themes") + F("shared_sectors")).desc(),
            "distance2",
            "name",
            "pk",
        )
        .values_list("pk", "name", "slug", "kind", "region_id", "region__name")[:count]
    )
    if not rows:
        return []
    shared = shared_terms([row[0] for row in rows], themes, sectors)
    kinds = dict(Partnership.Kind.choices)
    return [
        Similar(
            name=name,
            slug=slug,
            kind_label=kinds.get(kind, ""),
            region_name=region_name,
            reason=describe(
                region_id == region.pk,
                region_name,
                sorted(themes[pk] for pk in shared.get((pk, "theme"), ())),
                sorted(sectors[pk] for pk in shared.get((pk, "sector"), ())),
            ),
        )
        for pk, name, slug, kind, region_id, region_name in rows
    ]


def shared_terms(partnership_ids, themes, sectors):
    """{(partnership id, "theme" | "sector"): [term ids it shares]}, in one UNION query."""
    links = []
    if themes:
        links.append(
            Partnership.themes.through.objects.filter(
                partnership_id__in=partnership_ids, theme_id__in=list(themes)
            )
            .annotate(kind=Value("theme"))
            .values_list("partnership_id", "kind", "theme_id")
        )
    if sectors:
        links.append(
            Partnership.sectors.through.objects.filter(
                partnership_id__in=partnership_ids, sector_id__in=list(sectors)
            )
            .annotate(kind=Value("sector"))
            .values_list("partnership_id", "kind", "sector_id")
        )
    first, *others = links
    shared = {}
    for partnership_id, kind, term_id in first.union(*others, all=True):
        shared.setdefault((partnership_id, kind), []).append(term_id)
    return shared
