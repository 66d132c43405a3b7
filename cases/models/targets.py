"""The measurable targets of a programme goal, with their live progress (cases/metrics.py)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from cases import metrics
from regions.models.partnership import START_YEAR_VALIDATORS


class GoalTarget(Orderable):
    """A measurable target of a goal: a label, a number to reach and what counts towards it."""

    page = ParentalKey("cases.GoalPage", on_delete=models.CASCADE, related_name="targets")
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
        validators=START_YEAR_VALIDATORS,
        help_text="Alleen bij RIF-samenwerkingen: eerste startjaar dat meetelt. Leeg: dit jaar.",
    )
    year_to = models.PositiveSmallIntegerField(
        "Tot en met jaar",
        null=True,
        blank=True,
        validators=START_YEAR_VALIDATORS,
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
