"""Calendar files (parsed back with icalendar), schema.org Event JSON-LD, sitemap, search."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events.factories import EventIndexPageFactory, EventPageFactory, in_days
from events.models import EventPage
from regions.models import Region

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SUMMER_START = datetime.datetime(2031, 7, 1, 12, 0, tzinfo=datetime.UTC)  # 14:00 in Amsterdam


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_event_ics_has_the_right_times_zone_and_a_stable_uid(client, agenda):
    page = EventPageFactory(
        parent=agenda,
        title="Zomerbijeenkomst",
        start=SUMMER_START,
        end=SUMMER_START + datetime.timedelta(hours=3),
    )
    url = page.url + "bijeenkomst.ics"
    (entry,) = parse(client.get(url)).walk("VEVENT")
    start = entry.decoded("dtstart")
    assert start == SUMMER_START
    assert (
        start.astimezone(AMSTERDAM).hour,
        entry.decoded("dtend").astimezone(AMSTERDAM).hour,
    ) == (14, 17)
    assert "TZID=Europe/Amsterdam" in client.get(url).text
    assert parse(client.get(url)).walk("VTIMEZONE")
    assert str(entry["summary"]) == "Zomerbijeenkomst" and str(entry["status"]) == "CONFIRMED"
    uid = str(entry["uid"])
    # An edit (new title and time) keeps the UID, so calendars update the entry.
    page.title = "Zomerbijeenkomst (nieuwe tijd)"
    page.start += datetime.timedelta(hours=1)
    page.end += datetime.timedelta(hours=1)
    page.save_revision().publish()
    (entry,) = parse(client.get(url)).walk("VEVENT")
    assert str(entry["uid"]) == uid and str(entry["summary"]).endswith("(nieuwe tijd)")
    assert entry.decoded("dtstart").astimezone(AMSTERDAM).hour == 15


@pytest.mark.django_db
def test_agenda_feed_lists_upcoming_meetings_and_cancelled_ones_as_cancelled(client, agenda):
    EventPageFactory(parent=agenda, title="Komt eraan", start=in_days(5))
    EventPageFactory(
        parent=agenda, title="Gaat niet door", start=in_days(6), status=EventPage.Status.CANCELLED
    )
    EventPageFactory(parent=agenda, title="Al voorbij", start=in_days(-5))
    EventPageFactory(parent=agenda, title="Concept", live=False)
    entries = {
        str(e["summary"]): e for e in parse(client.get("/bijeenkomsten/agenda.ics")).walk("VEVENT")
    }
    assert set(entries) == {"Komt eraan", "Gaat niet door"}
    assert str(entries["Gaat niet door"]["status"]) == "CANCELLED"
    assert str(entries["Komt eraan"]["status"]) == "CONFIRMED"


@pytest.mark.django_db
def test_event_json_ld(client, agenda):
    page = EventPageFactory(
        parent=agenda,
        start=SUMMER_START,
        end=SUMMER_START + datetime.timedelta(hours=3),
        region=Region.objects.get(slug="twente"),
        online_url="https://video.example.nl/live",
        status=EventPage.Status.POSTPONED,
    )
    text = client.get(page.url).text
    blocks = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    ]
    (event,) = [b for b in blocks if b.get("@type") == "Event"]
    assert event["startDate"] == "2031-07-01T14:00:00+02:00"
    assert event["eventStatus"] == "https://schema.org/EventPostponed"
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, online = event["location"]
    assert (
        place["address"]["addressRegion"] == "Twente"
        and online["url"] == "https://video.example.nl/live"
    )
    assert event["organizer"]["@type"] == "Organization"


@pytest.mark.django_db
def test_past_meetings_stay_in_sitemap_and_search(client, agenda):
    page = EventPageFactory(
        parent=agenda, title="Verleden bijeenkomst over zorgtechnologie", start=in_days(-60)
    )
    page.save_revision().publish()
    sitemap = client.get("/sitemap.xml").text
    files = re.findall(r"<loc>(http[^<]+)</loc>", sitemap)
    pages = "".join(client.get(url.split("testserver", 1)[-1]).text for url in files)
    assert page.url in pages and "/bijeenkomsten/" in pages
    assert "Verleden bijeenkomst" in client.get("/zoeken/", {"q": "zorgtechnologie"}).text
