"""Calendar files (iCalendar, RFC 5545) of meetings, made with the ``icalendar`` library.

Times are written in Europe/Amsterdam with the zone's definition (VTIMEZONE) included,
so a calendar shows them right in any zone. A meeting's UID is its page id on the site's
host: stable across edits, so a calendar updates the entry instead of adding a second.
A cancelled meeting is sent as STATUS:CANCELLED, so calendars that have it drop it.
"""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

SITE_ZONE = ZoneInfo("Europe/Amsterdam")
PRODUCT_ID = "-//Regionale samenwerkingen//Bijeenkomsten//NL"


def event_uid(event, host):
    return f"bijeenkomst-{event.pk}@{host}"


def location(event):
    parts = [event.venue_name, " ".join(event.venue_address.split())]
    place = ", ".join(part for part in parts if part)
    return place or event.online_url


def ical_event(event, request, host, stamp):
    entry = Event()
    entry.add("uid", event_uid(event, host))
    entry.add("dtstamp", stamp)
    entry.add("dtstart", event.start.astimezone(SITE_ZONE))
    entry.add("dtend", event.end.astimezone(SITE_ZONE))
    entry.add("summary", event.title)
    url = event.get_full_url(request)
    description = "\n\n".join(part for part in (event.intro, url) if part)
    if description:
        entry.add("description", description)
    if url:
        entry.add("url", url)
    if location(event):
        entry.add("location", location(event))
    # A cancelled meeting stays in the file as cancelled; a calendar then removes it.
    cancelled = event.status == event.Status.CANCELLED
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    # Each publish is a new version of the entry for calendars that compare them.
    entry.add("sequence", event.live_revision_id or 0)
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    return entry


def calendar(events, request, name):
    """An icalendar ``Calendar`` of ``events`` (pages), with the Amsterdam zone included."""
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    host = urlsplit(request.build_absolute_uri("/")).hostname or "localhost"
    stamp = timezone.now()
    for event in events:
        cal.add_component(ical_event(event, request, host, stamp))
    # The VTIMEZONE of every zone the events use (here Europe/Amsterdam).
    cal.add_missing_timezones()
    return cal


def calendar_response(request, events, filename, name):
    response = HttpResponse(
        calendar(events, request, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
