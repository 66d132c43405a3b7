"""The many-sided links of a meeting: the partnerships and the programme goals it is about."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

from regions.models import Partnership

# The page types an editor may choose as a goal. The goals live in ``cases``, a section
# beside this one that it may not import; ``home`` (above both) adds them in its ready().
GOAL_PAGE_TYPES = []


class EventPagePartnership(Orderable):
    """A partnership a meeting is about (inline on the meeting, chosen from the snippets)."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="related_partnerships"
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name="Samenwerking",
        on_delete=models.CASCADE,
        related_name="event_links",
        help_text="Kies de samenwerking die op deze bijeenkomst centraal staat.",
    )

    panels = [FieldPanel("partnership")]

    class Meta(Orderable.Meta):
        verbose_name = "Samenwerking bij deze bijeenkomst"
        verbose_name_plural = "Samenwerkingen bij deze bijeenkomst"


class EventPageGoal(Orderable):
    """A programme goal a meeting serves (inline on the meeting, a goal page)."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Programmadoel",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Kies een doel van het programma (onder ‘Over het programma’).",
    )

    panels = [PageChooserPanel("goal", page_type=GOAL_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = "Doel van deze bijeenkomst"
        verbose_name_plural = "Doelen van deze bijeenkomst"

    def clean(self):
        super().clean()
        chosen = self.goal.specific if self.goal_id else None
        if (
            chosen is not None
            and GOAL_PAGE_TYPES
            and not isinstance(chosen, tuple(GOAL_PAGE_TYPES))
        ):
            raise ValidationError({"goal": "Kies een pagina van een programmadoel."})
