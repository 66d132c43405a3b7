"""Pages of the apps above ``regions`` that are about a region or a partnership.

``regions`` may not import ``news`` or ``cases``: they build on it. Instead each of them
registers here, in its ``AppConfig.ready()``, which page model is about regions and through
which lookups; a region profile and a partnership's write-up then list those pages. An app
that is not installed has registered nothing, so its list is empty. A lookup that names no
field fails at start-up (``register``), never silently on a page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist

RELATED_PAGES = 6


@dataclass(frozen=True)
class Source:
    """A page model about regions: ``region`` and ``partnership`` are lookups from it;
    ``arrange`` (optional) narrows and orders its published pages for these lists, e.g.
    upcoming meetings soonest first instead of the newest pages first."""

    model: type
    region: str
    partnership: str = ""
    arrange: Callable | None = None


# name -> Source, filled by the apps above in their AppConfig.ready().
SOURCES = {}


def check_lookup(model, lookup):
    """Raise FieldDoesNotExist unless every step of ``lookup`` is a field (a relation but last)."""
    *relations, last = lookup.split("__")
    for name in relations:
        field = model._meta.get_field(name)
        if field.related_model is None:
            raise FieldDoesNotExist(f"{model.__name__}.{name} is not a relation ({lookup}).")
        model = field.related_model
    model._meta.get_field(last)


def register(name, model, *, region, partnership="", arrange=None):
    """Register ``model``'s pages as ``name`` ("news", "cases", "events"), about a region
    through the lookup ``region`` and, when given, about a partnership through
    ``partnership``; ``arrange(queryset)`` replaces the newest-first order."""
    check_lookup(model, region)
    if partnership:
        check_lookup(model, partnership)
    SOURCES[name] = Source(model, region, partnership, arrange)


def newest_published(source, **about):
    """Published pages matching ``about``, newest first or as the source arranges them."""
    # A semi-join rather than DISTINCT over every page column: a page may match through
    # several rows (a news item about two regions).
    matching = source.model.objects.filter(**about).values("pk")
    published = source.model.objects.live().public().filter(pk__in=matching)
    if source.arrange is not None:
        return source.arrange(published)
    return published.order_by("-first_published_at", "-pk")


def pages_about_region(name, region_id, limit=RELATED_PAGES):
    """The newest published ``name`` pages about the region, in one query."""
    source = SOURCES.get(name)
    if source is None:
        return []
    return list(newest_published(source, **{source.region: region_id})[:limit])


def pages_about_partnership(name, partnership):
    """Every published ``name`` page about the partnership, newest first, in one query."""
    source = SOURCES.get(name)
    if source is None or not source.partnership or partnership.pk is None:
        # Not installed, not about partnerships, or the admin preview of an unsaved one.
        return []
    return list(newest_published(source, **{source.partnership: partnership.pk}))
