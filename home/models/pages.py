"""Page types of the site core: the home page and the nested programme pages."""

from django.db import models
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cases.models import CaseIndexPage, CasePage, GoalPage
from core.blocks import KeyFiguresBlock, StoryBlock
from core.models import BasePage
from core.routing import RouteMemoMixin
from events.models import EventIndexPage, EventPage
from events.models.pages import UPCOMING_SHOWN, upcoming_first
from news.models import NewsIndexPage, NewsPage
from regions.models import NetworkMapPage, NetworkMonitorPage, Partnership, RegionIndexPage


class HomePage(RouteMemoMixin, BasePage):
    """The site root (``/``): hero, key figures, body, and teasers of the sections below it."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Afbeelding bovenaan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Brede foto naast de inleiding; liefst liggend, minstens 1200 pixels breed.",
    )
    hero_cta_text = models.CharField(
        "Knoptekst",
        max_length=60,
        blank=True,
        help_text="Tekst op de knop bovenaan, bijvoorbeeld 'Bekijk de netwerkkaart'.",
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Knop verwijst naar",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De pagina waar de knop bovenaan naartoe gaat.",
    )
    key_figures = StreamField(
        [("key_figures", KeyFiguresBlock())],
        verbose_name="Kerncijfers",
        blank=True,
        max_num=1,
        help_text="Kerncijfers onder de inleiding.",
    )
    body = StreamField(
        StoryBlock(),
        verbose_name="Inhoud",
        blank=True,
        help_text=(
            "Blokken onderaan de homepagina, onder de cases en het nieuws: bijvoorbeeld een "
            "toelichting op het programma of een oproep tot actie."
        ),
    )
    # A stream of page choosers (the editor's order, at most three) rather than a foreign key.
    featured_cases = StreamField(
        [("case", blocks.PageChooserBlock(page_type=CasePage, label="Case"))],
        verbose_name="Uitgelichte cases",
        blank=True,
        max_num=3,
        help_text="Hooguit drie cases die op de homepagina staan; concepten worden overgeslagen.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_text"),
                PageChooserPanel("hero_cta_page"),
            ],
            heading="Bovenaan de pagina",
        ),
        FieldPanel("key_figures"),
        FieldPanel("featured_cases"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ProgrammePage",
        "home.ContactPage",
        # The sections' top pages: they allow exactly the parents that list them
        # (core.models.PlacedByParentMixin), so this list is the one place that says so.
        NetworkMapPage,
        RegionIndexPage,
        NewsIndexPage,
        CaseIndexPage,
        EventIndexPage,
    ]
    max_count = 1

    class Meta:
        verbose_name = "Homepagina"
        verbose_name_plural = "Homepagina's"

    def live_key_figures(self):
        """Counts and sums over the published partnerships, in one aggregate query.

        Drafts and unpublished changes never count.
        """
        return Partnership.objects.published().aggregate(
            partnerships=Count("pk"),
            companies=Coalesce(Sum("companies_count"), 0),
            students=Coalesce(Sum("students_count"), 0),
        )

    def live_featured_cases(self):
        """The chosen cases that are published, in the editor's order, in one query.

        The raw stream holds page ids, so the pages are loaded here with their images
        instead of one query per chooser block.
        """
        ids = [block["value"] for block in self.featured_cases.raw_data if block["value"]]
        if not ids:
            return []
        cases = CasePage.objects.live().public().filter(pk__in=ids)
        by_id = {case.pk: case for case in cases.with_card_images()}
        return [by_id[pk] for pk in ids if pk in by_id]

    def latest_news(self):
        """The three newest published news items, with their images, in one query."""
        return list(
            NewsPage.objects.live().public().with_card_images().order_by("-date", "-pk")[:3]
        )

    def upcoming_events(self):
        """The next three published meetings, with their region and images, in one query."""
        events = EventPage.objects.live().public().with_card_images().select_related("region")
        return list(upcoming_first(events)[:UPCOMING_SHOWN])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = self.upcoming_events()
        context["live_figures"] = self.live_key_figures()
        context["featured_cases"] = self.live_featured_cases()
        context["latest_news"] = self.latest_news()
        return context


class ProgrammePage(BasePage):
    """A general content page of the programme (e.g. knelpunten, oplossing); pages nest."""

    body = StreamField(
        StoryBlock(),
        verbose_name="Inhoud",
        blank=True,
        help_text=(
            "De inhoud van de pagina, opgebouwd uit blokken: tekst, tussenkop, afbeelding, "
            "uitklaplijst, downloads en meer. De pagina's die hieronder hangen, staan er "
            "vanzelf onder."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ProgrammePage"]
    # GoalPage (cases) and NetworkMonitorPage (regions) allow exactly the parents that list
    # them (PlacedByParentMixin).
    subpage_types = ["home.ProgrammePage", GoalPage, NetworkMonitorPage, "home.ContactPage"]

    class Meta:
        verbose_name = "Programmapagina"
        verbose_name_plural = "Programmapagina's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One query for the cards of the pages below this one; specific() adds
        # one per page type, not per page.
        context["subpages"] = self.get_children().live().public().specific()
        return context
