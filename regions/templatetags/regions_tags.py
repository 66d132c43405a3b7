"""Template tags of the regional network: links to write-ups and their public parts."""

from django import template
from django.conf import settings
from django.templatetags.static import static

from core.templatetags.seo_tags import (
    absolute_url,
    image_object,
    json_ld,
    page_description,
    page_title,
    publisher,
    shorten,
)
from regions import boundaries, related, similar
from regions.charts import format_value
from regions.models import NetworkMapPage, NetworkMonitorPage, Partner

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


@register.simple_tag(name="network_map_page", takes_context=True)
def network_map_page_tag(context):
    """``{% network_map_page as map_page %}``: the live network map page, or None."""
    return network_map_page(context)


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
    """``{% map_tiles as tiles %}``: what a map draws: tiles and the outline files.

    ``url`` is empty when the site runs without tiles (``MAP_TILES=false``); the outlines
    are always there, from our own static files (regions/boundaries.py).
    """
    return {
        "url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION if settings.MAP_TILE_URL else "",
        "regions_url": static(boundaries.REGIONS_STATIC),
        "provinces_url": static(boundaries.PROVINCES_STATIC),
        "boundaries_attribution": boundaries.ATTRIBUTION,
    }


@register.simple_tag
def case_stories(partnership):
    """``{% case_stories partnership=object as cases %}``: the published case stories about
    a partnership, newest first, in one query (registered by the cases app, see
    regions/related.py)."""
    return related.pages_about_partnership("cases", partnership)


@register.simple_tag
def upcoming_meetings(partnership):
    """``{% upcoming_meetings partnership=object as meetings %}``: the published meetings
    about a partnership that have not ended, soonest first (registered by the events app)."""
    return related.pages_about_partnership("events", partnership)


@register.filter
def figure_value(figure):
    """A key figure's value in Dutch notation with its unit: 12.345 studenten, 4,5%."""
    return format_value(figure.value, figure.unit)


@register.simple_tag
def trend_value(value, unit):
    """``{% trend_value point.value trend.unit %}``: a number of a trend table, Dutch notation."""
    return format_value(value, unit)


# schema.org types of a partner organisation; the rest are plain Organizations.
PARTNER_TYPES = {
    Partner.Kind.MBO: "EducationalOrganization",
    Partner.Kind.HBO: "CollegeOrUniversity",
    Partner.Kind.WO: "CollegeOrUniversity",
    Partner.Kind.GOVERNMENT: "GovernmentOrganization",
}


def labour_market_region(region):
    """A labour-market region as a schema.org AdministrativeArea in its province.

    An arbeidsmarktregio is a fixed group of municipalities that the national government
    set for labour-market policy: an administrative division, not just a place.
    """
    return {
        "@type": "AdministrativeArea",
        "name": region.name,
        "containedInPlace": {"@type": "AdministrativeArea", "name": region.province.name},
    }


@register.simple_tag(takes_context=True)
def partnership_schema(context, partnership, url):
    """``{% partnership_schema object writeup_url %}``: JSON-LD of a partnership's write-up.

    Typed as a schema.org Project, "an enterprise (typically collaborative) planned to
    achieve a particular aim", which is what a public-private partnership is: schools,
    companies and governments working towards a shared aim, mostly without a legal body of
    their own (so not a plain Organization, which reads as one), and not a one-off Event.
    Project is a subtype of Organization, so consumers that know only Organization still
    read its name, logo, members, founding year and area.
    """
    request = context.get("request")
    page_url = absolute_url(request, url)
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": partnership.name,
        "description": shorten(partnership.summary),
        "url": partnership.website or page_url,
        "mainEntityOfPage": page_url,
        "areaServed": labour_market_region(partnership.region),
    }
    logo = image_object(request, partnership.logo)
    if logo:
        data["logo"] = logo
    if partnership.start_year:
        data["foundingDate"] = str(partnership.start_year)
    if partnership.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": partnership.city,
            "addressCountry": "NL",
        }
    members = []
    for partner in partnership.partners.all():
        member = {"@type": PARTNER_TYPES.get(partner.kind, "Organization")}
        member["name"] = partner.organisation
        if partner.website:
            member["url"] = partner.website
        members.append(member)
    if members:
        data["member"] = members
    return json_ld(data)


@register.simple_tag(takes_context=True)
def region_profile_schema(context, page):
    """``{% region_profile_schema page %}``: JSON-LD of a region profile.

    The page is a WebPage about the region (an AdministrativeArea): it describes the
    region with figures and lists, it is not the region itself.
    """
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page_title(page),
        "url": page.get_full_url(request),
        "inLanguage": "nl-NL",
        "about": labour_market_region(page.region),
    }
    description = page_description(page)
    if description:
        data["description"] = description
    organization = publisher(request)
    if organization:
        data["publisher"] = organization
    return json_ld(data)


@register.simple_tag
def similar_partnerships(partnership):
    """``{% similar_partnerships object as similar %}``: up to five published partnerships
    on the same themes and sectors, nearby, each with its reason (regions/similar.py)."""
    return similar.similar_partnerships(partnership)


@register.simple_tag(takes_context=True)
def network_monitor_url(context):
    """``{% network_monitor_url as url %}``: the URL of "Het netwerk in beeld", or "".

    One query, as ``network_map_page``: a link to a page with a view restriction asks
    for the password there and shows nothing private here.
    """
    page = NetworkMonitorPage.objects.live().first()
    return page.get_url(context.get("request")) if page else ""
