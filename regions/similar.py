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
drafts and conversations never count. One query for the same region; a second one, for
the nearby regions, only when the same region gives fewer than ``SIMILAR_COUNT``. Each
query says per row which of this partnership's terms it shares (a conditional count per
term: a partnership has a handful), so no query for the reasons follows.
"""

from dataclasses import dataclass

from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    Value,
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


def term_flags(relation, terms):
    """{annotation name: expression}: per term of ``terms``, 1 when a row has it, else 0."""
    singular = relation.rstrip("s")
    return {
        f"{singular}_{pk}": Count(relation, filter=Q(**{relation: pk}), distinct=True)
        for pk in terms
    }


def ranked(queryset, themes, sectors, region, count):
    """The best ``count`` rows of ``queryset`` sharing a term: (row, shared theme and sector
    names), most shared terms first, then the nearest region, then by name."""
    flags = {**term_flags("themes", themes), **term_flags("sectors", sectors)}
    shared = sum((F(name) for name in flags), Value(0))
    rows = (
        queryset.filter(Q(themes__in=list(themes)) | Q(sectors__in=list(sectors)))
        .annotate(**flags)
        .annotate(shared=ExpressionWrapper(shared, output_field=IntegerField()))
        .annotate(distance2=squared_distance_km(region, prefix="region__"))
        .order_by("-shared", "distance2", "name", "pk")
        .values_list("name", "slug", "kind", "region_id", "region__name", *flags)[:count]
    )
    # The flags follow the row's five fields: the themes' in order, then the sectors'.
    split = 5 + len(themes)
    return [
        (
            row[:5],
            [themes[pk] for pk, has in zip(themes, row[5:split], strict=True) if has],
            [sectors[pk] for pk, has in zip(sectors, row[split:], strict=True) if has],
        )
        for row in rows
    ]


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
    others = Partnership.objects.published().exclude(pk=partnership.pk)
    found = ranked(others.filter(region_id=region.pk), themes, sectors, region, count)
    if len(found) < count:
        nearby = (
            Region.objects.exclude(pk=region.pk)
            .annotate(distance2=squared_distance_km(region))
            .filter(distance2__lte=NEARBY_KM**2)
            .values("pk")
        )
        more = others.filter(region_id__in=nearby)
        found += ranked(more, themes, sectors, region, count - len(found))
    kinds = dict(Partnership.Kind.choices)
    return [
        Similar(
            name=name,
            slug=slug,
            kind_label=kinds.get(kind, ""),
            region_name=region_name,
            reason=describe(
                region_id == region.pk, region_name, sorted(shared_themes), sorted(shared_sectors)
            ),
        )
        for (name, slug, kind, region_id, region_name), shared_themes, shared_sectors in found
    ]
