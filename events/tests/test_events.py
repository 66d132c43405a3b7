"""The agenda, its archive and filters, the meeting page, and where meetings are listed."""

import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from core.factories import PersonFactory
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory, in_days
from events.models import EventIndexPage, EventPage, Registration
from home.factories import HomePageFactory
from home.models import HomePage
from regions.factories import PartnershipFactory
from regions.models import Region, Theme


class EventPageRulesTests(WagtailPageTestCase):
    def test_meetings_sit_under_their_agenda_under_home(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_one_agenda(self):
        home = HomePageFactory()
        EventIndexPageFactory(parent=home)
        self.assertFalse(EventIndexPage.can_create_at(home))


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.mark.django_db
def test_agenda_lists_upcoming_soonest_first_and_past_in_the_archive(client, agenda):
    EventPageFactory(parent=agenda, title="Later", start=in_days(30))
    EventPageFactory(parent=agenda, title="Eerder", start=in_days(3))
    EventPageFactory(parent=agenda, title="Voorbij", start=in_days(-10))
    EventPageFactory(parent=agenda, title="Concept", live=False)
    text = client.get("/bijeenkomsten/").text
    assert text.index("Eerder") < text.index("Later")
    assert "Voorbij" not in text and "Concept" not in text
    assert "2 komende bijeenkomsten" in text
    archive = client.get("/bijeenkomsten/archief/").text
    assert "Voorbij" in archive and "Later" not in archive
    assert 'action="/bijeenkomsten/archief/"' in archive
    assert '<link rel="canonical" href="http://localhost/bijeenkomsten/archief/">' in archive


@pytest.mark.django_db
def test_filters_by_region_theme_and_month(client, agenda):
    twente = Region.objects.get(slug="twente")
    theme = Theme.objects.get(slug="innovatie")
    EventPageFactory(parent=agenda, title="In Twente", region=twente)
    EventPageFactory(parent=agenda, title="Over innovatie", themes=[theme])
    first = EventPageFactory(parent=agenda, title="Deze maand", start=in_days(2))
    month = first.start.astimezone(datetime.UTC).strftime("%Y-%m")
    text = client.get("/bijeenkomsten/?regio=twente").text
    assert "In Twente" in text and "Over innovatie" not in text
    text = client.get("/bijeenkomsten/?thema=innovatie").text
    assert "Over innovatie" in text and "In Twente" not in text
    text = client.get(f"/bijeenkomsten/?maand={month}").text
    assert "Deze maand" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?maand=2027-13",
        "?maand=abc",
        "?regio=%00",
        "?thema=bestaat-niet",
        "?page=-1",
        "?page=x",
        "?page=9999",
    ],
)
def test_nonsense_filters_never_fail(client, agenda, query):
    EventPageFactory.create_batch(3, parent=agenda)
    for path in ("/bijeenkomsten/", "/bijeenkomsten/archief/"):
        response = client.get(path + query)
        assert response.status_code == 200
    if "maand" in query or "thema" in query:
        assert "had een onbekende waarde en is genegeerd" in response.text


@pytest.mark.django_db
def test_meeting_page_shows_everything(client, agenda):
    speaker = PersonFactory(name="Fatima El Amrani", organisation="Techniekcampus")
    partnership = PartnershipFactory(name="Techniekcampus Twente")
    draft = PartnershipFactory(name="Geheim concept", live=False)
    page = EventPageFactory(
        parent=agenda,
        title="Regiobijeenkomst Twente",
        start=datetime.datetime(2030, 3, 14, 13, 30, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 3, 14, 17, 0, tzinfo=datetime.UTC),
        region=Region.objects.get(slug="twente"),
        audience="Ondernemers en docenten",
        programme=[
            (
                "item",
                {
                    "start": datetime.time(14, 30),
                    "end": datetime.time(15, 0),
                    "title": "Ontvangst",
                    "description": "",
                },
            )
        ],
    )
    page.speakers.set([speaker])
    page.related_partnerships.create(partnership=partnership)
    page.related_partnerships.create(partnership=draft)
    page.save()
    text = client.get(page.url).text
    # 13:30 UTC is 14:30 in Amsterdam (winter time).
    assert "donderdag 14 maart 2030, 14:30" in text and "18:00" in text
    assert "Ontvangst" in text and "Fatima El Amrani" in text and "Twente" in text
    assert "Techniekcampus Twente" in text and "Geheim concept" not in text
    assert "Ondernemers en docenten" in text
    assert "Privacy:" in text and "Meld mij aan" in text
    assert "Gepland" in text


@pytest.mark.django_db
def test_report_only_after_the_meeting(client, agenda):
    report = [("paragraph", "<p>Uniek verslagwoord</p>")]
    coming = EventPageFactory(parent=agenda, report=report)
    past = EventPageFactory(parent=agenda, start=in_days(-5), report=report)
    assert "Uniek verslagwoord" not in client.get(coming.url).text
    text = client.get(past.url).text
    assert "Uniek verslagwoord" in text and "Afgelopen" in text
    assert "De aanmelding voor deze bijeenkomst is gesloten." in text


@pytest.mark.django_db
def test_status_full_and_cancelled(client, agenda):
    full = EventPageFactory(parent=agenda, capacity=1)
    RegistrationFactory(event=full, state=Registration.State.CONFIRMED)
    assert "Vol" in client.get(full.url).text
    assert "wachtlijst" in client.get(full.url).text
    cancelled = EventPageFactory(parent=agenda, status=EventPage.Status.CANCELLED)
    text = client.get(cancelled.url).text
    assert "Geannuleerd" in text and "Deze bijeenkomst is geannuleerd" in text
    assert "Meld mij aan" not in text


@pytest.mark.django_db
def test_home_region_profile_and_write_up_list_upcoming_meetings(client, home_page, agenda):
    from regions.factories import (
        NetworkMapPageFactory,
        RegionIndexPageFactory,
        RegionProfilePageFactory,
    )

    twente = Region.objects.get(slug="twente")
    partnership = PartnershipFactory(name="Techniekcampus Twente", region=twente)
    soon = EventPageFactory(parent=agenda, title="Binnenkort in Twente", region=twente)
    soon.related_partnerships.create(partnership=partnership)
    soon.save()
    EventPageFactory(parent=agenda, title="Al geweest in Twente", region=twente, start=in_days(-3))
    home = client.get("/").text
    assert "Binnenkort in Twente" in home and "Al geweest in Twente" not in home
    profile = RegionProfilePageFactory(
        parent=RegionIndexPageFactory(parent=home_page), region=twente
    )
    text = client.get(profile.url).text
    assert "Binnenkort in Twente" in text and "Al geweest in Twente" not in text
    map_page = NetworkMapPageFactory(parent=home_page)
    text = client.get(map_page.partnership_url(partnership)).text
    assert "Binnenkort in Twente" in text
