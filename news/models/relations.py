"""The many-sided links of a news item: its tags and the partnerships it is about."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from regions.models import Partnership


class NewsPageTag(TaggedItemBase):
    """A free tag on a news item (taggit through model)."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPagePartnership(Orderable):
    """A partnership a news item is about (inline on the news item, chosen from the snippets)."""

    page = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="related_partnerships"
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name="Samenwerking",
        on_delete=models.CASCADE,
        related_name="news_links",
        help_text="Kies de samenwerking waar dit bericht over gaat.",
    )

    panels = [FieldPanel("partnership")]

    class Meta(Orderable.Meta):
        verbose_name = "Samenwerking bij dit bericht"
        verbose_name_plural = "Samenwerkingen bij dit bericht"
