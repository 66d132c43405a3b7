"""factory_boy factories of the regional network (used by the tests, the demo and the load data)."""

import factory
from factory.django import DjangoModelFactory

from core.factories import AccessibleDocumentFactory, PageFactory
from regions.models import (
    Conversation,
    NetworkMapPage,
    NetworkMonitorPage,
    Partner,
    Partnership,
    PartnershipProposal,
    Region,
    RegionDownload,
    RegionFigure,
    RegionIndexPage,
    RegionProfilePage,
)
from regions.models.partnership import format_point


class PartnershipFactory(DjangoModelFactory):
    """A published partnership in an existing region (regions come from the data migration).

    Taxonomy terms (``sectors=[...]``, ``themes=[...]``, ...) and children
    (``partners=[PartnerFactory.build(partnership=None, ...)]``) go in as keyword arguments:
    modelcluster holds them until the one save. ``.build()`` gives it unsaved, for
    ``bulk_create``; give ``region`` then, as the default asks the database for one.
    """

    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Samenwerking {n}")
    slug = factory.Sequence(lambda n: f"samenwerking-{n}")
    summary = "Scholen en bedrijven leiden samen vakmensen op voor de regio."
    # Regions in turn, not at random: tests must not depend on chance.
    # Fetched fresh each time: browser tests reload the regions with new ids.
    region = factory.Sequence(lambda n: Region.objects.order_by("name")[n % Region.objects.count()])
    city = factory.LazyAttribute(lambda obj: obj.region.centre_city)
    location = factory.LazyAttribute(
        lambda obj: format_point(obj.region.latitude, obj.region.longitude)
    )
    kind = Partnership.Kind.CIV
    status = Partnership.Status.ACTIVE
    companies_count = 40
    students_count = 300
    teachers_count = 12
    schools_count = 2
    start_year = 2019
    live = True
    background = "<p>Er is een tekort aan vakmensen in de regio.</p>"


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Partner.Kind.COMPANY
    role = "partner"


class ConversationFactory(DjangoModelFactory):
    class Meta:
        model = Conversation

    partnership = factory.SubFactory(PartnershipFactory)
    date = factory.Faker("date_between", start_date="-2y", end_date="today")
    with_whom = "Projectleider en penvoerder"
    subject = "Voortgang en opschaling"
    summary = "We spraken over de voortgang."
    is_public = False


class NetworkMapPageFactory(PageFactory):
    """The network map page; pass ``parent`` (the home page)."""

    class Meta:
        model = NetworkMapPage

    title = "Netwerkkaart"
    slug = "netwerkkaart"
    intro = "Alle samenwerkingen tussen onderwijs en bedrijfsleven op een kaart."


class RegionIndexPageFactory(PageFactory):
    class Meta:
        model = RegionIndexPage

    title = "Regio's"
    slug = "regios"


class RegionProfilePageFactory(PageFactory):
    """A live profile; pass ``region`` (a Region from the data migration) and ``parent``."""

    class Meta:
        model = RegionProfilePage

    title = factory.LazyAttribute(lambda obj: obj.region.name)
    slug = factory.LazyAttribute(lambda obj: obj.region.slug)


class RegionFigureFactory(DjangoModelFactory):
    class Meta:
        model = RegionFigure

    topic = RegionFigure.Topic.EDUCATION
    indicator = factory.Sequence(lambda n: f"Indicator {n}")
    value = factory.Sequence(lambda n: 100 + n)
    unit = "studenten"
    year = 2024
    source = "CBS"


class RegionDownloadFactory(DjangoModelFactory):
    """A download of a region profile; pass ``page`` (``None`` for the page's ``downloads=``)."""

    class Meta:
        model = RegionDownload

    document = factory.SubFactory(AccessibleDocumentFactory)


class PartnershipProposalFactory(DjangoModelFactory):
    """An unconfirmed proposal for a new partnership, as the public form stores it."""

    class Meta:
        model = PartnershipProposal

    kind = PartnershipProposal.Kind.NEW
    email = factory.Sequence(lambda n: f"indiener{n}@example.nl")
    changes = factory.LazyFunction(
        lambda: {"name": "Zorgpact Zeeland", "region": Region.objects.get(slug="zeeland").pk}
    )


class NetworkMonitorPageFactory(PageFactory):
    """ "Het netwerk in beeld"; pass ``parent`` (a programme page)."""

    class Meta:
        model = NetworkMonitorPage

    title = "Het netwerk in beeld"
    slug = "netwerk-in-beeld"
    intro = "Waar werken samenwerkingen aan, en waar zijn de gaten?"
