"""Regional meetings: the agenda (``/bijeenkomsten/``) with filters, an archive and a
calendar feed, and the meeting pages below it with registration and the report afterwards."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import StoryBlock
from core.listing import FilteredListingMixin
from core.models import BasePage, Person, PlacedByParentMixin
from events import views
from events.filters import EventFilterSet
from events.ical import calendar_response
from regions.models import Region, RegionProfilePage, Theme

EVENTS_PER_PAGE = 12
UPCOMING_SHOWN = 3


def upcoming_first(queryset, now=None):
    """The meetings that have not ended yet, soonest first (home, region profiles, write-ups)."""
    return queryset.filter(end__gte=now or timezone.now()).order_by("start", "pk")


class ProgrammeItemBlock(blocks.StructBlock):
    """One timed item of a meeting's programme."""

    start = blocks.TimeBlock(label="Begintijd", help_text="Bijvoorbeeld 14:00.")
    end = blocks.TimeBlock(label="Eindtijd", required=False, help_text="Mag leeg blijven.")
    title = blocks.CharBlock(
        label="Onderdeel", max_length=160, help_text="Bijvoorbeeld 'Ontvangst met koffie'."
    )
    description = blocks.TextBlock(
        label="Toelichting", required=False, help_text="Eén of twee zinnen, mag leeg blijven."
    )

    class Meta:
        label = "Programmaonderdeel"
        icon = "time"


class EventIndexPage(FilteredListingMixin, RoutablePageMixin, PlacedByParentMixin, BasePage):
    """The agenda of regional meetings (``/bijeenkomsten/``), once, under the home page.

    Lists the published meetings that have not ended, soonest first; the ended ones are in
    the archive (``archief/``), newest first. Both filter by region, theme and month and work
    without JavaScript. ``agenda.ics`` is a calendar feed of the upcoming meetings.
    """

    subpage_types = ["events.EventPage"]
    max_count = 1

    filterset_class = EventFilterSet
    per_page = EVENTS_PER_PAGE

    class Meta:
        verbose_name = "Agenda van bijeenkomsten"
        verbose_name_plural = "Agenda's van bijeenkomsten"

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def upcoming(self):
        return upcoming_first(self.events())

    def listing_items(self):
        return self.events().filter(end__gte=timezone.now())

    def arrange_listing(self, queryset):
        return queryset.with_card_images().select_related("region").order_by("start", "pk")

    @path("")
    def index_route(self, request):
        context = self.listing_context(request)
        context["archive"] = False
        return self.render(request, context_overrides=context)

    @path("archief/", name="archive")
    def archive_route(self, request):
        # The archive is the same list over the ended meetings, newest first.
        archive = ArchiveListing(self)
        context = archive.listing_context(request)
        context["archive"] = True
        context["filter_action"] = self.url + self.reverse_subpage("archive")
        return self.render(request, context_overrides=context)

    def calendar_url(self):
        """The feed's address: a file name, without the slash routes end in (cms/urls.py)."""
        return self.url + self.reverse_subpage("calendar").rstrip("/")

    @path("agenda.ics/", name="calendar")
    def calendar_route(self, request):
        events = self.upcoming().select_related("region")
        return calendar_response(request, events, "agenda.ics", name=self.title)


class ArchiveListing(FilteredListingMixin):
    """The archive of an agenda: its ended meetings, through the same filters."""

    filterset_class = EventFilterSet
    per_page = EVENTS_PER_PAGE

    def __init__(self, index_page):
        self.index_page = index_page

    def listing_items(self):
        return self.index_page.events().filter(end__lt=timezone.now())

    def arrange_listing(self, queryset):
        return queryset.with_card_images().select_related("region").order_by("-start", "-pk")


