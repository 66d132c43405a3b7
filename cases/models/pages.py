"""Case stories: the case index (``/cases/``) with filters, the case pages below it, and the
programme goals the cases serve (the goal pages; their targets are in ``targets.py``)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cases.filters import CaseFilterSet
from core.blocks import RICH_TEXT_FEATURES
from core.listing import FilteredListingMixin
from core.models import ArticlePage, BasePage, Person, PlacedByParentMixin
from core.querysets import linked_to_any
from regions.models import Partnership

CASES_PER_PAGE = 12
RELATED_CASES = 3
CASES_SHOWN = 6


class CaseIndexPage(FilteredListingMixin, PlacedByParentMixin, BasePage):
    """The case stories overview (``/cases/``), once, directly under the home page.

    Lists the published cases below it, newest first, filtered by goal, region, theme and
    sector (the last three through the partnership a case is about).
    """

    subpage_types = ["cases.CasePage"]
    max_count = 1

    filterset_class = CaseFilterSet
    per_page = CASES_PER_PAGE

    class Meta:
        verbose_name = "Casesoverzicht"
        verbose_name_plural = "Casesoverzichten"

    def listing_items(self):
        return CasePage.objects.child_of(self).live().public()

    def arrange_listing(self, queryset):
        # Filters through many-to-many rows may repeat a case; keep the rows distinct
        # by selecting ids first.
        return (
            CasePage.objects.filter(pk__in=queryset.values("pk"))
            .with_card_images()
            .select_related("partnership__region")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context


class GoalPage(PlacedByParentMixin, BasePage):
    """One programme goal, under a programme page (e.g. /over-het-programma/doelen/).

    It lives with the case stories that serve it: a case names its goals, the case index
    filters on them and the goal lists its cases. The programme page (``home``) lists it in
    its ``subpage_types``; that is where a goal may be placed (``PlacedByParentMixin``).
    Shows what the goal is, the concrete actions, who takes part, a contact person, the
    targets with their live progress, and "In de praktijk": the case stories linked to it.
    """

    number = models.PositiveSmallIntegerField(
        "Nummer",
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text="Het nummer van het doel, bijvoorbeeld 9 voor 'doel 9'.",
    )
    short_title = models.CharField(
        "Korte titel",
        max_length=80,
        help_text="Enkele woorden voor filters en lijstjes, bijvoorbeeld 'RIF-aanvragen'.",
    )
    description = RichTextField(
        "Omschrijving",
        features=RICH_TEXT_FEATURES,
        help_text="Wat houdt het doel in en waarom is het belangrijk?",
    )
    actions = StreamField(
        [("action", blocks.TextBlock(label="Actie"))],
        verbose_name="Concrete acties",
        blank=True,
        help_text="Elke actie in een eigen blok; ze worden als lijst getoond.",
    )
    parties = models.TextField(
        "Betrokken partijen",
        blank=True,
        help_text="Bijvoorbeeld 'Onderwijs, bedrijfsleven en overheid'.",
    )
    contact_person = models.ForeignKey(
        Person,
        verbose_name="Contactpersoon",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wie kunnen bezoekers over dit doel benaderen?",
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("short_title")]),
        FieldPanel("description"),
        FieldPanel("actions"),
        FieldPanel("parties"),
        FieldPanel("contact_person"),
        InlinePanel("targets", heading="Streefcijfers", label="Streefcijfer"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("short_title", boost=2),
        index.SearchField("description"),
        index.SearchField("actions"),
        index.SearchField("parties"),
        index.FilterField("number"),
    ]

    subpage_types = []

    class Meta:
        verbose_name = "Programmadoel"
        verbose_name_plural = "Programmadoelen"

    def __str__(self):
        return f"Doel {self.number}: {self.short_title}"

    def live_cases(self):
        """The newest published case stories linked to this goal (all: the case index)."""
        return (
            CasePage.objects.live()
            .public()
            .filter(goals=self)
            .with_card_images()
            .order_by("-first_published_at", "-pk")[:CASES_SHOWN]
        )

    def case_index_url(self, request=None):
        """The case index filtered on this goal, or "" when the site has no case index."""
        case_index = CaseIndexPage.objects.live().first()
        return f"{case_index.get_url(request)}?doel={self.pk}" if case_index else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["targets"] = [target.with_progress() for target in self.targets.all()]
        context["cases"] = self.live_cases()
        context["case_index_url"] = self.case_index_url(request)
        return context


class CasePage(ArticlePage):
    """One case story or interview (``/cases/<slug>/``), only under the case index.

    Usually about one partnership, whose region, sectors and themes are shown from the
    partnership itself; without a partnership it is a programme-level story.
    """

    share_as = "article"

    subtitle = models.CharField(
        "Ondertitel",
        max_length=200,
        blank=True,
        help_text="Een regel onder de titel, bijvoorbeeld wie er aan het woord is.",
    )
    person_name = models.CharField(
        "Naam", max_length=120, blank=True, help_text="Wie er aan het woord is."
    )
    person_role = models.CharField(
        "Functie", max_length=120, blank=True, help_text="Bijvoorbeeld 'relatiemanager'."
    )
    person_organisation = models.CharField(
        "Organisatie", max_length=160, blank=True, help_text="Waar deze persoon werkt."
    )
    person_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Portretfoto, liefst vierkant.",
    )
    pull_quote = models.TextField(
        "Uitgelicht citaat",
        blank=True,
        max_length=400,
        help_text="Eén of twee zinnen van de geïnterviewde die groot in beeld komen.",
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name="Samenwerking",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        help_text="De samenwerking waar deze case over gaat. Leeg: een verhaal over het programma.",
    )
    goals = ParentalManyToManyField(
        GoalPage,
        verbose_name="Doelen",
        blank=True,
        related_name="cases",
        help_text="Aan welke programmadoelen draagt deze case bij?",
    )

    content_panels = ArticlePage.content_panels[:1] + [
        FieldPanel("subtitle"),
        *ArticlePage.content_panels[1:],
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldRowPanel([FieldPanel("person_role"), FieldPanel("person_organisation")]),
                FieldPanel("person_photo"),
                FieldPanel("pull_quote"),
            ],
            heading="Aan het woord",
        ),
        FieldPanel("main_image"),
        FieldPanel("body"),
        FieldPanel("partnership"),
        FieldPanel("goals", widget=CheckboxSelectMultiple),
    ]
    search_fields = ArticlePage.search_fields + [
        index.SearchField("subtitle", boost=2),
        index.SearchField("pull_quote"),
        index.SearchField("person_name"),
        index.SearchField("person_organisation"),
        index.RelatedFields("partnership", [index.SearchField("name", boost=2)]),
    ]

    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Case"
        verbose_name_plural = "Cases"

    def live_partnership(self):
        """The partnership with its region, sectors and themes, only when published."""
        if not self.partnership_id:
            return None
        return (
            Partnership.objects.published()
            .filter(pk=self.partnership_id)
            .select_related("region")
            .prefetch_related("sectors", "themes")
            .first()
        )

    def live_goals(self):
        return list(self.goals.live().order_by("number"))

    def related_cases(self, goals):
        """Up to three other cases about the same partnership or serving a shared goal.

        In two steps: the ids of every such case (an ``Exists`` for the goals, no join),
        then the newest three of them. In one query PostgreSQL walked all pages newest
        first and compared each with every candidate (14 ms with 500 cases).
        """
        shared = models.Q(pk__in=[])
        if goals:
            shared |= linked_to_any(CasePage, "goals", [goal.pk for goal in goals])
        if self.partnership_id:
            shared |= models.Q(partnership_id=self.partnership_id)
        ids = list(CasePage.objects.exclude(pk=self.pk).filter(shared).values_list("pk", flat=True))
        return list(
            CasePage.objects.live()
            .public()
            .filter(pk__in=ids)
            .with_card_images()
            .order_by("-first_published_at", "-pk")[:RELATED_CASES]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        goals = self.live_goals()
        context.update(
            partnership=self.live_partnership(),
            goals=goals,
            related=self.related_cases(goals),
        )
        return context
