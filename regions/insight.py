"""The network's upkeep, for editors: possible overlaps, stale records, incomplete records.

- **Possible overlap**: two *published* partnerships in the same labour-market region that
  share at least ``OVERLAP_THEMES`` themes and at least one sector, unless an editor marked
  the pair "geen overlap" (:class:`OverlapDismissal`). Found by one SQL query over the
  many-to-many tables (a self-join per theme, grouped per pair), never pairwise in Python.
- **Stale**: a published partnership whose data no editor confirmed in ``STALE_AFTER``
  (:class:`PartnershipCheck`); a partnership never checked counts from its first
  publication.
- **Incomplete**: a partnership (draft or published) without a location, without a
  contact person, or with one or more empty fixed-format sections.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models.insight import OverlapDismissal, PartnershipCheck
from .models.partnership import Partnership

# The SQL finds pairs through shared couples of themes, so this is fixed at two.
OVERLAP_THEMES = 2
STALE_AFTER = timedelta(days=365)


@dataclass(frozen=True)
class Overlap:
    """A pair of published partnerships in one region that may do the same work."""

    region: str
    first_id: int
    first_name: str
    first_slug: str
    second_id: int
    second_name: str
    second_slug: str
    shared_themes: int


# Standard SQL (PostgreSQL and SQLite): pairs ordered by region, then by names.
#
# Two partnerships share at least two themes exactly when they share a *couple* of themes
# (an unordered pair). Each partnership's couples are few (k themes give k(k-1)/2), so the
# self-join matches couples of one region (a hash join on region and couple) and meets only
# the pairs that really overlap, never every two partnerships that share one theme.
# ``shared_couples`` is turned back into the number of themes in Python. The table names
# are the models' own (a test runs this query on both databases); the one value is a
# parameter.
OVERLAP_SQL = """
        WITH linked AS (
            SELECT t.partnership_id, t.theme_id, p.region_id
            FROM "regions_partnership_themes" t JOIN "regions_partnership" p ON p.id = t.partnership_id
            WHERE p.live = %s
        ),
        couples AS (
            SELECT a.partnership_id, a.region_id, a.theme_id AS low, b.theme_id AS high
            FROM linked a
            JOIN linked b ON b.partnership_id = a.partnership_id AND b.theme_id > a.theme_id
        ),
        theme_pairs AS (
            SELECT x.partnership_id AS first_id, y.partnership_id AS second_id,
                   COUNT(*) AS shared_couples
            FROM couples x
            JOIN couples y
              ON y.region_id = x.region_id AND y.low = x.low AND y.high = x.high
             AND y.partnership_id > x.partnership_id
            GROUP BY x.partnership_id, y.partnership_id
        ),
        matched AS (
            SELECT DISTINCT tp.first_id, tp.second_id, tp.shared_couples
            FROM theme_pairs tp
            JOIN "regions_partnership_sectors" sa ON sa.partnership_id = tp.first_id
            JOIN "regions_partnership_sectors" sb ON sb.partnership_id = tp.second_id AND sb.sector_id = sa.sector_id
        )
        SELECT r.name, pa.id, pa.name, pa.slug, pb.id, pb.name, pb.slug, m.shared_couples
        FROM matched m
        JOIN "regions_partnership" pa ON pa.id = m.first_id
        JOIN "regions_partnership" pb ON pb.id = m.second_id
        JOIN "regions_region" r ON r.id = pa.region_id
        WHERE NOT EXISTS (
            SELECT 1 FROM "regions_overlapdismissal" d
            WHERE d.first_id = m.first_id AND d.second_id = m.second_id
        )
        ORDER BY r.name, pa.name, pb.name, pa.id, pb.id
"""


def possible_overlaps():
    """Every possible overlap (see the module docstring), in one query."""
    with connection.cursor() as cursor:
        cursor.execute(OVERLAP_SQL, [True])
        return [Overlap(*row[:-1], themes_sharing(row[-1])) for row in cursor.fetchall()]


def themes_sharing(couples):
    """The number of shared themes k from the number of shared couples, k(k-1)/2."""
    return round((1 + math.isqrt(1 + 8 * couples)) / 2)


@transaction.atomic
def dismiss_overlap(first_id, second_id, user):
    """Mark a pair "geen overlap" (once; the ids in any order). False for an unknown id."""
    first_id, second_id = sorted((first_id, second_id))
    if (
        first_id == second_id
        or Partnership.objects.filter(pk__in=(first_id, second_id)).count() != 2
    ):
        return False
    OverlapDismissal.objects.get_or_create(
        first_id=first_id, second_id=second_id, defaults={"dismissed_by": user}
    )
    return True


def mark_checked(partnership, user):
    """Record that ``user`` confirmed the partnership's data now (no save of the partnership)."""
    PartnershipCheck.objects.update_or_create(
        partnership=partnership, defaults={"checked_at": timezone.now(), "checked_by": user}
    )


def stale_partnerships(now=None):
    """Published partnerships not confirmed within STALE_AFTER, the longest unchecked first.

    Each carries ``confirmed_at`` (the last check, else the first publication; None when
    neither is known).
    """
    cutoff = (now or timezone.now()) - STALE_AFTER
    return (
        Partnership.objects.published()
        .annotate(confirmed_at=Coalesce("data_check__checked_at", "first_published_at"))
        .filter(Q(confirmed_at__lt=cutoff) | Q(confirmed_at__isnull=True))
        .order_by("confirmed_at", "name", "pk")
    )


INCOMPLETE_REASONS = {"no_location": "geen locatie", "no_contact": "geen contactpersoon"}


def _empty(name):
    return ExpressionWrapper(Q(**{name: ""}), output_field=BooleanField())


def incomplete_queryset():
    """Partnerships (drafts too) lacking a location, a contact person or a fixed section."""
    missing_section = Q()
    for name in Partnership.FIXED_SECTIONS:
        missing_section |= Q(**{name: ""})
    return Partnership.objects.filter(
        Q(latitude__isnull=True) | Q(contact_person__isnull=True) | missing_section
    )


def incomplete_partnerships(limit=None):
    """Rows of (pk, name, live, [Dutch reasons]) of :func:`incomplete_queryset`, the first
    ``limit`` by name (all without one).

    The texts themselves are not loaded, only whether each is empty.
    """
    sections = Partnership.FIXED_SECTIONS
    queryset = (
        incomplete_queryset()
        .annotate(**{f"empty_{name}": _empty(name) for name in sections})
        .order_by("name", "pk")
        .values_list(
            "pk",
            "name",
            "live",
            "latitude",
            "contact_person_id",
            *(f"empty_{name}" for name in sections),
        )[:limit]
    )
    labels = [Partnership._meta.get_field(name).verbose_name for name in sections]
    rows = []
    for pk, name, live, latitude, contact, *empty in queryset:
        reasons = []
        if latitude is None:
            reasons.append(INCOMPLETE_REASONS["no_location"])
        if contact is None:
            reasons.append(INCOMPLETE_REASONS["no_contact"])
        missing = [label.lower() for label, is_empty in zip(labels, empty, strict=True) if is_empty]
        if missing:
            reasons.append("leeg: " + ", ".join(missing))
        rows.append((pk, name, live, reasons))
    return rows
