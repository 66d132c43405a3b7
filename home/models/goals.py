"""Programme goals (``/<programma>/doelen/<doel>/``) and their targets with live progress."""

from datetime import date

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, Person
from home import metrics

CASES_SHOWN = 6


class GoalPage(BasePage):
    """One programme goal, under a programme page (e.g. /over-het-programma/doelen/).

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

    parent_page_types = ["home.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Programmadoel"
        verbose_name_plural = "Programmadoelen"

    def __str__(self):
        return f"Doel {self.number}: {self.short_title}"

    def live_cases(self):
        """The newest published case stories linked to this goal (all: the case index)."""
        case_model = apps.get_model("cases", "CasePage")
        return (
            case_model.objects.live()
            .public()
            .filter(goals=self)
            .with_card_images()
            .order_by("-first_published_at", "-pk")[:CASES_SHOWN]
        )

    def case_index_url(self, request=None):
        """The case index filtered on this goal, or "" when the site has no case index."""
        index_model = apps.get_model("cases", "CaseIndexPage")
        case_index = index_model.objects.live().first()
        return f"{case_index.get_url(request)}?doel={self.pk}" if case_index else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["targets"] = [target.with_progress() for target in self.targets.all()]
        context["cases"] = self.live_cases()
        context["case_index_url"] = self.case_index_url(request)
        return context


class GoalTarget(Orderable):
    """A measurable target of a goal: a label, a number to reach and what counts towards it."""

    page = ParentalKey(GoalPage, on_delete=models.CASCADE, related_name="targets")
    label = models.CharField(
        "Omschrijving",
        max_length=160,
        help_text="Bijvoorbeeld 'regio's met een succesvolle samenwerking in de spotlight'.",
    )
    target = models.PositiveIntegerField(
        "Streefaantal",
        validators=[MinValueValidator(1)],
        help_text="Het aantal dat we willen halen.",
    )
    metric = models.CharField(
        "Wat telt mee",
        max_length=30,
        choices=metrics.METRIC_CHOICES,
        default=metrics.MANUAL,
        help_text="Kies een telling over gepubliceerde samenwerkingen; die loopt vanzelf bij. "
        "Alleen als er geen gegevens zijn: handmatig.",
    )
    manual_count = models.PositiveIntegerField(
        "Handmatig aantal",
        null=True,
        blank=True,
        help_text="Alleen bij 'Handmatig bijgehouden aantal': het aantal tot nu toe.",
    )
    year_from = models.PositiveSmallIntegerField(
        "Vanaf jaar",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="Alleen bij RIF-samenwerkingen: eerste startjaar dat meetelt. Leeg: dit jaar.",
    )
    year_to = models.PositiveSmallIntegerField(
        "Tot en met jaar",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="Alleen bij RIF-samenwerkingen: laatste startjaar dat meetelt. Leeg: dit jaar.",
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("target")]),
        FieldPanel("metric"),
        MultiFieldPanel(
            [
                FieldPanel("manual_count"),
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
            ],
            heading="Alleen bij sommige tellingen",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Streefcijfer"
        verbose_name_plural = "Streefcijfers"

    def __str__(self):
        return f"{self.label}: {self.target}"

    def clean(self):
        super().clean()
        if self.metric == metrics.MANUAL and self.manual_count is None:
            raise ValidationError({"manual_count": "Vul het aantal tot nu toe in."})
        first, last = self.period()
        if first > last:
            raise ValidationError({"year_to": "Dit jaar ligt voor het beginjaar."})

    def period(self):
        """The start years that count, inclusive; this year for an open end."""
        this_year = date.today().year
        return self.year_from or this_year, self.year_to or this_year

    def with_progress(self):
        """Attach the live count and the share of the target reached (capped at 100%)."""
        self.current = metrics.count(self)
        self.percentage = min(100, round(100 * self.current / self.target)) if self.target else 0
        return self