class EventPage(RoutablePageMixin, BasePage):
    """One regional meeting (``/bijeenkomsten/<slug>/``), only under the agenda.

    When, where (a venue in a region, or online), the programme, speakers, audience, the
    partnerships and goals it is about, and its status. Visitors register on the page
    (double opt-in, seat limit, waiting list; see ``events.registration``); after the
    meeting the page shows the report and its downloads.
    """

    class Status(models.TextChoices):
        PLANNED = "gepland", "Gepland"
        FULL = "vol", "Vol"
        CANCELLED = "geannuleerd", "Geannuleerd"
        POSTPONED = "verplaatst", "Verplaatst"
        ENDED = "afgelopen", "Afgelopen"

    start = models.DateTimeField("Begin", help_text="Datum en begintijd (Nederlandse tijd).")
    end = models.DateTimeField("Einde", help_text="Datum en eindtijd (Nederlandse tijd).")
    status = models.CharField(
        "Status",
        max_length=12,
        choices=Status.choices,
        default=Status.PLANNED,
        help_text=(
            "Meestal 'Gepland'. 'Vol' en 'Afgelopen' verschijnen vanzelf; kies 'Geannuleerd' "
            "of 'Verplaatst' als de bijeenkomst niet doorgaat zoals gepland."
        ),
    )
    venue_name = models.CharField(
        "Locatie",
        max_length=160,
        blank=True,
        help_text="Bijvoorbeeld 'Techniekcampus, zaal 2'. Leeg bij een online bijeenkomst.",
    )
    venue_address = models.TextField(
        "Adres", blank=True, help_text="Straat, huisnummer, postcode en plaats."
    )
    region = models.ForeignKey(
        Region,
        verbose_name="Regio",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_pages",
        help_text="De arbeidsmarktregio van de bijeenkomst; gebruikt door het filter en het regioprofiel.",
    )
    online_url = models.URLField(
        "Onlinelink",
        blank=True,
        help_text="De link om online mee te doen, als de bijeenkomst (ook) online is.",
    )
    audience = models.TextField(
        "Voor wie",
        blank=True,
        help_text="Bijvoorbeeld 'Ondernemers, docenten en beleidsmakers uit de regio'.",
    )
    programme = StreamField(
        [("item", ProgrammeItemBlock())],
        verbose_name="Programma",
        blank=True,
        help_text="De onderdelen van de bijeenkomst met hun tijden, in volgorde.",
    )
    speakers = ParentalManyToManyField(
        Person,
        verbose_name="Sprekers",
        blank=True,
        related_name="+",
        help_text="Kies de sprekers uit de contactpersonen.",
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name="Thema's",
        blank=True,
        related_name="event_pages",
        help_text="Gebruikt door het themafilter in de agenda.",
    )
    capacity = models.PositiveIntegerField(
        "Aantal plaatsen",
        null=True,
        blank=True,
        help_text="Leeg: bezoekers kunnen zich niet via de website aanmelden.",
    )
    registration_closes = models.DateTimeField(
        "Aanmelden kan tot",
        null=True,
        blank=True,
        help_text="Leeg: tot het begin van de bijeenkomst.",
    )
    report = StreamField(
        StoryBlock(),
        verbose_name="Verslag",
        blank=True,
        help_text="Na afloop: wat er besproken is, foto's en downloads (bijvoorbeeld de presentaties).",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("status")],
            heading="Wanneer",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("region"),
                FieldPanel("online_url"),
            ],
            heading="Waar",
        ),
        FieldPanel("audience"),
        FieldPanel("programme"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=CheckboxSelectMultiple),
                InlinePanel("related_partnerships", heading="Samenwerkingen", label="Samenwerking"),
                InlinePanel("goal_links", heading="Doelen", label="Doel"),
            ],
            heading="Indeling",
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_closes")], heading="Aanmelden"
        ),
        FieldPanel("report"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("venue_name"),
        index.SearchField("venue_address"),
        index.SearchField("audience"),
        index.SearchField("programme"),
        index.SearchField("report"),
        index.RelatedFields("region", [index.SearchField("name", boost=2)]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("speakers", [index.SearchField("name")]),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Bijeenkomst"
        verbose_name_plural = "Bijeenkomsten"
        indexes = [models.Index(fields=["start"], name="eventpage_start_idx")]

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Wagtail indexes on post_save, before modelcluster has written the themes and
        # speakers; index again now that they are stored (as news items do).
        index.insert_or_update_object(self)
        return result

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Het einde ligt voor het begin."})
        if self.start and self.registration_closes and self.registration_closes > self.end:
            raise ValidationError(
                {"registration_closes": "Aanmelden moet sluiten voor het einde van de bijeenkomst."}
            )

    # --- state -------------------------------------------------------------------------

    @property
    def has_ended(self):
        return self.end < timezone.now()

    @property
    def closes_at(self):
        return self.registration_closes or self.start

    @property
    def takes_registrations(self):
        return self.capacity is not None

    @cached_property
    def confirmed_count(self):
        return self.registrations.confirmed().count()

    @property
    def is_full(self):
        return self.takes_registrations and self.confirmed_count >= self.capacity

    @property
    def public_status(self):
        """The status a visitor sees: cancelled or postponed as set; else ended, full or planned."""
        if self.status in (self.Status.CANCELLED, self.Status.POSTPONED):
            return self.status
        if self.has_ended:
            return self.Status.ENDED
        if self.status == self.Status.FULL or self.is_full:
            return self.Status.FULL
        return self.Status.PLANNED

    @property
    def public_status_label(self):
        return self.Status(self.public_status).label

    def closed_reason(self, now=None):
        """Why registering is not possible now, in Dutch; "" while it is open."""
        now = now or timezone.now()
        if not self.takes_registrations:
            return "Voor deze bijeenkomst kunt u zich niet via de website aanmelden."
        if self.status == self.Status.CANCELLED:
            return "Deze bijeenkomst is geannuleerd; aanmelden is niet meer mogelijk."
        if self.status == self.Status.POSTPONED:
            return "Deze bijeenkomst is verplaatst; aanmelden kan weer zodra de nieuwe datum bekend is."
        if now >= self.closes_at:
            return "De aanmelding voor deze bijeenkomst is gesloten."
        return ""

    @property
    def is_online_only(self):
        return bool(self.online_url) and not self.venue_name

    # --- what the page shows -------------------------------------------------------------

    def live_partnerships(self):
        return [
            link.partnership
            for link in self.related_partnerships.select_related("partnership").filter(
                partnership__live=True
            )
        ]

    def live_goals(self):
        ids = [link.goal_id for link in self.goal_links.all()]
        # Plain pages are enough for a link: title and URL, in one query.
        pages = Page.objects.live().public().in_bulk(ids) if ids else {}
        return [pages[pk] for pk in ids if pk in pages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partnerships"] = self.live_partnerships()
        context["goals"] = self.live_goals()
        context["speakers"] = list(self.speakers.all())
        context["themes"] = list(self.themes.all())
        context["retention_days"] = settings.EVENT_REGISTRATION_RETENTION_DAYS
        context["region_url"] = self.region_profile_url(request)
        return context

    def region_profile_url(self, request=None):
        """The URL of the region's published profile (with its map), or "" without one."""
        if not self.region_id:
            return ""
        profile = (
            RegionProfilePage.objects.live()
            .public()
            .filter(region_id=self.region_id)
            .only("url_path", "path", "depth")
            .first()
        )
        return profile.get_url(request) if profile else ""

    # --- routes: the page and its form, confirmation, cancelling, calendar file ---------

    @re_path(r"^$")
    def event_route(self, request):
        return views.event_page(self, request)

    # The signed code is in the query string (``?code=``): it holds colons, which
    # Wagtail's page paths do not allow.
    @path("bevestigen/", name="confirm")
    def confirm_route(self, request):
        return views.confirm(self, request)

    @path("afmelden/", name="cancel")
    def cancel_route(self, request):
        return views.cancel(self, request)

    def calendar_url(self):
        """The .ics file's address, without the slash routes end in (cms/urls.py)."""
        return self.url + self.reverse_subpage("calendar").rstrip("/")

    @path("bijeenkomst.ics/", name="calendar")
    def calendar_route(self, request):
        return calendar_response(request, [self], f"{self.slug}.ics", name=self.title)
