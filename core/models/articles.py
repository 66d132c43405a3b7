"""The abstract article page that news items and case stories share."""

from django.db import models
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import StoryBlock

from .mixins import BasePage


class ArticlePage(BasePage):
    """Abstract base of a story page (a news item, a case): a main image and a body.

    Abstract, so no table of its own: the fields stay in the news and case tables. The
    page templates render both through ``components/article_main_image.html`` and end
    with ``components/related_articles.html``.
    """

    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Hoofdafbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Staat bovenaan, onder de titel; de beschrijving van de afbeelding is de alt-tekst.",
    )
    body = StreamField(
        StoryBlock(),
        verbose_name="Inhoud",
        blank=True,
        help_text=(
            "Het verhaal zelf, opgebouwd uit blokken: tekst, tussenkop, afbeelding, citaat, "
            "downloads en meer. De inleiding staat er al boven; begin hier met het eerste "
            "blok."
        ),
    )

    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        abstract = True
