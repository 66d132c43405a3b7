"""SQL query counts of the events pages: pinned, and equal for 10 and 50 meetings.

Pages cannot be bulk-created (multi-table inheritance), so as for news these tests compare
10 with 50 meetings; the lists are paginated either way.
"""

import pytest

from core.factories import PersonFactory
from core.tests.queries import measure
from events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    in_days,
    many_events,
)
from events.models import Registration
from regions.factories import PartnershipFactory
from regions.models import Region, Theme

# Routing and page frame, the month choices, the count and the rows with images and regions.
AGENDA_QUERIES = 16
AGENDA_FILTERED_QUERIES = 16  # + region and theme choices, - nothing: the months are lazy
ARCHIVE_QUERIES = 16
FEED_QUERIES = 8  # routing and the meetings with their regions
# + partnerships, goals, speakers, themes, the seat count, the form's closing checks, the
# region's profile (view restrictions, row).
EVENT_PAGE_QUERIES = 21


def grow(index, count, theme, region):
    events = many_events(index, count // 2, themes=[theme], region=region)
    events += [
        EventPageFactory(parent=index, start=in_days(-1 - n), themes=[theme], region=region)
        for n in range(count - count // 2)
    ]
    return events


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, pinned",
    [
        ("/bijeenkomsten/", AGENDA_QUERIES),
        ("/bijeenkomsten/?thema=innovatie&regio=twente&page=2", AGENDA_FILTERED_QUERIES),
        ("/bijeenkomsten/archief/", ARCHIVE_QUERIES),
        ("/bijeenkomsten/agenda.ics", FEED_QUERIES),
    ],
)
def test_agenda_queries_pinned_and_flat(client, home_page, url, pinned):
    index = EventIndexPageFactory(parent=home_page)
    theme = Theme.objects.get(slug="innovatie")
    region = Region.objects.get(slug="twente")
    grow(index, 10, theme, region)
    few = measure(client, url)
    grow(index, 40, theme, region)
    many = measure(client, url)
    assert (few, many) == (pinned, pinned)


@pytest.mark.django_db
def test_event_page_queries_pinned_and_flat(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    theme = Theme.objects.get(slug="innovatie")
    region = Region.objects.get(slug="twente")
    page = EventPageFactory(parent=index, themes=[theme], region=region)
    page.speakers.set([PersonFactory(), PersonFactory()])
    page.related_partnerships.create(partnership=PartnershipFactory())
    page.save()

    def registrations(count):
        for _ in range(count):
            RegistrationFactory(event=page, state=Registration.State.CONFIRMED)

    grow(index, 10, theme, region)
    registrations(10)
    few = measure(client, page.url)
    grow(index, 40, theme, region)
    registrations(40)
    many = measure(client, page.url)
    assert (few, many) == (EVENT_PAGE_QUERIES, EVENT_PAGE_QUERIES)
