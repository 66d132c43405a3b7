"""factory_boy factories of the events section (the agenda, meetings, registrations)."""

import datetime

import factory
from django.utils import timezone

from core.factories import PageFactory
from events.models import (
    EventIndexPage,
    EventPage,
    EventPageGoal,
    EventPagePartnership,
    Registration,
)
from regions.factories import PartnershipFactory


def in_days(days, hour=14):
    """A moment ``days`` from today at ``hour`` o'clock, Amsterdam time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventIndexPageFactory(PageFactory):
    """The agenda; pass ``parent`` (the home page)."""

    class Meta:
        model = EventIndexPage

    title = "Bijeenkomsten"
    slug = "bijeenkomsten"
    intro = "Regionale bijeenkomsten over samenwerking tussen onderwijs en bedrijfsleven."
    show_in_menus = True


class EventPageFactory(PageFactory):
    """A live meeting two weeks ahead with 20 seats; pass ``parent`` (the agenda)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Regiobijeenkomst {n}")
    intro = "Ondernemers en scholen uit de regio praten over samen opleiden."
    start = factory.Sequence(lambda n: in_days(14 + n % 300))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=3))
    venue_name = "Techniekcampus"
    venue_address = "Campuslaan 1, 7500 AA Enschede"
    capacity = 20


class EventPagePartnershipFactory(factory.django.DjangoModelFactory):
    """A partnership a meeting is about; pass ``page`` (``None`` inside ``related_partnerships=``)."""

    class Meta:
        model = EventPagePartnership

    partnership = factory.SubFactory(PartnershipFactory)


class EventPageGoalFactory(factory.django.DjangoModelFactory):
    """A goal a meeting serves; pass ``page`` (``None`` inside ``goal_links=``) and ``goal``."""

    class Meta:
        model = EventPageGoal


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration; pass ``event``. Pending unless ``state`` says otherwise."""

    class Meta:
        model = Registration

    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.nl")
    organisation = "ROC van de regio"
    state = Registration.State.PENDING
    confirmed_at = factory.LazyAttribute(
        lambda r: None if r.state == Registration.State.PENDING else timezone.now()
    )


def many_events(index_page, count, **fields):
    """``count`` live meetings under ``index_page``, one a day from tomorrow on."""
    return [
        EventPageFactory(parent=index_page, start=in_days(1 + number % 700), **fields)
        for number in range(count)
    ]
