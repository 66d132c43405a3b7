"""``{% event_schema page %}``: schema.org Event JSON-LD of a meeting, for search engines.

Built from the core's SEO helpers (core/templatetags/seo_tags.py): the same organisation,
absolute URLs, share image and Amsterdam times as every other page's structured data.
"""

from django import template

from core.models import SiteSettings
from core.templatetags.seo_tags import (
    add_description_and_image,
    iso_datetime,
    json_ld,
    page_title,
    publisher,
)

register = template.Library()

EVENT_STATUS = {
    "geannuleerd": "https://schema.org/EventCancelled",
    "verplaatst": "https://schema.org/EventPostponed",
}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
ONLINE = "https://schema.org/OnlineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def location(page):
    """A Place (venue), a VirtualLocation (online link), or both for a mixed meeting."""
    places = []
    if page.venue_name:
        place = {"@type": "Place", "name": page.venue_name}
        if page.venue_address:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": " ".join(page.venue_address.split()),
                "addressCountry": "NL",
            }
            if page.region:
                place["address"]["addressRegion"] = page.region.name
        places.append(place)
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places[0] if len(places) == 1 else places


def attendance_mode(page):
    if page.venue_name and page.online_url:
        return MIXED
    return ONLINE if page.online_url else OFFLINE


@register.simple_tag(takes_context=True)
def event_schema(context, page):
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page_title(page),
        "url": page.get_full_url(request),
        "inLanguage": "nl-NL",
        "startDate": iso_datetime(page.start),
        "endDate": iso_datetime(page.end),
        "eventStatus": EVENT_STATUS.get(page.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": attendance_mode(page),
    }
    place = location(page)
    if place:
        data["location"] = place
    organizer = publisher(request)
    if organizer:
        data["organizer"] = organizer
    add_description_and_image(data, request, page, site_settings)
    if page.audience:
        data["audience"] = {"@type": "Audience", "audienceType": page.audience}
    return json_ld(data)
