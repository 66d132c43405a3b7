"""Template tags of the regional network: links to write-ups and their public parts."""

from django import template
from django.apps import apps
from django.conf import settings

from regions.charts import format_value
from regions.models import NetworkMapPage

register = template.Library()


def network_map_page(context):
    """The live network map page: from the context, else looked up once per request."""
    map_page = context.get("map_page")
    if map_page is not None:
        return map_page
    request = context.get("request")
    if request is not None and hasattr(request, "network_map_page"):
        return request.network_map_page
    map_page = NetworkMapPage.objects.live().first()
    if request is not None:
        request.network_map_page = map_page
    return map_page


@register.simple_tag(takes_context=True)
def partnership_url(context, partnership, absolute=False):
    """``{% partnership_url partnership %}``: the write-up's URL, or "" without a map page.

    ``absolute=True`` gives the full URL, e.g. for share links.
    """
    map_page = network_map_page(context)
    if map_page is None:
        return ""
    request = context.get("request")
    url = map_page.partnership_url(partnership, request)
    return request.build_absolute_uri(url) if absolute and request else url


@register.simple_tag(takes_context=True)
def network_map_url(context):
    """``{% network_map_url %}``: the URL of the network map, or "" when there is none."""
    map_page = network_map_page(context)
    return map_page.get_url(context.get("request")) if map_page else ""


@register.filter
def public_conversations(partnership):
    """Only the conversations marked public, whatever the caller loaded (e.g. a preview)."""
    return [
        conversation for conversation in partnership.conversations.all() if conversation.is_public
    ]


@register.simple_tag
def map_tiles():
    """``{% map_tiles as tiles %}``: the tile layer's URL and attribution from the settings."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


@register.simple_tag
def case_stories(partnership=None, region=None):
    """``{% case_stories partnership=object as cases %}`` (or ``region=region``): the
    published case stories about a partnership, or about the partnerships of a region.

    One query. `regions` may not import `cases` (apps depend one way), so the model is
    looked up by name.
    """
    case_model = apps.get_model("cases", "CasePage")
    cases = case_model.objects.live().public()
    if partnership is not None:
        if partnership.pk is None:
            # The admin preview of a partnership that was never saved: no case can be about it.
            return []
        cases = cases.filter(partnership=partnership)
    elif region is not None:
        cases = cases.filter(partnership__region=region, partnership__live=True)
    else:
        return []
    return list(cases.order_by("-first_published_at", "-pk"))


@register.filter
def figure_value(figure):
    """A key figure's value in Dutch notation with its unit: 12.345 studenten, 4,5%."""
    return format_value(figure.value, figure.unit)
